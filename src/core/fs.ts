/**
 * File-system helpers for outputs (sweep results, plots, reports).
 *
 * `ensureDir` replaces `mkdir(path, { recursive: true })`: Node 20's recursive
 * mkdir never returns for some paths (seen under /proc, where mkdir keeps
 * answering ENOENT), which would hang the CLI on a mistyped `--out`. Creating
 * one level at a time is bounded by the depth of the path and turns every
 * failure into an `IO_ERROR` that names the path.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SemcomError } from './errors.js';

async function isDirectory(path: string): Promise<boolean | null> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return null;
  }
}

/** Creates `dir` and its missing parents; returns the absolute path. */
export async function ensureDir(dir: string): Promise<string> {
  if (typeof dir !== 'string' || dir.trim() === '') {
    throw new SemcomError('IO_ERROR', 'output directory must be a non-empty path');
  }
  const target = resolve(dir);
  const missing: string[] = [];
  let p = target;
  for (;;) {
    const kind = await isDirectory(p);
    if (kind === true) break;
    if (kind === false) throw new SemcomError('IO_ERROR', `cannot create directory ${target}: ${p} exists and is not a directory`);
    missing.push(p);
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EEXIST' && (await isDirectory(d))) continue;
      throw new SemcomError('IO_ERROR', `cannot create directory ${d}: ${err.message}`, { cause: e });
    }
  }
  return target;
}
