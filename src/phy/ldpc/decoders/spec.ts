/**
 * Decoder selection by a short spec string, as used on the command line and in
 * experiment files:
 *   layered-minsum        layered min-sum
 *   layered-nms[:α]       layered normalized min-sum, α in (0, 1], default 0.75
 *   layered-oms[:β]       layered offset min-sum, β ≥ 0, default 0.15
 *   flooding-spa          flooding sum-product (exact BP)
 */
import { SemcomError } from '../../../core/errors.js';
import type { LdpcCode, LdpcDecoder } from '../types.js';
import { createFloodingSumProductDecoder } from './flooding-spa.js';
import { createLayeredMinSumDecoder, type LayeredBackend } from './layered.js';

/** The decoder spec forms {@link createDecoder} accepts, for messages and help texts. */
export const DECODER_SPECS = ['layered-minsum', 'layered-nms[:alpha]', 'layered-oms[:beta]', 'flooding-spa'] as const;

/** The toolkit's default decoder: layered normalized min-sum with α = 0.75. */
export const DEFAULT_DECODER_SPEC = 'layered-nms';

const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function unknown(spec: string, why: string): SemcomError {
  return new SemcomError(
    'UNKNOWN_DECODER',
    `unknown decoder "${spec}" (${why}); accepted: ${DECODER_SPECS.join(', ')}, with 0 < alpha ≤ 1 and beta ≥ 0`,
  );
}

function parseParam(spec: string, text: string, what: string): number {
  if (!NUMBER.test(text)) throw unknown(spec, `${what} "${text}" is not a number`);
  return Number(text);
}

/**
 * Creates a decoder from a spec string (see {@link DECODER_SPECS}); layered
 * decoders use `backend` ('auto' by default: wasm SIMD for QC codes).
 * Throws `UNKNOWN_DECODER` for anything else, including α outside (0, 1] or β < 0.
 */
export function createDecoder(code: LdpcCode, spec: string, backend: LayeredBackend = 'auto'): LdpcDecoder {
  if (typeof spec !== 'string') throw unknown(String(spec), 'not a string');
  const s = spec.trim().toLowerCase();
  const colon = s.indexOf(':');
  const head = colon < 0 ? s : s.slice(0, colon);
  const arg = colon < 0 ? undefined : s.slice(colon + 1).trim();
  switch (head) {
    case 'layered-minsum':
      if (arg !== undefined) throw unknown(spec, 'layered-minsum takes no parameter');
      return createLayeredMinSumDecoder(code, { variant: 'minsum', backend });
    case 'layered-nms': {
      const alpha = arg === undefined ? undefined : parseParam(spec, arg, 'alpha');
      if (alpha !== undefined && !(alpha > 0 && alpha <= 1)) throw unknown(spec, `alpha = ${alpha} is outside (0, 1]`);
      return createLayeredMinSumDecoder(code, { variant: 'normalized', alpha, backend });
    }
    case 'layered-oms': {
      const beta = arg === undefined ? undefined : parseParam(spec, arg, 'beta');
      if (beta !== undefined && !(beta >= 0 && Number.isFinite(beta))) throw unknown(spec, `beta = ${beta} must be ≥ 0`);
      return createLayeredMinSumDecoder(code, { variant: 'offset', beta, backend });
    }
    case 'flooding-spa':
      if (arg !== undefined) throw unknown(spec, 'flooding-spa takes no parameter');
      return createFloodingSumProductDecoder(code);
    default:
      throw unknown(spec, 'no such decoder');
  }
}
