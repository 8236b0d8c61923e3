/**
 * The file format of the channel adaptation weights
 * (models/channel-adaptation/weights.json), and its strict validation: every
 * field present, no others, every number finite, every array of the length
 * the dimensions imply.
 *
 * Matrices are flat row-major arrays. `encoder` is A, (2k) × d: row 2i gives
 * the real part and row 2i + 1 the imaginary part of complex channel use i.
 * `decoder` is B, d × (2k). `crossCovariance` is Σ Aᵀ (d × 2k), with Σ the
 * covariance of the training embeddings: with A it gives the linear MMSE
 * decoder at any noise level, so the receiver can match its decoder to the
 * SNR it measures. `mean` is subtracted before A and added back after B.
 */
import { z } from 'zod';
import { SemcomError } from '../../core/errors.js';

export const CHANNEL_ADAPTATION_FORMAT = 'semcom-channel-adaptation';
export const CHANNEL_ADAPTATION_VERSION = 1;

export interface ChannelAdaptationWeights {
  readonly format: typeof CHANNEL_ADAPTATION_FORMAT;
  readonly version: typeof CHANNEL_ADAPTATION_VERSION;
  /** d, the length of an understanding embedding. */
  readonly sourceDims: number;
  /** k, complex channel uses per embedding. */
  readonly channelUses: number;
  /** Average power P per complex channel use on the training data. */
  readonly power: number;
  /** Es/N0 per complex channel use (dB) the maps were trained at. */
  readonly trainSnrDb: number;
  /** What the source embeddings were, in words. */
  readonly source: string;
  readonly mean: readonly number[];
  readonly encoder: readonly number[];
  readonly decoder: readonly number[];
  readonly crossCovariance: readonly number[];
}

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const dim = z.number().int().min(1).max(4096);

const weightsSchema = z
  .strictObject({
    format: z.literal(CHANNEL_ADAPTATION_FORMAT),
    version: z.literal(CHANNEL_ADAPTATION_VERSION),
    sourceDims: dim,
    channelUses: dim,
    power: finite.refine((p) => p > 0, 'must be positive'),
    trainSnrDb: finite,
    source: z.string(),
    mean: z.array(finite),
    encoder: z.array(finite),
    decoder: z.array(finite),
    crossCovariance: z.array(finite),
  })
  .superRefine((w, ctx) => {
    const d = w.sourceDims;
    const m = 2 * w.channelUses;
    const want: Record<string, number> = { mean: d, encoder: m * d, decoder: d * m, crossCovariance: d * m };
    for (const [key, len] of Object.entries(want)) {
      const got = (w as unknown as Record<string, unknown[]>)[key].length;
      if (got !== len) ctx.addIssue({ code: 'custom', path: [key], message: `has ${got} values, expected ${len} for d = ${d}, k = ${w.channelUses}` });
    }
  });

/** Validates parsed JSON as weights; `MALFORMED_INPUT` naming `source` and the first problem otherwise. */
export function parseChannelAdaptationWeights(json: unknown, source: string, hint: string): ChannelAdaptationWeights {
  const r = weightsSchema.safeParse(json);
  if (r.success) return r.data as ChannelAdaptationWeights;
  const first = r.error.issues[0];
  const where = first && first.path.length > 0 ? ` field ${first.path.join('.')}` : '';
  throw new SemcomError('MALFORMED_INPUT', `channel adaptation weights ${source}:${where} ${first?.message ?? 'invalid'}; ${hint}`);
}

/** Rounds to `digits` significant digits for a compact file (9 keeps the float64 maps within 1e-9 relative). */
export function roundForJson(values: ArrayLike<number>, digits = 9): number[] {
  return Array.from(values, (v) => Number(v.toPrecision(digits)));
}
