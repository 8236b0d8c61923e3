/**
 * The LLM backbone: a TextModel steered by role prompts (seed 003 Sec.
 * III-D2 b). Every call is
 *
 *   system: the role prompt of (role, task)
 *   user / assistant: earlier exchanges from short-term memory
 *   user: "Retrieved context" lines from the tools, if any, then the input
 *
 * Text task: JSON replies with a JSON schema (structured output where the
 * backend enforces it) and zod validation; the domain must be one of the
 * WordNet lexicographer files (matched case-insensitively).
 * Attribute task: the paper's prompts ask for plain text (one comma-separated
 * line at the transmitter, one sentence at the receiver), parsed as such.
 *
 * A reply that stays malformed after the retries of `callModel` is
 * `MALFORMED_REPLY`, unless a `fallback` backbone is given: then the fallback
 * answers and the reply says so (`fallback: true`), never silently.
 */
import { z } from 'zod';
import { SemcomError } from '../core/errors.js';
import { WORDNET_LEXNAMES } from '../datasets/wordnet.js';
import type { ChatMessage, JsonSchema, TextModel } from '../generation/contracts/index.js';
import { formatPersonLine, parsePersonAttributeLine, type AttributeEntry } from './attributes.js';
import type { Backbone, BackboneReply, GenerateRequest, UnderstandRequest } from './backbone.js';
import type { Entries } from './entries.js';
import { callModel, jsonReply, type ModelCallOptions, type ReplyParser } from './model-call.js';
import { DEFAULT_ROLE_PROMPTS, MAX_TEXT_KEYWORDS, type AgentRole, type AgentTask } from './prompts.js';
import type { Exchange } from './short-term-memory.js';
import { MOODS, type Mood, type TextUnderstanding } from './text-understanding.js';

export interface LlmBackboneOptions {
  readonly model: TextModel;
  /** Role prompts replacing the defaults of prompts.ts, per role and task. */
  readonly prompts?: { readonly [R in AgentRole]?: { readonly [T in AgentTask]?: string } };
  /** Retries, time limit, sampling (temperature defaults to 0: the agents should be repeatable). */
  readonly call?: ModelCallOptions;
  /** Answers when the model's replies stay malformed (typically an embedded backbone). */
  readonly fallback?: Backbone;
}

const LEXNAME_BY_LOWER = new Map(WORDNET_LEXNAMES.map((l) => [l.toLowerCase(), l]));

/** JSON schema of the text understanding reply (what structured-output backends enforce). */
export const TEXT_UNDERSTANDING_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    keywords: { type: 'array', items: { type: 'string', maxLength: 80 }, minItems: 1, maxItems: MAX_TEXT_KEYWORDS },
    goal: {
      type: 'object',
      properties: { mood: { type: 'string', enum: MOODS }, domain: { type: 'string', enum: WORDNET_LEXNAMES } },
      required: ['mood', 'domain'],
      additionalProperties: false,
    },
  },
  required: ['keywords', 'goal'],
  additionalProperties: false,
};

/** JSON schema of the text generating reply. */
export const TEXT_GENERATING_SCHEMA: JsonSchema = {
  type: 'object',
  properties: { sentence: { type: 'string', maxLength: 1000 } },
  required: ['sentence'],
  additionalProperties: false,
};

// The zod side is a little more lenient than the schema where a model's slip is harmless
// (more keywords than asked: the language head keeps the first ones; domain case).
const understandingZod = z.object({
  keywords: z.array(z.string().trim().min(1)).min(1),
  goal: z.object({
    mood: z.string().transform((m, ctx) => {
      const v = m.trim().toLowerCase();
      if ((MOODS as readonly string[]).includes(v)) return v as Mood;
      ctx.addIssue({ code: 'custom', message: `mood must be one of ${MOODS.join(', ')}` });
      return z.NEVER;
    }),
    domain: z.string().transform((d, ctx) => {
      const v = LEXNAME_BY_LOWER.get(d.trim().toLowerCase());
      if (v) return v;
      ctx.addIssue({ code: 'custom', message: 'domain must be one of the WordNet lexicographer files listed in the prompt' });
      return z.NEVER;
    }),
  }),
});

const generatingZod = z.object({ sentence: z.string().trim().min(1) });

const attributeLineParser: ReplyParser<AttributeEntry[]> = (text) => {
  try {
    return { ok: true, value: parsePersonAttributeLine(text) };
  } catch (e) {
    return { ok: false, issue: (e as Error).message };
  }
};

const sentenceParser: ReplyParser<string> = (text) => {
  const t = text.replace(/\s+/g, ' ').trim();
  return t === '' ? { ok: false, issue: 'the reply is empty' } : { ok: true, value: t };
};

function messages(rolePrompt: string, history: readonly Exchange[], context: readonly string[], input: string): ChatMessage[] {
  const out: ChatMessage[] = [{ role: 'system', content: rolePrompt }];
  for (const e of history) {
    out.push({ role: 'user', content: e.input });
    out.push({ role: 'assistant', content: e.output });
  }
  const ctx = context.length > 0 ? `Retrieved context (use it only where it helps):\n${context.map((c) => `- ${c}`).join('\n')}\n\nInput:\n` : '';
  out.push({ role: 'user', content: ctx + input });
  return out;
}

export function createLlmBackbone(options: LlmBackboneOptions): Backbone {
  const { model, fallback } = options;
  if (!model || typeof model.doGenerate !== 'function') throw new SemcomError('INVALID_ARGUMENT', 'an LLM backbone needs a TextModel (an object with doGenerate)');
  const call: ModelCallOptions = { temperature: 0, ...options.call };
  const rolePrompt = (role: AgentRole, task: AgentTask): string => options.prompts?.[role]?.[task] ?? DEFAULT_ROLE_PROMPTS[role][task];

  /** Runs `primary`; a MALFORMED_REPLY goes to the fallback when there is one. */
  async function withFallback<T>(primary: () => Promise<BackboneReply<T>>, onFallback: (b: Backbone) => Promise<BackboneReply<T>>): Promise<BackboneReply<T>> {
    try {
      return await primary();
    } catch (e) {
      if (!fallback || !(e instanceof SemcomError) || e.code !== 'MALFORMED_REPLY') throw e;
      return { ...(await onFallback(fallback)), fallback: true };
    }
  }

  async function understandOnce(req: UnderstandRequest): Promise<BackboneReply<Entries>> {
    const o = { ...call, ...(req.abortSignal ? { abortSignal: req.abortSignal } : {}) };
    const msgs = messages(rolePrompt('understanding', req.task), req.history, req.context, req.perceived.text);
    if (req.task === 'text') {
      const r = await callModel(model, { messages: msgs, parse: jsonReply(understandingZod), schema: TEXT_UNDERSTANDING_SCHEMA, schemaName: 'text_understanding', formatHint: 'one JSON object {"keywords": [...], "goal": {"mood": ..., "domain": ...}}' }, o);
      const understanding: TextUnderstanding = r.value;
      return { value: { task: 'text', understanding }, input: req.perceived.text, output: JSON.stringify(understanding), attempts: r.attempts, fallback: false };
    }
    const r = await callModel(model, { messages: msgs, parse: attributeLineParser, formatHint: 'the six values on one line, separated by commas: gender, shirt color, shirt length, pants color, pants length, shoe color' }, o);
    // Time and location come from the keyframe's metadata, not from the model (seed 003 Sec. IV).
    const meta = (req.perceived.attributes ?? []).filter((e) => e.name === 'time' || e.name === 'location');
    const attributes = [...meta, ...r.value];
    return { value: { task: 'attributes', attributes }, input: req.perceived.text, output: r.value.map((e) => e.value).join(', '), attempts: r.attempts, fallback: false };
  }

  async function generateOnce(req: GenerateRequest): Promise<BackboneReply<string>> {
    const o = { ...call, ...(req.abortSignal ? { abortSignal: req.abortSignal } : {}) };
    const { entries } = req;
    if (entries.task === 'text') {
      const input = JSON.stringify(entries.understanding);
      const msgs = messages(rolePrompt('generating', 'text'), req.history, req.context, input);
      const r = await callModel(model, { messages: msgs, parse: jsonReply(generatingZod), schema: TEXT_GENERATING_SCHEMA, schemaName: 'text_generation', formatHint: 'one JSON object {"sentence": "..."}' }, o);
      return { value: r.value.sentence, input, output: JSON.stringify(r.value), attempts: r.attempts, fallback: false };
    }
    const input = formatPersonLine(entries.attributes);
    const msgs = messages(rolePrompt('generating', 'attributes'), req.history, req.context, input);
    const r = await callModel(model, { messages: msgs, parse: sentenceParser, formatHint: 'the expanded sentence' }, o);
    return { value: r.value, input, output: r.value, attempts: r.attempts, fallback: false };
  }

  return {
    id: `llm:${model.provider}:${model.modelId}`,
    kind: 'llm',
    rolePrompt,
    understand: (req) => withFallback(() => understandOnce(req), (b) => b.understand(req)),
    generate: (req) => withFallback(() => generateOnce(req), (b) => b.generate(req)),
  };
}
