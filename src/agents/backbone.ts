/**
 * Model adaptation (seed 003 Sec. III-D2 b): the backbone both agents share,
 * a model provider plus role prompts. The paper's adaptation is a frozen
 * pretrained LLM steered by a role prompt (and optionally a fine-tuned
 * adapter); here a backbone is either
 * - an LLM backbone (llm-backbone.ts): a TextModel and a role prompt per
 *   role and task, replies parsed and validated, or
 * - an embedded backbone (embedded-backbone.ts): this project's small
 *   models (a KeywordExtractor, a SentenceGenerator) and the paper's
 *   sentence template, which implement the same role prompts without a prompt.
 * The understanding agent calls `understand`, the generating agent calls
 * `generate`: one backbone type, two roles.
 */
import type { Entries } from './entries.js';
import type { Perceived } from './perception.js';
import type { AgentRole, AgentTask } from './prompts.js';
import type { Exchange } from './short-term-memory.js';

export interface UnderstandRequest {
  readonly task: AgentTask;
  readonly perceived: Perceived;
  /** Retrieved context lines (tool results), for backbones that read context. */
  readonly context: readonly string[];
  /** Earlier exchanges of this role and task (short-term memory), oldest first. */
  readonly history: readonly Exchange[];
  readonly maxKeywords: number;
  readonly abortSignal?: AbortSignal;
}

export interface GenerateRequest {
  readonly entries: Entries;
  readonly context: readonly string[];
  readonly history: readonly Exchange[];
  readonly abortSignal?: AbortSignal;
}

export interface BackboneReply<T> {
  readonly value: T;
  /** The exchange as text, for short-term memory: what the model read (without context) and what it answered. */
  readonly input: string;
  readonly output: string;
  /** Model calls made (1 when the first reply was usable; 0 for an embedded model). */
  readonly attempts: number;
  /** Whether the documented fallback backbone answered because the model's replies stayed malformed. */
  readonly fallback: boolean;
}

export interface Backbone {
  /** Identifies the provider and model (part of the short-term cache key), e.g. `llm:openai-compatible:qwen2.5`. */
  readonly id: string;
  readonly kind: 'llm' | 'embedded';
  /** The role prompt this backbone follows for a role and task. */
  rolePrompt(role: AgentRole, task: AgentTask): string;
  understand(request: UnderstandRequest): Promise<BackboneReply<Entries>>;
  generate(request: GenerateRequest): Promise<BackboneReply<string>>;
}
