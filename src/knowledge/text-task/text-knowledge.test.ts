import { afterAll, describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { fnv1a32 } from '../../datasets/wordnet.js';
import { createVersion, matchingDegree, revertTo, type KnowledgeBase } from '../store/index.js';
import { openTemp, tempDir } from '../store/test-support.js';
import { backgroundCorpus, degradeKnowledge, readThroughLexicon, receiverKnowledgeFrom, sentenceItemIds, textTaskWeight, vocabularyEntityId, vocabularyIndexOf, writeTextKnowledge } from './index.js';

// Small stores: 400 made-up words (indices 2..401) and the first 300 corpus sentences.
const words = ['<unk>', '</s>', ...Array.from({ length: 400 }, (_, i) => `w${i}`)];
const corpus = backgroundCorpus().slice(0, 300);
const { dir, cleanup } = tempDir('semcom-text-task-');
const open: KnowledgeBase[] = [];
let stores = 0;
function store(): KnowledgeBase {
  const kb = openTemp(dir, `s${stores++}.sqlite`);
  open.push(kb);
  writeTextKnowledge(kb, words, { corpus });
  return kb;
}
afterAll(() => {
  for (const kb of open) kb.close();
  cleanup();
});

function labels(kb: KnowledgeBase): Map<string, string> {
  return new Map([...kb.records('entity')].map((e) => [e.id, e.label]));
}
function itemIds(kb: KnowledgeBase): Set<string> {
  return new Set([...kb.records('item')].map((i) => i.id));
}
function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof SemcomError) return e.code;
    throw e;
  }
  return undefined;
}

describe('the text task’s knowledge in a store', () => {
  it('names sentences by their FNV-1a hash, telling apart the two train texts that share one', () => {
    expect(sentenceItemIds(['The soup was bubbling'])).toEqual([`wn-sentence:${fnv1a32('The soup was bubbling').toString(16).padStart(8, '0')}`]);
    // Two background sentences of the train split hash to 16e8bc35.
    const ids = sentenceItemIds(['charges of opposite sign', 'uncompromising honesty']);
    expect(ids).toEqual(['wn-sentence:16e8bc35', 'wn-sentence:16e8bc35-2']);
    const all = sentenceItemIds(backgroundCorpus().map((s) => s.sentence.text));
    expect(new Set(all).size).toBe(all.length);
    expect(vocabularyIndexOf(vocabularyEntityId(412))).toBe(412);
    for (const bad of ['vocab:', 'vocab:01', 'vocab:-1', 'vocab:1.5', 'word:3']) expect(vocabularyIndexOf(bad)).toBeUndefined();
  });

  it('writes every word and sentence once, rewrites nothing the second time, and drops what a new vocabulary no longer has', () => {
    const kb = store();
    expect(kb.counts()).toMatchObject({ entities: 400, items: 300 });
    expect(kb.entity('vocab:2')).toEqual({ id: 'vocab:2', label: 'w0', kind: 'word', scope: 'common' });
    expect(kb.entity('vocab:0')).toBeUndefined();
    const first = kb.item(sentenceItemIds([corpus[0]!.sentence.text])[0]!);
    expect(first).toMatchObject({ text: corpus[0]!.sentence.text, source: 'wordnet-3.1/train', metadata: { synset: corpus[0]!.sentence.synset } });
    expect(writeTextKnowledge(kb, words, { corpus }).applied).toBe(0);
    kb.apply([{ kind: 'item', put: { id: 'note:1', text: 'not text-task knowledge' } }]);
    const r = writeTextKnowledge(kb, words.slice(0, 102), { corpus: corpus.slice(0, 10) });
    expect(r).toEqual({ words: 100, sentences: 10, applied: 300 + 290 });
    expect(kb.counts()).toMatchObject({ entities: 100, items: 11 });
    expect(code(() => writeTextKnowledge(kb, ['<unk>', '</s>', ''], { corpus }))).toBe('INVALID_ARGUMENT');
  });

  it('degrades deterministically per seed, nested in the fractions, and reversibly', () => {
    const [a, b, c] = [store(), store(), store()];
    const base = createVersion(c, 'full');
    const ra = degradeKnowledge(a, { removeFraction: 0.1, staleFraction: 0.05, seed: 3 });
    const rb = degradeKnowledge(b, { removeFraction: 0.1, staleFraction: 0.05, seed: 3 });
    expect(rb).toEqual(ra);
    expect(ra).toEqual({ removedWords: 40, staleWords: 20, removedSentences: 30, words: 400, sentences: 300 });
    expect(a.head().hash).toBe(b.head().hash);
    degradeKnowledge(c, { removeFraction: 0.3, staleFraction: 0.15, seed: 3 });
    expect(a.head().hash).not.toBe(c.head().hash);
    const [la, lc, full] = [labels(a), labels(c), new Map(words.slice(2).map((w, i) => [vocabularyEntityId(i + 2), w]))];
    const removed = (l: Map<string, string>): string[] => [...full.keys()].filter((k) => !l.has(k));
    const stale = (l: Map<string, string>): string[] => [...l].filter(([k, w]) => full.get(k) !== w).map(([k]) => k);
    expect(removed(la)).toHaveLength(40);
    expect(stale(la)).toHaveLength(20);
    // Nested: what the lower level removed or made stale, the higher one did too, and to the same word.
    expect(removed(lc)).toEqual(expect.arrayContaining(removed(la)));
    for (const k of stale(la)) expect(lc.get(k)).toBe(la.get(k));
    for (const k of stale(lc)) expect(words).toContain(lc.get(k));
    expect([...itemIds(c)].filter((id) => !itemIds(a).has(id))).toHaveLength(0);
    // Another seed, another receiver.
    const d = store();
    degradeKnowledge(d, { removeFraction: 0.1, staleFraction: 0.05, seed: 4 });
    expect(d.head().hash).not.toBe(a.head().hash);
    // Logged like any change, so the version before it comes back.
    revertTo(c, 'full');
    expect(c.head().hash).toBe(base.hash);
    for (const bad of [{ removeFraction: -0.1, staleFraction: 0, seed: 1 }, { removeFraction: 0.7, staleFraction: 0.4, seed: 1 }, { removeFraction: 0.1, staleFraction: 0, seed: 1.5 }]) {
      expect(code(() => degradeKnowledge(d, bad))).toBe('INVALID_ARGUMENT');
    }
  });

  it('weighs the vocabulary and the corpus as two halves of the task', () => {
    const [tx, rx] = [store(), store()];
    const counts = new Map([['w0', 99], ['w1', 0]]);
    const weight = textTaskWeight(tx, counts);
    // Vocabulary total: 100 + 1 + 398 · 1 = 499.
    expect(weight('entity', 'vocab:2', tx.entity('vocab:2')!)).toBeCloseTo(100 / 499, 12);
    expect(weight('item', sentenceItemIds([corpus[5]!.sentence.text])[0]!, tx.item(sentenceItemIds([corpus[5]!.sentence.text])[0]!)!)).toBeCloseTo(1 / 300, 12);
    expect(matchingDegree(tx, rx, { weight })).toMatchObject({ degree: 1, onlyA: 0, onlyB: 0 });
    expect(matchingDegree(tx, rx, { weight }).shared).toBeCloseTo(2, 9);
    // Without its corpus the receiver shares half the task's knowledge: M = 1 / (1 + 1).
    rx.apply([...itemIds(rx)].map((id) => ({ kind: 'item' as const, delete: id })));
    expect(matchingDegree(tx, rx, { weight }).degree).toBeCloseTo(0.5, 12);
    // Losing w0 (weight 100/499 of the vocabulary half) costs more than losing w1 (1/499): M = (2 − w) / 2.
    const [p, q] = [store(), store()];
    p.apply([{ kind: 'entity', delete: 'vocab:2' }]);
    q.apply([{ kind: 'entity', delete: 'vocab:3' }]);
    expect(matchingDegree(tx, p, { weight }).degree).toBeCloseTo((2 - 100 / 499) / 2, 12);
    expect(matchingDegree(tx, q, { weight }).degree).toBeCloseTo((2 - 1 / 499) / 2, 12);
  });

  it('reads the receiver’s lexicon and corpus back, in train order, analysing a sentence the train split lacks', () => {
    const kb = store();
    kb.apply([
      { kind: 'entity', delete: 'vocab:5' },
      { kind: 'entity', put: { id: 'vocab:6', label: 'zebra', kind: 'word', scope: 'common' } },
      { kind: 'item', put: { id: 'wn-sentence:00000000', text: 'The zebra crossed the road slowly', scope: 'common' } },
    ]);
    const r = receiverKnowledgeFrom(kb);
    expect(r.lexicon.size).toBe(399);
    expect(r.lexicon.get(4)).toBe('w2');
    expect(r.lexicon.has(5)).toBe(false);
    expect(r.lexicon.get(6)).toBe('zebra');
    expect(r.templates.slice(0, 300).map((t) => t.sentence.text)).toEqual(corpus.map((s) => s.sentence.text));
    expect(r.templates[300]!.analysis.keywords).toEqual(expect.arrayContaining(['zebra', 'road']));
    expect(r.generator.index.templates).toHaveLength(301);
  });

  it('reads keywords through the lexicon: a missing entry loses the keyword, a stale one gives the wrong word', () => {
    const codeIndex = (w: string): number | undefined => ({ dog: 7, cat: 8, barked: 9 })[w];
    const lexicon = new Map([
      [7, 'dog'],
      [8, 'hat'],
    ]);
    expect(readThroughLexicon(['dog', 'barked', 'cat', 'Zürich'], codeIndex, lexicon)).toEqual({ keywords: ['dog', 'hat', 'Zürich'], lost: 1, stale: 1 });
    expect(readThroughLexicon([], codeIndex, lexicon)).toEqual({ keywords: [], lost: 0, stale: 0 });
  });
});
