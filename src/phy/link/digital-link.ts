/**
 * Digital link: payload bits → CRC → LDPC (segmented, shortened) → Gray QAM →
 * channel → soft demapping → LDPC decoding → CRC check.
 *
 * What a real receiver sees: either the payload, exactly, or an erasure (the
 * CRC failed), which is what gives separation-based systems their cliff effect.
 * A payload larger than one codeword is cut into C = ⌈(B + crc) / k⌉ code
 * blocks of equal size (as in 3GPP TS 38.212 Sec. 5.2.2, without per-block
 * CRCs); the unused information positions of each block are shortened (known
 * zeros, not sent), so any payload size is carried at a rate close to the
 * mother code's. One transport-block CRC protects the whole payload.
 */
import { SemcomError } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { noiseVarianceFromSnrDb } from '../../core/snr.js';
import { parseChannelSpec } from '../channel/index.js';
import type { Channel } from '../channel/types.js';
import { appendCrcBits, checkCrcBits, crcByName, type CrcName } from '../crc/index.js';
import { createDecoder } from '../ldpc/decoders/index.js';
import { createRateMatcher, type RateMatcher } from '../ldpc/rate-matching.js';
import { resolveCode } from '../ldpc/registry.js';
import type { LdpcCode, LdpcDecoder } from '../ldpc/types.js';
import { createModulation, type Modulation, type ModulationName } from '../modulation/index.js';

export interface DigitalLinkOptions {
  /** `uncoded`, `80211n:<N>:<rate>`, `alist:<path>`, or a code object. */
  code: string | LdpcCode | null;
  modulation: ModulationName;
  /** A channel object or a spec such as `awgn`, `rayleigh-block:100`. */
  channel: string | Channel;
  /** Decoder spec (default `layered-nms`). */
  decoder?: string;
  maxIterations?: number;
  /** Transport-block CRC (default `crc24a`). */
  crc?: CrcName;
  demapper?: 'maxlog' | 'exact';
}

export interface DigitalReception {
  /** The payload bits, or null when the CRC failed (an erasure). */
  payload: Uint8Array | null;
  /**
   * The decoder's hard decisions on the payload positions, whether or not the
   * CRC passed. Equal to `payload` when it passed. Only for receivers that
   * calibrate a corrupted frame with prior knowledge (seed 002 Sec. III-B,
   * semantic calibration); everyone else must treat a failed CRC as an erasure.
   */
  decoded: Uint8Array;
  /** Complex channel uses spent: data symbols (with modulation padding) plus the channel's pilots. */
  channelUses: number;
  /** Number of LDPC code blocks sent. */
  codeBlocks: number;
  /** Decoder iterations, summed over code blocks. */
  iterations: number;
}

export interface DigitalLink {
  readonly code: LdpcCode | null;
  readonly modulation: Modulation;
  readonly channel: Channel;
  /** Complex channel uses needed for a payload of `payloadBits` bits. */
  channelUses(payloadBits: number): number;
  transmit(payloadBits: Uint8Array, snrDb: number, rng: Rng): DigitalReception;
}

/** Largest payload a single transmission may carry (bits); a guard against absurd requests. */
export const MAX_PAYLOAD_BITS = 1 << 27;

interface Plan {
  blocks: number;
  blockInfo: number;
  matcher: RateMatcher | null;
  codedBits: number;
  symbols: number;
}

export function createDigitalLink(options: DigitalLinkOptions): DigitalLink {
  const code = typeof options.code === 'string' ? resolveCode(options.code) : options.code;
  const modulation = createModulation(options.modulation);
  const channel = typeof options.channel === 'string' ? parseChannelSpec(options.channel) : options.channel;
  const crc = crcByName(options.crc ?? 'crc24a');
  const decoder: LdpcDecoder | null = code ? createDecoder(code, options.decoder ?? 'layered-nms') : null;
  const maxIterations = options.maxIterations ?? 50;
  const method = options.demapper ?? 'maxlog';
  const m = modulation.bitsPerSymbol;
  const plans = new Map<number, Plan>();

  function plan(payloadBits: number): Plan {
    if (!Number.isInteger(payloadBits) || payloadBits < 1 || payloadBits > MAX_PAYLOAD_BITS) {
      throw new SemcomError('PAYLOAD_TOO_LARGE', `payload must be 1 to ${MAX_PAYLOAD_BITS} bits, got ${payloadBits}`);
    }
    const cached = plans.get(payloadBits);
    if (cached) return cached;
    const total = payloadBits + crc.width;
    let p: Plan;
    if (!code) {
      p = { blocks: 1, blockInfo: total, matcher: null, codedBits: total, symbols: Math.ceil(total / m) };
    } else {
      const blocks = Math.ceil(total / code.k);
      const blockInfo = Math.ceil(total / blocks);
      const matcher = createRateMatcher(code, { payloadBits: blockInfo });
      const codedBits = blocks * matcher.transmittedBits;
      p = { blocks, blockInfo, matcher, codedBits, symbols: Math.ceil(codedBits / m) };
    }
    plans.set(payloadBits, p);
    return p;
  }

  function transmit(payload: Uint8Array, snrDb: number, rng: Rng): DigitalReception {
    const p = plan(payload.length);
    const n0 = noiseVarianceFromSnrDb(snrDb);
    const total = payload.length + crc.width;
    const tb = new Uint8Array(p.blocks * p.blockInfo);
    appendCrcBits(crc, payload, tb.subarray(0, total));
    // Coded bits, padded with zeros to whole symbols (padding carries nothing).
    const coded = new Uint8Array(p.symbols * m);
    if (p.matcher) {
      const t = p.matcher.transmittedBits;
      for (let b = 0; b < p.blocks; b++) {
        p.matcher.encode(tb.subarray(b * p.blockInfo, (b + 1) * p.blockInfo), coded.subarray(b * t, (b + 1) * t));
      }
    } else {
      coded.set(tb.subarray(0, total));
    }
    const x = new Float64Array(2 * p.symbols);
    modulation.map(coded, x);
    const y = new Float64Array(2 * p.symbols);
    const out: { y: Float64Array; h?: Float64Array; hEst?: Float64Array } = { y };
    if (channel.fading) {
      out.h = new Float64Array(2 * p.symbols);
      out.hEst = new Float64Array(2 * p.symbols);
    }
    channel.apply(x, n0, rng, out);
    const rxTb = new Uint8Array(p.blocks * p.blockInfo);
    let iterations = 0;
    if (p.matcher && code && decoder) {
      const llr = new Float32Array(p.symbols * m);
      modulation.demap(y, n0, llr, { method, ...(out.hEst ? { h: out.hEst } : {}) });
      const t = p.matcher.transmittedBits;
      const cwLlr = new Float32Array(code.n);
      const cwBits = new Uint8Array(code.n);
      for (let b = 0; b < p.blocks; b++) {
        p.matcher.recoverLlr(llr.subarray(b * t, (b + 1) * t), cwLlr);
        const r = decoder.decode(cwLlr, cwBits, { maxIterations, earlyStop: true });
        iterations += r.iterations;
        p.matcher.extractPayload(cwBits, rxTb.subarray(b * p.blockInfo, (b + 1) * p.blockInfo));
      }
    } else {
      const hard = new Uint8Array(p.symbols * m);
      modulation.hardDecide(y, hard, out.hEst);
      rxTb.set(hard.subarray(0, total));
    }
    const ok = checkCrcBits(crc, rxTb.subarray(0, total));
    const decoded = rxTb.slice(0, payload.length);
    return {
      payload: ok ? decoded : null,
      decoded,
      channelUses: p.symbols + channel.pilotOverhead(p.symbols),
      codeBlocks: p.blocks,
      iterations,
    };
  }

  return {
    code,
    modulation,
    channel,
    channelUses: (bits) => {
      const s = plan(bits).symbols;
      return s + channel.pilotOverhead(s);
    },
    transmit,
  };
}
