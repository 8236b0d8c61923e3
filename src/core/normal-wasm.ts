/**
 * The bulk ziggurat (Rng.fillNormal / Rng.addNormal) on the WebAssembly kernel
 * of assembly/normal.ts: the same xoshiro128** words, the same tables and the
 * same f64 arithmetic as the JS loops in rng.ts, so both give bit-identical
 * numbers and leave the generator in the same state. The kernel runs the fast
 * path and the wedge test; it hands back to the host (rng.ts, in JS) the tail
 * draws and the wedge tests too close to call against the host's Math.exp,
 * which its own exp may miss by an ulp.
 *
 * One instance per thread (worker threads each get their own), created lazily
 * with a synchronous `new WebAssembly.Module`; every Rng of the thread shares
 * it, passing its state in and out of the instance's memory on each call. The
 * host copies values through a fixed scratch memory in blocks of
 * {@link NORMAL_WASM_BLOCK} elements.
 */
import { NORMAL_WASM_BASE64 } from './normal-wasm.generated.js';
import { compileWasmBase64, instantiateWasm, type WasmMemory } from './wasm.js';

interface KernelExports {
  memory: WasmMemory;
  heapBase(): number;
  setup(kt: number, wt: number, ft: number, st: number, xb: number, ob: number): void;
  setMargin(m: number): number;
  fill(from: number, n: number, std: number, mean: number): number;
  add(from: number, n: number, std: number): number;
}

/** Elements per block of the scratch buffers (two Float64Arrays of this length). */
export const NORMAL_WASM_BLOCK = 4096;

/** The kernel of one thread, with views of its memory. */
export interface NormalKernel {
  /** [s0, s1, s2, s3, pending hz]: the generator state in and out of each call. */
  readonly state: Int32Array;
  /** Input of {@link add}, {@link NORMAL_WASM_BLOCK} values. */
  readonly x: Float64Array;
  /** Output of both loops, {@link NORMAL_WASM_BLOCK} values. */
  readonly out: Float64Array;
  /** out[i] = mean + std·z for i from `from` until `n` or a word the host must finish (stored in state[4]); returns that index. */
  fill(from: number, n: number, std: number, mean: number): number;
  /** out[i] = x[i] + std·z; otherwise as {@link fill}. */
  add(from: number, n: number, std: number): number;
  /** Sets the relative margin below which wedge decisions go back to the host; returns the previous one (tests). */
  setMargin(m: number): number;
}

let cached: NormalKernel | null | undefined;

/**
 * This thread's kernel, instantiated on first use with the ziggurat tables
 * `k` (thresholds), `w` (widths) and `f` (densities) copied into its memory; null where
 * the runtime has no WebAssembly (the caller then keeps to its JS loops).
 */
export function normalKernel(k: Int32Array, w: Float64Array, f: Float64Array): NormalKernel | null {
  if (cached === undefined) {
    try {
      cached = instantiate(k, w, f);
    } catch {
      cached = null;
    }
  }
  return cached;
}

function instantiate(k: Int32Array, w: Float64Array, f: Float64Array): NormalKernel {
  const mod = compileWasmBase64(NORMAL_WASM_BASE64);
  if (!mod) throw new Error('no WebAssembly');
  const e = instantiateWasm<KernelExports>(mod);
  const align = (x: number): number => (x + 15) & ~15;
  const kt = align(e.heapBase());
  const wt = align(kt + 4 * k.length);
  const ft = align(wt + 8 * w.length);
  const st = align(ft + 8 * f.length);
  const xb = align(st + 4 * 5);
  const ob = align(xb + 8 * NORMAL_WASM_BLOCK);
  const end = ob + 8 * NORMAL_WASM_BLOCK;
  const have = e.memory.buffer.byteLength;
  if (end > have) e.memory.grow(Math.ceil((end - have) / 65536));
  // The memory never grows again, so these views stay valid.
  const buf = e.memory.buffer;
  new Int32Array(buf, kt, k.length).set(k);
  new Float64Array(buf, wt, w.length).set(w);
  new Float64Array(buf, ft, f.length).set(f);
  e.setup(kt, wt, ft, st, xb, ob);
  return {
    state: new Int32Array(buf, st, 5),
    x: new Float64Array(buf, xb, NORMAL_WASM_BLOCK),
    out: new Float64Array(buf, ob, NORMAL_WASM_BLOCK),
    fill: e.fill,
    add: e.add,
    setMargin: e.setMargin,
  };
}
