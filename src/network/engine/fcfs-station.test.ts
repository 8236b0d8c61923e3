import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { EventQueue } from './event-queue.js';
import { FcfsStation } from './fcfs-station.js';

const ARRIVE = 0;
const DEPART = 1;

/**
 * Drives a station with an event queue through a list of (arrival, service)
 * jobs (continuous random times, so no ties). Returns each job's departure
 * time and the station at the end.
 */
function run(servers: number, jobs: [number, number][]): { departures: Float64Array; station: FcfsStation; end: number } {
  const st = new FcfsStation('test', servers);
  const q = new EventQueue();
  jobs.forEach(([t], i) => q.push(t, ARRIVE, i));
  const departures = new Float64Array(jobs.length).fill(NaN);
  let end = 0;
  while (q.pop()) {
    end = q.time;
    if (q.kind === ARRIVE) {
      const done = st.arrive(q.time, q.id, jobs[q.id][1]);
      if (!Number.isNaN(done)) q.push(done, DEPART, q.id);
    } else {
      const next = st.depart(q.time);
      expect(st.departedJob).toBe(q.id);
      departures[q.id] = q.time;
      if (next >= 0) q.push(st.nextCompletionS, DEPART, next);
    }
  }
  return { departures, station: st, end };
}

/** Reference FCFS c-server recursion: job k starts at max(arrival, earliest time a server frees). */
function reference(servers: number, jobs: [number, number][]): number[] {
  const free = new Array(servers).fill(0);
  return jobs.map(([a, s]) => {
    let i = 0;
    for (let j = 1; j < servers; j++) if (free[j] < free[i]) i = j;
    const start = Math.max(a, free[i]);
    free[i] = start + s;
    return start + s;
  });
}

describe('FcfsStation', () => {
  it('one server: hand-computed waits, Little and utilisation', () => {
    // Job 0 [0, 2); job 1 arrives at 1, waits to 2, leaves at 5; job 2 arrives at 1.5, waits to 5, leaves at 6.
    const { departures, station, end } = run(1, [[0, 2], [1, 3], [1.5, 1]]);
    expect([...departures]).toEqual([2, 5, 6]);
    expect(end).toBe(6);
    expect(station.meanSojournS()).toBeCloseTo((2 + 4 + 4.5) / 3, 12);
    // N(t) = 1, 2, 3, 2, 1 on [0,1), [1,1.5), [1.5,2), [2,5), [5,6): area 10.5.
    expect(station.timeAverageInSystem(6)).toBeCloseTo(10.5 / 6, 12);
    expect(station.arrivalRate(6)).toBeCloseTo(0.5, 12);
    expect(station.arrivalRate(6) * station.meanSojournS()).toBeCloseTo(station.timeAverageInSystem(6), 12);
    expect(station.utilisation(6)).toBeCloseTo(1, 12);
    expect(station.utilisation(12)).toBeCloseTo(0.5, 12);
    expect([station.arrivals, station.departures, station.inSystem]).toEqual([3, 3, 0]);
  });

  it('backlogS is the wait a new job would see', () => {
    const st = new FcfsStation('b', 1);
    expect(st.backlogS(0)).toBe(0);
    expect(st.arrive(0, 0, 2)).toBe(2);
    expect(st.arrive(1, 1, 3)).toBeNaN();
    // In service 2 − 1.5 = 0.5 s left, 3 s queued: job 2 waits 3.5 s (starts at 5).
    expect(st.backlogS(1.5)).toBeCloseTo(3.5, 12);
    st.arrive(1.5, 2, 1);
    expect(st.backlogS(1.5)).toBeCloseTo(4.5, 12);
    expect(st.depart(2)).toBe(1);
    expect(st.nextCompletionS).toBe(5);
    expect(st.backlogS(2)).toBeCloseTo(4, 12);
    // Several servers: a free server means no wait; otherwise (work in service + queued) / c.
    const two = new FcfsStation('c2', 2);
    two.arrive(0, 0, 4);
    expect(two.backlogS(0)).toBe(0);
    two.arrive(0, 1, 2);
    two.arrive(0, 2, 2);
    expect(two.backlogS(1)).toBeCloseTo((3 + 1 + 2) / 2, 12);
  });

  it('one server: backlogS equals the actual wait on a random schedule', () => {
    const rng = Rng.stream(3, 0);
    const st = new FcfsStation('w', 1);
    const q = new EventQueue();
    let t = 0;
    const jobs = 2000;
    const predicted = new Float64Array(jobs);
    const arrival = new Float64Array(jobs);
    for (let i = 0; i < jobs; i++) {
      t += -Math.log(1 - rng.nextDouble()) / 0.9;
      q.push(t, ARRIVE, i);
    }
    const service = Float64Array.from({ length: jobs }, () => -Math.log(1 - rng.nextDouble()));
    let checked = 0;
    while (q.pop()) {
      if (q.kind === ARRIVE) {
        predicted[q.id] = st.backlogS(q.time);
        arrival[q.id] = q.time;
        const done = st.arrive(q.time, q.id, service[q.id]);
        if (!Number.isNaN(done)) q.push(done, DEPART, q.id);
      } else {
        const next = st.depart(q.time);
        const left = st.departedJob;
        expect(q.time - arrival[left] - service[left]).toBeCloseTo(predicted[left], 9);
        checked++;
        if (next >= 0) q.push(st.nextCompletionS, DEPART, next);
      }
    }
    expect(checked).toBe(jobs);
  });

  it('two servers: hand-computed schedule, simultaneous completions', () => {
    // A: job 0 [0, 4). B: job 1 [1, 2), then job 2 (arrived 1.5) [2, 4). Job 3 arrives at 2, just after
    // that departure, waits, and starts at 4 on whichever server frees first; two completions at 4.
    const st = new FcfsStation('two', 2);
    expect(st.arrive(0, 0, 4)).toBe(4);
    expect(st.arrive(1, 1, 1)).toBe(2);
    expect(st.arrive(1.5, 2, 2)).toBeNaN();
    expect(st.depart(2)).toBe(2);
    expect(st.nextCompletionS).toBe(4);
    expect(st.arrive(2, 3, 1)).toBeNaN();
    expect(st.depart(4)).toBe(3);
    expect(st.nextCompletionS).toBe(5);
    expect(st.depart(4)).toBe(-1);
    expect(st.depart(5)).toBe(-1);
    // Sojourns 4, 1, 2.5, 3; busy server-time 4 + 1 + 2 + 1 = 8 over 2 × 5.
    expect(st.meanSojournS()).toBeCloseTo(2.625, 12);
    expect(st.utilisation(5)).toBeCloseTo(0.8, 12);
    expect(st.timeAverageInSystem(5)).toBeCloseTo(10.5 / 5, 12);
    expect(st.arrivalRate(5) * st.meanSojournS()).toBeCloseTo(2.1, 12);
  });

  it('matches the FCFS multi-server recursion, and L·T = Σ sojourns exactly', () => {
    for (const servers of [1, 2, 5]) {
      const rng = Rng.stream(11, servers);
      let t = 0;
      const jobs: [number, number][] = [];
      for (let i = 0; i < 3000; i++) {
        t += -Math.log(1 - rng.nextDouble()) / (0.8 * servers);
        jobs.push([t, -Math.log(1 - rng.nextDouble())]);
      }
      const { departures, station, end } = run(servers, jobs);
      const ref = reference(servers, jobs);
      for (let i = 0; i < jobs.length; i++) expect(departures[i]).toBeCloseTo(ref[i], 9);
      let sumSojourn = 0;
      let busy = 0;
      for (let i = 0; i < jobs.length; i++) {
        sumSojourn += departures[i] - jobs[i][0];
        busy += jobs[i][1];
      }
      // Starts and ends empty: the area under N(t) is the sum of sojourns, busy time the sum of services.
      expect(station.timeAverageInSystem(end) * end).toBeCloseTo(sumSojourn, 6);
      expect(station.arrivalRate(end) * station.meanSojournS()).toBeCloseTo(station.timeAverageInSystem(end), 9);
      expect(station.utilisation(end) * servers * end).toBeCloseTo(busy, 6);
    }
  });

  it('resetStats starts a new window; jobs already inside are not counted', () => {
    const st = new FcfsStation('r', 1);
    st.arrive(0, 0, 2); // [0, 2)
    st.arrive(1, 1, 2); // waits, [2, 4)
    st.resetStats(1.5);
    expect(st.timeAverageInSystem(1.5)).toBe(2);
    expect(st.arrivals).toBe(0);
    st.depart(2);
    st.arrive(3, 2, 1); // waits, [4, 5)
    st.depart(4);
    st.depart(5);
    // Only job 2 (arrived after the reset) counts: sojourn 2.
    expect(st.sojourns).toBe(1);
    expect(st.meanSojournS()).toBe(2);
    expect(st.departures).toBe(3);
    // N on [1.5, 5]: 2 (to 2), 1 (to 3), 2 (to 4), 1 (to 5): area 1 + 1 + 2 + 1 = 5.
    expect(st.timeAverageInSystem(5)).toBeCloseTo(5 / 3.5, 12);
    expect(st.utilisation(5)).toBeCloseTo(1, 12);
    expect(st.arrivalRate(5)).toBeCloseTo(1 / 3.5, 12);
  });

  it('grows its waiting line past the initial ring and keeps FIFO order', () => {
    const st = new FcfsStation('g', 1);
    st.arrive(0, 0, 1);
    // Wrap the ring before growing: dequeue some, then enqueue many.
    for (let i = 1; i <= 10; i++) st.arrive(0, i, 1);
    expect(st.depart(1)).toBe(1);
    expect(st.depart(2)).toBe(2);
    for (let i = 11; i <= 100; i++) st.arrive(2, i, 1);
    expect(st.queueLength).toBe(98);
    for (let i = 3; i <= 100; i++) expect(st.depart(i)).toBe(i);
    expect(st.depart(101)).toBe(-1);
    expect(st.inSystem).toBe(0);
  });

  it('rejects bad servers, service times, job ids, times and departures', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof SemcomError ? e.code : 'not a SemcomError';
      }
      return undefined;
    };
    expect(codeOf(() => new FcfsStation('x', 0))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => new FcfsStation('x', 1.5))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => new FcfsStation('x', 1, NaN))).toBe('INVALID_ARGUMENT');
    const st = new FcfsStation('x', 1);
    expect(codeOf(() => st.arrive(0, 0, -1))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => st.arrive(0, 0, NaN))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => st.arrive(0, -1, 1))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => st.depart(0))).toBe('INVALID_ARGUMENT');
    expect(st.arrive(1, 0, 1)).toBe(2);
    expect(codeOf(() => st.arrive(0.5, 1, 1))).toBe('INVALID_ARGUMENT');
    expect(() => st.depart(1.5)).toThrow(/next completion is at 2/);
    expect(codeOf(() => st.utilisation(0))).toBe('INVALID_ARGUMENT');
    expect(st.inSystem).toBe(1);
  });
});
