import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDir } from './fs.js';

describe('ensureDir', () => {
  it('creates missing parents and accepts an existing directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'semcom-fs-'));
    const deep = join(root, 'a', 'b', 'c');
    expect(await ensureDir(deep)).toBe(deep);
    expect(readdirSync(join(root, 'a', 'b'))).toEqual(['c']);
    expect(await ensureDir(deep)).toBe(deep);
  });

  it('fails with IO_ERROR, quickly, where a directory cannot be made', async () => {
    const root = mkdtempSync(join(tmpdir(), 'semcom-fs-'));
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    await expect(ensureDir(join(file, 'sub'))).rejects.toMatchObject({ code: 'IO_ERROR' });
    await expect(ensureDir('')).rejects.toMatchObject({ code: 'IO_ERROR' });
    // Node's recursive mkdir never returns here; ours must fail.
    await expect(ensureDir('/proc/semcom-nope/x')).rejects.toMatchObject({ code: 'IO_ERROR' });
  });
});
