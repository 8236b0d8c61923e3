import { describe, expect, it } from 'vitest';
import { Rng } from '../../../core/rng.js';
import { SLOT_TAGS, slotClass, type SlotTag } from '../keywords/content.js';
import {
  alignmentCost,
  alignmentQuery,
  alignmentSteps,
  DELETE_COST,
  INSERT_COST,
  OTHER_CLASS_COST,
  SAME_CLASS_COST,
  SAME_WORD_BONUS,
  type AlignmentStep,
  type SlotSequence,
} from './alignment.js';

const T = SLOT_TAGS.length;

function fillCost(st: number, sw: number, kt: number, kw: number): number {
  const base = st === kt ? 0 : slotClass(SLOT_TAGS[st] as SlotTag) === slotClass(SLOT_TAGS[kt] as SlotTag) ? SAME_CLASS_COST : OTHER_CLASS_COST;
  return base - (sw >= 0 && sw === kw ? SAME_WORD_BONUS : 0);
}

/** Least cost over every monotone matching of slots to keywords, by enumeration. */
function bruteForce(st: number[], sw: number[], kt: number[], kw: number[]): number {
  let best = Number.POSITIVE_INFINITY;
  const walk = (i: number, j: number, cost: number, pairs: number): void => {
    // Close here: every remaining slot deleted, every remaining keyword inserted.
    const unmatchedSlots = st.length - pairs;
    const unmatchedKeywords = kt.length - pairs;
    best = Math.min(best, cost + unmatchedSlots * DELETE_COST + unmatchedKeywords * INSERT_COST);
    for (let a = i; a < st.length; a++) {
      for (let b = j; b < kt.length; b++) walk(a + 1, b + 1, cost + fillCost(st[a] as number, sw[a] as number, kt[b] as number, kw[b] as number), pairs + 1);
    }
  };
  walk(0, 0, 0, 0);
  return best;
}

function stepsCost(steps: readonly AlignmentStep[], st: number[], sw: number[], kt: number[], kw: number[]): number {
  let c = 0;
  for (const s of steps) {
    if (s.op === 'fill') c += fillCost(st[s.slot] as number, sw[s.slot] as number, kt[s.keyword] as number, kw[s.keyword] as number);
    else if (s.op === 'delete') c += DELETE_COST;
    else c += INSERT_COST;
  }
  return c;
}

describe('alignment', () => {
  it('finds the least cost of every monotone matching, and steps that realise it in order', () => {
    const rng = Rng.stream(20240611, 1);
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + rng.nextInt(5);
      const m = 1 + rng.nextInt(5);
      // Few distinct tags and words, so equal tags and shared words are common.
      const st = Array.from({ length: n }, () => rng.nextInt(4) * 3 % T);
      const sw = Array.from({ length: n }, () => rng.nextInt(6) - 1);
      const kt = Array.from({ length: m }, () => rng.nextInt(4) * 3 % T);
      const kw = Array.from({ length: m }, () => rng.nextInt(6) - 1);
      // Pad the slot arrays to check that `start` is honoured.
      const slots: SlotSequence = { tags: Uint8Array.from([7, ...st]), words: Int32Array.from([3, ...sw]), start: 1, length: n };
      const tags = Uint8Array.from(kt);
      const words = Int32Array.from(kw);
      const exact = bruteForce(st, sw, kt, kw);
      const q = alignmentQuery(tags, words);
      const cost = alignmentCost(slots, q, Number.POSITIVE_INFINITY, new Float64Array(m + 1), new Float64Array(m + 1));
      expect(cost).toBeCloseTo(exact, 9);
      const steps = alignmentSteps(slots, tags, words);
      expect(stepsCost(steps, st, sw, kt, kw)).toBeCloseTo(exact, 9);
      const slotOrder = steps.flatMap((s) => (s.op === 'insert' ? [] : [s.slot]));
      const keywordOrder = steps.flatMap((s) => (s.op === 'delete' ? [] : [s.keyword]));
      expect(slotOrder).toEqual([...Array(n).keys()]);
      expect(keywordOrder).toEqual([...Array(m).keys()]);
      // With a limit, the answer is exact at or below it and above it otherwise.
      const limit = exact - 0.5 + rng.nextDouble();
      const bounded = alignmentCost(slots, q, limit, new Float64Array(m + 1), new Float64Array(m + 1));
      if (exact <= limit) expect(bounded).toBeCloseTo(exact, 9);
      else expect(bounded).toBeGreaterThan(limit);
    }
  });
});
