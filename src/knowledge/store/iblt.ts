/**
 * An invertible Bloom lookup table (IBLT) over 64-bit record fingerprints,
 * for set reconciliation (Goodrich & Mitzenmacher, "Invertible Bloom lookup
 * tables", Allerton 2011; Eppstein, Goodrich, Uyeda & Varghese, "What's the
 * difference? Efficient set reconciliation without prior context", SIGCOMM
 * 2011).
 *
 * Each element goes into one cell of each of 3 sub-tables: the cell keeps a
 * count, the XOR of the elements' two 32-bit halves and the XOR of a 32-bit
 * check hash. Subtracting the receiver's table from the sender's cancels the
 * elements both hold; the difference (d elements) is then read out by
 * peeling cells that hold exactly one element. Peeling succeeds with high
 * probability when the table has about 1.5 d cells or more (the 3-hypergraph
 * 2-core threshold, 1/0.818 ≈ 1.22 d, plus slack for small d), so the bytes
 * sent grow with the difference, not with the store: 16 bytes a cell.
 */
import { SemcomError } from '../../core/errors.js';

const K = 3;
const CELL_BYTES = 16;

/** A 32-bit mix of (a, b) under `seed` (murmur3's finaliser steps); the inputs are SHA-256 bits, already uniform. */
function mix(a: number, b: number, seed: number): number {
  let h = (seed ^ a) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = (h ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = [0x9e3779b9, 0x7f4a7c15, 0x94d049bb];
const CHECK_SEED = 0x2545f491;

export class Iblt {
  readonly cells: number;
  readonly count: Int32Array;
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly check: Uint32Array;

  /** A table of `cells` cells (a positive multiple of 3). */
  constructor(cells: number) {
    if (!Number.isInteger(cells) || cells < K || cells % K !== 0 || cells > 1 << 26) throw new SemcomError('INVALID_ARGUMENT', `an IBLT needs a positive multiple of ${K} cells (at most 2^26), got ${cells}`);
    this.cells = cells;
    this.count = new Int32Array(cells);
    this.hi = new Uint32Array(cells);
    this.lo = new Uint32Array(cells);
    this.check = new Uint32Array(cells);
  }

  private toggle(hi: number, lo: number, sign: 1 | -1): void {
    const part = this.cells / K;
    const c = mix(hi, lo, CHECK_SEED);
    for (let i = 0; i < K; i++) {
      const j = i * part + (mix(hi, lo, SEEDS[i]!) % part);
      this.count[j]! += sign;
      this.hi[j]! ^= hi;
      this.lo[j]! ^= lo;
      this.check[j]! ^= c;
    }
  }

  /** Adds a fingerprint (8 bytes, as 16 hex digits or bytes). */
  insert(fp: Uint8Array): void {
    const v = new DataView(fp.buffer, fp.byteOffset, 8);
    this.toggle(v.getUint32(0), v.getUint32(4), 1);
  }

  /** this − other, cell by cell (same size). */
  subtract(other: Iblt): Iblt {
    if (other.cells !== this.cells) throw new SemcomError('INVALID_ARGUMENT', `IBLTs of ${this.cells} and ${other.cells} cells cannot be subtracted`);
    const out = new Iblt(this.cells);
    for (let j = 0; j < this.cells; j++) {
      out.count[j] = this.count[j]! - other.count[j]!;
      out.hi[j] = this.hi[j]! ^ other.hi[j]!;
      out.lo[j] = this.lo[j]! ^ other.lo[j]!;
      out.check[j] = this.check[j]! ^ other.check[j]!;
    }
    return out;
  }

  /**
   * Peels a difference table: the fingerprints (hex) with count +1 (only in
   * the minuend) and −1 (only in the subtrahend), or null when peeling
   * stalls (the table was too small for the difference).
   */
  peel(): { plus: string[]; minus: string[] } | null {
    const t = this.subtract(new Iblt(this.cells));
    const plus: string[] = [];
    const minus: string[] = [];
    const pure = (j: number): boolean => (t.count[j] === 1 || t.count[j] === -1) && mix(t.hi[j]!, t.lo[j]!, CHECK_SEED) === t.check[j];
    const queue: number[] = [];
    for (let j = 0; j < t.cells; j++) if (pure(j)) queue.push(j);
    while (queue.length > 0) {
      const j = queue.pop()!;
      if (!pure(j)) continue;
      const sign = t.count[j] as 1 | -1;
      const hi = t.hi[j]!;
      const lo = t.lo[j]!;
      (sign === 1 ? plus : minus).push(hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0'));
      t.toggle(hi, lo, sign === 1 ? -1 : 1);
      const part = t.cells / K;
      for (let i = 0; i < K; i++) {
        const k = i * part + (mix(hi, lo, SEEDS[i]!) % part);
        if (pure(k)) queue.push(k);
      }
    }
    for (let j = 0; j < t.cells; j++) if (t.count[j] !== 0 || t.hi[j] !== 0 || t.lo[j] !== 0 || t.check[j] !== 0) return null;
    return { plus, minus };
  }

  encode(): Uint8Array {
    const out = new Uint8Array(this.cells * CELL_BYTES);
    const v = new DataView(out.buffer);
    for (let j = 0; j < this.cells; j++) {
      v.setInt32(j * 16, this.count[j]!);
      v.setUint32(j * 16 + 4, this.hi[j]!);
      v.setUint32(j * 16 + 8, this.lo[j]!);
      v.setUint32(j * 16 + 12, this.check[j]!);
    }
    return out;
  }

  static decode(bytes: Uint8Array): Iblt {
    if (!(bytes instanceof Uint8Array) || bytes.length === 0 || bytes.length % (CELL_BYTES * K) !== 0) {
      throw new SemcomError('MALFORMED_INPUT', `an IBLT message is a positive multiple of ${CELL_BYTES * K} bytes, got ${bytes?.length}`);
    }
    const t = new Iblt(bytes.length / CELL_BYTES);
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let j = 0; j < t.cells; j++) {
      t.count[j] = v.getInt32(j * 16);
      t.hi[j] = v.getUint32(j * 16 + 4);
      t.lo[j] = v.getUint32(j * 16 + 8);
      t.check[j] = v.getUint32(j * 16 + 12);
    }
    return t;
  }
}
