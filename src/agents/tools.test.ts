import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SemcomError } from '../core/errors.js';
import { createMemoryKnowledgeStore } from './knowledge-store.js';
import { defineTool, invokeTool, knowledgeLookupTool, toolOutputLines } from './tools.js';

const add = defineTool({
  name: 'add',
  description: 'Adds two integers.',
  inputSchema: z.object({ a: z.number().int(), b: z.number().int() }),
  execute: async ({ a, b }) => a + b,
});

describe('tools', () => {
  it('validates input before running', async () => {
    expect(await invokeTool(add, { a: 2, b: 3 })).toBe(5);
    await expect(invokeTool(add, { a: 2, b: 'x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/tool "add".*at b/) });
  });

  it('turns a failing tool into a SemcomError naming it', async () => {
    const bad = defineTool({ name: 'bad', description: 'Fails.', inputSchema: z.object({}), execute: async () => { throw new TypeError('oops'); } });
    await expect(invokeTool(bad, {})).rejects.toMatchObject({ code: 'PROVIDER_FAILED', message: 'tool "bad" failed: oops' });
    const timeout = defineTool({ name: 'slow', description: 'Times out.', inputSchema: z.object({}), execute: async () => { throw new SemcomError('TIMEOUT', 'late'); } });
    await expect(invokeTool(timeout, {})).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('checks names and descriptions', () => {
    expect(() => defineTool({ ...add, name: '1x' })).toThrow(/tool name/);
    expect(() => defineTool({ ...add, description: ' ' })).toThrow(/description/);
  });

  it('looks up knowledge and renders hits as context lines', async () => {
    const store = createMemoryKnowledgeStore();
    await store.put({ id: '1', text: 'gate 3 is the north entrance' });
    await store.put({ id: '2', text: 'the cafeteria opens at noon' });
    const tool = knowledgeLookupTool(store);
    const hits = await invokeTool(tool, { query: 'where is gate 3', limit: 1 });
    expect(toolOutputLines(hits)).toEqual(['gate 3 is the north entrance']);
    await expect(invokeTool(tool, { query: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(invokeTool(tool, { query: 'x', extra: 1 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(toolOutputLines({ a: 1 })).toEqual(['{"a":1}']);
  });
});
