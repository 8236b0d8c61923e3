import { afterEach, describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import {
  bandwidthPolicy,
  bandwidthPolicyNames,
  placementPolicy,
  placementPolicyNames,
  powerPolicy,
  powerPolicyNames,
  registerBandwidthPolicy,
  registerPlacementPolicy,
  registerPowerPolicy,
  unregisterPolicy,
} from './registry.js';
import { flowView } from './test-support.js';
import type { BandwidthPolicy, PlacementPolicy, PowerPolicy } from './types.js';

function error(f: () => unknown): SemcomError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SemcomError);
    return e as SemcomError;
  }
  throw new Error('expected a SemcomError');
}

afterEach(() => {
  unregisterPolicy('bandwidth', 'first-only');
  unregisterPolicy('power', 'all-to-first');
  unregisterPolicy('placement', 'last');
});

describe('policy registry', () => {
  it('lists and builds every built-in under its scenario name', () => {
    expect(bandwidthPolicyNames()).toEqual(['equal', 'proportional-fair', 'semantic-importance', 'knowledge-matching']);
    expect(powerPolicyNames()).toEqual(['equal', 'water-filling']);
    expect(placementPolicyNames()).toEqual(['device', 'edge', 'cloud', 'min-latency', 'min-energy']);
    for (const name of bandwidthPolicyNames()) expect(bandwidthPolicy(name).name).toBe(name);
    for (const name of powerPolicyNames()) expect(powerPolicy(name).name).toBe(name);
    for (const name of placementPolicyNames()) expect(placementPolicy(name).name).toBe(name);
  });

  it('builds a fresh built-in per lookup (water-filling keeps scratch state)', () => {
    expect(powerPolicy('water-filling')).not.toBe(powerPolicy('water-filling'));
  });

  it('names the known policies when a name is unknown', () => {
    const e = error(() => bandwidthPolicy('max-min'));
    expect(e.message).toMatch(/unknown bandwidth policy "max-min"; known: equal, proportional-fair, semantic-importance, knowledge-matching/);
    expect(error(() => powerPolicy('greedy')).message).toMatch(/known: equal, water-filling/);
    expect(error(() => placementPolicy('fog')).message).toMatch(/known: device, edge, cloud, min-latency, min-energy/);
    expect(error(() => bandwidthPolicy('toString')).message).toMatch(/unknown bandwidth policy/);
  });

  it('registers user policies, finds them by name, lists them and removes them', () => {
    const firstOnly: BandwidthPolicy = {
      name: 'first-only',
      allocate(flows, shares) {
        for (let i = 0; i < flows.length; i++) shares[i] = i === 0 ? 1 : 0;
      },
    };
    const allToFirst: PowerPolicy = {
      name: 'all-to-first',
      allocate(flows, _shares, totalW, power) {
        for (let i = 0; i < flows.length; i++) power[i] = i === 0 ? totalW : 0;
      },
    };
    const last: PlacementPolicy = { name: 'last', place: (options) => options.length - 1 };
    registerBandwidthPolicy(firstOnly);
    registerPowerPolicy(allToFirst);
    registerPlacementPolicy(last);
    expect(bandwidthPolicy('first-only')).toBe(firstOnly);
    expect(bandwidthPolicyNames()).toContain('first-only');
    expect(error(() => bandwidthPolicy('nope')).message).toMatch(/first-only/);
    const shares = new Float64Array(2);
    bandwidthPolicy('first-only').allocate([flowView(), flowView()], shares);
    expect([...shares]).toEqual([1, 0]);
    expect(powerPolicy('all-to-first')).toBe(allToFirst);
    expect(placementPolicy('last')).toBe(last);
    expect(unregisterPolicy('bandwidth', 'first-only')).toBe(true);
    expect(unregisterPolicy('bandwidth', 'first-only')).toBe(false);
    expect(() => bandwidthPolicy('first-only')).toThrow(SemcomError);
  });

  it('refuses built-in names and malformed policies', () => {
    expect(error(() => registerBandwidthPolicy({ name: 'equal', allocate: () => undefined })).message).toMatch(/built-in/);
    expect(error(() => registerPowerPolicy({ name: '', allocate: () => undefined })).message).toMatch(/non-empty string name/);
    expect(error(() => registerPlacementPolicy({ name: 'x' } as unknown as PlacementPolicy)).message).toMatch(/place\(\) method/);
    expect(error(() => registerBandwidthPolicy(null as unknown as BandwidthPolicy)).code).toBe('INVALID_ARGUMENT');
    unregisterPolicy('bandwidth', 'equal');
    expect(bandwidthPolicy('equal').name).toBe('equal');
  });
});
