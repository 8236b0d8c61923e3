import { describe, expect, it } from 'vitest';
import { benchmarkStats, validateBenchmark } from './kg-benchmark.js';
import { TripleIndex } from './triple-index.js';
import { buildWordnetBenchmark, PUBLISHED_SIZES, WN18_RELATIONS, WN18RR_RELATIONS, wn18StageTriples } from './wordnet-benchmark.js';

function keys(a: Int32Array): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < a.length; i += 3) out.add(`${a[i]} ${a[i + 1]} ${a[i + 2]}`);
  return out;
}

describe('buildWordnetBenchmark', () => {
  const b = buildWordnetBenchmark();

  it('has the counts documented in README.md (WordNet 3.1, seed 0, min 5 triples per synset)', () => {
    expect(b.construction.synsets).toBe(117791);
    expect(b.construction.pointerTriples).toBe(347237);
    expect(b.construction.wn18).toMatchObject({ entities: 37932, triples: 149453 });
    expect(b.construction.rr).toEqual({ entities: 37932, triples: 97837 });
    const s = benchmarkStats(b);
    expect(s).toMatchObject({ entities: 37712, relations: 11, train: 91348, validation: 3064, test: 3174, trainEntities: 37712 });
    // Within 10 % of WN18's entity count and 2 % of its triple count (see the module comment for why not exact).
    expect(Math.abs(b.construction.wn18.entities / PUBLISHED_SIZES.wn18.entities - 1)).toBeLessThan(0.1);
    expect(Math.abs(b.construction.wn18.triples / PUBLISHED_SIZES.wn18.triples - 1)).toBeLessThan(0.02);
    // Inverse pairs have equal counts at the WN18 stage: WordNet stores both directions of each semantic pointer.
    const per = b.construction.wn18.perRelation;
    for (const r of WN18_RELATIONS) expect(per[r.id]).toBe(per[r.inverse]);
    expect(Object.keys(per).sort()).toEqual(WN18_RELATIONS.map((r) => r.id).sort());
  });

  it('keeps the 11 WN18RR relations, none the inverse of another', () => {
    expect(b.relations).toEqual(WN18RR_RELATIONS);
    const inverse = new Map(WN18_RELATIONS.map((r) => [r.id, r.inverse]));
    for (const r of b.relations) {
      const inv = inverse.get(r) as string;
      if (inv !== r) expect(b.relations).not.toContain(inv);
    }
  });

  it('has every index in range and every entity in train', () => {
    expect(() => validateBenchmark(b)).not.toThrow();
    expect(b.entities.every((e) => /^wn:\d{8}-[nvar]$/.test(e))).toBe(true);
    expect(new Set(b.entities).size).toBe(b.entities.length);
    const inTrain = new Uint8Array(b.entities.length);
    for (let i = 0; i < b.train.length; i += 3) inTrain[b.train[i]] = inTrain[b.train[i + 2]] = 1;
    expect(inTrain.every((x) => x === 1)).toBe(true);
  });

  it('has disjoint splits: no validation or test triple is in train', () => {
    const train = keys(b.train);
    const valid = keys(b.validation);
    const test = keys(b.test);
    expect(train.size).toBe(b.train.length / 3);
    for (const k of test) expect(train.has(k) || valid.has(k)).toBe(false);
    for (const k of valid) expect(train.has(k)).toBe(false);
  });

  it('leaks no held-out triple through a removed inverse: the WN18 stage holds (t, inverse, h), the benchmark does not', () => {
    const entIndex = new Map(b.entities.map((e, i) => [e, i]));
    const relOf = new Map(WN18_RELATIONS.map((r) => [r.id, r]));
    const stage = new Set(wn18StageTriples().map(([h, r, t]) => `${h} ${r} ${t}`));
    const train = new TripleIndex(b.entities.length, b.relations.length, b.train);
    let checked = 0;
    let incidental = 0;
    for (const split of [b.validation, b.test]) {
      for (let i = 0; i < split.length; i += 3) {
        const [h, r, t] = [b.entities[split[i]], b.relations[split[i + 1]], b.entities[split[i + 2]]];
        const inv = (relOf.get(r) as { inverse: string }).inverse;
        if (inv === r) continue;
        // The leak WN18 had: the inverse triple is a WordNet fact ...
        expect(stage.has(`${t} ${inv} ${h}`)).toBe(true);
        // ... under a relation the benchmark does not have, so no split can contain it.
        expect(b.relations).not.toContain(inv);
        const ti = entIndex.get(t) as number;
        const hi = entIndex.get(h) as number;
        for (let r2 = 0; r2 < b.relations.length; r2++) {
          if (train.has(ti, r2, hi)) {
            incidental++;
            break;
          }
        }
        checked++;
      }
    }
    // A reverse link under some other relation is a separate WordNet fact (a hypernym that is also a
    // derivationally related form, ...), rare: 13 of the 3,164 held-out asymmetric triples with seed 0.
    expect(incidental).toBeLessThan(checked * 0.01);
    expect(checked).toBeGreaterThan(3000);
  });

  it('is deterministic, and the seed only changes the split', () => {
    const again = buildWordnetBenchmark({ fresh: true });
    expect(again).not.toBe(b);
    expect(again.entities).toEqual(b.entities);
    expect(again.train).toEqual(b.train);
    expect(again.validation).toEqual(b.validation);
    expect(again.test).toEqual(b.test);
    const other = buildWordnetBenchmark({ seed: 1 });
    expect(other.test).not.toEqual(b.test);
    expect(other.construction.rr).toEqual(b.construction.rr);
  });

  it('refuses bad options', () => {
    expect(() => buildWordnetBenchmark({ minTriplesPerSynset: 0 })).toThrow(/positive integer/);
    expect(() => buildWordnetBenchmark({ seed: Number.NaN })).toThrow(/finite/);
  });
});
