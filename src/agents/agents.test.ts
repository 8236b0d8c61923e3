import { describe, expect, it } from 'vitest';
import { PERSON_ATTRIBUTES } from './attributes.js';
import { createEmbeddedBackbone } from './embedded-backbone.js';
import { createNearestEntriesInterpreter } from './embedding-interpreter.js';
import type { Entries } from './entries.js';
import { createGeneratingAgent } from './generating-agent.js';
import { createMemoryKnowledgeStore } from './knowledge-store.js';
import { createLlmBackbone } from './llm-backbone.js';
import { SEED003_GENERATING_PROMPT, SEED003_UNDERSTANDING_PROMPT, TEXT_GENERATING_PROMPT, TEXT_UNDERSTANDING_PROMPT } from './prompts.js';
import { createShortTermMemory } from './short-term-memory.js';
import { fakeKeywordExtractor, fakeSentenceGenerator, hangingModel, letterEmbeddingModel, scriptedModel } from './test-support.js';
import { createUnderstandingAgent } from './understanding-agent.js';

const understandingJson = JSON.stringify({ keywords: ['chef', 'cooked', 'pasta'], goal: { mood: 'statement', domain: 'noun.food' } });
const textEntries: Entries = { task: 'text', understanding: { keywords: ['chef', 'cooked', 'pasta'], goal: { mood: 'statement', domain: 'noun.food' } } };

describe('understanding agent, LLM backbone', () => {
  it('sends the role prompt and the JSON schema, and returns the entries', async () => {
    const model = scriptedModel([understandingJson]);
    const agent = createUnderstandingAgent({ backbone: createLlmBackbone({ model }) });
    const r = await agent.understand({ modality: 'text', text: 'The chef  cooked pasta.' });
    expect(r.entries).toEqual(textEntries);
    expect(r).toMatchObject({ cached: false, fallback: false, context: [] });
    expect(r.ms).toBeGreaterThanOrEqual(0);
    const call = model.calls[0];
    expect(call.messages).toEqual([
      { role: 'system', content: TEXT_UNDERSTANDING_PROMPT },
      { role: 'user', content: 'The chef cooked pasta.' },
    ]);
    expect(call.responseFormat?.type).toBe('json');
    expect(call.temperature).toBe(0);
  });

  it('answers a repeated input from the short-term cache without calling the model', async () => {
    const model = scriptedModel([understandingJson]);
    const shortTerm = createShortTermMemory();
    const agent = createUnderstandingAgent({ backbone: createLlmBackbone({ model }), memory: { shortTerm } });
    const first = await agent.understand({ modality: 'text', text: 'The chef cooked pasta.' });
    // Same content after perception (whitespace differs): a hit.
    const second = await agent.understand({ modality: 'text', text: ' The chef cooked\npasta. ' });
    expect(second.cached).toBe(true);
    expect(second.entries).toEqual(first.entries);
    expect(model.calls).toHaveLength(1);
    expect(shortTerm.stats()).toEqual({ hits: 1, misses: 1, size: 1 });
    // A different task is a different key.
    await expect(agent.understand({ modality: 'text', text: 'The chef cooked pasta.' }, { task: 'attributes' })).rejects.toMatchObject({ code: 'MALFORMED_REPLY' });
    expect(model.calls.length).toBeGreaterThan(1);
  });

  it('replays recent exchanges and puts tool results in the prompt as context', async () => {
    const model = scriptedModel([understandingJson]);
    const longTerm = createMemoryKnowledgeStore();
    await longTerm.put({ id: 'k1', text: 'pasta is an Italian dish' });
    const agent = createUnderstandingAgent({ backbone: createLlmBackbone({ model }), memory: { shortTerm: createShortTermMemory(), longTerm } });
    await agent.understand({ modality: 'text', text: 'I like pasta.' });
    const r = await agent.understand({ modality: 'text', text: 'The chef cooked pasta.' });
    expect(r.context).toEqual(['knowledgeLookup: pasta is an Italian dish']);
    const msgs = model.calls[1].messages;
    expect(msgs.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(msgs[1].content).toBe('I like pasta.');
    expect(msgs[3].content).toBe('Retrieved context (use it only where it helps):\n- knowledgeLookup: pasta is an Italian dish\n\nInput:\nThe chef cooked pasta.');
  });

  it('fails with MALFORMED_REPLY after the retries, and never returns a guess', async () => {
    const model = scriptedModel(['{"keywords": [], "goal": {"mood": "statement", "domain": "noun.food"}}', '{"keywords": ["x"], "goal": {"mood": "rant", "domain": "noun.food"}}', 'no']);
    const agent = createUnderstandingAgent({ backbone: createLlmBackbone({ model, call: { maxRetries: 2 } }) });
    await expect(agent.understand({ modality: 'text', text: 'hello there' })).rejects.toMatchObject({ code: 'MALFORMED_REPLY' });
    expect(model.calls).toHaveLength(3);
  });

  it('uses the documented fallback backbone, says so, and does not cache its answer', async () => {
    const model = scriptedModel(['garbage']);
    const shortTerm = createShortTermMemory();
    const backbone = createLlmBackbone({ model, call: { maxRetries: 0 }, fallback: createEmbeddedBackbone({ keywordExtractor: fakeKeywordExtractor() }) });
    const agent = createUnderstandingAgent({ backbone, memory: { shortTerm } });
    const r = await agent.understand({ modality: 'text', text: 'Where is the station?' });
    expect(r.fallback).toBe(true);
    expect(r.entries).toEqual({ task: 'text', understanding: { keywords: ['where', 'station'], goal: { mood: 'question', domain: 'noun.artifact' } } });
    await agent.understand({ modality: 'text', text: 'Where is the station?' });
    expect(model.calls).toHaveLength(2);
  });

  it('accepts a domain in another case and keeps at most maxKeywords keywords', async () => {
    const reply = JSON.stringify({ keywords: ['a1', ' b2 ', 'c3', 'd4'], goal: { mood: 'Question', domain: 'NOUN.FOOD' } });
    const agent = createUnderstandingAgent({ backbone: createLlmBackbone({ model: scriptedModel([reply]) }), maxKeywords: 2 });
    const r = await agent.understand({ modality: 'text', text: 'x' });
    expect(r.entries).toEqual({ task: 'text', understanding: { keywords: ['a1', 'b2'], goal: { mood: 'question', domain: 'noun.food' } } });
  });

  it('propagates a timeout as TIMEOUT', async () => {
    const agent = createUnderstandingAgent({ backbone: createLlmBackbone({ model: hangingModel(), call: { timeoutMs: 20 } }) });
    await expect(agent.understand({ modality: 'text', text: 'hello' })).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('adds the understanding embedding when an embedding model is given, also on a cache hit', async () => {
    const embedding = letterEmbeddingModel();
    const agent = createUnderstandingAgent({ backbone: createLlmBackbone({ model: scriptedModel([understandingJson]) }), embedding, memory: { shortTerm: createShortTermMemory() } });
    const r1 = await agent.understand({ modality: 'text', text: 'The chef cooked pasta.' });
    const r2 = await agent.understand({ modality: 'text', text: 'The chef cooked pasta.' });
    expect(r1.embedding).toBeInstanceOf(Float64Array);
    expect(r1.embedding?.[2]).toBe(2); // two c's in "chef cooked pasta"
    expect(r2.embedding).toEqual(r1.embedding);
    expect(r2.embedding).not.toBe(r1.embedding);
    expect(embedding.calls).toBe(1);
  });
});

describe('seed 003 Sec. IV attribute task on an LLM backbone', () => {
  it('extracts with the understanding prompt and expands with the generating prompt', async () => {
    const tx = scriptedModel(['[male], [white], [short], [black], [long], [brown]']);
    const rx = scriptedModel(['This is a male person wearing a white short shirt, black long pants, and brown shoes. He appeared at gate 3 at 10:32.']);
    const u = createUnderstandingAgent({ backbone: createLlmBackbone({ model: tx }) });
    const g = createGeneratingAgent({ backbone: createLlmBackbone({ model: rx }) });
    const r = await u.understand({ modality: 'attributes', attributes: { time: '10:32', location: 'gate 3', description: 'a man in a white t-shirt' } });
    expect(tx.calls[0].messages[0].content).toBe(SEED003_UNDERSTANDING_PROMPT);
    expect(tx.calls[0].responseFormat).toBeUndefined();
    expect(r.entries.task).toBe('attributes');
    const out = await g.generate(r.entries);
    expect(rx.calls[0].messages).toEqual([
      { role: 'system', content: SEED003_GENERATING_PROMPT },
      { role: 'user', content: '10:32, gate 3, male, white, short, black, long, brown' },
    ]);
    expect(out.content).toMatch(/^This is a male person/);
  });
});

describe('embedded backbone', () => {
  it('runs both roles on the injected models, offline', async () => {
    const extractor = fakeKeywordExtractor();
    const backbone = createEmbeddedBackbone({ keywordExtractor: extractor, sentenceGenerator: fakeSentenceGenerator() });
    const u = createUnderstandingAgent({ backbone, memory: { shortTerm: createShortTermMemory() } });
    const g = createGeneratingAgent({ backbone });
    const r = await u.understand({ modality: 'text', text: 'Does the train leave early?' });
    expect(r.entries).toEqual({ task: 'text', understanding: { keywords: ['does', 'train', 'leave', 'early'], goal: { mood: 'question', domain: 'noun.artifact' } } });
    expect((await g.generate(r.entries)).content).toBe('does train leave early?');
    await u.understand({ modality: 'text', text: 'Does the train leave early?' });
    expect(extractor.calls).toBe(1);
  });

  it('fills the paper sentence structure from an attribute record', async () => {
    const backbone = createEmbeddedBackbone();
    const u = createUnderstandingAgent({ backbone });
    const g = createGeneratingAgent({ backbone });
    const record = Object.fromEntries(PERSON_ATTRIBUTES.map((n, i) => [n, ['female', 'red', 'long', 'blue', 'short', 'white'][i]]));
    const r = await u.understand({ modality: 'attributes', attributes: { ...record, time: '9:00', location: 'hall', camera: 'c2' } });
    expect((await g.generate(r.entries)).content).toBe('This is a female person wearing a red long shirt, blue short pants, and white shoes. She appeared at hall at 9:00.');
  });

  it('says what is missing instead of guessing', async () => {
    const backbone = createEmbeddedBackbone();
    await expect(createUnderstandingAgent({ backbone }).understand({ modality: 'text', text: 'hi' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(createGeneratingAgent({ backbone }).generate(textEntries)).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(createUnderstandingAgent({ backbone }).understand({ modality: 'text', text: 'a man in red' }, { task: 'attributes' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(createUnderstandingAgent({ backbone }).understand({ modality: 'attributes', attributes: { colour: 'red' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('generating agent', () => {
  it('uses the text role prompt and returns the sentence', async () => {
    const model = scriptedModel(['{"sentence": "The chef cooked pasta."}']);
    const g = createGeneratingAgent({ backbone: createLlmBackbone({ model }), memory: { shortTerm: createShortTermMemory() } });
    const r = await g.generate(textEntries);
    expect(r).toMatchObject({ content: 'The chef cooked pasta.', cached: false, entries: textEntries });
    expect(model.calls[0].messages[0].content).toBe(TEXT_GENERATING_PROMPT);
    expect(JSON.parse(model.calls[0].messages[1].content)).toEqual(textEntries.understanding);
    expect((await g.generate(textEntries)).cached).toBe(true);
    expect(model.calls).toHaveLength(1);
  });

  it('generates from a goal alone (every keyword lost) without asking the long-term memory', async () => {
    const longTerm = createMemoryKnowledgeStore();
    await longTerm.put({ id: 'k1', text: 'rain falls' });
    const g = createGeneratingAgent({ backbone: createEmbeddedBackbone({ sentenceGenerator: fakeSentenceGenerator() }), memory: { longTerm } });
    const goalOnly: Entries = { task: 'text', understanding: { keywords: [], goal: { mood: 'statement', domain: 'noun.phenomenon' } } };
    const r = await g.generate(goalOnly, { task: 'text' });
    expect(typeof r.content).toBe('string');
  });

  it('generates from a received embedding through the interpreter', async () => {
    const other: Entries = { task: 'text', understanding: { keywords: ['rain'], goal: { mood: 'statement', domain: 'noun.phenomenon' } } };
    const interpreter = createNearestEntriesInterpreter([
      { entries: textEntries, embedding: [1, 0, 0] },
      { entries: other, embedding: [0, 1, 0] },
    ]);
    const g = createGeneratingAgent({ backbone: createEmbeddedBackbone({ sentenceGenerator: fakeSentenceGenerator() }), interpreter });
    const r = await g.generate(Float64Array.of(0.2, 0.9, 0.1), { task: 'text' });
    expect(r.entries).toEqual(other);
    expect(r.content).toBe('rain.');
    await expect(g.generate(Float64Array.of(1, 0, 0))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(g.generate(Float64Array.of(1, 0, 0), { task: 'attributes' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(createGeneratingAgent({ backbone: createEmbeddedBackbone() }).generate(Float64Array.of(1), { task: 'text' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });

  it('rejects malformed entries from outside before any model call', async () => {
    const model = scriptedModel(['{"sentence": "x"}']);
    const g = createGeneratingAgent({ backbone: createLlmBackbone({ model }) });
    const bad = [{ task: 'text', understanding: { keywords: [], goal: { mood: 'statement', domain: 'x' } } }, { task: 'video' }, null, { task: 'attributes', attributes: [{ name: 1 }] }];
    for (const b of bad) await expect(g.generate(b as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(g.generate(textEntries, { task: 'attributes' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(model.calls).toHaveLength(0);
  });

  it('rejects an empty generated sentence', async () => {
    const g = createGeneratingAgent({ backbone: createEmbeddedBackbone({ sentenceGenerator: { generate: () => '  ' } }) });
    await expect(g.generate(textEntries)).rejects.toMatchObject({ code: 'MALFORMED_REPLY' });
  });
});
