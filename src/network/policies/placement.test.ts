import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { fixedPlacement, minEnergyPlacement, minLatencyPlacement } from './placement.js';
import type { PlacementOption } from './types.js';

const device: PlacementOption = { where: 'device', latencyS: 2.0, deviceEnergyJ: 6, infraEnergyJ: 0 };
const edge: PlacementOption = { where: 'edge', latencyS: 0.4, deviceEnergyJ: 0.5, infraEnergyJ: 3 };
const cloud: PlacementOption = { where: 'cloud', latencyS: 0.6, deviceEnergyJ: 0.5, infraEnergyJ: 1 };
const OPTIONS = [device, edge, cloud];

describe('fixed placement', () => {
  it('takes its site when offered', () => {
    expect(fixedPlacement('device').place(OPTIONS, 1)).toBe(0);
    expect(fixedPlacement('edge').place(OPTIONS, 1)).toBe(1);
    expect(fixedPlacement('cloud').place(OPTIONS, 1)).toBe(2);
    expect(fixedPlacement('cloud').name).toBe('cloud');
  });

  it('falls back to the lowest-latency option when its site is absent', () => {
    expect(fixedPlacement('device').place([cloud, edge], 1)).toBe(1);
  });

  it('rejects an unknown site and empty options', () => {
    expect(() => fixedPlacement('fog' as PlacementOption['where'])).toThrow(SemcomError);
    expect(() => fixedPlacement('edge').place([], 1)).toThrow(/no placement option/);
  });
});

describe('min-latency placement', () => {
  it('takes the argmin of latency, ties to less device energy', () => {
    expect(minLatencyPlacement().place(OPTIONS, 1)).toBe(1);
    const tie: PlacementOption[] = [
      { where: 'device', latencyS: 0.4, deviceEnergyJ: 6, infraEnergyJ: 0 },
      { where: 'edge', latencyS: 0.4, deviceEnergyJ: 0.5, infraEnergyJ: 3 },
    ];
    expect(minLatencyPlacement().place(tie, 1)).toBe(1);
  });

  it('never prefers an option whose latency estimate is NaN', () => {
    const opts: PlacementOption[] = [{ ...edge, latencyS: Number.NaN }, cloud];
    expect(minLatencyPlacement().place(opts, 1)).toBe(1);
  });
});

describe('min-energy placement', () => {
  it('takes the least total energy among options meeting the deadline', () => {
    // Deadline 1 s: edge (3.5 J) and cloud (1.5 J) meet it; device (6 J, 2 s) does not.
    expect(minEnergyPlacement().place(OPTIONS, 1)).toBe(2);
    // Deadline 0.5 s: only the edge meets it.
    expect(minEnergyPlacement().place(OPTIONS, 0.5)).toBe(1);
    // Deadline 3 s and a device that needs only 1 J: all meet it, and the device is cheapest.
    const cheapDevice = { ...device, deviceEnergyJ: 1 };
    expect(minEnergyPlacement().place([cheapDevice, edge, cloud], 3)).toBe(0);
  });

  it('falls back to min-latency when no option meets the deadline', () => {
    expect(minEnergyPlacement().place(OPTIONS, 0.1)).toBe(1);
  });

  it('breaks energy ties by latency', () => {
    const a: PlacementOption = { where: 'edge', latencyS: 0.5, deviceEnergyJ: 1, infraEnergyJ: 1 };
    const b: PlacementOption = { where: 'cloud', latencyS: 0.3, deviceEnergyJ: 0.5, infraEnergyJ: 1.5 };
    expect(minEnergyPlacement().place([a, b], 1)).toBe(1);
  });
});
