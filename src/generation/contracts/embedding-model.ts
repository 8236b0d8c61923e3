/**
 * The provider-facing contract of an embedding model: a batch of texts in, one
 * vector per text out (the Vercel AI SDK's `doEmbed`). Used for semantic
 * similarity (seed 002 Sec. IV measures it with spaCy vectors; seed 003 Sec. IV
 * uses all-MiniLM-L6-v2) and for the agents' understanding embeddings.
 */
export interface EmbedCall {
  readonly texts: readonly string[];
  readonly abortSignal?: AbortSignal;
  /** Wall-clock limit of this one attempt in milliseconds. */
  readonly timeoutMs?: number;
}

export interface EmbedResult {
  /** One vector per input text, in order, each of `dimensions` finite numbers. */
  readonly embeddings: readonly Float32Array[];
}

export interface EmbeddingModel {
  readonly provider: string;
  readonly modelId: string;
  /** Vector length, when known before the first call. */
  readonly dimensions?: number;
  /** Largest batch the backend accepts in one call; the `embed` helper splits larger ones. */
  readonly maxBatchSize: number;
  doEmbed(call: EmbedCall): Promise<EmbedResult>;
}
