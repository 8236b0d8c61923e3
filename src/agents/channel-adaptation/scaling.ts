/**
 * The one input scaling of the channel adaptation: an understanding embedding
 * is scaled to unit Euclidean length before the encoder sees it.
 *
 * Why: the linear maps, their training mean and the power normalization are
 * fitted to unit-length embeddings (training/train-channel-adaptation.ts
 * applies this function to every training and test row), so an input of
 * another norm would be off the training distribution and off the encoder's
 * power budget. What an embedding means is its direction: the receiver's
 * interpreter (embedding-interpreter.ts) and semantic similarity compare by
 * cosine, which this scaling leaves unchanged. The shared embedding model
 * (`createWordVectorEmbeddingModel`, a mean of word vectors) returns vectors
 * of norm about 2 to 5 that vary with sentence length; the understanding agent
 * passes them on as they are, and `ChannelAdaptation.encode` scales them here.
 *
 * A zero vector (the embedding model's answer for a text with no known word)
 * has no direction; it gives null, which the encoder sends as the training
 * mean (all-zero symbols), the receiver's best guess when nothing is known.
 */

/** `v / ‖v‖₂` as a new Float64Array, or null when ‖v‖₂ is 0 or v is not finite (callers check finiteness first). */
export function toUnitLength(v: ArrayLike<number>): Float64Array | null {
  // Divide by the largest |v_i| first so that the sum of squares neither overflows nor underflows.
  let max = 0;
  for (let i = 0; i < v.length; i++) max = Math.max(max, Math.abs(v[i]));
  if (!(max > 0) || !Number.isFinite(max)) return null;
  const out = Float64Array.from(v, (x) => x / max);
  let s = 0;
  for (const x of out) s += x * x;
  const norm = Math.sqrt(s);
  for (let i = 0; i < out.length; i++) out[i] /= norm;
  return out;
}
