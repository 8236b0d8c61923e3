/**
 * The generating AI agent at the receiver (seed 003 Sec. III-D2): the same
 * five components as the understanding agent under the generating role
 * prompt. Input: understanding entries, or a received understanding
 * embedding that an EmbeddingInterpreter turns into entries. Then
 * (short-term cache) → tools and long-term memory as context → backbone →
 * generative head → content.
 *
 * Entries from outside are validated first (`INVALID_ARGUMENT`). Caching and
 * fallback behave as in the understanding agent.
 */
import { SemcomError } from '../core/errors.js';
import { agentTools, gatherContext, type AgentMemory } from './agent-context.js';
import type { Backbone } from './backbone.js';
import type { EmbeddingInterpreter } from './embedding-interpreter.js';
import { entriesText, type Entries } from './entries.js';
import { parseEntries } from './entries-schema.js';
import { generativeHead } from './generative-head.js';
import type { AgentTask } from './prompts.js';
import { cacheKey } from './short-term-memory.js';
import type { ContextTool } from './tools.js';

export interface GeneratingAgentOptions {
  readonly backbone: Backbone;
  readonly memory?: AgentMemory;
  readonly tools?: readonly ContextTool[];
  /** Needed to generate from a received embedding instead of entries. */
  readonly interpreter?: EmbeddingInterpreter;
}

export interface GenerateOptions {
  /** Required with an embedding; with entries it must match theirs when given. */
  readonly task?: AgentTask;
  readonly abortSignal?: AbortSignal;
}

export interface GenerationResult {
  readonly content: string;
  /** The entries generated from (interpreted ones for an embedding input). */
  readonly entries: Entries;
  readonly cached: boolean;
  /** Wall-clock time of this call in milliseconds. */
  readonly ms: number;
  readonly context: readonly string[];
  readonly fallback: boolean;
}

export interface GeneratingAgent {
  readonly role: 'generating';
  readonly backbone: Backbone;
  generate(input: Entries | Float64Array | Float32Array, options?: GenerateOptions): Promise<GenerationResult>;
}

type Stored = Omit<GenerationResult, 'cached' | 'ms' | 'entries'>;

export function createGeneratingAgent(options: GeneratingAgentOptions): GeneratingAgent {
  const { backbone, memory, interpreter } = options;
  if (!backbone) throw new SemcomError('INVALID_ARGUMENT', 'a generating agent needs a backbone');
  const tools = agentTools(memory, options.tools);
  const shortTerm = memory?.shortTerm;

  async function toEntries(input: Entries | Float64Array | Float32Array, task: AgentTask | undefined): Promise<Entries> {
    if (input instanceof Float64Array || input instanceof Float32Array) {
      if (task === undefined) throw new SemcomError('INVALID_ARGUMENT', 'generating from an embedding needs options.task');
      if (!interpreter) throw new SemcomError('UNSUPPORTED', 'generating from an embedding needs an interpreter (createNearestEntriesInterpreter) in the agent options');
      return parseEntries((await interpreter.interpret(input, task)).entries);
    }
    const entries = parseEntries(input);
    if (task !== undefined && task !== entries.task) throw new SemcomError('INVALID_ARGUMENT', `options.task is "${task}" but the entries are of task "${entries.task}"`);
    return entries;
  }

  return {
    role: 'generating',
    backbone,
    async generate(input, o = {}) {
      const t0 = performance.now();
      const entries = await toEntries(input, o.task);
      const task = entries.task;
      const key = cacheKey([backbone.id, 'generating', task, backbone.rolePrompt('generating', task), JSON.stringify(entries)]);
      const hit = shortTerm?.lookup<Stored>(key);
      if (hit) return { ...hit, entries, cached: true, ms: performance.now() - t0 };

      const context = await gatherContext(tools, entriesText(entries), o.abortSignal);
      const reply = await backbone.generate({
        entries,
        context,
        history: shortTerm?.recent({ role: 'generating', task }) ?? [],
        ...(o.abortSignal ? { abortSignal: o.abortSignal } : {}),
      });
      const stored: Stored = { content: generativeHead(reply.value), context: Object.freeze(context), fallback: reply.fallback };
      if (shortTerm) {
        shortTerm.remember({ role: 'generating', task, input: reply.input, output: reply.output });
        if (!reply.fallback) shortTerm.store(key, stored);
      }
      return { ...stored, entries, cached: false, ms: performance.now() - t0 };
    },
  };
}
