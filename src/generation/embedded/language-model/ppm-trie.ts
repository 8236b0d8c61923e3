/**
 * The context trie of the PPM model, in flat typed arrays (no object per
 * node). A node stands for a string s; its children are the symbols seen
 * after s, each with its count, and each child node is itself the context
 * s·symbol one order higher (Cleary & Witten 1984, Sec. 3). Children form a
 * singly linked list (first child, next sibling).
 *
 * Node 0 is the empty context (order 0). Node 1 is the start-of-message
 * context: an order-1 context that is nobody's child, whose children are the
 * first symbols of messages (see ppm-model.ts).
 */
import { SemcomError } from '../../../core/errors.js';

/** Symbol ids: bytes 0..255, then the end of message. */
export const EOM = 256;
/** Size of the coded alphabet (256 byte values and EOM). */
export const ALPHABET = 257;
/** Pseudo-symbol of the start-of-message node; never coded. */
export const BOS = 257;

/** Most nodes a trie may hold (capacity doubles up to this, 8·2^24 ≈ 134 M). */
const MAX_NODES = 1 << 27;

export class PpmTrie {
  sym: Uint16Array;
  count: Uint32Array;
  child: Int32Array;
  next: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    const c = Math.max(2, capacity | 0);
    this.sym = new Uint16Array(c);
    this.count = new Uint32Array(c);
    this.child = new Int32Array(c);
    this.next = new Int32Array(c);
    this.newNode(0, 0); // root, the empty context
    this.newNode(BOS, 0); // start of message
  }

  /** Appends `symbol` with `count` to the children of `parent`; returns the new node. */
  addChild(parent: number, symbol: number, count: number): number {
    const n = this.newNode(symbol, count);
    // Appended at the head: O(1); order is fixed again by sortChildren.
    this.next[n] = this.child[parent];
    this.child[parent] = n;
    return n;
  }

  /** The child of `parent` for `symbol`, or −1. */
  findChild(parent: number, symbol: number): number {
    const sym = this.sym;
    const next = this.next;
    let n = this.child[parent];
    while (n >= 0 && sym[n] !== symbol) n = next[n];
    return n;
  }

  /**
   * Reorders every child list by descending count (ties by symbol), so the
   * frequent symbols are found after a short scan. Coding order does not
   * matter for correctness (both ends hold the same trie) but speed does.
   */
  sortChildren(): void {
    const items: number[] = [];
    const count = this.count;
    const sym = this.sym;
    for (let p = 0; p < this.size; p++) {
      if (this.child[p] < 0) continue;
      items.length = 0;
      for (let n = this.child[p]; n >= 0; n = this.next[n]) items.push(n);
      if (items.length < 2) continue;
      items.sort((a, b) => count[b] - count[a] || sym[a] - sym[b]);
      this.child[p] = items[0];
      for (let i = 0; i < items.length; i++) this.next[items[i]] = i + 1 < items.length ? items[i + 1] : -1;
    }
  }

  /** A deep copy with no spare capacity beyond a little headroom. */
  clone(): PpmTrie {
    const t = Object.create(PpmTrie.prototype) as PpmTrie;
    const cap = this.size + 1024;
    t.sym = copy(this.sym, new Uint16Array(cap), this.size);
    t.count = copy(this.count, new Uint32Array(cap), this.size);
    t.child = copy(this.child, new Int32Array(cap), this.size);
    t.next = copy(this.next, new Int32Array(cap), this.size);
    t.size = this.size;
    return t;
  }

  /** Bytes held by the node arrays (allocated capacity). */
  get byteLength(): number {
    return this.sym.byteLength + this.count.byteLength + this.child.byteLength + this.next.byteLength;
  }

  private newNode(symbol: number, count: number): number {
    if (this.size === this.sym.length) this.grow();
    const n = this.size++;
    this.sym[n] = symbol;
    this.count[n] = count;
    this.child[n] = -1;
    this.next[n] = -1;
    return n;
  }

  private grow(): void {
    const cap = this.sym.length * 2;
    if (cap > MAX_NODES) {
      throw new SemcomError('INVALID_ARGUMENT', `PPM model: more than ${MAX_NODES} context nodes; train on less text or a lower order`);
    }
    this.sym = copy(this.sym, new Uint16Array(cap), this.size);
    this.count = copy(this.count, new Uint32Array(cap), this.size);
    this.child = copy(this.child, new Int32Array(cap), this.size);
    this.next = copy(this.next, new Int32Array(cap), this.size);
  }
}

function copy<T extends Uint16Array | Uint32Array | Int32Array>(from: T, to: T, n: number): T {
  to.set(from.subarray(0, n));
  return to;
}
