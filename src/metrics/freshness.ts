/**
 * Freshness of the information a monitor holds about one source (seed 000
 * Sec. V-2): Age of Information, its peaks, Value of Information as a
 * decreasing function of the age, and Age of Incorrect Information.
 *
 * - AoI (Kaul, Yates & Gruteser, "Real-time status: how often should one
 *   update?", INFOCOM 2012): Δ(t) = t − u(t), u(t) the generation time of the
 *   freshest update received by t. Between deliveries Δ grows with slope 1 (a
 *   sawtooth); its time average is the area under it over the window length.
 * - Peak AoI (Costa, Codreanu & Ephremides, IEEE Trans. Inf. Theory 2016): the
 *   age just before each informative delivery, averaged over those deliveries.
 * - VoI (seed 000 Sec. V-2, "f(AoI(t))"): here w·exp(−k·Δ(t)), time-averaged.
 * - AoII (Maatouk, Kriouile, Assaad & Ephremides, IEEE/ACM Trans. Netw. 2020;
 *   seed 000 ref. [153]): f(t − V(t)) while the monitor's estimate differs
 *   from the source, 0 while it matches; V(t) the time it became wrong.
 *
 * Every meter is updated incrementally, O(1) per event with no array that
 * grows with time, and integrates its piecewise function exactly between
 * events (closed forms of ∫x, ∫x², ∫exp), so a long run loses no accuracy to
 * sampling.
 */
import { SemcomError } from '../core/errors.js';

/** Freshness of one source over a measurement window. Times in seconds. */
export interface AoiSummary {
  /** Window length, s. */
  durationS: number;
  /** Time-average AoI over the window, s (the current age if the window is empty). */
  averageAoiS: number;
  /** Mean age just before each informative delivery in the window, s; 0 if there was none. */
  peakAoiS: number;
  /** Largest age reached in the window, s. */
  maxAgeS: number;
  /** Deliveries in the window (informative or not). */
  deliveries: number;
  /** Deliveries that carried an update fresher than any received before. */
  informativeDeliveries: number;
  /** Time-average VoI, voiWeight · exp(−voiDecayPerS · Δ(t)), in the unit of voiWeight. */
  averageVoi: number;
}

/** Options of {@link AoiMeter}. */
export interface AoiMeterOptions {
  /** Start of the measurement window, s (default 0). */
  startS?: number;
  /** Age at `startS`, s (default 0: as if an update generated at startS had just arrived). */
  initialAgeS?: number;
  /** VoI decay rate k, per second of AoI (default 0: VoI constant at voiWeight). */
  voiDecayPerS?: number;
  /** VoI weight w, e.g. the semantic importance of the source (default 1). */
  voiWeight?: number;
}

function finiteOr(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new SemcomError('INVALID_ARGUMENT', `${name} must be a finite number${min === -Infinity ? '' : ` ≥ ${min}`}, got ${String(value)}`);
  }
  return value;
}

/**
 * Age of Information, peak AoI and VoI of one source at one monitor.
 *
 * @example
 * const m = new AoiMeter({ voiDecayPerS: 0.5 });
 * m.deliver(1.2, 1.0); // an update generated at 1.0 s arrives at 1.2 s
 * m.finish(10).averageAoiS;
 */
export class AoiMeter {
  private readonly k: number;
  private readonly w: number;
  private startS: number;
  private lastS: number;
  private freshestGenS: number;
  private area = 0;
  private voiArea = 0;
  private peakSum = 0;
  private informative = 0;
  private deliveries = 0;
  private maxAge: number;
  private finished = false;

  constructor(options: AoiMeterOptions = {}) {
    const startS = finiteOr('AoiMeter startS', options.startS, 0, -Infinity);
    const initialAgeS = finiteOr('AoiMeter initialAgeS', options.initialAgeS, 0, 0);
    this.k = finiteOr('AoiMeter voiDecayPerS', options.voiDecayPerS, 0, 0);
    this.w = finiteOr('AoiMeter voiWeight', options.voiWeight, 1, -Infinity);
    this.startS = startS;
    this.lastS = startS;
    this.freshestGenS = startS - initialAgeS;
    this.maxAge = initialAgeS;
  }

  /** Age at the last event, s. */
  get ageS(): number {
    return this.lastS - this.freshestGenS;
  }

  /**
   * An update generated at `generatedAtS` reaches the monitor at `nowS`. An
   * update no fresher than the freshest already received changes nothing
   * (it is not informative) but is counted in `deliveries`.
   * @throws SemcomError `INVALID_ARGUMENT` if time runs backwards, the update
   *   is generated after it arrives, or the meter is finished.
   */
  deliver(nowS: number, generatedAtS: number): void {
    if (!(generatedAtS <= nowS) || generatedAtS === -Infinity) {
      throw new SemcomError('INVALID_ARGUMENT', `AoiMeter.deliver: generation time ${generatedAtS} s must be finite and not after the delivery time ${nowS} s`);
    }
    this.advance(nowS, 'deliver');
    this.deliveries++;
    if (generatedAtS > this.freshestGenS) {
      this.peakSum += nowS - this.freshestGenS;
      this.informative++;
      this.freshestGenS = generatedAtS;
    }
  }

  /**
   * Starts a new window at `nowS` (after a warm-up): areas, peaks and counts
   * restart; the current age carries over.
   */
  resetStats(nowS: number): void {
    this.advance(nowS, 'resetStats');
    this.startS = nowS;
    this.area = 0;
    this.voiArea = 0;
    this.peakSum = 0;
    this.informative = 0;
    this.deliveries = 0;
    this.maxAge = nowS - this.freshestGenS;
  }

  /** Ends the window at `endS` and returns its summary; the meter accepts nothing after. */
  finish(endS: number): AoiSummary {
    this.advance(endS, 'finish');
    this.finished = true;
    const d = endS - this.startS;
    const age = endS - this.freshestGenS;
    return {
      durationS: d,
      averageAoiS: d > 0 ? this.area / d : age,
      peakAoiS: this.informative > 0 ? this.peakSum / this.informative : 0,
      maxAgeS: this.maxAge,
      deliveries: this.deliveries,
      informativeDeliveries: this.informative,
      averageVoi: d > 0 ? this.voiArea / d : this.w * Math.exp(-this.k * age),
    };
  }

  /** Integrates the sawtooth segment from the last event to `nowS`. */
  private advance(nowS: number, what: string): void {
    if (this.finished) throw new SemcomError('INVALID_ARGUMENT', `AoiMeter.${what}: the meter is finished; create a new one`);
    const dt = nowS - this.lastS;
    if (!(dt >= 0) || nowS === Infinity) {
      throw new SemcomError('INVALID_ARGUMENT', `AoiMeter.${what}: time ${nowS} s is not finite or is before the last event at ${this.lastS} s`);
    }
    if (dt === 0) return;
    const a0 = this.lastS - this.freshestGenS;
    const a1 = a0 + dt;
    // ∫ Δ dt over a segment of slope 1: a trapezoid.
    this.area += dt * (a0 + 0.5 * dt);
    // ∫ w·e^{−kΔ} dt = w·e^{−k a0}·(1 − e^{−k dt})/k; expm1 keeps small k·dt exact.
    const kd = this.k * dt;
    this.voiArea += this.k === 0 ? this.w * dt : (this.w * Math.exp(-this.k * a0) * -Math.expm1(-kd)) / this.k;
    if (a1 > this.maxAge) this.maxAge = a1;
    this.lastS = nowS;
  }
}

/** AoII penalty f of the time since the monitor became wrong. */
export type AoiiPenalty = 'linear' | 'quadratic' | 'threshold';

/** Options of {@link AoiiMeter}. */
export interface AoiiMeterOptions {
  /** f(x) = x (s), x² (s²), or 1 if x > thresholdS else 0 (dimensionless). */
  penalty: AoiiPenalty;
  /** Threshold of the `threshold` penalty, s (required for it). */
  thresholdS?: number;
  /** Start of the measurement window, s (default 0). The monitor starts right. */
  startS?: number;
}

/** Time-average AoII over a window and the fraction of it the monitor was wrong. */
export interface AoiiSummary {
  /** Time-average of f(t − V(t)) while wrong, 0 while right. */
  average: number;
  /** Fraction of the window the monitor's estimate differed from the source, in [0, 1]. */
  incorrectFraction: number;
}

/**
 * Age of Incorrect Information of one source at one monitor. The monitor is
 * right at the start; it becomes wrong at the first source change after it
 * was last right, and right again when a correct update generated at or after
 * the latest change arrives. An incorrect update (`correct: false`, e.g. a
 * failed semantic decode) is discarded by the receiver and changes nothing.
 */
export class AoiiMeter {
  private readonly kind: 0 | 1 | 2;
  private readonly threshold: number;
  private startS: number;
  private lastS: number;
  private wrong = false;
  // Time the monitor became wrong (V), and the latest source change.
  private wrongSinceS = NaN;
  private lastChangeS = -Infinity;
  private area = 0;
  private wrongTime = 0;
  private finished = false;

  constructor(options: AoiiMeterOptions) {
    const p = options?.penalty;
    if (p !== 'linear' && p !== 'quadratic' && p !== 'threshold') {
      throw new SemcomError('INVALID_ARGUMENT', `AoiiMeter: penalty must be 'linear', 'quadratic' or 'threshold', got ${String(p)}`);
    }
    this.kind = p === 'linear' ? 0 : p === 'quadratic' ? 1 : 2;
    if (p === 'threshold' && options.thresholdS === undefined) {
      throw new SemcomError('INVALID_ARGUMENT', 'AoiiMeter: the threshold penalty needs thresholdS (seconds ≥ 0)');
    }
    this.threshold = finiteOr('AoiiMeter thresholdS', options.thresholdS, 0, 0);
    this.startS = finiteOr('AoiiMeter startS', options.startS, 0, -Infinity);
    this.lastS = this.startS;
  }

  /** Whether the monitor's estimate differs from the source now. */
  get isWrong(): boolean {
    return this.wrong;
  }

  /** The source changed state at `nowS`. */
  sourceChanged(nowS: number): void {
    this.advance(nowS, 'sourceChanged');
    this.lastChangeS = nowS;
    if (!this.wrong) {
      this.wrong = true;
      this.wrongSinceS = nowS;
    }
  }

  /**
   * An update generated at `generatedAtS` arrives at `nowS`; `correct` says
   * whether the receiver recovered it. A correct update generated at or after
   * the latest source change makes the monitor right.
   */
  update(nowS: number, generatedAtS: number, correct: boolean): void {
    if (!(generatedAtS <= nowS) || generatedAtS === -Infinity) {
      throw new SemcomError('INVALID_ARGUMENT', `AoiiMeter.update: generation time ${generatedAtS} s must be finite and not after the delivery time ${nowS} s`);
    }
    this.advance(nowS, 'update');
    if (correct && this.wrong && generatedAtS >= this.lastChangeS) {
      this.wrong = false;
      this.wrongSinceS = NaN;
    }
  }

  /** Starts a new window at `nowS`; the monitor's state (and V) carries over. */
  resetStats(nowS: number): void {
    this.advance(nowS, 'resetStats');
    this.startS = nowS;
    this.area = 0;
    this.wrongTime = 0;
  }

  /** Ends the window at `endS`; the meter accepts nothing after. */
  finish(endS: number): AoiiSummary {
    this.advance(endS, 'finish');
    this.finished = true;
    const d = endS - this.startS;
    if (d > 0) return { average: this.area / d, incorrectFraction: this.wrongTime / d };
    // Empty window: the instantaneous values.
    if (!this.wrong) return { average: 0, incorrectFraction: 0 };
    return { average: this.penalty(endS - this.wrongSinceS), incorrectFraction: 1 };
  }

  private penalty(x: number): number {
    return this.kind === 0 ? x : this.kind === 1 ? x * x : x > this.threshold ? 1 : 0;
  }

  private advance(nowS: number, what: string): void {
    if (this.finished) throw new SemcomError('INVALID_ARGUMENT', `AoiiMeter.${what}: the meter is finished; create a new one`);
    const dt = nowS - this.lastS;
    if (!(dt >= 0) || nowS === Infinity) {
      throw new SemcomError('INVALID_ARGUMENT', `AoiiMeter.${what}: time ${nowS} s is not finite or is before the last event at ${this.lastS} s`);
    }
    if (this.wrong && dt > 0) {
      const x0 = this.lastS - this.wrongSinceS;
      const x1 = nowS - this.wrongSinceS;
      this.wrongTime += dt;
      if (this.kind === 0) this.area += dt * (x0 + 0.5 * dt);
      // (x1³ − x0³)/3 factored, so a short interval late in a long wrong spell keeps its precision.
      else if (this.kind === 1) this.area += (dt * (x0 * x0 + x0 * x1 + x1 * x1)) / 3;
      else this.area += Math.max(0, x1 - Math.max(x0, this.threshold));
    }
    this.lastS = nowS;
  }
}
