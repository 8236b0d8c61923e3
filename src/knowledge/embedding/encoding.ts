/**
 * The file format of a trained embedding model: one JSON object,
 *
 *   { "format": "semcom-kge", "version": 1, "model": "transe" | "rotate",
 *     "dim", "entityCount", "relationCount", "gamma", "options": {...},
 *     "entityWidth", "relationWidth", "meta": {...},
 *     "entities": base64, "relations": base64 }
 *
 * where the two tables are little-endian float32, row-major. JSON keeps the
 * header readable (and diffable) and base64 keeps the numbers exact and
 * about 4/3 the size of the raw floats. Decoding checks every field and the
 * exact byte lengths, so a truncated or edited file is refused with
 * MALFORMED_INPUT instead of loading garbage.
 */
import { SemcomError } from '../../core/errors.js';
import { KGE_MODEL_NAMES, type KgeModelName, type KgeParams } from './kge-model.js';

export const KGE_FORMAT = 'semcom-kge';
export const KGE_FORMAT_VERSION = 1;

export interface KgeHeader {
  readonly model: KgeModelName;
  readonly dim: number;
  readonly entityCount: number;
  readonly relationCount: number;
  readonly gamma: number;
  /** Model-specific options (TransE: `norm`, `normalizeEntities`). */
  readonly options: Readonly<Record<string, string | number | boolean>>;
  readonly meta: Readonly<Record<string, string>>;
}

function toBase64(a: Float32Array): string {
  const bytes = new Uint8Array(a.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < a.length; i++) view.setFloat32(4 * i, a[i], true);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function fromBase64(text: unknown, count: number, what: string): Float32Array {
  if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw malformed(`${what} must be a base64 string`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length !== count * 4) throw malformed(`${what} holds ${bytes.length} bytes; the header implies ${count * 4} (${count} float32 values)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const x = view.getFloat32(4 * i, true);
    if (!Number.isFinite(x)) throw malformed(`${what} value ${i} is not finite`);
    out[i] = x;
  }
  return out;
}

function malformed(what: string): SemcomError {
  return new SemcomError('MALFORMED_INPUT', `not a valid ${KGE_FORMAT} model file: ${what}; retrain it or load the file the training script wrote`);
}

/** JSON text of a model (see the module comment). */
export function encodeKgeModel(header: KgeHeader, params: KgeParams): string {
  return JSON.stringify({
    format: KGE_FORMAT,
    version: KGE_FORMAT_VERSION,
    model: header.model,
    dim: header.dim,
    entityCount: header.entityCount,
    relationCount: header.relationCount,
    gamma: header.gamma,
    options: header.options,
    entityWidth: params.entityWidth,
    relationWidth: params.relationWidth,
    meta: header.meta,
    entities: toBase64(params.entities),
    relations: toBase64(params.relations),
  });
}

function positiveInt(o: Record<string, unknown>, key: string, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > max) throw malformed(`'${key}' must be an integer in [1, ${max}]`);
  return v;
}

/**
 * Parses and checks a model file: the header, and the two tables with the
 * widths `widths(header)` the named model requires.
 */
export function decodeKgeModel(
  input: string | unknown,
  widths: (header: KgeHeader) => { entityWidth: number; relationWidth: number },
): { header: KgeHeader; params: KgeParams } {
  let o: unknown = input;
  if (typeof input === 'string') {
    try {
      o = JSON.parse(input);
    } catch (e) {
      throw malformed(`JSON does not parse (${(e as Error).message})`);
    }
  }
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw malformed('expected a JSON object');
  const rec = o as Record<string, unknown>;
  if (rec.format !== KGE_FORMAT) throw malformed(`'format' must be '${KGE_FORMAT}'`);
  if (rec.version !== KGE_FORMAT_VERSION) throw malformed(`unsupported version ${String(rec.version)} (this build reads ${KGE_FORMAT_VERSION})`);
  if (typeof rec.model !== 'string' || !(KGE_MODEL_NAMES as readonly string[]).includes(rec.model)) {
    throw malformed(`'model' must be one of ${KGE_MODEL_NAMES.join(', ')}`);
  }
  const dim = positiveInt(rec, 'dim', 1 << 16);
  const entityCount = positiveInt(rec, 'entityCount', 1 << 26);
  const relationCount = positiveInt(rec, 'relationCount', 1 << 20);
  const gamma = rec.gamma;
  if (typeof gamma !== 'number' || !Number.isFinite(gamma)) throw malformed("'gamma' must be a finite number");
  const options = rec.options ?? {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw malformed("'options' must be an object");
  for (const v of Object.values(options)) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) throw malformed("'options' values must be strings, numbers or booleans");
  }
  const meta = rec.meta ?? {};
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta) || !Object.values(meta).every((v) => typeof v === 'string')) {
    throw malformed("'meta' must be an object of strings");
  }
  const header: KgeHeader = {
    model: rec.model as KgeModelName,
    dim,
    entityCount,
    relationCount,
    gamma,
    options: options as Record<string, string | number | boolean>,
    meta: meta as Record<string, string>,
  };
  const w = widths(header);
  if (rec.entityWidth !== w.entityWidth || rec.relationWidth !== w.relationWidth) {
    throw malformed(`a ${header.model} model of dim ${dim} has row widths ${w.entityWidth}/${w.relationWidth}, the file says ${String(rec.entityWidth)}/${String(rec.relationWidth)}`);
  }
  const params: KgeParams = {
    entities: fromBase64(rec.entities, entityCount * w.entityWidth, "'entities'"),
    relations: fromBase64(rec.relations, relationCount * w.relationWidth, "'relations'"),
    entityWidth: w.entityWidth,
    relationWidth: w.relationWidth,
  };
  return { header, params };
}
