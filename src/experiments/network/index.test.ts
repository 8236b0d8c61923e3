import { describe, expect, it } from 'vitest';
import { caseStudyNames, getCaseStudy } from '../registry.js';
import '../catalog.js';
import { createNetworkCellRunner, mergeScenario, type NetworkCellConfig } from './cells.js';
import { ALLOCATIONS, DRIFT_RATES, LOAD_DEVICES, LOAD_SCHEMES, PLACEMENTS, POLICY_DEVICES, SYNC_PERIODS } from './index.js';

const config = (name: string, quick: boolean): NetworkCellConfig => getCaseStudy(name, { quick }).runner.config as NetworkCellConfig;

describe('network case studies', () => {
  it('registers the three studies with one plan entry per cell, cloneable for the workers', () => {
    for (const name of ['network-load', 'network-policies', 'network-sync']) {
      expect(caseStudyNames()).toContain(name);
      for (const quick of [false, true]) {
        const study = getCaseStudy(name, { quick });
        const c = config(name, quick);
        expect(c.plan).toHaveLength(study.cells.length);
        expect(structuredClone(c)).toEqual(c);
      }
    }
    expect(getCaseStudy('network-load').cells).toHaveLength(LOAD_SCHEMES.length * LOAD_DEVICES.length);
    expect(getCaseStudy('network-policies').cells).toHaveLength(ALLOCATIONS.length * POLICY_DEVICES.length + PLACEMENTS.length);
    expect(getCaseStudy('network-sync').cells).toHaveLength(DRIFT_RATES.length * SYNC_PERIODS.length);
  });

  it('compares the schemes of network-load under the same scenario, only the scheme and load changing', () => {
    const c = config('network-load', false);
    const keys = new Set(c.plan.map((p) => JSON.stringify({ ...p.overrides, services: undefined, devices: undefined })));
    expect(keys.size).toBe(1);
    const byScheme = new Map<string, number[]>();
    getCaseStudy('network-load').cells.forEach((cell, i) => byScheme.set(cell.scheme, [...(byScheme.get(cell.scheme) ?? []), c.plan[i]!.echo.load as number]));
    for (const loads of byScheme.values()) expect(loads).toEqual([...LOAD_DEVICES]);
  });

  it('runs a cell: a scenario from the base and the cell’s overrides, seeded by the cell', async () => {
    const c = config('network-load', true);
    const small: NetworkCellConfig = { ...c, base: mergeScenario(c.base, { durationS: 20, warmupS: 2 }), plan: [{ ...c.plan[0]!, overrides: mergeScenario(c.plan[0]!.overrides, { devices: { count: 40 } }) }] };
    const runner = await createNetworkCellRunner(small);
    const cell = { index: 0, ...getCaseStudy('network-load', { quick: true }).cells[0]! };
    const a = await runner.runCell(cell, 11);
    const b = await runner.runCell(cell, 11);
    const noWall = (r: typeof a) => ({ ...r, extra: { ...r.extra, wallMs: 0 } });
    expect(noWall(b)).toEqual(noWall(a));
    expect(a.items).toBeGreaterThan(0);
    expect(a.extra).toMatchObject({ load: c.plan[0]!.echo.load, devices: 40 });
    expect(a.semanticAccuracy).toBe(a.extra!.taskSuccess);
    await expect(runner.runCell({ ...cell, index: 3 }, 1)).rejects.toThrow(/no entry in the plan/);
  });

  it('states a bad override as the scenario field it breaks', async () => {
    const runner = await createNetworkCellRunner({ base: { durationS: 10 }, plan: [{ overrides: { devices: { count: -1 } }, echo: {} }] });
    await expect(runner.runCell({ index: 0, scheme: 'x', channel: 'rayleigh', modulation: 'adaptive', snrDb: 0 }, 1)).rejects.toThrow(/devices\.count/);
  });
});
