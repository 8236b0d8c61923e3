/**
 * Channel specs as strings (CLI flags, experiment files):
 *
 *   awgn
 *   rayleigh                     fast Rayleigh fading (new gain every symbol)
 *   rayleigh-block:L             block fading, one gain per L symbols (L integer ≥ 1)
 *   rician:K                     fast Rician fading, K linear (K ≥ 0), e.g. rician:4
 *   rician:KdB                   K in dB, e.g. rician:6dB (K = 10^0.6 ≈ 3.98)
 *   rician-block:K:L             block Rician fading, K linear or in dB
 *
 * Fading specs take an optional `,pilots:N` suffix: the receiver estimates h by
 * least squares from N unit-energy pilots per block (per symbol when fast)
 * instead of knowing it. Names are case-insensitive; spaces are ignored.
 */
import { SemcomError } from '../../core/errors.js';
import { awgn } from './awgn.js';
import { rayleigh, rician } from './fading.js';
import type { Channel, Csi } from './types.js';

const FORMS = 'awgn, rayleigh, rayleigh-block:L, rician:K, rician:KdB, rician-block:K:L (fading ones optionally followed by ,pilots:N)';
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/;

function unknown(spec: string, why: string): SemcomError {
  return new SemcomError('UNKNOWN_CHANNEL', `channel "${spec}": ${why}; accepted: ${FORMS}`);
}

function parseInteger(spec: string, text: string, what: string): number {
  if (!/^\d+$/.test(text) || !(Number(text) >= 1) || !Number.isSafeInteger(Number(text))) {
    throw new SemcomError('INVALID_ARGUMENT', `channel "${spec}": ${what} must be an integer ≥ 1, got "${text}"`);
  }
  return Number(text);
}

function parseK(spec: string, text: string): number {
  const db = text.endsWith('db');
  const num = db ? text.slice(0, -2) : text;
  if (!NUMBER.test(num)) {
    throw new SemcomError('INVALID_ARGUMENT', `channel "${spec}": K must be a number (linear) or a number followed by dB, got "${text}"`);
  }
  const k = db ? Math.pow(10, Number(num) / 10) : Number(num);
  if (!(k >= 0) || !Number.isFinite(k)) {
    throw new SemcomError('INVALID_ARGUMENT', `channel "${spec}": K must be finite and ≥ 0 (linear), got "${text}"`);
  }
  return k;
}

/** Builds the channel a spec string names (grammar in the module doc). */
export function parseChannelSpec(spec: string): Channel {
  if (typeof spec !== 'string') throw unknown(String(spec), 'a channel spec must be a string');
  const text = spec.replace(/\s+/g, '').toLowerCase();
  const [base, ...suffixes] = text.split(',');
  let csi: Csi = 'perfect';
  for (const suffix of suffixes) {
    const m = /^pilots:(.*)$/.exec(suffix);
    if (!m || csi !== 'perfect') throw unknown(spec, `unexpected suffix ",${suffix}"`);
    csi = { pilots: parseInteger(spec, m[1], 'the number of pilots') };
  }
  const parts = base.split(':');
  const kind = parts[0];
  const arity: Record<string, number> = { awgn: 0, rayleigh: 0, 'rayleigh-block': 1, rician: 1, 'rician-block': 2 };
  if (!Object.prototype.hasOwnProperty.call(arity, kind)) throw unknown(spec, `unknown channel "${kind}"`);
  if (parts.length - 1 !== arity[kind]) {
    throw unknown(spec, `"${kind}" takes ${arity[kind]} parameter(s), got ${parts.length - 1}`);
  }
  if (kind === 'awgn') {
    if (csi !== 'perfect') throw unknown(spec, 'pilots apply to fading channels only');
    return awgn();
  }
  if (kind === 'rayleigh') return rayleigh({ coherence: 'fast', csi });
  if (kind === 'rayleigh-block') return rayleigh({ coherence: parseInteger(spec, parts[1], 'the block length L'), csi });
  if (kind === 'rician') return rician({ k: parseK(spec, parts[1]), coherence: 'fast', csi });
  return rician({ k: parseK(spec, parts[1]), coherence: parseInteger(spec, parts[2], 'the block length L'), csi });
}
