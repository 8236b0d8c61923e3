import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { NORMAL_WASM_BASE64, NORMAL_WASM_SOURCE_SHA256 } from './normal-wasm.generated.js';
import { NORMAL_WASM_BLOCK, normalKernel } from './normal-wasm.js';
import { Rng, setNormalWasmMinLength } from './rng.js';

// Must match FLAGS in scripts/build-wasm.mjs: they are part of the recorded hash.
const FLAGS = ['--enable', 'simd', '-O3', '--noAssert', '--runtime', 'stub'];

type Arr = Float64Array | Float32Array;
type State = { s0: number; s1: number; s2: number; s3: number };
const stateOf = (r: Rng): number[] => {
  const s = r as unknown as State;
  return [s.s0, s.s1, s.s2, s.s3];
};

/** The kernel of this thread, made by Rng first so that it holds the real tables (those passed here are then ignored). */
function kernel() {
  const prev = setNormalWasmMinLength(1);
  try {
    Rng.stream(0).fillNormal(new Float64Array(1));
  } finally {
    setNormalWasmMinLength(prev);
  }
  const k = normalKernel(new Int32Array(128), new Float64Array(128), new Float64Array(128));
  if (!k) throw new Error('no wasm kernel');
  return k;
}

/** Runs `op` on two generators of the same stream, once on the JS loops and once on wasm; both must agree exactly. */
function expectSame(seed: number, len: number, op: (r: Rng, out: Arr, x: Arr) => void, f32 = false): void {
  const make = (n: number): Arr => (f32 ? new Float32Array(n) : new Float64Array(n));
  const xs = make(len);
  for (let i = 0; i < len; i++) xs[i] = ((i * 7919) % 13) - 6.25;
  const a = Rng.stream(seed, len);
  const b = Rng.stream(seed, len);
  const outA = make(len);
  const outB = make(len);
  const prev = setNormalWasmMinLength(Infinity);
  try {
    op(a, outA, xs.slice());
    setNormalWasmMinLength(1);
    op(b, outB, xs.slice());
  } finally {
    setNormalWasmMinLength(prev);
  }
  const bitsA = new Uint32Array(outA.buffer);
  const bitsB = new Uint32Array(outB.buffer);
  let firstDiff = -1;
  for (let i = 0; i < bitsA.length && firstDiff < 0; i++) if (bitsA[i] !== bitsB[i]) firstDiff = i;
  expect(firstDiff, `seed ${seed}, length ${len}`).toBe(-1);
  expect(stateOf(b)).toEqual(stateOf(a));
  expect([b.nextUint32(), b.normal()]).toEqual([a.nextUint32(), a.normal()]);
}

const B = NORMAL_WASM_BLOCK;
const LENGTHS = [1, 2, 255, 256, 257, 1000, B - 1, B, B + 1, 2 * B - 1, 2 * B, 2 * B + 1, 3 * B + 17];

describe('wasm ziggurat kernel', () => {
  afterEach(() => {
    kernel().setMargin(1e-13);
  });

  it('is up to date with assembly/normal.ts (else run `npm run build:wasm`)', () => {
    const source = readFileSync(new URL('../../assembly/normal.ts', import.meta.url), 'utf8');
    const hash = createHash('sha256').update(source).update('\0').update(FLAGS.join(' ')).digest('hex');
    expect(NORMAL_WASM_SOURCE_SHA256).toBe(hash);
  });

  it('is a valid wasm module with the kernel exports and no imports', () => {
    const bytes = Buffer.from(NORMAL_WASM_BASE64, 'base64');
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
    const wasm = (globalThis as unknown as { WebAssembly: { Module: { new (b: Uint8Array): object; exports(m: object): { name: string }[]; imports(m: object): unknown[] } } }).WebAssembly;
    const mod = new wasm.Module(bytes);
    expect(wasm.Module.imports(mod)).toEqual([]);
    expect(wasm.Module.exports(mod).map((e) => e.name).sort()).toEqual(['add', 'fill', 'heapBase', 'memory', 'setMargin', 'setup']);
    expect(kernel().out.length).toBe(B);
  });

  it('fillNormal: bit-identical numbers and final state to the JS loops, f64 and f32, across seeds and lengths', () => {
    for (let seed = 0; seed < 12; seed++) {
      for (const len of LENGTHS) {
        expectSame(seed, len, (r, out) => r.fillNormal(out, 0.75 + seed, seed - 3.5));
        expectSame(seed, len, (r, out) => r.fillNormal(out), true);
      }
    }
  });

  it('addNormal: bit-identical numbers and final state, f64 and f32, separate and in place', () => {
    for (let seed = 0; seed < 12; seed++) {
      for (const len of LENGTHS) {
        expectSame(seed, len, (r, out, x) => r.addNormal(x, out, 0.3 + seed / 7));
        expectSame(seed, len, (r, out, x) => r.addNormal(x, out, 1.25), true);
        expectSame(seed, len, (r, out, x) => {
          out.set(x);
          r.addNormal(out, out, 2.5); // out is x
        });
      }
    }
  });

  it('works on subarray views and mixed element types', () => {
    for (let seed = 100; seed < 106; seed++) {
      expectSame(seed, 3 * B + 5, (r, out, x) => r.addNormal(x.subarray(3, x.length - 2), out.subarray(1, out.length - 4), 0.9));
      expectSame(seed, 2 * B + 9, (r, out, x) => r.addNormal(Float32Array.from(x), out, 0.9));
      expectSame(seed, 2 * B + 9, (r, out) => r.fillNormal(out.subarray(B - 7), 2, 1));
    }
  });

  it('gives every wedge decision back to JS when forced, with the same results', () => {
    expect(kernel().setMargin(Infinity)).toBe(1e-13);
    for (let seed = 0; seed < 6; seed++) {
      for (const len of [300, B + 1, 2 * B + 3]) {
        expectSame(seed, len, (r, out) => r.fillNormal(out, 1.5, -1));
        expectSame(seed, len, (r, out, x) => r.addNormal(x, out, 0.5));
      }
    }
    // Margin 0: the kernel decides every wedge itself (a tie within an ulp of exp is vanishingly rare).
    kernel().setMargin(0);
    for (let seed = 0; seed < 4; seed++) expectSame(seed, 50_000, (r, out) => r.fillNormal(out));
  });

  it('matches normal() called once per element, by default (wasm from 256 on)', () => {
    for (const len of [256, B + 3, 20_000]) {
      const a = Rng.stream(42, len);
      const b = Rng.stream(42, len);
      const out = new Float64Array(len);
      a.fillNormal(out, 3, 1);
      const expected = new Float64Array(len);
      for (let i = 0; i < len; i++) expected[i] = 1 + 3 * b.normal();
      expect(out).toEqual(expected);
      expect(stateOf(a)).toEqual(stateOf(b));
    }
  });
});
