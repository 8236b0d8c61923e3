/**
 * Analog link: carries real- or complex-valued symbols (the channel input of a
 * learned JSCC encoder) over a channel under an average power constraint.
 *
 * Model: the transmitter scales its k complex symbols so that
 * (1/k) Σ |x_i|² = P (P = `power`, default 1), the channel gives
 * y = h x + n with n ~ CN(0, N0), N0 = P / 10^(snrDb/10), so `snrDb` is the
 * Es/N0 per complex channel use. Real-valued input of length L is packed two
 * reals per complex channel use (⌈L/2⌉ uses), as DeepJSCC does.
 * The receiver may equalize with its channel estimate: zero forcing
 * (conj(ĥ) y / |ĥ|²) or MMSE (conj(ĥ) y / (|ĥ|² + N0/P)).
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { dbToLinear, checkSnrDb } from '../../core/snr.js';
import type { Channel } from '../channel/types.js';

export type Equalizer = 'none' | 'zf' | 'mmse';

export interface AnalogLinkOptions {
  channel: Channel;
  /** Average power per complex channel use (linear), default 1. */
  power?: number;
  /** Receiver equalization with its channel estimate; default 'mmse' on fading channels, 'none' on AWGN. */
  equalizer?: Equalizer;
}

export interface AnalogReception {
  /** Received (and, if asked, equalized) symbols, in the transmitter's scaled units divided back by the scale. */
  y: Float64Array;
  /** Complex channel uses spent, the channel's pilots included. */
  channelUses: number;
  /** The factor the power constraint applied to the input (y is divided by it again). */
  scale: number;
  /** Complex noise variance N0 in the units of `y` (after undoing the scale, before equalization). */
  n0: number;
  /** The receiver's channel estimate per use (interleaved complex), when the channel fades. */
  hEst?: Float64Array;
}

export interface AnalogLink {
  readonly channel: Channel;
  /** Complex input, interleaved [re, im, ...]. */
  transmitComplex(x: Float64Array, snrDb: number, rng: Rng): AnalogReception;
  /** Real input; packed two reals per complex channel use. Output has the input's length. */
  transmitReal(x: Float64Array | Float32Array, snrDb: number, rng: Rng): AnalogReception;
}

export function createAnalogLink(options: AnalogLinkOptions): AnalogLink {
  const power = options.power ?? 1;
  if (!(power > 0) || !Number.isFinite(power)) {
    throw new SemcomError('INVALID_ARGUMENT', `analog link power must be a positive number, got ${power}`);
  }
  const channel = options.channel;
  const equalizer: Equalizer = options.equalizer ?? (channel.fading ? 'mmse' : 'none');

  function transmitComplex(x: Float64Array, snrDb: number, rng: Rng): AnalogReception {
    checkSnrDb(snrDb);
    if (x.length === 0 || x.length % 2 !== 0) {
      throw new SemcomError('LENGTH_MISMATCH', `complex input must be interleaved [re, im, ...] with even, non-zero length; got ${x.length}`);
    }
    const k = x.length / 2;
    let energy = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (!Number.isFinite(v)) throw new SemcomError('INVALID_ARGUMENT', `analog link input has a non-finite value at index ${i}`);
      energy += v * v;
    }
    // An all-zero input carries nothing; send it unscaled rather than divide by zero.
    const scale = energy > 0 ? Math.sqrt((power * k) / energy) : 1;
    const tx = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) tx[i] = x[i] * scale;
    const n0 = power / dbToLinear(snrDb);
    const y = new Float64Array(x.length);
    const out: { y: Float64Array; h?: Float64Array; hEst?: Float64Array } = { y };
    if (channel.fading) {
      out.h = new Float64Array(x.length);
      out.hEst = new Float64Array(x.length);
    }
    channel.apply(tx, n0, rng, out);
    if (out.hEst && equalizer !== 'none') {
      const reg = equalizer === 'mmse' ? n0 / power : 0;
      for (let i = 0; i < k; i++) {
        const hr = out.hEst[2 * i];
        const hi = out.hEst[2 * i + 1];
        const yr = y[2 * i];
        const yi = y[2 * i + 1];
        const d = hr * hr + hi * hi + reg;
        // A deep fade with ZF (d = 0) would give Inf; such a use carries nothing, so return 0.
        const inv = d > 0 ? 1 / d : 0;
        y[2 * i] = (hr * yr + hi * yi) * inv;
        y[2 * i + 1] = (hr * yi - hi * yr) * inv;
      }
    }
    for (let i = 0; i < y.length; i++) y[i] /= scale;
    return {
      y,
      channelUses: k + channel.pilotOverhead(k),
      scale,
      n0: n0 / (scale * scale),
      ...(out.hEst ? { hEst: out.hEst } : {}),
    };
  }

  function transmitReal(x: Float64Array | Float32Array, snrDb: number, rng: Rng): AnalogReception {
    if (x.length === 0) throw new SemcomError('LENGTH_MISMATCH', 'real input of the analog link is empty');
    const padded = new Float64Array(x.length + (x.length % 2));
    padded.set(x);
    const rx = transmitComplex(padded, snrDb, rng);
    return { ...rx, y: rx.y.subarray(0, x.length) };
  }

  return { channel, transmitComplex, transmitReal };
}
