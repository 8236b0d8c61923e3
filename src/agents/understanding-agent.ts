/**
 * The understanding AI agent at the transmitter (seed 003 Sec. III-D2): the
 * five components in a row. Perception encoder → (short-term cache) →
 * tools and long-term memory as context → backbone under the understanding
 * role prompt → language head → optional understanding embedding.
 *
 * A cached result is returned without calling the backbone, the tools or
 * the embedding model (`cached: true`). Results produced by a fallback
 * backbone are not cached, so the next identical input tries the model again.
 */
import { SemcomError } from '../core/errors.js';
import type { EmbeddingModel } from '../generation/contracts/index.js';
import { agentTools, gatherContext, type AgentMemory } from './agent-context.js';
import type { Backbone } from './backbone.js';
import { entriesText, type Entries } from './entries.js';
import { languageHead } from './language-head.js';
import { createPerceptionEncoder, type Content, type PerceptionEncoder, type PerceptionOptions } from './perception.js';
import { MAX_TEXT_KEYWORDS, type AgentTask } from './prompts.js';
import { cacheKey } from './short-term-memory.js';
import type { ContextTool } from './tools.js';

export interface UnderstandingAgentOptions {
  readonly backbone: Backbone;
  readonly memory?: AgentMemory;
  readonly tools?: readonly ContextTool[];
  /** A perception encoder, or options for the default one. */
  readonly perception?: PerceptionEncoder | PerceptionOptions;
  /** Embeds the entries' text into the understanding embedding sent over an analog link (see channel-adaptation/). */
  readonly embedding?: EmbeddingModel;
  /** Most keywords kept for the text task (default 8). */
  readonly maxKeywords?: number;
}

export interface UnderstandOptions {
  /** Default: `attributes` for attribute records, `text` for text and images. */
  readonly task?: AgentTask;
  readonly abortSignal?: AbortSignal;
}

export interface UnderstandingResult {
  readonly entries: Entries;
  /** The understanding embedding of the entries, when an embedding model is configured. */
  readonly embedding?: Float64Array;
  /** Whether the short-term cache answered (no inference). */
  readonly cached: boolean;
  /** Wall-clock time of this call in milliseconds. */
  readonly ms: number;
  /** Retrieved context lines the backbone was given. */
  readonly context: readonly string[];
  /** Whether the fallback backbone answered. */
  readonly fallback: boolean;
}

export interface UnderstandingAgent {
  readonly role: 'understanding';
  readonly backbone: Backbone;
  understand(content: Content, options?: UnderstandOptions): Promise<UnderstandingResult>;
}

type Stored = Omit<UnderstandingResult, 'cached' | 'ms'>;

function isPerceptionEncoder(p: PerceptionEncoder | PerceptionOptions): p is PerceptionEncoder {
  return typeof (p as PerceptionEncoder).perceive === 'function';
}

export function createUnderstandingAgent(options: UnderstandingAgentOptions): UnderstandingAgent {
  const { backbone, memory, embedding } = options;
  if (!backbone) throw new SemcomError('INVALID_ARGUMENT', 'an understanding agent needs a backbone');
  const maxKeywords = options.maxKeywords ?? MAX_TEXT_KEYWORDS;
  if (!Number.isInteger(maxKeywords) || maxKeywords < 1) throw new SemcomError('INVALID_ARGUMENT', `maxKeywords must be an integer ≥ 1, got ${maxKeywords}`);
  const perception = options.perception && isPerceptionEncoder(options.perception) ? options.perception : createPerceptionEncoder(options.perception ?? {});
  const tools = agentTools(memory, options.tools);
  const shortTerm = memory?.shortTerm;

  async function embed(entries: Entries, abortSignal?: AbortSignal): Promise<Float64Array> {
    const r = await embedding!.doEmbed({ texts: [entriesText(entries)], ...(abortSignal ? { abortSignal } : {}) });
    const v = r?.embeddings?.[0];
    if (!(v instanceof Float32Array) || v.length === 0 || !v.every(Number.isFinite)) {
      throw new SemcomError('MALFORMED_REPLY', `embedding model ${embedding!.provider}:${embedding!.modelId} returned no finite vector`);
    }
    return Float64Array.from(v);
  }

  function result(s: Stored, cached: boolean, t0: number): UnderstandingResult {
    return { ...s, ...(s.embedding ? { embedding: s.embedding.slice() } : {}), cached, ms: performance.now() - t0 };
  }

  return {
    role: 'understanding',
    backbone,
    async understand(content, o = {}) {
      const t0 = performance.now();
      const perceived = await perception.perceive(content, o.abortSignal ? { abortSignal: o.abortSignal } : {});
      const task: AgentTask = o.task ?? (perceived.modality === 'attributes' ? 'attributes' : 'text');
      if (task !== 'text' && task !== 'attributes') throw new SemcomError('INVALID_ARGUMENT', `task must be "text" or "attributes", got ${String(task)}`);
      const key = cacheKey([backbone.id, 'understanding', task, backbone.rolePrompt('understanding', task), String(maxKeywords), embedding ? `${embedding.provider}:${embedding.modelId}` : '', perceived.text]);
      const hit = shortTerm?.lookup<Stored>(key);
      if (hit) return result(hit, true, t0);

      const context = await gatherContext(tools, perceived.text, o.abortSignal);
      const reply = await backbone.understand({
        task,
        perceived,
        context,
        history: shortTerm?.recent({ role: 'understanding', task }) ?? [],
        maxKeywords,
        ...(o.abortSignal ? { abortSignal: o.abortSignal } : {}),
      });
      if (reply.value.task !== task) throw new SemcomError('INTERNAL', `backbone ${backbone.id} answered task ${reply.value.task} for ${task}`);
      const entries = languageHead(reply.value, maxKeywords);
      const stored: Stored = {
        entries,
        ...(embedding ? { embedding: await embed(entries, o.abortSignal) } : {}),
        context: Object.freeze(context),
        fallback: reply.fallback,
      };
      if (shortTerm) {
        shortTerm.remember({ role: 'understanding', task, input: reply.input, output: reply.output });
        if (!reply.fallback) shortTerm.store(key, stored);
      }
      return result(stored, false, t0);
    },
  };
}
