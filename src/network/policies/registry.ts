/**
 * Policies by name: the built-ins that scenarios name in `policy.bandwidth`,
 * `policy.power` and `policy.placement`, and user policies registered at run
 * time (a new policy implements one interface of types.ts and registers it).
 * A built-in is built fresh on every lookup (water-filling keeps scratch
 * arrays); a registered policy is returned as registered.
 */
import { SemcomError, type SemcomErrorCode } from '../../core/errors.js';
import type { BandwidthPolicyName, PlacementName, PowerPolicyName } from '../scenario/types.js';
import { equalShares } from './equal.js';
import { equalPower } from './equal-power.js';
import { knowledgeMatching } from './knowledge-matching.js';
import { fixedPlacement, minEnergyPlacement, minLatencyPlacement } from './placement.js';
import { proportionalFair } from './proportional-fair.js';
import { semanticImportance } from './semantic-importance.js';
import type { BandwidthPolicy, PlacementPolicy, PowerPolicy } from './types.js';
import { waterFilling } from './water-filling.js';

/** A built-in name, or the name of a registered user policy. */
export type PolicyName<Builtin extends string> = Builtin | (string & Record<never, never>);

const UNKNOWN_POLICY: SemcomErrorCode = 'UNKNOWN_POLICY';

class Registry<P extends { readonly name: string }> {
  private readonly user = new Map<string, P>();

  constructor(
    private readonly kind: string,
    private readonly method: string,
    private readonly builtins: Readonly<Record<string, () => P>>,
  ) {}

  names(): string[] {
    return [...Object.keys(this.builtins), ...this.user.keys()];
  }

  get(name: string): P {
    if (typeof name === 'string') {
      if (Object.prototype.hasOwnProperty.call(this.builtins, name)) return this.builtins[name]!();
      const p = this.user.get(name);
      if (p) return p;
    }
    throw new SemcomError(UNKNOWN_POLICY, `unknown ${this.kind} policy "${String(name)}"; known: ${this.names().join(', ')}`);
  }

  register(policy: P): void {
    const name = (policy as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name.trim() === '') {
      throw new SemcomError('INVALID_ARGUMENT', `register ${this.kind} policy: the policy needs a non-empty string name`);
    }
    if (typeof (policy as unknown as Record<string, unknown>)[this.method] !== 'function') {
      throw new SemcomError('INVALID_ARGUMENT', `register ${this.kind} policy "${name}": it must have a ${this.method}() method`);
    }
    if (Object.prototype.hasOwnProperty.call(this.builtins, name)) {
      throw new SemcomError('INVALID_ARGUMENT', `register ${this.kind} policy "${name}": that is a built-in policy's name; choose another`);
    }
    this.user.set(name, policy);
  }

  unregister(name: string): boolean {
    return this.user.delete(name);
  }
}

const bandwidth = new Registry<BandwidthPolicy>('bandwidth', 'allocate', {
  equal: equalShares,
  'proportional-fair': proportionalFair,
  'semantic-importance': semanticImportance,
  'knowledge-matching': knowledgeMatching,
} satisfies Record<BandwidthPolicyName, () => BandwidthPolicy>);

const power = new Registry<PowerPolicy>('power', 'allocate', {
  equal: equalPower,
  'water-filling': waterFilling,
} satisfies Record<PowerPolicyName, () => PowerPolicy>);

const placement = new Registry<PlacementPolicy>('placement', 'place', {
  device: () => fixedPlacement('device'),
  edge: () => fixedPlacement('edge'),
  cloud: () => fixedPlacement('cloud'),
  'min-latency': minLatencyPlacement,
  'min-energy': minEnergyPlacement,
} satisfies Record<PlacementName, () => PlacementPolicy>);

/** The bandwidth policy named `name` (built-in or registered); UNKNOWN_POLICY lists the known names. */
export function bandwidthPolicy(name: PolicyName<BandwidthPolicyName>): BandwidthPolicy {
  return bandwidth.get(name);
}

/** The power policy named `name` (built-in or registered). */
export function powerPolicy(name: PolicyName<PowerPolicyName>): PowerPolicy {
  return power.get(name);
}

/** The placement policy named `name` (built-in or registered). */
export function placementPolicy(name: PolicyName<PlacementName>): PlacementPolicy {
  return placement.get(name);
}

/** Registers (or replaces) a user bandwidth policy under `policy.name`; built-in names are refused. */
export function registerBandwidthPolicy(policy: BandwidthPolicy): void {
  bandwidth.register(policy);
}

/** Registers (or replaces) a user power policy under `policy.name`; built-in names are refused. */
export function registerPowerPolicy(policy: PowerPolicy): void {
  power.register(policy);
}

/** Registers (or replaces) a user placement policy under `policy.name`; built-in names are refused. */
export function registerPlacementPolicy(policy: PlacementPolicy): void {
  placement.register(policy);
}

/** Removes a registered user policy; returns whether there was one. Built-ins stay. */
export function unregisterPolicy(kind: 'bandwidth' | 'power' | 'placement', name: string): boolean {
  return (kind === 'bandwidth' ? bandwidth : kind === 'power' ? power : placement).unregister(name);
}

/** Names accepted by {@link bandwidthPolicy}: built-ins first, then registered ones. */
export function bandwidthPolicyNames(): string[] {
  return bandwidth.names();
}

/** Names accepted by {@link powerPolicy}. */
export function powerPolicyNames(): string[] {
  return power.names();
}

/** Names accepted by {@link placementPolicy}. */
export function placementPolicyNames(): string[] {
  return placement.names();
}
