/**
 * How a cell sends its items: the whole batch at once (so models run
 * batched), and, if the batch throws, item by item, so one bad item is one
 * failed item (null), not a lost cell. Item i of the retry draws from
 * `Rng.stream(seed, i + 1)`; the batch from `Rng.stream(seed)`. If every item
 * fails, the batch's error is thrown (the cell fails with it).
 */
import { Rng } from '../core/rng.js';

export async function transmitWithItemRetry<I, O>(
  items: readonly I[],
  seed: number,
  transmit: (batch: readonly I[], rng: Rng) => Promise<O[]>,
): Promise<(O | null)[]> {
  try {
    return await transmit(items, Rng.stream(seed));
  } catch (batchError) {
    const outcomes: (O | null)[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        outcomes.push((await transmit([items[i]], Rng.stream(seed, i + 1)))[0] ?? null);
      } catch {
        outcomes.push(null);
      }
    }
    if (outcomes.every((o) => o === null)) throw batchError;
    return outcomes;
  }
}
