/**
 * The future-event list of the discrete-event simulator (issue 6): a binary
 * min-heap keyed by (time, sequence number). The sequence number is the
 * order of `push`, so events at the same time pop in the order they were
 * scheduled, whatever the heap's shape: the same seed gives the same run.
 *
 * The heap is a struct of typed arrays (time, sequence, kind, id) grown by
 * doubling; an event is three numbers, never an object, so a run of ten
 * million events allocates nothing but the occasional doubling. Sifting moves
 * a hole instead of swapping (one write per level).
 */
import { SemcomError } from '../../core/errors.js';

const INITIAL_CAPACITY = 64;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/**
 * A priority queue of simulation events. An event is a time in seconds, a
 * small integer `kind` (what happens) and an integer `id` (to whom); both
 * must fit in int32. After a successful {@link pop}, the fields
 * {@link time}, {@link kind} and {@link id} hold the popped event.
 */
export class EventQueue {
  /** Time of the last popped event, s (NaN before the first pop). */
  time = NaN;
  /** Kind of the last popped event. */
  kind = -1;
  /** Id of the last popped event. */
  id = -1;
  /** Events popped since construction or the last {@link clear}. */
  popped = 0;

  private times: Float64Array;
  // Sequence numbers are integers below 2^53 in a float64: exact for any run.
  private seqs: Float64Array;
  private kinds: Int32Array;
  private ids: Int32Array;
  private n = 0;
  private nextSeq = 0;
  // Pushing before the last popped time would let the simulation move back in time.
  private floor = -Infinity;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    if (!Number.isInteger(initialCapacity) || initialCapacity < 1) {
      throw new SemcomError('INVALID_ARGUMENT', `EventQueue: initialCapacity must be a positive integer, got ${initialCapacity}`);
    }
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.ids = new Int32Array(initialCapacity);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the earliest pending event, s; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0] : Infinity;
  }

  /**
   * Schedules an event.
   * @throws SemcomError `INVALID_ARGUMENT` if `time` is not finite or is
   *   earlier than the last popped time, or `kind`/`id` is not an int32.
   */
  push(time: number, kind: number, id: number): void {
    // time − time is 0 only for a finite time (NaN and ±Infinity give NaN).
    if (!(time >= this.floor) || time - time !== 0) this.badTime(time);
    if ((kind | 0) !== kind || (id | 0) !== id) this.badInt(kind, id);
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const ids = this.ids;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const tp = times[p];
      // Later seq always loses a tie, so a new event never moves above an equal-time parent.
      if (tp <= time) break;
      times[i] = tp;
      seqs[i] = seqs[p];
      kinds[i] = kinds[p];
      ids[i] = ids[p];
      i = p;
    }
    times[i] = time;
    seqs[i] = seq;
    kinds[i] = kind;
    ids[i] = id;
  }

  /** Removes the earliest event into {@link time}, {@link kind}, {@link id}; false when empty. */
  pop(): boolean {
    const n = this.n;
    if (n === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    const kinds = this.kinds;
    const ids = this.ids;
    this.time = times[0];
    this.kind = kinds[0];
    this.id = ids[0];
    this.floor = this.time;
    this.popped++;
    const last = n - 1;
    this.n = last;
    if (last > 0) {
      // Sift the last element down from the root.
      const t = times[last];
      const s = seqs[last];
      const k = kinds[last];
      const d = ids[last];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= last) break;
        const r = c + 1;
        if (r < last) {
          const tc = times[c];
          const tr = times[r];
          if (tr < tc || (tr === tc && seqs[r] < seqs[c])) c = r;
        }
        const tc = times[c];
        if (tc > t || (tc === t && seqs[c] > s)) break;
        times[i] = tc;
        seqs[i] = seqs[c];
        kinds[i] = kinds[c];
        ids[i] = ids[c];
        i = c;
      }
      times[i] = t;
      seqs[i] = s;
      kinds[i] = k;
      ids[i] = d;
    }
    return true;
  }

  /** Drops every pending event and starts over: time floor, sequence and {@link popped} back to their initial values. */
  clear(): void {
    this.n = 0;
    this.nextSeq = 0;
    this.floor = -Infinity;
    this.popped = 0;
    this.time = NaN;
    this.kind = -1;
    this.id = -1;
  }

  private grow(): void {
    const cap = this.times.length * 2;
    const times = new Float64Array(cap);
    const seqs = new Float64Array(cap);
    const kinds = new Int32Array(cap);
    const ids = new Int32Array(cap);
    times.set(this.times);
    seqs.set(this.seqs);
    kinds.set(this.kinds);
    ids.set(this.ids);
    this.times = times;
    this.seqs = seqs;
    this.kinds = kinds;
    this.ids = ids;
  }

  // The throws live out of line so that push stays small enough to inline.
  private badTime(time: number): never {
    if (!Number.isFinite(time)) {
      throw new SemcomError('INVALID_ARGUMENT', `EventQueue.push: event time must be a finite number of seconds, got ${time}`);
    }
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `EventQueue.push: event time ${time} s is earlier than the current simulation time ${this.floor} s; schedule events at or after the event being handled`,
    );
  }

  private badInt(kind: number, id: number): never {
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `EventQueue.push: kind and id must be integers in [${INT32_MIN}, ${INT32_MAX}], got kind ${kind}, id ${id}`,
    );
  }
}
