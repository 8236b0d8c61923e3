import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wasmKernelAvailable } from './layered-wasm.js';
import { LAYERED_WASM_BASE64, LAYERED_WASM_SOURCE_SHA256 } from './wasm-binary.generated.js';

// Must match FLAGS in scripts/build-wasm.mjs: they are part of the recorded hash.
const FLAGS = ['--enable', 'simd', '-O3', '--noAssert', '--runtime', 'stub'];

describe('committed wasm kernel', () => {
  it('is up to date with assembly/layered.ts (else run `npm run build:wasm`)', () => {
    const source = readFileSync(new URL('../../../../assembly/layered.ts', import.meta.url), 'utf8');
    const hash = createHash('sha256').update(source).update('\0').update(FLAGS.join(' ')).digest('hex');
    expect(LAYERED_WASM_SOURCE_SHA256).toBe(hash);
  });

  it('is a valid wasm module with the kernel exports and no imports', () => {
    const bytes = Buffer.from(LAYERED_WASM_BASE64, 'base64');
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
    const wasm = (globalThis as unknown as { WebAssembly: { Module: { new (b: Uint8Array): object; exports(m: object): { name: string }[]; imports(m: object): unknown[] } } }).WebAssembly;
    const mod = new wasm.Module(bytes);
    expect(wasm.Module.imports(mod)).toEqual([]);
    expect(wasm.Module.exports(mod).map((e) => e.name).sort()).toEqual(['decode', 'heapBase', 'memory', 'setup']);
    expect(wasmKernelAvailable()).toBe(true);
  });
});
