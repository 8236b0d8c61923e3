/**
 * The power gain |h|² of one fading block, for simulations that need one
 * number per transmission (the network simulator holds a fade over a whole
 * transmission) rather than a channel applied to symbols.
 *
 * Same parameterisation as fading.ts: h = √(K/(K+1)) + w, w ~ CN(0, 1/(K+1)),
 * so E|h|² = 1; Rayleigh is K = 0 and |h|² ~ Exp(1). The draws are the same
 * two normals, real part first, that a fading channel draws for one block, so
 * with the same generator state the gain here equals |h|² of that block.
 * 'none' is a constant gain 1 and draws nothing.
 *
 * Specs (case-insensitive, spaces ignored): 'none' (or 'awgn'), 'rayleigh',
 * 'rician:K' (linear K ≥ 0), 'rician:KdB'; the block forms 'rayleigh-block:L'
 * and 'rician-block:K:L' of spec.ts are accepted too, L being irrelevant for
 * a single block. Parsing is spec.ts's.
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { parseChannelSpec } from './spec.js';
import type { ChannelModel } from './types.js';

/** Draws |h|² of one block from `rng`. */
export type BlockFadingSampler = (rng: Rng) => number;

const FORMS = 'none, rayleigh, rician:K (linear K ≥ 0), rician:KdB (e.g. rician:6dB)';

const none: BlockFadingSampler = () => 1;

/** The Rician (K ≥ 0) block gain |h|², parameters computed once. */
function ricianSampler(k: number): BlockFadingSampler {
  const los = Math.sqrt(k / (k + 1));
  const scatterSd = Math.sqrt(1 / (2 * (k + 1)));
  return (rng: Rng): number => {
    const hr = los + scatterSd * rng.normal();
    const hi = scatterSd * rng.normal();
    return hr * hr + hi * hi;
  };
}

/**
 * Parses `spec` once and returns a sampler of |h|² for it; call the sampler
 * once per transmission (it allocates nothing).
 */
export function makeBlockFadingSampler(spec: string): BlockFadingSampler {
  if (typeof spec !== 'string') {
    throw new SemcomError('UNKNOWN_CHANNEL', `block fading: the spec must be a string, got ${String(spec)}; accepted: ${FORMS}`);
  }
  const text = spec.replace(/\s+/g, '').toLowerCase();
  if (text === 'none') return none;
  let model: ChannelModel;
  try {
    model = parseChannelSpec(text).model;
  } catch (e) {
    if (e instanceof SemcomError && e.code === 'UNKNOWN_CHANNEL') {
      throw new SemcomError('UNKNOWN_CHANNEL', `block fading "${spec}" is not a fading spec; accepted: ${FORMS}`, { cause: e });
    }
    throw e;
  }
  if (model.kind === 'awgn') return none;
  if (model.csi !== 'perfect') {
    throw new SemcomError(
      'UNSUPPORTED',
      `block fading "${spec}": a block gain is the true |h|², pilot-based estimation is not modelled here; drop the ",pilots:N" suffix`,
    );
  }
  return ricianSampler(model.kind === 'rician' ? model.k : 0);
}

/**
 * |h|² of one block of the fading model `spec` ('none' → 1, 'rayleigh' →
 * Exp(1), 'rician:K' → noncentral χ² with E = 1, Var = (1 + 2K)/(K + 1)²).
 * Parses `spec` on every call: in a loop use {@link makeBlockFadingSampler}.
 */
export function blockFadingGain(spec: string, rng: Rng): number {
  return makeBlockFadingSampler(spec)(rng);
}
