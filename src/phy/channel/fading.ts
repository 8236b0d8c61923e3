/**
 * Flat Rician fading, with Rayleigh as K = 0:
 *
 *   h = √(K/(K+1)) + w,   w ~ CN(0, 1/(K+1)),   so E|h|² = 1,
 *
 * the line-of-sight component at phase 0. y = h·x + n, n ~ CN(0, N0).
 * The gain is redrawn every symbol ('fast') or every block of L symbols.
 * Random draws per block, in this order, whatever buffers the caller asks for:
 * h (2 normals), the estimation error when pilots are used (2 normals), then
 * the noise of each symbol (2 normals each), so results depend only on the seed.
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { Channel, ChannelModel, ChannelOutput, Coherence, Csi } from './types.js';
import { checkApply } from './validate.js';

export interface FadingOptions {
  /** 'fast' (default): a new gain per symbol; L: one gain per block of L symbols. */
  coherence?: Coherence;
  /** Receiver CSI (default 'perfect'). */
  csi?: Csi;
}

export interface RicianOptions extends FadingOptions {
  /** Linear K factor ≥ 0 (LOS power / scattered power); K = 0 is Rayleigh. */
  k: number;
}

function checkCoherence(c: Coherence): void {
  if (c === 'fast') return;
  if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) {
    throw new SemcomError('INVALID_ARGUMENT', `coherence must be 'fast' or an integer block length ≥ 1, got ${String(c)}`);
  }
}

function checkCsi(csi: Csi): void {
  if (csi === 'perfect') return;
  if (typeof csi !== 'object' || csi === null || !Number.isInteger(csi.pilots) || csi.pilots < 1) {
    throw new SemcomError('INVALID_ARGUMENT', `csi must be 'perfect' or { pilots: integer ≥ 1 }, got ${JSON.stringify(csi)}`);
  }
}

function specName(model: ChannelModel): string {
  if (model.kind === 'awgn') return 'awgn';
  const block = model.coherence !== 'fast';
  let base: string;
  if (model.kind === 'rayleigh') base = block ? `rayleigh-block:${model.coherence}` : 'rayleigh';
  else base = block ? `rician-block:${model.k}:${model.coherence}` : `rician:${model.k}`;
  return model.csi === 'perfect' ? base : `${base},pilots:${model.csi.pilots}`;
}

function makeFading(model: Extract<ChannelModel, { kind: 'rayleigh' | 'rician' }>): Channel {
  const k = model.kind === 'rician' ? model.k : 0;
  const los = Math.sqrt(k / (k + 1));
  const scatterSd = Math.sqrt(1 / (2 * (k + 1)));
  const L = model.coherence === 'fast' ? 1 : model.coherence;
  const pilots = model.csi === 'perfect' ? 0 : model.csi.pilots;
  const name = specName(model);
  return Object.freeze({
    name,
    fading: true,
    model: Object.freeze(model),
    apply(x: Float64Array, n0: number, rng: Rng, out: ChannelOutput): void {
      const S = checkApply(name, x, n0, out);
      const { y, h, hEst } = out;
      const sd = Math.sqrt(n0 / 2);
      const esd = pilots > 0 ? Math.sqrt(n0 / (2 * pilots)) : 0;
      for (let start = 0; start < S; start += L) {
        const hr = los + scatterSd * rng.normal();
        const hi = scatterSd * rng.normal();
        let er = hr;
        let ei = hi;
        if (pilots > 0) {
          er += esd * rng.normal();
          ei += esd * rng.normal();
        }
        const end = Math.min(S, start + L);
        for (let s = start; s < end; s++) {
          const xr = x[2 * s];
          const xi = x[2 * s + 1];
          y[2 * s] = hr * xr - hi * xi + sd * rng.normal();
          y[2 * s + 1] = hr * xi + hi * xr + sd * rng.normal();
          if (h) {
            h[2 * s] = hr;
            h[2 * s + 1] = hi;
          }
          if (hEst) {
            hEst[2 * s] = er;
            hEst[2 * s + 1] = ei;
          }
        }
      }
    },
    pilotOverhead(symbols: number): number {
      if (!Number.isInteger(symbols) || symbols < 0) {
        throw new SemcomError('INVALID_ARGUMENT', `pilotOverhead: symbols must be an integer ≥ 0, got ${symbols}`);
      }
      return Math.ceil(symbols / L) * pilots;
    },
  });
}

/**
 * Rayleigh fading h ~ CN(0, 1). With `csi: { pilots: Np }` under fast fading,
 * each symbol gets its own Np pilots, an idealisation (a real system
 * interpolates between pilots) that gives the same estimate quality as a block.
 */
export function rayleigh(options: FadingOptions = {}): Channel {
  const coherence = options.coherence ?? 'fast';
  const csi = options.csi ?? 'perfect';
  checkCoherence(coherence);
  checkCsi(csi);
  return makeFading({ kind: 'rayleigh', coherence, csi: csi === 'perfect' ? csi : { pilots: csi.pilots } });
}

/** Rician fading with linear K factor `k` ≥ 0: LOS √(K/(K+1)) plus CN(0, 1/(K+1)) scatter. */
export function rician(options: RicianOptions): Channel {
  const { k } = options;
  if (typeof k !== 'number' || !(k >= 0) || !Number.isFinite(k)) {
    throw new SemcomError('INVALID_ARGUMENT', `Rician K factor must be a finite linear value ≥ 0, got ${String(k)}`);
  }
  const coherence = options.coherence ?? 'fast';
  const csi = options.csi ?? 'perfect';
  checkCoherence(coherence);
  checkCsi(csi);
  return makeFading({ kind: 'rician', k, coherence, csi: csi === 'perfect' ? csi : { pilots: csi.pilots } });
}
