/**
 * Checks that involve several fields of a resolved scenario (a warm-up before
 * the end, trace arrivals inside the run and on existing devices, unique
 * class names, the TR 38.901 validity of antenna heights, a fading spec the
 * simulator can draw, the size of one run), and the order problems are shown in.
 */
import { isSemcomError } from '../../core/errors.js';
import { makeBlockFadingSampler } from '../../phy/channel/block-fading.js';
import { DEFAULT_SCENARIO } from './defaults.js';
import type { Problems, ScenarioProblem } from './problems.js';
import { MAX_EXPECTED_SERVICES, MAX_SOURCES } from './rules.js';
import type { Scenario } from './types.js';

/** h_E of TR 38.901 Table 7.4.1-1 (the UMa/UMi breakpoint distance uses h_BS − h_E and h_UT − h_E), m. */
const TR38901_ENVIRONMENT_HEIGHT_M = 1;

const FADING_FORMS = 'none, rayleigh, rician:K (K linear ≥ 0, e.g. rician:4) or rician:KdB (e.g. rician:6dB)';

/**
 * Checks a fading spec with the sampler the simulator uses (one |h|² per
 * transmission); returns what is wrong and what to write instead, or undefined.
 */
export function fadingProblem(spec: string): string | undefined {
  try {
    makeBlockFadingSampler(spec);
    return undefined;
  } catch (e) {
    const why = (isSemcomError(e) ? e.message : String(e)).replace(/; accepted: .*$/, '');
    return `${why}; use ${FADING_FORMS}`;
  }
}

/** Checks that involve several fields, on values that passed their own checks. */
export function crossChecks(s: Scenario, p: Problems): void {
  if (!p.failedAt('warmupS') && !p.failedAt('durationS') && !(s.warmupS < s.durationS)) {
    p.add('warmupS', `is ${s.warmupS} s, not less than durationS (${s.durationS} s); the warm-up must end before arrivals stop: lower warmupS or raise durationS`);
  }
  if (!p.failedAt('channel.fading')) {
    const why = fadingProblem(s.channel.fading);
    if (why) p.add('channel.fading', why);
  }
  if ((s.channel.pathLoss === 'uma' || s.channel.pathLoss === 'umi') && !p.failedAt('channel.pathLoss')) {
    // TR 38.901 Table 7.4.1-1 measures antenna heights from an environment height h_E = 1 m (its ranges: h_BS 25 m UMa / 10 m UMi, h_UT 1.5–22.5 m).
    const heights: [string, number][] = [['baseStations.antennaHeightM', s.baseStations.antennaHeightM], ['devices.heightM', s.devices.heightM]];
    for (const [path, h] of heights) {
      if (!p.failedAt(path) && !(h > TR38901_ENVIRONMENT_HEIGHT_M)) {
        p.add(path, `is ${h} m, not above the ${TR38901_ENVIRONMENT_HEIGHT_M} m environment height of the TR 38.901 ${s.channel.pathLoss.toUpperCase()} model; raise it (TR 38.901: base station ${s.channel.pathLoss === 'uma' ? 25 : 10} m, devices 1.5–22.5 m) or use pathLoss: log-distance`);
      }
    }
  }
  const seen = new Map<string, number>();
  let expected = 0;
  s.services.forEach((c, i) => {
    const path = `services[${i}]`;
    const first = seen.get(c.name);
    if (first !== undefined && !p.failedAt(`${path}.name`)) {
      p.add(`${path}.name`, `"${c.name}" is also the name of services[${first}]; give each class its own name`);
    } else seen.set(c.name, i);
    const a = c.arrival;
    if (a.process === 'poisson') {
      expected += a.ratePerDeviceHz * s.devices.count * s.durationS;
      return;
    }
    expected += a.arrivals.length;
    const durationOk = !p.failedAt('durationS');
    const countOk = !p.failedAt('devices.count');
    a.arrivals.forEach((e, k) => {
      const here = `${path}.arrival.arrivals[${k}]`;
      if (durationOk && !p.failedAt(`${here}.timeS`) && e.timeS > s.durationS) {
        p.add(`${here}.timeS`, `is ${e.timeS} s, after the end of the run (durationS ${s.durationS} s); give a time from 0 to durationS, or raise durationS`);
      }
      if (countOk && e.device !== undefined && !p.failedAt(`${here}.device`) && e.device >= s.devices.count) {
        p.add(`${here}.device`, `is ${e.device}, but devices are numbered 0 to ${s.devices.count - 1} (devices.count ${s.devices.count}); give an index below devices.count, or leave device out to draw one at random`);
      }
    });
  });
  if (expected > MAX_EXPECTED_SERVICES && !p.failedAt('services')) {
    p.add('services', `the arrivals expect ${Math.round(expected).toLocaleString('en-US')} services (Σ ratePerDeviceHz × devices.count × durationS, plus trace arrivals), more than the ${MAX_EXPECTED_SERVICES.toLocaleString('en-US')} one run accepts; lower the rates, the devices or durationS`);
  }
  const sources = s.devices.count * s.services.length;
  if (sources > MAX_SOURCES && !p.failedAt('devices.count')) {
    p.add('devices.count', `${s.devices.count} devices × ${s.services.length} service classes is ${sources.toLocaleString('en-US')} freshness sources, more than the ${MAX_SOURCES.toLocaleString('en-US')} accepted; use fewer devices or classes`);
  }
}

/**
 * Problems in the order of the scenario's sections (as the example file lists
 * them), unknown top-level fields first, a list's entries by index; otherwise
 * in the order they were found.
 */
export function inFieldOrder(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const order = [...Object.keys(DEFAULT_SCENARIO), 'calibration'];
  const section = (path: string): number => order.indexOf(/^[^.[]*/.exec(path)![0]);
  const entry = (path: string): number => Number(/^[^.[]*\[(\d+)\]/.exec(path)?.[1] ?? -1);
  return problems
    .map((q, i) => ({ q, i, s: section(q.path), e: entry(q.path) }))
    .sort((a, b) => a.s - b.s || a.e - b.e || a.i - b.i)
    .map((x) => x.q);
}

