import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import type { TextGenerateCall, TextModel } from '../../generation/contracts/text-model.js';
import { mergeGraphs } from './merge.js';
import { extractTriplesWithModel } from './model-extraction.js';
import { tripleExtractionPrompt } from './prompts.js';
import { extractTriples } from './text-extraction.js';

/** A text model that answers with the next scripted reply (the last repeats) and records its calls. */
function fakeModel(replies: readonly string[]): TextModel & { calls: TextGenerateCall[] } {
  const calls: TextGenerateCall[] = [];
  return {
    provider: 'fake',
    modelId: 'scripted',
    supportsStructuredOutput: true,
    calls,
    async doGenerate(call) {
      calls.push(call);
      return { text: replies[Math.min(calls.length - 1, replies.length - 1)] as string, finishReason: 'stop' };
    },
  };
}

const TEXT = 'Marie Curie discovered radium. The Eiffel Tower is located in Paris.';
const GOOD = JSON.stringify({
  triples: [
    { head: 'Marie Curie', relation: 'discover', tail: 'radium', headType: 'person', tailType: 'concept' },
    { head: 'The Eiffel Tower', relation: 'is located in', tail: 'Paris', headType: 'Artifact', tailType: 'place' },
  ],
});

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return e instanceof SemcomError ? e.code : 'not a SemcomError';
  }
  return undefined;
}

describe('extractTriplesWithModel', () => {
  it('sends the role prompt and the text, and keys the reply like the wink-nlp path', async () => {
    const model = fakeModel([GOOD]);
    const g = await extractTriplesWithModel(TEXT, model, { maxTriples: 10 });
    expect(model.calls.length).toBe(1);
    const call = model.calls[0] as TextGenerateCall;
    expect(call.messages).toEqual([
      { role: 'system', content: tripleExtractionPrompt(10) },
      { role: 'user', content: TEXT },
    ]);
    expect(call.temperature).toBe(0);
    expect(call.responseFormat?.name).toBe('triples');
    // The wire schema caps the list and has no null (the project's JSON Schema subset lacks it).
    expect(call.responseFormat?.schema).toMatchObject({ type: 'object', properties: { triples: { type: 'array', maxItems: 10 } } });
    expect(JSON.stringify(call.responseFormat?.schema)).not.toContain('null');
    expect(g.triples).toEqual([
      { head: 'text:marie_curie', relation: 'discover', tail: 'text:radium', scope: 'common', source: 'llm:fake:scripted' },
      { head: 'text:eiffel_tower', relation: 'located_in', tail: 'text:paris', scope: 'common', source: 'llm:fake:scripted' },
    ]);
    expect(g.entities.map((e) => [e.id, e.kind, e.label])).toEqual([
      ['text:marie_curie', 'person', 'Marie Curie'],
      ['text:radium', 'concept', 'radium'],
      ['text:eiffel_tower', 'artifact', 'The Eiffel Tower'],
      ['text:paris', 'place', 'Paris'],
    ]);
    expect(g.relations.map((r) => r.id)).toEqual(['discover', 'located_in']);
    expect(g.dropped).toBe(0);
    // The Eiffel Tower fact is the one the wink-nlp path finds too: merged, it is one triple with the first provenance.
    const merged = mergeGraphs(extractTriples(TEXT), g);
    expect(merged.triples.filter((t) => t.relation === 'located_in')).toEqual([
      { head: 'text:eiffel_tower', relation: 'located_in', tail: 'text:paris', scope: 'common', source: 'text:wink-nlp' },
    ]);
  });

  it('asks again after a malformed reply and fails with MALFORMED_REPLY when the retries are spent', async () => {
    const recovering = fakeModel(['Sure! Here are the triples: head=Marie Curie', GOOD]);
    const g = await extractTriplesWithModel(TEXT, recovering);
    expect(recovering.calls.length).toBe(2);
    expect(g.triples.length).toBe(2);

    const broken = fakeModel(['{"triples": [{"head": "x"}]}']);
    expect(await codeOf(extractTriplesWithModel(TEXT, broken, { maxRetries: 1 }))).toBe('MALFORMED_REPLY');
    expect(broken.calls.length).toBe(2);
  });

  it('drops triples with blank or pronoun names and self-loops, and counts them', async () => {
    const reply = JSON.stringify({
      triples: [
        { head: '', relation: 'discover', tail: 'radium' },
        { head: 'Marie Curie', relation: '  ', tail: 'radium' },
        { head: 'Marie Curie', relation: 'discover', tail: ' ... ' },
        { head: 'it', relation: 'is located in', tail: 'Paris' },
        { head: 'Paris', relation: 'is', tail: 'the Paris' },
        { head: 'Marie Curie', relation: 'discover', tail: 'radium', headType: null, tailType: null },
      ],
    });
    const g = await extractTriplesWithModel(TEXT, fakeModel([reply]));
    expect(g.triples.map((t) => `${t.head} ${t.relation} ${t.tail}`)).toEqual(['text:marie_curie discover text:radium']);
    expect(g.entities.map((e) => e.kind)).toEqual(['concept', 'concept']);
    expect(g.dropped).toBe(5);
  });

  it('keeps at most maxTriples distinct triples, in the reply order', async () => {
    const triples = ['radium', 'polonium', 'radium', 'thorium'].map((tail) => ({ head: 'Marie Curie', relation: 'discover', tail }));
    const g = await extractTriplesWithModel(TEXT, fakeModel([JSON.stringify({ triples })]), { maxTriples: 2 });
    expect(g.triples.map((t) => t.tail)).toEqual(['text:radium', 'text:polonium']);
    expect(g.dropped).toBe(1);
  });

  it('takes a scope, and calls no model for a blank text', async () => {
    const g = await extractTriplesWithModel(TEXT, fakeModel([GOOD]), { scope: 'user:bob' });
    expect(g.triples.every((t) => t.scope === 'user:bob') && g.entities.every((e) => e.scope === 'user:bob')).toBe(true);
    const idle = fakeModel([GOOD]);
    expect(await extractTriplesWithModel('   ', idle)).toEqual({ entities: [], relations: [], triples: [], dropped: 0 });
    expect(idle.calls.length).toBe(0);
  });

  it('refuses bad arguments with INVALID_ARGUMENT before calling the model', async () => {
    const model = fakeModel([GOOD]);
    for (const maxTriples of [0, 1.5, 501, Number.NaN]) {
      expect(await codeOf(extractTriplesWithModel(TEXT, model, { maxTriples }))).toBe('INVALID_ARGUMENT');
    }
    expect(await codeOf(extractTriplesWithModel('x'.repeat(16_001), model))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(extractTriplesWithModel(TEXT, model, { scope: 'user:' as 'common' }))).toBe('INVALID_ARGUMENT');
    expect(model.calls.length).toBe(0);
  });
});
