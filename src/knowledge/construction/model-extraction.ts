/**
 * Knowledge extraction by a language model: the GAI route to the first
 * stage of knowledge-graph creation (seed 000 Sec. VI-B1, "KBs are compiled
 * from ... data sources, processed through GAI algorithms"; Zhao et al.,
 * seed 000 ref. [127], "generative AI-assisted knowledge construction").
 *
 * The model gets the role prompt of ./prompts.ts and the text, and replies
 * with `{ triples: [{ head, relation, tail, headType?, tailType? }] }`
 * through `generateObject` (src/generation/helpers), which retries a reply
 * that does not parse or validate and fails with `MALFORMED_REPLY` when the
 * retries are spent. Names are keyed as on the wink-nlp path (./names.ts),
 * so the two graphs merge; a triple whose head, relation or tail keys to
 * nothing (blank, punctuation only, over-long) or whose head equals its
 * tail is dropped and counted, and at most `maxTriples` distinct triples
 * are kept, in the model's order.
 */
import { z } from 'zod';
import { SemcomError } from '../../core/errors.js';
import type { TextModel } from '../../generation/contracts/text-model.js';
import type { JsonSchema } from '../../generation/contracts/json-schema.js';
import { generateObject, jsonSchemaOf, type CallControl } from '../../generation/helpers/index.js';
import type { Scope } from '../records.js';
import { checkScope, checkText, GraphBuilder, type ExtractedGraph } from './graph-builder.js';
import { entityKey, phraseLabelOf, relationKey, snakeKey, textEntityId } from './names.js';
import { DEFAULT_MAX_MODEL_TRIPLES, MAX_MODEL_TRIPLES, tripleExtractionPrompt } from './prompts.js';

/** Longest text sent to a model, in UTF-16 code units (about 4,000 tokens of English: split longer documents). */
export const MAX_MODEL_TEXT_CHARS = 16_000;

export interface ModelExtractionOptions extends CallControl {
  /** Scope of the entities and triples; default `common`. */
  readonly scope?: Scope;
  /** Most triples kept (and asked for); default 50, at most 500. */
  readonly maxTriples?: number;
  /** Sampling temperature; default 0 (greedy where the backend allows it). */
  readonly temperature?: number;
  /** Upper bound on reply tokens; default 4096. */
  readonly maxTokens?: number;
  readonly seed?: number;
}

/** The reply as validated. Types may be missing or null (models often write null for an optional field): they are only hints. */
export const TRIPLES_REPLY_SCHEMA = z.object({
  triples: z.array(
    z.object({
      head: z.string(),
      relation: z.string(),
      tail: z.string(),
      headType: z.string().nullish(),
      tailType: z.string().nullish(),
    }),
  ),
});

/**
 * The reply schema sent to the model: the project's JSON Schema subset has
 * no null, so the types are plain optional strings there, and the list is
 * capped at `maxTriples` for backends that enforce the schema by grammar.
 */
function wireSchema(maxTriples: number): JsonSchema {
  const triple = z.object({
    head: z.string(),
    relation: z.string(),
    tail: z.string(),
    headType: z.string().optional(),
    tailType: z.string().optional(),
  });
  return jsonSchemaOf(z.object({ triples: z.array(triple).max(maxTriples) }));
}

function kindOf(type: string | null | undefined): string {
  const k = snakeKey(type ?? '');
  return k === '' || k.length > 64 ? 'concept' : k;
}

/**
 * Entities and triples of `text` as a language model reads them; triples
 * have source `llm:<provider>:<modelId>`. Rejects with the helper's
 * `SemcomError` (MALFORMED_REPLY, PROVIDER_FAILED, TIMEOUT, ABORTED, ...).
 */
export async function extractTriplesWithModel(text: string, model: TextModel, options: ModelExtractionOptions = {}): Promise<ExtractedGraph> {
  const what = 'extractTriplesWithModel';
  checkText(text, MAX_MODEL_TEXT_CHARS, what);
  const scope = checkScope(options.scope, what);
  const maxTriples = options.maxTriples ?? DEFAULT_MAX_MODEL_TRIPLES;
  if (!Number.isInteger(maxTriples) || maxTriples < 1 || maxTriples > MAX_MODEL_TRIPLES) {
    throw new SemcomError('INVALID_ARGUMENT', `${what}: maxTriples must be an integer from 1 to ${MAX_MODEL_TRIPLES}, got ${String(maxTriples)}`);
  }
  const { scope: _s, maxTriples: _m, temperature = 0, maxTokens = 4096, ...control } = options;
  const graph = new GraphBuilder(scope, `llm:${model.provider}:${model.modelId}`);
  if (text.trim() === '') return graph.build(false);
  const reply = await generateObject(model, {
    ...control,
    temperature,
    maxTokens,
    schema: TRIPLES_REPLY_SCHEMA,
    jsonSchema: wireSchema(maxTriples),
    schemaName: 'triples',
    messages: [
      { role: 'system', content: tripleExtractionPrompt(maxTriples) },
      { role: 'user', content: text },
    ],
  });
  for (const c of reply.object.triples) {
    const headKey = entityKey(c.head);
    const tailKey = entityKey(c.tail);
    const relation = relationKey(c.relation);
    if (headKey === '' || tailKey === '' || relation === '') {
      graph.dropped++;
      continue;
    }
    const head = textEntityId(headKey);
    const tail = textEntityId(tailKey);
    if (graph.hasTriple(head, relation, tail)) continue;
    if (graph.tripleCount >= maxTriples) {
      graph.dropped++;
      continue;
    }
    if (!graph.triple(head, relation, tail)) continue;
    graph.entity(head, phraseLabelOf(c.head), kindOf(c.headType));
    graph.entity(tail, phraseLabelOf(c.tail), kindOf(c.tailType));
  }
  return graph.build(false);
}
