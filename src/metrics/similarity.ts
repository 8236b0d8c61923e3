/**
 * Meaning-level comparison of texts: cosine similarity of embeddings and
 * exact match.
 *
 * Seed 002 Sec. IV scores regenerated content by "semantic similarity
 * measured by spaCy", which is the cosine of the two texts' mean word
 * vectors (spaCy `Doc.similarity`); seed 003 Sec. IV uses sentence
 * embeddings (all-MiniLM-L6-v2) the same way. {@link semanticSimilarity}
 * takes any {@link EmbeddingModel}, so the embedded `word-vectors` model
 * (the spaCy-like default) and a real sentence encoder are interchangeable;
 * state which model produced a figure next to it.
 *
 * Conventions, as spaCy's `similarity`:
 * - the cosine with a zero vector (a text with no known word) is 0;
 * - two identical texts score 1 without being embedded (spaCy returns 1.0
 *   for identical token sequences, even when they have no vector).
 */
import { SemcomError } from '../core/errors.js';
import type { EmbeddingModel } from '../generation/contracts/embedding-model.js';

/**
 * cos(a, b) = a·b / (‖a‖ ‖b‖), in [−1, 1]; 0 when either vector is zero.
 * Accumulates in float64 whatever the input type.
 *
 * @throws SemcomError `LENGTH_MISMATCH` for vectors of different lengths,
 *   `INVALID_ARGUMENT` for empty vectors or non-finite components.
 */
export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a == null || b == null || typeof a.length !== 'number' || typeof b.length !== 'number') {
    throw new SemcomError('INVALID_ARGUMENT', 'cosineSimilarity: both arguments must be arrays of numbers');
  }
  if (a.length !== b.length) {
    throw new SemcomError('LENGTH_MISMATCH', `cosineSimilarity: vectors of length ${a.length} and ${b.length}; embed both texts with the same model`);
  }
  if (a.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'cosineSimilarity: empty vectors');
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  if (!Number.isFinite(ab) || !Number.isFinite(aa) || !Number.isFinite(bb)) {
    throw new SemcomError('INVALID_ARGUMENT', 'cosineSimilarity: vectors must have finite components');
  }
  if (aa === 0 || bb === 0) return 0;
  // Rounding can push |cos| of parallel vectors a few ulps past 1.
  return Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
}

export interface SemanticSimilarityOptions {
  readonly abortSignal?: AbortSignal;
  /** Passed to each `doEmbed` call (milliseconds per attempt). */
  readonly timeoutMs?: number;
}

type Pair = readonly [string, string];

/**
 * Cosine similarity of each pair of texts under `model`: either an array of
 * `[reference, candidate]` pairs, or two arrays of equal length compared
 * position by position. Distinct texts are embedded once each, in batches of
 * `model.maxBatchSize`, by calling `model.doEmbed` directly (no retries).
 *
 * @returns one similarity per pair, in order.
 * @throws SemcomError `LENGTH_MISMATCH` for lists of different lengths,
 *   `INVALID_ARGUMENT` for non-string texts, `MALFORMED_REPLY` when the
 *   model returns the wrong number of vectors or vectors of unequal length or
 *   with non-finite values; the model's own errors pass through.
 */
export function semanticSimilarity(model: EmbeddingModel, pairs: readonly Pair[], options?: SemanticSimilarityOptions): Promise<Float64Array>;
export function semanticSimilarity(model: EmbeddingModel, a: readonly string[], b: readonly string[], options?: SemanticSimilarityOptions): Promise<Float64Array>;
export async function semanticSimilarity(
  model: EmbeddingModel,
  first: readonly Pair[] | readonly string[],
  second?: readonly string[] | SemanticSimilarityOptions,
  third?: SemanticSimilarityOptions,
): Promise<Float64Array> {
  if (model == null || typeof model.doEmbed !== 'function') {
    throw new SemcomError('INVALID_ARGUMENT', 'semanticSimilarity: model must be an EmbeddingModel (with doEmbed)');
  }
  if (!Array.isArray(first)) throw new SemcomError('INVALID_ARGUMENT', 'semanticSimilarity: pass an array of [a, b] pairs or two arrays of texts');
  let left: readonly unknown[];
  let right: readonly unknown[];
  let options: SemanticSimilarityOptions;
  if (Array.isArray(second)) {
    if (second.length !== first.length) {
      throw new SemcomError('LENGTH_MISMATCH', `semanticSimilarity: ${first.length} texts against ${second.length}; pass lists of equal length`);
    }
    left = first;
    right = second;
    options = third ?? {};
  } else {
    const pairs = first as readonly unknown[];
    for (const p of pairs) {
      if (!Array.isArray(p) || p.length !== 2) throw new SemcomError('INVALID_ARGUMENT', 'semanticSimilarity: each pair must be a [text, text] array');
    }
    left = pairs.map((p) => (p as Pair)[0]);
    right = pairs.map((p) => (p as Pair)[1]);
    options = (second as SemanticSimilarityOptions | undefined) ?? {};
  }
  for (const t of [...left, ...right]) {
    if (typeof t !== 'string') throw new SemcomError('INVALID_ARGUMENT', `semanticSimilarity: texts must be strings, got ${typeof t}`);
  }
  const a = left as readonly string[];
  const b = right as readonly string[];

  const distinct = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    for (const t of [a[i] as string, b[i] as string]) if (!distinct.has(t)) distinct.set(t, distinct.size);
  }
  const vectors = await embedAll(model, [...distinct.keys()], options);
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    out[i] = a[i] === b[i] ? 1 : cosineSimilarity(vectors[distinct.get(a[i] as string) as number] as Float32Array, vectors[distinct.get(b[i] as string) as number] as Float32Array);
  }
  return out;
}

async function embedAll(model: EmbeddingModel, texts: readonly string[], options: SemanticSimilarityOptions): Promise<ArrayLike<number>[]> {
  const batch = Number.isInteger(model.maxBatchSize) && model.maxBatchSize > 0 ? model.maxBatchSize : 1;
  const vectors: ArrayLike<number>[] = [];
  let dims = model.dimensions;
  const where = `${model.provider}/${model.modelId}`;
  for (let start = 0; start < texts.length; start += batch) {
    const chunk = texts.slice(start, start + batch);
    const result = await model.doEmbed({ texts: chunk, abortSignal: options.abortSignal, timeoutMs: options.timeoutMs });
    const embeddings = result?.embeddings;
    if (!Array.isArray(embeddings) || embeddings.length !== chunk.length) {
      throw new SemcomError('MALFORMED_REPLY', `embedding model ${where} returned ${Array.isArray(embeddings) ? embeddings.length : 'no'} vectors for ${chunk.length} texts`);
    }
    for (const v of embeddings as unknown[]) {
      const arr = v as ArrayLike<number>;
      if (arr == null || typeof arr.length !== 'number' || arr.length === 0) {
        throw new SemcomError('MALFORMED_REPLY', `embedding model ${where} returned a vector that is not a non-empty array`);
      }
      dims ??= arr.length;
      if (arr.length !== dims) {
        throw new SemcomError('MALFORMED_REPLY', `embedding model ${where} returned a vector of length ${arr.length}, expected ${dims}`);
      }
      for (let d = 0; d < arr.length; d++) {
        if (!Number.isFinite(arr[d])) throw new SemcomError('MALFORMED_REPLY', `embedding model ${where} returned a non-finite component`);
      }
      vectors.push(arr);
    }
  }
  return vectors;
}

export interface ExactMatchOptions {
  /**
   * Compare after the SQuAD answer normalization (Rajpurkar et al., EMNLP
   * 2016, official evaluation script): Unicode NFKC, lower case, punctuation
   * removed, the articles a/an/the removed, white space collapsed. Default
   * false: the strings must be identical.
   */
  readonly normalize?: boolean;
}

/** The SQuAD normalization of {@link ExactMatchOptions.normalize}. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\b(?:a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .join(' ');
}

/**
 * Whether two texts are the same, as strings or after normalization.
 *
 * @throws SemcomError `INVALID_ARGUMENT` for non-string input.
 */
export function exactMatch(a: string, b: string, options: ExactMatchOptions = {}): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') {
    throw new SemcomError('INVALID_ARGUMENT', `exactMatch: both texts must be strings, got ${typeof a} and ${typeof b}`);
  }
  return options.normalize ? normalizeForMatch(a) === normalizeForMatch(b) : a === b;
}
