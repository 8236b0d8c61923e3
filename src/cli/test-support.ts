/** What the CLI tests share: stdout and stderr captured per test. */
import { afterEach, beforeEach, vi } from 'vitest';

/** Captures process.stdout/stderr writes in each test of the calling file; `reset()` empties both. */
export function captureOutput(): { readonly out: () => string; readonly err: () => string; readonly reset: () => void } {
  let out = '';
  let err = '';
  beforeEach(() => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return {
    out: () => out,
    err: () => err,
    reset: () => {
      out = '';
      err = '';
    },
  };
}
