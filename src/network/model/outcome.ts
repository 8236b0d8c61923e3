/** Accumulates the outcome of a set of services (a class, or all) into a {@link ServiceOutcome}. */
import { SampleBuffer, distribution } from '../../metrics/percentiles.js';
import type { ServiceOutcome } from './result.js';
import type { Service } from './service.js';

export interface FreshnessSums {
  aoiS: number;
  peakAoiS: number;
  aoii: number;
  voi: number;
  sources: number;
}

export class OutcomeAccumulator {
  counted = 0;
  completed = 0;
  deadlineMet = 0;
  succeeded = 0;
  timely = 0;
  readonly latencyMs = new SampleBuffer();
  private bits = [0, 0, 0];
  private uses = [0, 0];
  private energy = [0, 0, 0];
  private placed = [0, 0, 0];

  /** Counts a service when it arrives (so services still in flight at the end count as not completed). */
  arrived(): void {
    this.counted++;
  }

  /** Records a counted service's end: delivered to the receiver or lost on a hop, and whether its task succeeded. */
  finished(s: Service, nowS: number, delivered: boolean, success: boolean): void {
    if (delivered) {
      this.completed++;
      this.latencyMs.push((nowS - s.arrivalS) * 1000);
      if (nowS <= s.deadlineAtS) this.deadlineMet++;
    }
    if (success) {
      this.succeeded++;
      if (nowS <= s.deadlineAtS) this.timely++;
    }
    this.charge(s);
  }

  /** Records what a counted service still in flight when the run stopped had cost so far (it never completes). */
  unfinished(s: Service): void {
    this.charge(s);
  }

  private charge(s: Service): void {
    this.bits[0] += s.bitsUp;
    this.bits[1] += s.bitsBackhaul;
    this.bits[2] += s.bitsDown;
    this.uses[0] += s.usesUp;
    this.uses[1] += s.usesDown;
    this.energy[0] += s.energyDeviceJ;
    this.energy[1] += s.energyEdgeJ;
    this.energy[2] += s.energyCloudJ;
    if (s.placement >= 0) this.placed[s.placement]++;
  }

  outcome(freshness: FreshnessSums): ServiceOutcome {
    const n = this.counted;
    const per = (x: number): number => (n > 0 ? x / n : 0);
    const src = freshness.sources;
    const avg = (x: number): number => (src > 0 ? x / src : 0);
    return {
      counted: n,
      completed: this.completed,
      deadlineSuccess: per(this.deadlineMet),
      taskSuccess: per(this.succeeded),
      timelyTaskSuccess: per(this.timely),
      latencyMs: distribution(this.latencyMs.values()),
      bitsPerService: { uplink: per(this.bits[0]!), backhaul: per(this.bits[1]!), downlink: per(this.bits[2]!) },
      channelUsesPerService: { uplink: per(this.uses[0]!), downlink: per(this.uses[1]!) },
      energyPerServiceJ: { device: per(this.energy[0]!), edge: per(this.energy[1]!), cloud: per(this.energy[2]!) },
      placement: { device: this.placed[0]!, edge: this.placed[1]!, cloud: this.placed[2]! },
      freshness: { aoiS: avg(freshness.aoiS), peakAoiS: avg(freshness.peakAoiS), aoii: avg(freshness.aoii), voi: avg(freshness.voi) },
    };
  }

  /** Adds another accumulator's counts (for the all-classes outcome). */
  merge(o: OutcomeAccumulator): void {
    this.counted += o.counted;
    this.completed += o.completed;
    this.deadlineMet += o.deadlineMet;
    this.succeeded += o.succeeded;
    this.timely += o.timely;
    const v = o.latencyMs.values();
    for (let i = 0; i < v.length; i++) this.latencyMs.push(v[i]!);
    for (let i = 0; i < 3; i++) {
      this.bits[i] += o.bits[i]!;
      this.energy[i] += o.energy[i]!;
      this.placed[i] += o.placed[i]!;
    }
    this.uses[0] += o.uses[0]!;
    this.uses[1] += o.uses[1]!;
  }
}
