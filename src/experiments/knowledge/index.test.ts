import { describe, expect, it } from 'vitest';
import { caseStudyNames, getCaseStudy } from '../registry.js';
import '../catalog.js';
import { createKnowledgeCellRunner, DEGRADED, SYNCED, type KnowledgeCellConfig } from './cells.js';
import { REMOVE_FRACTIONS, STALE_PER_REMOVED } from './index.js';

describe('knowledge-mismatch case study', () => {
  it('pairs every degradation level with the same level after a sync, on one clean link', () => {
    expect(caseStudyNames()).toContain('knowledge-mismatch');
    for (const quick of [false, true]) {
      const study = getCaseStudy('knowledge-mismatch', { quick });
      const config = study.runner.config as KnowledgeCellConfig;
      expect(config.plan).toHaveLength(study.cells.length);
      expect(config.items).toBe(quick ? 60 : 1000);
      expect(study.itemsPerCell).toBe(config.items);
      const half = study.cells.length / 2;
      study.cells.forEach((c, i) => {
        const p = config.plan[i]!;
        expect(c.scheme).toBe(p.sync ? SYNCED : DEGRADED);
        expect(p.sync).toBe(i >= half);
        // The same receiver in both phases of a level.
        expect(config.plan[i % half]).toMatchObject({ removeFraction: p.removeFraction, staleFraction: p.staleFraction });
        expect(p.staleFraction).toBeCloseTo(p.removeFraction * STALE_PER_REMOVED, 12);
        expect(p.removeFraction + p.staleFraction).toBeLessThanOrEqual(1);
        expect(c).toMatchObject({ channel: 'awgn', modulation: '16qam', snrDb: 20 });
      });
      const fractions = config.plan.slice(0, half).map((p) => p.removeFraction);
      expect(fractions[0]).toBe(0);
      expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
      expect(structuredClone(config)).toEqual(config);
    }
    expect(getCaseStudy('knowledge-mismatch').cells).toHaveLength(2 * REMOVE_FRACTIONS.length);
  });

  it('passes model specs into the cells and states them in the conditions', () => {
    const spec = 'openai-compatible:http://localhost:11434/v1#qwen2.5:0.5b';
    const study = getCaseStudy('knowledge-mismatch', { quick: true, models: { text: spec, embedding: 'embedded:word-vectors' } });
    expect(study.runner.config).toMatchObject({ models: { understanding: spec, generating: spec, similarity: 'embedded:word-vectors' } });
    expect(study.conditions.join(' ')).toContain(spec);
    expect(getCaseStudy('knowledge-mismatch', { quick: true }).runner.config).not.toHaveProperty('models');
  });

  it('refuses a cell its plan does not name, before building any store', async () => {
    const runner = await createKnowledgeCellRunner({ items: 2, plan: [{ removeFraction: 0.1, staleFraction: 0.05, sync: false }], degradeSeed: 1 });
    const cell = { index: 0, scheme: SYNCED, channel: 'awgn', modulation: '16qam', snrDb: 20 };
    await expect(runner.runCell(cell, 1)).rejects.toThrow(/planned as semantic, not semantic\+sync/);
    await expect(runner.runCell({ ...cell, index: 1, scheme: DEGRADED }, 1)).rejects.toThrow(/no entry in the plan/);
    await expect(createKnowledgeCellRunner({ items: 2, plan: [], degradeSeed: 1 })).rejects.toThrow(/plan/);
  });
});
