/**
 * The little of the WebAssembly API that semcom's kernels use (the LDPC
 * decoder, the bulk Gaussian generator), typed here because tsconfig's lib
 * (ES2022, no DOM) does not declare it, and the loading of a module committed
 * as base64 (so no build step or file lookup is needed at run time).
 */

/** A module instance's linear memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: unknown };
}

const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

function base64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Compiles a module from base64 bytes, synchronously (it is small, and worker
 * threads need it before their first frame). Null where the runtime has no
 * WebAssembly or cannot compile it (e.g. no SIMD): callers keep a JS path.
 */
export function compileWasmBase64(b64: string): object | null {
  if (!api) return null;
  try {
    return new api.Module(base64ToBytes(b64));
  } catch {
    return null;
  }
}

/** A new instance of a compiled module (no imports); its exports typed by the caller. */
export function instantiateWasm<T>(module: object): T {
  if (!api) throw new Error('this runtime has no WebAssembly');
  return new api.Instance(module, {}).exports as T;
}
