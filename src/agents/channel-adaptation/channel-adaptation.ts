/**
 * Channel adaptation modules (seed 003 Sec. III-D3 and Sec. IV): at the
 * transmitter a linear map from the d-dimensional understanding embedding to
 * k complex channel symbols, at the receiver a linear map back. Trained by
 * training/train-channel-adaptation.ts; weights in models/channel-adaptation/.
 *
 * `encode` takes an understanding embedding of any norm (as the embedding
 * model returns it, e.g. `createUnderstandingAgent({ embedding })`'s
 * `result.embedding`), scales it to unit length (scaling.ts: the maps were
 * trained on unit-length embeddings) and gives interleaved complex symbols
 * [re, im, ...] whose average power over the training embeddings is P per
 * channel use, ready for
 * `AnalogLink.transmitComplex` (which rescales each vector to exactly P, so
 * a vector's effective noise scales with its own energy; `rx.n0` reports it).
 * `decode` uses the trained decoder, or, given the noise level the receiver
 * knows (`snrDb`, or `n0` in the encoder's units such as `rx.n0`), the
 * linear MMSE decoder for that noise, computed from the stored cross-covariance.
 * It returns an estimate of the unit-length embedding (norm below 1: the MMSE
 * estimate shrinks towards the mean); its direction is what the receiver uses
 * (`createNearestEntriesInterpreter` and semantic similarity compare by
 * cosine), so it goes to `createGeneratingAgent({ interpreter }).generate`
 * as it is.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SemcomError } from '../../core/errors.js';
import { checkSnrDb, dbToLinear } from '../../core/snr.js';
import { toUnitLength } from './scaling.js';
import { lmmseDecoderFromCross } from './theory.js';
import { parseChannelAdaptationWeights, type ChannelAdaptationWeights } from './weights.js';

/** Command that re-creates the shipped weights. */
export const CHANNEL_ADAPTATION_TRAIN_COMMAND = 'npm run train:channel-adaptation';

/** Path of the shipped weights (src/ and dist/ sit at the same depth below the package root). */
export function channelAdaptationWeightsPath(): string {
  return fileURLToPath(new URL('../../../models/channel-adaptation/weights.json', import.meta.url));
}

export interface DecodeOptions {
  /** Es/N0 per complex channel use (dB) at the receiver: N0 = P / 10^(snrDb/10). */
  readonly snrDb?: number;
  /** Complex noise variance N0 in the encoder's units (the analog link's `rx.n0`). */
  readonly n0?: number;
}

export interface ChannelAdaptation {
  /** d, the embedding length. */
  readonly sourceDims: number;
  /** k, complex channel uses per embedding. */
  readonly channelUses: number;
  readonly trainSnrDb: number;
  readonly power: number;
  /**
   * Embedding (length d, any norm: scaled to unit length first) → 2k reals,
   * interleaved complex symbols. The zero vector has no direction and is
   * sent as the training mean: all-zero symbols.
   */
  encode(embedding: ArrayLike<number>): Float64Array;
  /** 2k received reals → estimate of the unit-length embedding (length d). */
  decode(received: ArrayLike<number>, options?: DecodeOptions): Float64Array;
}

function checkVector(v: ArrayLike<number>, len: number, what: string): void {
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number') throw new SemcomError('INVALID_ARGUMENT', `${what} must be an array of numbers`);
  if (v.length !== len) throw new SemcomError('INVALID_ARGUMENT', `${what} has ${v.length} values, expected ${len}`);
  for (let i = 0; i < len; i++) {
    if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) throw new SemcomError('INVALID_ARGUMENT', `${what} has a non-finite value at index ${i}`);
  }
}

/** A channel adaptation from weights already parsed (validated here). */
export function channelAdaptationFromWeights(json: unknown, source = 'weights object'): ChannelAdaptation {
  const w: ChannelAdaptationWeights = parseChannelAdaptationWeights(json, source, `re-create them with \`${CHANNEL_ADAPTATION_TRAIN_COMMAND}\``);
  const d = w.sourceDims;
  const m = 2 * w.channelUses;
  const mean = Float64Array.from(w.mean);
  const a = Float64Array.from(w.encoder);
  const b = Float64Array.from(w.decoder);
  const cross = Float64Array.from(w.crossCovariance);
  const decoders = new Map<number, Float64Array>();

  function decoderFor(o: DecodeOptions): Float64Array {
    if (o.snrDb === undefined && o.n0 === undefined) return b;
    if (o.snrDb !== undefined && o.n0 !== undefined) throw new SemcomError('INVALID_ARGUMENT', 'decode takes snrDb or n0, not both');
    let n0: number;
    if (o.n0 !== undefined) {
      if (!(o.n0 >= 0) || !Number.isFinite(o.n0)) throw new SemcomError('INVALID_ARGUMENT', `n0 must be a finite number ≥ 0, got ${o.n0}`);
      n0 = o.n0;
    } else {
      n0 = w.power / dbToLinear(checkSnrDb(o.snrDb!));
    }
    // σ² = N0/2 per real dimension; a floor keeps the system positive definite at N0 = 0.
    const sigma2 = Math.max(n0 / 2, 1e-12 * w.power);
    let dec = decoders.get(sigma2);
    if (!dec) {
      try {
        dec = lmmseDecoderFromCross(a, cross, d, m, sigma2);
      } catch (e) {
        throw new SemcomError('MALFORMED_INPUT', `channel adaptation weights ${source}: the stored cross-covariance gives no valid MMSE decoder; re-create them with \`${CHANNEL_ADAPTATION_TRAIN_COMMAND}\``, { cause: e });
      }
      if (decoders.size >= 16) decoders.delete(decoders.keys().next().value as number);
      decoders.set(sigma2, dec);
    }
    return dec;
  }

  return {
    sourceDims: d,
    channelUses: w.channelUses,
    trainSnrDb: w.trainSnrDb,
    power: w.power,
    encode(embedding) {
      checkVector(embedding, d, 'embedding');
      const out = new Float64Array(m);
      const x = toUnitLength(embedding);
      if (!x) return out;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += a[i * d + j] * (x[j] - mean[j]);
        out[i] = s;
      }
      return out;
    },
    decode(received, o = {}) {
      checkVector(received, m, 'received symbols');
      const dec = decoderFor(o);
      const out = new Float64Array(d);
      for (let j = 0; j < d; j++) {
        let s = mean[j];
        for (let i = 0; i < m; i++) s += dec[j * m + i] * received[i];
        out[j] = s;
      }
      return out;
    },
  };
}

/** Loads the shipped weights (or those at `options.path`) and returns the channel adaptation. */
export async function createChannelAdaptation(options: { readonly path?: string } = {}): Promise<ChannelAdaptation> {
  const path = options.path ?? channelAdaptationWeightsPath();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot read channel adaptation weights ${path}: ${(e as Error).message}; create them with \`${CHANNEL_ADAPTATION_TRAIN_COMMAND}\``, { cause: e });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', `channel adaptation weights ${path} are not valid JSON; re-create them with \`${CHANNEL_ADAPTATION_TRAIN_COMMAND}\``, { cause: e });
  }
  return channelAdaptationFromWeights(json, path);
}
