/**
 * Layered min-sum decoding of quasi-cyclic codes on the WebAssembly SIMD
 * kernel of assembly/layered.ts (f32x4: four rows of a block row per vector).
 *
 * Each decoder owns one wasm instance and its memory, so decoders in several
 * worker threads never share state. The compiled module is cached per thread
 * (compiling is synchronous, from the base64 bytes in wasm-binary.generated.ts).
 */
import { SemcomError } from '../../../core/errors.js';
import { compileWasmBase64, instantiateWasm, type WasmMemory } from '../../../core/wasm.js';
import type { DecodeOptions, DecodeResult, LdpcCode, LdpcDecoder, QcStructure } from '../types.js';
import { checkDecodeArgs, LLR_MAX } from './common.js';
import { LAYERED_DEFAULT_ITERATIONS } from './layered-js.js';
import type { MinSumRule } from './min-sum-variant.js';
import { LAYERED_WASM_BASE64 } from './wasm-binary.generated.js';

interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  setup(
    z: number, mb: number, nb: number, stride: number, blocks: number,
    tab: number, app: number, msg: number, tmp: number, llr: number, out: number, post: number, llrMax: number,
  ): void;
  decode(maxIter: number, earlyStop: number, variant: number, param: number, wantPosterior: number): number;
}

let cachedModule: object | null | undefined;

/** The compiled kernel, or null where this runtime lacks WebAssembly SIMD. */
function kernelModule(): object | null {
  if (cachedModule === undefined) {
    cachedModule = compileWasmBase64(LAYERED_WASM_BASE64);
  }
  return cachedModule;
}

/** Whether the SIMD kernel can run here (WebAssembly with 128-bit SIMD). */
export function wasmKernelAvailable(): boolean {
  return kernelModule() !== null;
}

/**
 * Checks that `code.qc` describes the same H as rowPtr/colIdx: row l·Z + r holds,
 * for each block (l, c) with shift s ≥ 0, the column c·Z + (r + s) mod Z, and nothing else.
 */
export function checkQcMatchesH(code: LdpcCode, qc: QcStructure): void {
  const { z, mb, nb, shifts } = qc;
  const fail = (why: string): never => {
    throw new SemcomError('INVALID_ARGUMENT', `code ${code.name}: qc structure does not match H (${why})`);
  };
  if (mb * z !== code.m || nb * z !== code.n || shifts.length !== mb * nb) fail('dimensions');
  const seen = new Uint8Array(code.n);
  for (let l = 0; l < mb; l++) {
    for (let r = 0; r < z; r++) {
      const row = l * z + r;
      const e0 = code.rowPtr[row];
      const e1 = code.rowPtr[row + 1];
      for (let e = e0; e < e1; e++) seen[code.colIdx[e]] = 1;
      let count = 0;
      for (let c = 0; c < nb; c++) {
        const s = shifts[l * nb + c];
        if (s < 0) continue;
        if (s >= z) fail(`shift ${s} ≥ Z = ${z} at block (${l}, ${c})`);
        if (seen[c * z + ((r + s) % z)] !== 1) fail(`row ${row} lacks column ${c * z + ((r + s) % z)}`);
        count++;
      }
      if (count !== e1 - e0) fail(`row ${row} has ${e1 - e0} ones, the shifts give ${count}`);
      for (let e = e0; e < e1; e++) seen[code.colIdx[e]] = 0;
    }
  }
}

/** Builds the SIMD layered decoder for a QC code; throws if wasm SIMD is unavailable. */
export function createLayeredWasmDecoder(code: LdpcCode, rule: MinSumRule): LdpcDecoder {
  const qc = code.qc;
  if (!qc) throw new SemcomError('INVALID_ARGUMENT', `the wasm layered decoder needs a quasi-cyclic code; ${code.name} has no qc structure`);
  checkQcMatchesH(code, qc);
  const mod = kernelModule();
  if (!mod) throw new SemcomError('INVALID_ARGUMENT', 'this runtime cannot compile the WebAssembly SIMD kernel; use backend "js"');
  const k = instantiateWasm<KernelExports>(mod);

  const { z, mb, nb, shifts } = qc;
  const zp = (z + 3) & ~3;
  const strideFloats = 4 * zp; // ≥ 3Z + padding: see the layout notes in assembly/layered.ts
  let blocks = 0;
  let maxDeg = 0;
  for (let l = 0; l < mb; l++) {
    let d = 0;
    for (let c = 0; c < nb; c++) if (shifts[l * nb + c] >= 0) d++;
    if (d < 2) throw new SemcomError('INVALID_ARGUMENT', `layered min-sum needs every check to have degree ≥ 2; block row ${l} of ${code.name} has ${d}`);
    blocks += d;
    maxDeg = Math.max(maxDeg, d);
  }
  // Byte layout, every region 16-byte aligned.
  const align = (x: number): number => (x + 15) & ~15;
  const tab = align(k.heapBase());
  const appRegion = align(tab + 4 * (mb + blocks));
  const app = appRegion + 4 * zp; // junk space of Z floats before column 0
  const msg = align(appRegion + 4 * (zp + nb * strideFloats + zp));
  const tmp = align(msg + 4 * blocks * zp);
  const llrPtr = align(tmp + 16 * maxDeg);
  const post = align(llrPtr + 4 * code.n);
  const outPtr = align(post + 4 * code.n);
  const end = align(outPtr + code.n);
  const have = k.memory.buffer.byteLength;
  if (end > have) k.memory.grow(Math.ceil((end - have) / 65536));

  const i32 = new Int32Array(k.memory.buffer);
  let w = tab >> 2;
  for (let l = 0; l < mb; l++) {
    const rowStart = w++;
    let d = 0;
    for (let c = 0; c < nb; c++) {
      const s = shifts[l * nb + c];
      if (s < 0) continue;
      i32[w++] = 4 * (c * strideFloats + s);
      d++;
    }
    i32[rowStart] = d;
  }
  k.setup(z, mb, nb, 4 * strideFloats, blocks, tab, app, msg, tmp, llrPtr, outPtr, post, LLR_MAX);
  const llrView = new Float32Array(k.memory.buffer, llrPtr, code.n);
  const postView = new Float32Array(k.memory.buffer, post, code.n);
  const outView = new Uint8Array(k.memory.buffer, outPtr, code.n);

  return {
    code,
    name: rule.name,
    decode(llr: Float32Array, out: Uint8Array, options?: DecodeOptions, posterior?: Float32Array): DecodeResult {
      const { maxIterations, earlyStop } = checkDecodeArgs(code, llr, out, posterior, options, LAYERED_DEFAULT_ITERATIONS);
      llrView.set(llr);
      const r = k.decode(maxIterations, earlyStop ? 1 : 0, rule.kernelVariant, rule.param, posterior ? 1 : 0);
      out.set(outView);
      if (posterior) posterior.set(postView);
      return { iterations: r >>> 1, converged: (r & 1) === 1 };
    },
  };
}
