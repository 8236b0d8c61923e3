/**
 * Tool integration (seed 003 Sec. III-D2 d): "the extended arm of the LLM",
 * professional tools and APIs that support understanding and generation.
 *
 * A tool is a typed function with a name, a description and a zod input
 * schema. There is no hidden tool-call protocol: the agent's pipeline calls
 * its tools itself, once per input, with `{ query }` (the perceived text at
 * the transmitter, the entries' text at the receiver), and hands the results
 * to the backbone as retrieved context. An LLM backbone puts that context in
 * its prompt; the embedded backbones have no way to read it and ignore it,
 * but the agent still returns it with its result.
 *
 * Errors: input that fails the schema is `INVALID_ARGUMENT`; a tool that
 * throws becomes `PROVIDER_FAILED` (a `SemcomError` keeps its code), with the
 * tool's name in the message, so a failing tool never crashes the agent's caller.
 */
import { z } from 'zod';
import { SemcomError } from '../core/errors.js';
import type { KnowledgeHit, KnowledgeStore } from './knowledge-store.js';

export interface Tool<I, O> {
  /** Letters, digits, `_` and `-`, starting with a letter. */
  readonly name: string;
  /** What the tool does and returns, in one or two sentences (shown to people and models). */
  readonly description: string;
  readonly inputSchema: z.ZodType<I>;
  execute(input: I, options: { readonly abortSignal?: AbortSignal }): Promise<O>;
}

/** A tool the agent pipeline can call: it takes `{ query }` (more optional fields allowed). */
export type ContextTool = Tool<{ query: string }, unknown>;

const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Checks a tool's name and description and returns it frozen. */
export function defineTool<I, O>(tool: Tool<I, O>): Tool<I, O> {
  if (typeof tool.name !== 'string' || !NAME.test(tool.name)) {
    throw new SemcomError('INVALID_ARGUMENT', `tool name must be 1 to 64 letters, digits, "_" or "-", starting with a letter; got ${JSON.stringify(tool.name)}`);
  }
  if (typeof tool.description !== 'string' || tool.description.trim() === '') {
    throw new SemcomError('INVALID_ARGUMENT', `tool "${tool.name}" needs a description`);
  }
  return Object.freeze({ ...tool });
}

/** Validates `input` against the tool's schema and runs it (errors in the module doc). */
export async function invokeTool<I, O>(tool: Tool<I, O>, input: unknown, options: { readonly abortSignal?: AbortSignal } = {}): Promise<O> {
  const parsed = tool.inputSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new SemcomError('INVALID_ARGUMENT', `tool "${tool.name}": invalid input${where}: ${first?.message ?? 'invalid'}`);
  }
  try {
    return await tool.execute(parsed.data, options);
  } catch (e) {
    if (e instanceof SemcomError) throw new SemcomError(e.code, `tool "${tool.name}": ${e.message}`, { cause: e });
    throw new SemcomError('PROVIDER_FAILED', `tool "${tool.name}" failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/**
 * A tool's output as lines of context: a string is one line; an array gives a
 * line per element (a knowledge hit by its item's text, an object with a
 * `text` by that text, anything else as JSON).
 */
export function toolOutputLines(output: unknown): string[] {
  const line = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (v !== null && typeof v === 'object') {
      const o = v as { item?: { text?: unknown }; text?: unknown };
      if (typeof o.item?.text === 'string') return o.item.text;
      if (typeof o.text === 'string') return o.text;
    }
    return JSON.stringify(v) ?? String(v);
  };
  return Array.isArray(output) ? output.map(line) : [line(output)];
}

/** Input of {@link knowledgeLookupTool}. */
export const knowledgeLookupInput = z.strictObject({
  query: z.string().min(1).max(20_000),
  limit: z.number().int().min(1).max(50).optional(),
});

/** The agents' long-term-memory tool: the items of a KnowledgeStore most similar to a query. */
export function knowledgeLookupTool(store: KnowledgeStore, options: { readonly defaultLimit?: number } = {}): Tool<z.infer<typeof knowledgeLookupInput>, readonly KnowledgeHit[]> {
  const defaultLimit = options.defaultLimit ?? 3;
  return defineTool({
    name: 'knowledgeLookup',
    description: 'Finds the stored knowledge items most similar to the query text; returns them best first with their similarity scores.',
    inputSchema: knowledgeLookupInput,
    execute: (input) => store.search(input.query, { limit: input.limit ?? defaultLimit }),
  });
}
