/**
 * A first-come-first-served queue with c identical servers (an M/G/c station
 * when arrivals are Poisson): the compute of a terminal device, an edge server
 * or the cloud's GAI servers (seed 002 Sec. III-A), and the single server of
 * the M/M/1 validation (issue 6).
 *
 * The station does not own the event list: {@link FcfsStation.arrive} and
 * {@link FcfsStation.depart} return completion times that the caller
 * schedules, and the caller calls `depart` at each of them.
 *
 * Accounting over the measurement window [startS, now] (Little's law,
 * L = λW, Little 1961): the area under N(t), the number in system, and the
 * busy server-time are integrated exactly at every arrival and departure, so
 * L and the utilisation are exact time averages of the simulated path, not
 * samples. Waiting jobs sit in a typed-array ring buffer grown by doubling.
 */
import { SemcomError } from '../../core/errors.js';

const INITIAL_QUEUE = 16;
const INT32_MAX = 2147483647;

/** A FCFS station with `servers` identical servers; times in seconds. */
export class FcfsStation {
  readonly name: string;
  readonly servers: number;

  /** Completion time of the job that the last {@link depart} started, s (NaN if none started). */
  nextCompletionS = NaN;
  /** Id of the job that the last {@link depart} removed. */
  departedJob = -1;
  /** Arrival time of the job that the last {@link depart} removed, s. */
  departedArrivalS = NaN;

  /** Arrivals in the measurement window. */
  arrivals = 0;
  /** Departures in the measurement window (including jobs that arrived before it). */
  departures = 0;
  /** Jobs in the station now (waiting or in service). */
  inSystem = 0;

  private startS: number;
  private lastS: number;
  private areaN = 0;
  private areaBusy = 0;
  private busy = 0;
  private sojournSum = 0;
  private sojournCount = 0;

  // Per server: the job in service, its arrival, its completion, whether it counts for the sojourn mean.
  private readonly srvJob: Int32Array;
  private readonly srvArrival: Float64Array;
  private readonly srvDone: Float64Array;
  private readonly srvCounted: Uint8Array;
  private readonly freeStack: Int32Array;
  private freeTop: number;
  // Σ completion times of busy servers: remaining work in service = Σ − busy·now, O(1).
  private doneSum = 0;

  // FIFO of waiting jobs.
  private qJob: Int32Array;
  private qArrival: Float64Array;
  private qService: Float64Array;
  private qCounted: Uint8Array;
  private qHead = 0;
  private qLen = 0;
  private queuedWorkS = 0;

  constructor(name: string, servers: number, startS = 0) {
    if (!Number.isInteger(servers) || servers < 1 || servers > 1 << 24) {
      throw new SemcomError('INVALID_ARGUMENT', `FcfsStation ${name}: servers must be an integer ≥ 1, got ${servers}`);
    }
    if (!Number.isFinite(startS)) {
      throw new SemcomError('INVALID_ARGUMENT', `FcfsStation ${name}: startS must be a finite time in seconds, got ${startS}`);
    }
    this.name = name;
    this.servers = servers;
    this.startS = startS;
    this.lastS = startS;
    this.srvJob = new Int32Array(servers).fill(-1);
    this.srvArrival = new Float64Array(servers);
    this.srvDone = new Float64Array(servers).fill(Infinity);
    this.srvCounted = new Uint8Array(servers);
    this.freeStack = new Int32Array(servers);
    // Server 0 on top, so a single-server station always uses slot 0.
    for (let i = 0; i < servers; i++) this.freeStack[i] = servers - 1 - i;
    this.freeTop = servers;
    this.qJob = new Int32Array(INITIAL_QUEUE);
    this.qArrival = new Float64Array(INITIAL_QUEUE);
    this.qService = new Float64Array(INITIAL_QUEUE);
    this.qCounted = new Uint8Array(INITIAL_QUEUE);
  }

  /** Servers busy now. */
  get busyServers(): number {
    return this.busy;
  }

  /** Jobs waiting (not in service) now. */
  get queueLength(): number {
    return this.qLen;
  }

  /**
   * Job `job` (an id ≥ 0) arrives at `now` needing `serviceS` seconds of one
   * server. Returns its completion time if a server was free (the caller
   * schedules a departure then), NaN if it waits.
   * @throws SemcomError `INVALID_ARGUMENT` for a bad id, a negative or
   *   non-finite service time, or a time before the station's last event.
   */
  arrive(now: number, job: number, serviceS: number): number {
    if (!(serviceS >= 0) || serviceS === Infinity) {
      throw new SemcomError('INVALID_ARGUMENT', `FcfsStation ${this.name}: service time must be a finite number of seconds ≥ 0, got ${serviceS}`);
    }
    if (!Number.isInteger(job) || job < 0 || job > INT32_MAX) {
      throw new SemcomError('INVALID_ARGUMENT', `FcfsStation ${this.name}: job id must be an integer in [0, 2^31 − 1], got ${job}`);
    }
    this.advance(now);
    this.arrivals++;
    this.inSystem++;
    if (this.freeTop > 0) {
      const s = this.freeStack[--this.freeTop];
      const done = now + serviceS;
      this.srvJob[s] = job;
      this.srvArrival[s] = now;
      this.srvDone[s] = done;
      this.srvCounted[s] = 1;
      this.doneSum += done;
      this.busy++;
      return done;
    }
    if (this.qLen === this.qJob.length) this.growQueue();
    const cap = this.qJob.length;
    let tail = this.qHead + this.qLen;
    if (tail >= cap) tail -= cap;
    this.qJob[tail] = job;
    this.qArrival[tail] = now;
    this.qService[tail] = serviceS;
    this.qCounted[tail] = 1;
    this.qLen++;
    this.queuedWorkS += serviceS;
    return NaN;
  }

  /**
   * The job in service that completes at `now` leaves (its id and arrival are
   * then in {@link departedJob} and {@link departedArrivalS}). If a job
   * waits, it starts now: returns its id, its completion time in
   * {@link nextCompletionS}; else returns −1. Cost O(servers).
   * @throws SemcomError `INVALID_ARGUMENT` if no job in service completes at
   *   `now` (call it exactly at the times `arrive` and `depart` returned).
   */
  depart(now: number): number {
    // The earliest completion must be this one: the caller handles events in time order.
    let s = -1;
    let best = Infinity;
    const done = this.srvDone;
    for (let i = 0; i < this.servers; i++) {
      if (done[i] < best) {
        best = done[i];
        s = i;
      }
    }
    if (s < 0 || Math.abs(best - now) > 1e-9 * Math.max(1, Math.abs(now))) {
      throw new SemcomError(
        'INVALID_ARGUMENT',
        `FcfsStation ${this.name}: depart at ${now} s, but ${s < 0 ? 'no job is in service' : `the next completion is at ${best} s`}; call depart exactly at a completion time that arrive or depart returned`,
      );
    }
    this.advance(now);
    this.departures++;
    this.inSystem--;
    this.departedJob = this.srvJob[s];
    this.departedArrivalS = this.srvArrival[s];
    if (this.srvCounted[s] === 1) {
      this.sojournSum += now - this.srvArrival[s];
      this.sojournCount++;
    }
    this.doneSum -= best;
    if (this.qLen === 0) {
      this.srvJob[s] = -1;
      this.srvDone[s] = Infinity;
      this.freeStack[this.freeTop++] = s;
      this.busy--;
      // Re-anchor the running sums when nothing is in service, so rounding cannot accumulate.
      if (this.busy === 0) this.doneSum = 0;
      this.nextCompletionS = NaN;
      return -1;
    }
    const h = this.qHead;
    const job = this.qJob[h];
    const serviceS = this.qService[h];
    const completion = now + serviceS;
    this.srvJob[s] = job;
    this.srvArrival[s] = this.qArrival[h];
    this.srvDone[s] = completion;
    this.srvCounted[s] = this.qCounted[h];
    this.doneSum += completion;
    this.qHead = h + 1 === this.qJob.length ? 0 : h + 1;
    this.qLen--;
    this.queuedWorkS = this.qLen === 0 ? 0 : this.queuedWorkS - serviceS;
    this.nextCompletionS = completion;
    return job;
  }

  /**
   * Estimated wait, s, of a job arriving at `now` before a server takes it:
   * 0 if a server is free, else (remaining work in service + queued work) /
   * servers, exact for one server and a fluid estimate for several. Used by
   * placement policies to compare device, edge and cloud.
   */
  backlogS(now: number): number {
    if (this.busy < this.servers) return 0;
    const inService = this.doneSum - this.busy * now;
    const w = (Math.max(0, inService) + this.queuedWorkS) / this.servers;
    return w > 0 ? w : 0;
  }

  /** Time-average number of jobs in the station over [startS, now] (L of Little's law); the current count if the window is empty. */
  timeAverageInSystem(now: number): number {
    const t = this.elapsed(now);
    if (t === 0) return this.inSystem;
    return (this.areaN + this.inSystem * (now - this.lastS)) / t;
  }

  /** Arrivals per second over [startS, now] (λ of Little's law); 0 if the window is empty. */
  arrivalRate(now: number): number {
    const t = this.elapsed(now);
    return t === 0 ? 0 : this.arrivals / t;
  }

  /** Mean time in the station (wait + service), s, of departed jobs that arrived in the window (W); 0 if none. */
  meanSojournS(): number {
    return this.sojournCount === 0 ? 0 : this.sojournSum / this.sojournCount;
  }

  /** Departed jobs that count for {@link meanSojournS}. */
  get sojourns(): number {
    return this.sojournCount;
  }

  /** Busy server-time / (servers × elapsed time) over [startS, now], in [0, 1]; the current busy fraction if the window is empty. */
  utilisation(now: number): number {
    const t = this.elapsed(now);
    if (t === 0) return this.busy / this.servers;
    return (this.areaBusy + this.busy * (now - this.lastS)) / (this.servers * t);
  }

  /**
   * Starts a new measurement window at `now` (after a warm-up): areas,
   * counters and sojourns restart; jobs in the station stay, but their
   * sojourns will not be counted (they arrived before the window).
   */
  resetStats(now: number): void {
    this.advance(now);
    this.startS = now;
    this.areaN = 0;
    this.areaBusy = 0;
    this.arrivals = 0;
    this.departures = 0;
    this.sojournSum = 0;
    this.sojournCount = 0;
    this.srvCounted.fill(0);
    this.qCounted.fill(0);
  }

  private elapsed(now: number): number {
    if (!(now >= this.lastS)) this.badTime(now);
    return now - this.startS;
  }

  private advance(now: number): void {
    const dt = now - this.lastS;
    if (!(dt >= 0) || now === Infinity) this.badTime(now);
    this.areaN += this.inSystem * dt;
    this.areaBusy += this.busy * dt;
    this.lastS = now;
  }

  private badTime(now: number): never {
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `FcfsStation ${this.name}: time ${now} s is not finite or is before the station's last event at ${this.lastS} s; pass the current simulation time`,
    );
  }

  private growQueue(): void {
    const cap = this.qJob.length;
    const next = cap * 2;
    const job = new Int32Array(next);
    const arrival = new Float64Array(next);
    const service = new Float64Array(next);
    const counted = new Uint8Array(next);
    // Unroll the ring so the head lands at index 0.
    for (let i = 0; i < this.qLen; i++) {
      let j = this.qHead + i;
      if (j >= cap) j -= cap;
      job[i] = this.qJob[j];
      arrival[i] = this.qArrival[j];
      service[i] = this.qService[j];
      counted[i] = this.qCounted[j];
    }
    this.qJob = job;
    this.qArrival = arrival;
    this.qService = service;
    this.qCounted = counted;
    this.qHead = 0;
  }
}
