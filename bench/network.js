#!/usr/bin/env node
/**
 * Network-simulator benchmark, on the compiled library (dist/): the issue's
 * scale case (10,000 devices, 100 base stations with edge servers, one cloud,
 * one simulated hour of Poisson services, all three workflow stages) and how
 * the cost grows with devices and with simulated time. One thread (the
 * simulation is one event loop).
 *
 * Usage: npm run bench:network [-- --json] [-- --quick]
 * Prints { machine, node, scenario, cases: [{ name, devices, simulatedS,
 * services, events, wallS, eventsPerS, usPerServiceEvent... }], scaling } as
 * JSON with --json, a table otherwise. --quick runs a tenth of the scale.
 */
import { performance } from 'node:perf_hooks';
import { machineInfo } from './common.js';
import { DEFAULT_CALIBRATION } from '../dist/network/calibration/index.js';
import { parseScenario } from '../dist/network/scenario/parse.js';
import { simulateNetwork } from '../dist/network/model/simulate.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const scale = quick ? 0.1 : 1;

/** 100 base stations on a 1 km grid over 10 km × 10 km, devices at the same density at every size (area scales with devices). */
function scenario(devices, durationS) {
  const side = 10_000 * Math.sqrt(devices / 10_000);
  const bs = Math.max(1, Math.round(100 * (devices / 10_000)));
  return parseScenario(
    {
      name: 'bench',
      seed: 1,
      durationS,
      warmupS: 60,
      area: { widthM: side, heightM: side },
      baseStations: { count: bs, layout: 'grid', uplinkBandwidthMHz: 20, downlinkBandwidthMHz: 20 },
      cloud: { computeGflops: 100_000, servers: 8 },
      devices: { count: devices },
      services: [
        // The network case studies' workloads (src/experiments/network/scenarios.ts): embedded-scale image generation, a 1.3B-class text generator.
        { name: 'image', scheme: 'generative-vae', arrival: { process: 'poisson', ratePerDeviceHz: 1 / 60 }, deadlineMs: 100, importance: 1, workload: { encodeGflop: 0.02, generateGflop: 0.02, decodeGflop: 0.02 } },
        { name: 'text', scheme: 'semantic', arrival: { process: 'poisson', ratePerDeviceHz: 1 / 120 }, deadlineMs: 200, importance: 2, workload: { encodeGflop: 5, generateGflop: 50, decodeGflop: 5 } },
      ],
      policy: { bandwidth: 'proportional-fair', power: 'equal', placement: 'min-latency' },
      workflow: {
        preparation: { enabled: true, modelBytes: 500_000, knowledgeBytes: 1_432_278 },
        feedback: { bytesPerService: 16, syncPeriodS: 60 },
        knowledge: { records: 68_081, changeRatePerHour: 0.2, syncPeriodS: 600, initialMatching: 1 },
      },
    },
    { calibration: DEFAULT_CALIBRATION, source: 'bench' },
  );
}

function run(name, devices, durationS) {
  const s = scenario(devices, durationS);
  const t0 = performance.now();
  const r = simulateNetwork(s, DEFAULT_CALIBRATION);
  const wallS = (performance.now() - t0) / 1000;
  const services = r.classes.reduce((a, c) => a + c.counted, 0);
  return {
    name,
    devices,
    baseStations: s.baseStations.count,
    simulatedS: durationS,
    services,
    events: r.events,
    wallS: Number(wallS.toFixed(3)),
    eventsPerS: Math.round(r.events / wallS),
    usPerDeviceHour: Number(((wallS * 1e6) / (devices * (durationS / 3600))).toFixed(2)),
    timelyTaskSuccess: Number(r.all.timelyTaskSuccess.toFixed(4)),
    latencyP95Ms: Number(r.all.latencyMs.p95.toFixed(2)),
    heapMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  };
}

const devices = Math.round(10_000 * scale);
// One short run first, so every measured case runs on optimised code.
run('warm-up', Math.round(devices / 10), 600);
const cases = [];
cases.push(run('scale: devices × 1 simulated hour', devices, 3600));
for (const f of [0.125, 0.25, 0.5]) cases.push(run(`devices ${f} of scale × 1 h`, Math.round(devices * f), 3600));
for (const t of [900, 1800]) cases.push(run(`scale devices × ${t} s`, devices, t));

// Linearity: wall time per device-hour should be about constant across sizes and durations.
const perDeviceHour = cases.map((c) => c.usPerDeviceHour);
const scaling = {
  usPerDeviceHourMin: Math.min(...perDeviceHour),
  usPerDeviceHourMax: Math.max(...perDeviceHour),
  ratioMaxOverMin: Number((Math.max(...perDeviceHour) / Math.min(...perDeviceHour)).toFixed(3)),
  targetS: 60,
  scaleCaseS: cases[0].wallS,
};
const out = { machine: machineInfo(), node: process.version, quick, cases, scaling };
if (json) console.log(JSON.stringify(out, null, 2));
else {
  console.log(`network simulator on ${out.machine.cpu} (${out.node}), one thread${quick ? ', quick (a tenth of the scale)' : ''}`);
  for (const c of cases) console.log(`${c.name.padEnd(36)} ${String(c.devices).padStart(6)} devices ${String(c.simulatedS).padStart(5)} s  ${String(c.services).padStart(8)} services ${String(c.events).padStart(9)} events  ${c.wallS.toFixed(1).padStart(6)} s wall  ${(c.eventsPerS / 1e6).toFixed(2)} M events/s  ${c.usPerDeviceHour} µs per device-hour`);
  console.log(`scale case: ${scaling.scaleCaseS} s (target < ${scaling.targetS} s); cost per device-hour varies ×${scaling.ratioMaxOverMin} across sizes and durations`);
}
