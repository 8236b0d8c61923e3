/**
 * The semantic text scheme with its receiver reading a knowledge base: the
 * whole text knowledge (29,170 words, 38,911 sentences, written once for this
 * file) gives exactly the built-in receiver; a removed or stale entry shows
 * up as a lost or wrong keyword.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { wordnetTestItems } from '../../datasets/wordnet.js';
import { loadKeywordExtractor } from '../../generation/embedded/keywords/index.js';
import { loadKeywordCodebook } from '../../schemes/text/keyword-codebook.js';
import { createSemanticTextScheme, SEMANTIC_MAX_KEYWORDS } from '../../schemes/text/semantic-text-scheme.js';
import type { KnowledgeBase } from '../store/index.js';
import { openTemp, tempDir } from '../store/test-support.js';
import { vocabularyEntityId, writeTextKnowledge } from './index.js';

const items = wordnetTestItems(40).map((s) => s.text);
const clean = { channel: 'awgn', modulation: '16qam' as const, snrDb: Infinity };
const { dir, cleanup } = tempDir('semcom-text-receiver-');
// At load time, not in a hook: writing the 68,081 records takes 5-10 s on this machine.
const kb: KnowledgeBase = openTemp(dir, 'receiver.sqlite');
writeTextKnowledge(kb, (await loadKeywordCodebook()).model.vocabulary.words);
afterAll(() => {
  kb.close();
  cleanup();
});

describe('semantic text scheme with the receiver’s knowledge base', () => {
  it('regenerates exactly what the built-in receiver does when the receiver holds the whole knowledge', async () => {
    const plain = await (await createSemanticTextScheme({ calibrated: false })).transmit(items, clean, Rng.stream(1));
    const withKb = await (await createSemanticTextScheme({ calibrated: false, receiverKnowledge: kb })).transmit(items, clean, Rng.stream(1));
    expect(withKb.map((o) => o.output)).toEqual(plain.map((o) => o.output));
    expect(withKb.every((o) => o.info?.lostKeywords === 0 && o.info?.staleKeywords === 0)).toBe(true);
    // The default scheme reports no knowledge counters.
    expect(plain[0]!.info).not.toHaveProperty('lostKeywords');
  });

  it('loses a keyword whose entry the receiver lacks and reads a stale entry as the wrong word', async () => {
    const book = await loadKeywordCodebook();
    const text = items.find((t) => loadKeywordExtractor().extract(t, { maxKeywords: SEMANTIC_MAX_KEYWORDS }).keywords.filter((k) => book.model.toIndex(k) > 1).length >= 3)!;
    const sent = loadKeywordExtractor().extract(text, { maxKeywords: SEMANTIC_MAX_KEYWORDS }).keywords;
    const [gone, wrong] = sent.filter((k) => book.model.toIndex(k) > 1);
    const entry = kb.entity(vocabularyEntityId(book.model.toIndex(wrong!)))!;
    kb.apply(
      [
        { kind: 'entity', delete: vocabularyEntityId(book.model.toIndex(gone!)) },
        { kind: 'entity', put: { ...entry, label: 'zebra' } },
      ],
      { author: 'test' },
    );
    const [o] = await (await createSemanticTextScheme({ calibrated: false, receiverKnowledge: kb })).transmit([text], clean, Rng.stream(1));
    expect(o!.info).toMatchObject({ keywords: sent.length, lostKeywords: 1, staleKeywords: 1 });
    expect(o!.output.split(/\W+/u)).toContain('zebra');
    expect(o!.output.split(/\W+/u)).not.toContain(wrong);
  });

  it('falls back to the goal alone when every keyword is lost', async () => {
    const book = await loadKeywordCodebook();
    const text = items[0]!;
    const sent = loadKeywordExtractor().extract(text, { maxKeywords: SEMANTIC_MAX_KEYWORDS }).keywords;
    kb.apply(sent.map((k) => ({ kind: 'entity' as const, delete: vocabularyEntityId(book.model.toIndex(k)) })), { author: 'test' });
    const [o] = await (await createSemanticTextScheme({ calibrated: false, receiverKnowledge: kb })).transmit([text], clean, Rng.stream(1));
    expect(o!.erased).toBe(false);
    expect(o!.info?.lostKeywords).toBe(sent.length);
    expect(o!.output).toMatch(/^(this is about|what about|think about) /u);
  });
});
