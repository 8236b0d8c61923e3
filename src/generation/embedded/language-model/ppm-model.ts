/**
 * Prediction by partial matching over bytes (Cleary & Witten 1984), with the
 * escape estimate of method C (Moffat 1990) or D (Howard 1993), full
 * exclusion and update exclusion.
 *
 * A message is coded as its UTF-8 bytes followed by EOM (symbol 256). Each
 * message starts in its own context: order 1 is the start-of-message node,
 * higher orders fill as bytes are coded, and nothing of the previous message
 * is seen, so a message coded alone and one coded in a list cost the same
 * under the same counts.
 *
 * Coding a symbol x starts in the longest context that exists (up to the
 * model order) and has a symbol not excluded. With n = Σ counts and t
 * distinct symbols there (exclusion applied):
 * - method C: p(s) = c(s) / (n + t), p(escape) = t / (n + t);
 * - method D: p(s) = (2c(s) − 1) / 2n, p(escape) = t / 2n.
 * On escape, the symbols of that context are excluded in all lower ones.
 * Below order 0, order −1 codes x uniformly among the 257 symbols not yet
 * excluded, so every byte value (and EOM) is codable: bytes never seen in
 * training cost more but are never dropped.
 *
 * Update exclusion (Moffat 1990, Sec. 3): after coding x at order k, its
 * count is incremented at order k and x is added (count 1) to the existing
 * higher-order contexts; lower orders are left alone. Lower-order counts thus
 * count novel continuations, as in Kneser–Ney smoothing. Training is coding
 * without output.
 */
import { SemcomError } from '../../../core/errors.js';
import { MAX_TOTAL } from '../../../semantic/arithmetic/constants.js';
import type { ArithmeticDecoder } from '../../../semantic/arithmetic/decoder.js';
import { ALPHABET, EOM, PpmTrie } from './ppm-trie.js';

/** Escape estimator: 'C' (Moffat 1990) or 'D' (Howard 1993). */
export type PpmEscapeMethod = 'C' | 'D';

/** Where coded intervals go: an arithmetic encoder or a cost meter. */
export interface IntervalSink {
  encode(cumLow: number, cumHigh: number, total: number): void;
}

/** Sums the information content −log2 p of the intervals it is given, in bits. */
export class CostMeter implements IntervalSink {
  bits = 0;
  encode(cumLow: number, cumHigh: number, total: number): void {
    this.bits += Math.log2(total / (cumHigh - cumLow));
  }
}

/** Largest model order accepted. */
export const MAX_PPM_ORDER = 12;

/** The trained statistics. Treat as immutable: coders copy it before adapting. */
export class PpmModel {
  constructor(
    readonly trie: PpmTrie,
    readonly order: number,
    readonly escape: PpmEscapeMethod,
  ) {
    if (!Number.isInteger(order) || order < 0 || order > MAX_PPM_ORDER) {
      throw new SemcomError('INVALID_ARGUMENT', `PPM order must be an integer in 0..${MAX_PPM_ORDER}, got ${order}`);
    }
    if (escape !== 'C' && escape !== 'D') {
      throw new SemcomError('INVALID_ARGUMENT', `PPM escape method must be 'C' or 'D', got ${String(escape)}`);
    }
  }

  /** A deep copy, for a coder that adapts its counts. */
  clone(): PpmModel {
    return new PpmModel(this.trie.clone(), this.order, this.escape);
  }
}

/**
 * The coding state of one message: the current context node of each order
 * and the scratch space of exclusion. Allocated once per message (or per
 * coder), so coding a symbol allocates nothing.
 */
export class PpmCursor {
  /** ctx[k] = node of the order-k context, valid for k ≤ top. */
  private readonly ctx: Int32Array;
  private top = 0;
  /** excl[s] === stamp: s is excluded while coding the current symbol. */
  private readonly excl = new Uint32Array(ALPHABET);
  private stamp = 0;
  /** Nodes of the non-excluded children of the context being coded. */
  private readonly list = new Int32Array(ALPHABET);
  /** Order at which the last symbol was coded (−1: order −1). */
  private codedOrder = -1;
  /** Node of the last symbol in ctx[codedOrder] (when codedOrder ≥ 0). */
  private codedNode = -1;

  constructor(private model: PpmModel) {
    this.ctx = new Int32Array(model.order + 2);
    this.reset();
  }

  /** Starts a new message (start-of-message context). */
  reset(): void {
    this.ctx[0] = 0;
    this.ctx[1] = 1;
    this.top = this.model.order >= 1 ? 1 : 0;
  }

  /** Codes symbol x (0..256) into `sink`. */
  encode(sink: IntervalSink, x: number): void {
    const { trie, escape } = this.model;
    const { sym, count, child, next } = trie;
    const excl = this.excl;
    const list = this.list;
    const stamp = this.nextStamp();
    const dmul = escape === 'D' ? 2 : 1;
    const dsub = escape === 'D' ? 1 : 0;
    let excluded = 0;
    for (let k = this.top; k >= 0; k--) {
      let m = 0;
      let total = 0;
      let lo = -1;
      let hi = 0;
      let hitNode = -1;
      for (let n = child[this.ctx[k]]; n >= 0; n = next[n]) {
        const s = sym[n];
        if (excl[s] === stamp) continue;
        excl[s] = stamp;
        list[m++] = n;
        const f = dmul * count[n] - dsub;
        if (s === x) {
          lo = total;
          hi = total + f;
          hitNode = n;
        }
        total += f;
      }
      if (m === 0) continue;
      const all = total + m;
      if (all > MAX_TOTAL) {
        this.encodeScaled(sink, m, all, hitNode, dmul, dsub);
      } else if (hitNode >= 0) {
        sink.encode(lo, hi, all);
      } else {
        sink.encode(total, all, all);
      }
      if (hitNode >= 0) {
        this.codedOrder = k;
        this.codedNode = hitNode;
        return;
      }
      excluded += m;
    }
    // Order −1: uniform over the symbols not excluded.
    let rank = 0;
    for (let s = 0; s < x; s++) if (excl[s] !== stamp) rank++;
    sink.encode(rank, rank + 1, ALPHABET - excluded);
    this.codedOrder = -1;
    this.codedNode = -1;
  }

  /** Decodes one symbol (0..256). */
  decode(dec: ArithmeticDecoder): number {
    const { trie, escape } = this.model;
    const { sym, count, child, next } = trie;
    const excl = this.excl;
    const list = this.list;
    const stamp = this.nextStamp();
    const dmul = escape === 'D' ? 2 : 1;
    const dsub = escape === 'D' ? 1 : 0;
    let excluded = 0;
    for (let k = this.top; k >= 0; k--) {
      let m = 0;
      let total = 0;
      for (let n = child[this.ctx[k]]; n >= 0; n = next[n]) {
        const s = sym[n];
        if (excl[s] === stamp) continue;
        excl[s] = stamp;
        list[m++] = n;
        total += dmul * count[n] - dsub;
      }
      if (m === 0) continue;
      let all = total + m;
      let shift = 0;
      if (all > MAX_TOTAL) {
        shift = scaleShift(all);
        all = this.scaledTotal(m, shift, dmul, dsub);
      }
      const t = dec.target(all);
      let cum = 0;
      for (let i = 0; i < m; i++) {
        const n = list[i];
        const f = scaled(dmul * count[n] - dsub, shift);
        if (t < cum + f) {
          dec.consume(cum, cum + f, all);
          this.codedOrder = k;
          this.codedNode = n;
          return sym[n];
        }
        cum += f;
      }
      dec.consume(cum, all, all);
      excluded += m;
    }
    const t = dec.target(ALPHABET - excluded);
    let rank = 0;
    for (let s = 0; s < ALPHABET; s++) {
      if (excl[s] === stamp) continue;
      if (rank === t) {
        dec.consume(rank, rank + 1, ALPHABET - excluded);
        this.codedOrder = -1;
        this.codedNode = -1;
        return s;
      }
      rank++;
    }
    throw new SemcomError('INTERNAL', 'PPM decoder: order −1 target out of range');
  }

  /**
   * Moves to the contexts after symbol x (the one just coded). With `adapt`,
   * first updates the counts with update exclusion (the model must be a
   * private copy). After EOM only the update is done; call {@link reset}
   * before the next message.
   */
  advance(x: number, adapt: boolean): void {
    const trie = this.model.trie;
    const ctx = this.ctx;
    const top = this.top;
    if (adapt) {
      const k0 = this.codedOrder;
      if (k0 >= 0) trie.count[this.codedNode]++;
      for (let k = top; k > k0; k--) trie.addChild(ctx[k], x, 1);
    }
    if (x === EOM) return;
    // New order-(k+1) context = child x of the old order-k context; longest first, as ctx[k] is overwritten.
    const newTop = Math.min(top + 1, this.model.order);
    for (let k = newTop - 1; k >= 0; k--) ctx[k + 1] = trie.findChild(ctx[k], x);
    ctx[0] = 0;
    // A static model may lack a context; the orders above a missing one are missing too.
    let t = 0;
    while (t < newTop && ctx[t + 1] >= 0) t++;
    this.top = t;
  }

  private encodeScaled(sink: IntervalSink, m: number, all: number, hitNode: number, dmul: number, dsub: number): void {
    const shift = scaleShift(all);
    const scaledAll = this.scaledTotal(m, shift, dmul, dsub);
    const count = this.model.trie.count;
    let cum = 0;
    for (let i = 0; i < m; i++) {
      const n = this.list[i];
      const f = scaled(dmul * count[n] - dsub, shift);
      if (n === hitNode) {
        sink.encode(cum, cum + f, scaledAll);
        return;
      }
      cum += f;
    }
    sink.encode(cum, scaledAll, scaledAll);
  }

  private scaledTotal(m: number, shift: number, dmul: number, dsub: number): number {
    const count = this.model.trie.count;
    let total = 0;
    for (let i = 0; i < m; i++) total += scaled(dmul * count[this.list[i]] - dsub, shift);
    return total + scaled(m, shift);
  }

  private nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.excl.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/** Right shift that brings a total above MAX_TOTAL to at most MAX_TOTAL/2 (the +1 per symbol of `scaled` then fits). */
function scaleShift(total: number): number {
  let s = 0;
  while (total / 2 ** s > MAX_TOTAL / 2) s++;
  return s;
}

/** A frequency divided by 2^shift, kept ≥ 1. */
function scaled(f: number, shift: number): number {
  if (shift === 0) return f;
  const v = Math.floor(f / 2 ** shift);
  return v > 0 ? v : 1;
}
