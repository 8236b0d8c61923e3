/**
 * Validation of the event engine (issue 6, "What it must show"): one source
 * sends status updates as a Poisson process of rate λ through one FCFS server
 * with exponential service of rate μ (an M/M/1 queue) to a monitor. The run
 * uses only the engine's parts (EventQueue, FcfsStation), the AoI meter and
 * seeded streams, and reports what the closed forms predict:
 *
 * - average AoI, Kaul, Yates & Gruteser (INFOCOM 2012), eq. for M/M/1 FCFS:
 *   Δ = (1/μ)(1 + 1/ρ + ρ²/(1 − ρ)), ρ = λ/μ;
 * - average peak AoI, Costa, Codreanu & Ephremides (IEEE Trans. Inf. Theory
 *   62(4), 2016), M/M/1 FCFS: A = 1/λ + 1/(μ − λ), the mean interarrival time
 *   plus the mean system time (the age just before delivery k is
 *   T_k + Y_k, system time of k plus its interarrival gap); equal to
 *   (1/μ)(1 + 1/ρ + ρ/(1 − ρ));
 * - Little's law at the server, L = λW, and utilisation = ρ.
 */
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { AoiMeter } from '../../metrics/freshness.js';
import { EventQueue } from '../engine/event-queue.js';
import { FcfsStation } from '../engine/fcfs-station.js';

/** Options of {@link simulateMm1Aoi}. Rates per second. */
export interface Mm1AoiOptions {
  /** λ, updates generated per second. */
  arrivalRate: number;
  /** μ, updates served per second; must exceed λ. */
  serviceRate: number;
  /** Updates measured after the warm-up. */
  updates: number;
  seed: number;
  /**
   * Updates before the measurement window opens (default 1000). The queue
   * forgets its empty start in a few relaxation times, ≈ 1/(μ(1 − √ρ)²):
   * 90/μ (about 70 arrivals) at ρ = 0.8, 380/μ (about 340) at ρ = 0.9.
   */
  warmupUpdates?: number;
}

/** What {@link simulateMm1Aoi} measured (s, or dimensionless) next to the closed forms. */
export interface Mm1AoiResult {
  /** Time-average AoI at the monitor over the window, s. */
  averageAoiS: number;
  /** Mean age just before each delivery in the window, s. */
  peakAoiS: number;
  closedFormAoiS: number;
  closedFormPeakAoiS: number;
  /** Time-average number at the server (waiting + in service). */
  littleL: number;
  /** Arrival rate × mean sojourn of the updates that arrived in the window. */
  littleLambdaW: number;
  /** Busy fraction of the server; ρ in theory. */
  utilisation: number;
  /** Events the engine processed (warm-up included). */
  events: number;
}

/** Average AoI of M/M/1 FCFS (Kaul, Yates & Gruteser 2012), s. */
export function mm1AverageAoi(arrivalRate: number, serviceRate: number): number {
  const rho = arrivalRate / serviceRate;
  return (1 / serviceRate) * (1 + 1 / rho + (rho * rho) / (1 - rho));
}

/** Average peak AoI of M/M/1 FCFS (Costa, Codreanu & Ephremides 2016): 1/λ + 1/(μ − λ), s. */
export function mm1AveragePeakAoi(arrivalRate: number, serviceRate: number): number {
  return 1 / arrivalRate + 1 / (serviceRate - arrivalRate);
}

const ARRIVAL = 0;
const DEPARTURE = 1;
// Stream identifiers: interarrival gaps and service times draw from separate streams.
const STREAM_ARRIVALS = 1;
const STREAM_SERVICE = 2;
const MAX_UPDATES = 2 ** 31 - 1;


/**
 * Simulates the M/M/1 status-update system until `warmupUpdates + updates`
 * updates have been generated and delivered; the window runs from the
 * arrival of the first measured update to the last delivery.
 * @throws SemcomError `INVALID_ARGUMENT` for non-positive rates, λ ≥ μ (no
 *   steady state), or counts that are not integers in range.
 */
export function simulateMm1Aoi(options: Mm1AoiOptions): Mm1AoiResult {
  const { arrivalRate: lambda, serviceRate: mu, updates, seed } = options;
  const warmup = options.warmupUpdates ?? 1000;
  if (!(lambda > 0) || !Number.isFinite(lambda) || !(mu > 0) || !Number.isFinite(mu)) {
    throw new SemcomError('INVALID_ARGUMENT', `simulateMm1Aoi: arrivalRate and serviceRate must be finite and > 0, got ${lambda} and ${mu}`);
  }
  if (!(lambda < mu)) {
    throw new SemcomError('INVALID_ARGUMENT', `simulateMm1Aoi: arrivalRate ${lambda} must be below serviceRate ${mu} (ρ < 1) for the queue to have a steady state`);
  }
  if (!Number.isInteger(updates) || updates < 1 || !Number.isInteger(warmup) || warmup < 0 || updates + warmup > MAX_UPDATES) {
    throw new SemcomError('INVALID_ARGUMENT', `simulateMm1Aoi: updates must be an integer ≥ 1 and warmupUpdates an integer ≥ 0 (sum ≤ 2^31 − 1), got ${updates} and ${warmup}`);
  }
  const total = warmup + updates;
  const arrivals = Rng.stream(seed, STREAM_ARRIVALS);
  const service = Rng.stream(seed, STREAM_SERVICE);
  const queue = new EventQueue();
  const server = new FcfsStation('mm1', 1, 0);
  const meter = new AoiMeter({ startS: 0 });

  queue.push(arrivals.exponential(lambda), ARRIVAL, 0);
  let now = 0;
  while (queue.pop()) {
    now = queue.time;
    if (queue.kind === ARRIVAL) {
      const job = queue.id;
      if (job === warmup && warmup > 0) {
        server.resetStats(now);
        meter.resetStats(now);
      }
      const done = server.arrive(now, job, service.exponential(mu));
      if (!Number.isNaN(done)) queue.push(done, DEPARTURE, job);
      if (job + 1 < total) queue.push(now + arrivals.exponential(lambda), ARRIVAL, job + 1);
    } else {
      const next = server.depart(now);
      // FCFS: the update that leaves was generated when it arrived.
      meter.deliver(now, server.departedArrivalS);
      if (next >= 0) queue.push(server.nextCompletionS, DEPARTURE, next);
    }
  }
  const aoi = meter.finish(now);
  return {
    averageAoiS: aoi.averageAoiS,
    peakAoiS: aoi.peakAoiS,
    closedFormAoiS: mm1AverageAoi(lambda, mu),
    closedFormPeakAoiS: mm1AveragePeakAoi(lambda, mu),
    littleL: server.timeAverageInSystem(now),
    littleLambdaW: server.arrivalRate(now) * server.meanSojournS(),
    utilisation: server.utilisation(now),
    events: queue.popped,
  };
}
