/**
 * The frame simulator behind `semcom ber` and the phy benchmarks: one frame is
 * one LDPC codeword (or, uncoded, `UNCODED_FRAME_BITS` bits) of random
 * information bits through modulation, channel, demapping and decoding.
 * Errors are counted on information bits; a frame error is any information
 * bit in error. No CRC: this measures the code, not the link protocol.
 *
 * It is loaded by the Monte-Carlo engine inside worker threads, so its
 * configuration is plain data and everything else is built here.
 */
import type { Rng } from '../../core/rng.js';
import { noiseVarianceFromSnrDb } from '../../core/snr.js';
import { parseChannelSpec } from '../channel/index.js';
import { createDecoder } from '../ldpc/decoders/index.js';
import { createEncoder } from '../ldpc/encoder.js';
import { resolveCode } from '../ldpc/registry.js';
import { createModulation, type ModulationName } from '../modulation/index.js';
import type { FrameBatchResult, FrameSimulator, SweepPoint } from '../montecarlo/types.js';

/** Bits per uncoded frame: the longest 802.11n codeword, a multiple of 1, 2, 4, 6 and 8. */
export const UNCODED_FRAME_BITS = 1944;

export interface BerSimulatorConfig {
  code: string;
  modulation: ModulationName;
  channel: string;
  decoder: string;
  demapper: 'maxlog' | 'exact';
  maxIterations: number;
  earlyStop: boolean;
}

export function createBerSimulator(config: BerSimulatorConfig): FrameSimulator {
  const code = resolveCode(config.code);
  const mod = createModulation(config.modulation);
  const channel = parseChannelSpec(config.channel);
  const m = mod.bitsPerSymbol;
  const n = code ? code.n : UNCODED_FRAME_BITS;
  const symbols = Math.ceil(n / m);
  const bits = new Uint8Array(symbols * m);
  const x = new Float64Array(2 * symbols);
  const out: { y: Float64Array; h?: Float64Array; hEst?: Float64Array } = { y: new Float64Array(2 * symbols) };
  if (channel.fading) {
    out.h = new Float64Array(2 * symbols);
    out.hEst = new Float64Array(2 * symbols);
  }
  const hard = new Uint8Array(symbols * m);

  if (!code) {
    return {
      run(point: SweepPoint, frames: number, rng: Rng): FrameBatchResult {
        const n0 = noiseVarianceFromSnrDb(point.snrDb);
        let frameErrors = 0;
        let bitErrors = 0;
        for (let f = 0; f < frames; f++) {
          rng.fillBits(bits);
          mod.map(bits, x);
          channel.apply(x, n0, rng, out);
          mod.hardDecide(out.y, hard, out.hEst);
          let e = 0;
          for (let i = 0; i < n; i++) e += bits[i] ^ hard[i];
          bitErrors += e;
          if (e > 0) frameErrors++;
        }
        return { frames, frameErrors, bits: frames * n, bitErrors, iterations: 0 };
      },
    };
  }

  const encoder = createEncoder(code);
  const decoder = createDecoder(code, config.decoder);
  const info = new Uint8Array(code.k);
  const llr = new Float32Array(symbols * m);
  const cwLlr = llr.subarray(0, code.n);
  const decoded = new Uint8Array(code.n);
  const infoPositions = code.infoPositions;
  const options = { maxIterations: config.maxIterations, earlyStop: config.earlyStop };
  return {
    run(point: SweepPoint, frames: number, rng: Rng): FrameBatchResult {
      const n0 = noiseVarianceFromSnrDb(point.snrDb);
      let frameErrors = 0;
      let bitErrors = 0;
      let iterations = 0;
      for (let f = 0; f < frames; f++) {
        rng.fillBits(info);
        encoder.encode(info, bits);
        // Modulation padding bits (when n is not a multiple of m) are random, like data.
        for (let i = code.n; i < bits.length; i++) bits[i] = rng.nextUint32() & 1;
        mod.map(bits, x);
        channel.apply(x, n0, rng, out);
        mod.demap(out.y, n0, llr, { method: config.demapper, ...(out.hEst ? { h: out.hEst } : {}) });
        const r = decoder.decode(cwLlr, decoded, options);
        iterations += r.iterations;
        let e = 0;
        for (let i = 0; i < infoPositions.length; i++) e += info[i] ^ decoded[infoPositions[i]];
        bitErrors += e;
        if (e > 0) frameErrors++;
      }
      return { frames, frameErrors, bits: frames * code.k, bitErrors, iterations };
    },
  };
}
