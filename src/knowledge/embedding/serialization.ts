/**
 * Loading a model file written by `KgeModel.serialize` (format in
 * encoding.ts): the header names the model, and the matching class is built
 * on the decoded tables.
 */
import { readFile } from 'node:fs/promises';
import { SemcomError } from '../../core/errors.js';
import { decodeKgeModel, type KgeHeader } from './encoding.js';
import type { KgeModel } from './kge-model.js';
import { RotatE } from './rotate.js';
import { TransE } from './transe.js';

function widths(h: KgeHeader): { entityWidth: number; relationWidth: number } {
  return h.model === 'rotate' ? { entityWidth: 2 * h.dim, relationWidth: h.dim } : { entityWidth: h.dim, relationWidth: h.dim };
}

/** A model and the free-form `meta` strings stored with it; bad input → MALFORMED_INPUT. */
export function deserializeKgeModel(input: string | unknown): { model: KgeModel; meta: Readonly<Record<string, string>> } {
  const { header, params } = decodeKgeModel(input, widths);
  const base = { entityCount: header.entityCount, relationCount: header.relationCount, dim: header.dim, gamma: header.gamma };
  if (header.model === 'rotate') return { model: new RotatE(base, params), meta: header.meta };
  const norm = header.options.norm ?? 'L1';
  if (norm !== 'L1' && norm !== 'L2') throw new SemcomError('MALFORMED_INPUT', `TransE model file: options.norm must be 'L1' or 'L2', got ${String(norm)}`);
  const normalizeEntities = header.options.normalizeEntities ?? false;
  if (typeof normalizeEntities !== 'boolean') throw new SemcomError('MALFORMED_INPUT', 'TransE model file: options.normalizeEntities must be a boolean');
  return { model: new TransE({ ...base, norm, normalizeEntities }, params), meta: header.meta };
}

/** Reads and decodes a model file; IO_ERROR if it cannot be read. */
export async function loadKgeModel(path: string): Promise<{ model: KgeModel; meta: Readonly<Record<string, string>> }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot read the model file ${path}: ${(e as Error).message}; train one with training/train-kge.ts`, { cause: e });
  }
  return deserializeKgeModel(text);
}
