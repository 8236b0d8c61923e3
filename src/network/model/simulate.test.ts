import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../core/errors.js';
import { dbmToWatts, thermalNoiseWatts } from '../../phy/channel/path-loss.js';
import { DEFAULT_CALIBRATION } from '../calibration/index.js';
import { findScheme, mcsThresholdsDb, selectMcsIndex } from '../calibration/lookup.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { matchingOf, driftedFraction, meanMatchingOver } from './knowledge-drift.js';
import { simulateNetwork, topologyOf } from './simulate.js';

const table = DEFAULT_CALIBRATION;
const scenario = (input: Record<string, unknown>): Scenario => parseScenario(input, { calibration: table, source: 'test' });
const quiet = { preparation: { enabled: false }, feedback: { bytesPerService: 0, syncPeriodS: 0 }, knowledge: { changeRatePerHour: 0, syncPeriodS: 0, initialMatching: 1 } };

describe('simulateNetwork', () => {
  it('gives one lone traditional service the latency of its steps in closed form', () => {
    const s = scenario({
      seed: 3,
      durationS: 10,
      warmupS: 0,
      area: { widthM: 400, heightM: 400 },
      baseStations: { count: 1 },
      devices: { count: 2 },
      channel: { fading: 'none', shadowingDb: 0 },
      workflow: quiet,
      services: [{ name: 'one', scheme: 'traditional-deflate', arrival: { process: 'trace', arrivals: [{ timeS: 1, device: 0 }] }, deadlineMs: 1000, workload: { encodeGflop: 2, generateGflop: 0, decodeGflop: 3 } }],
    });
    const r = simulateNetwork(s, table);
    const topo = topologyOf(s);
    const bits = findScheme(table, 'traditional-deflate').payloadBits;
    // Uplink: the device's power on the share that keeps it at the most robust MCS's threshold (or the whole band).
    const bUl = s.baseStations.uplinkBandwidthMHz * 1e6;
    const gUl = (dbmToWatts(s.devices.txPowerDbm) * topo.gain[0]!) / thermalNoiseWatts(bUl, s.baseStations.noiseFigureDb, s.channel.noiseDensityDbmHz);
    const minSnr = 10 ** ((Math.min(...mcsThresholdsDb(table)) + table.linkAdaptationMarginDb) / 10);
    const x = Math.min(1, gUl / minSnr);
    const ulMcs = table.mcs[selectMcsIndex(table, 10 * Math.log10(gUl / x))]!;
    const ulRate = x * bUl * ulMcs.efficiency;
    // Whole codewords go on air.
    const ulS = (Math.ceil(bits / ulMcs.infoBitsPerCodeword) * ulMcs.infoBitsPerCodeword) / ulRate;
    const bDl = s.baseStations.downlinkBandwidthMHz * 1e6;
    const gDl = (dbmToWatts(s.baseStations.txPowerDbm) * topo.gain[1]!) / thermalNoiseWatts(bDl, s.devices.noiseFigureDb, s.channel.noiseDensityDbmHz);
    const dlMcs = table.mcs[selectMcsIndex(table, 10 * Math.log10(gDl))]!;
    const dlS = (Math.ceil(bits / dlMcs.infoBitsPerCodeword) * dlMcs.infoBitsPerCodeword) / (bDl * dlMcs.efficiency);
    const expectedMs = 1000 * (2 / s.devices.computeGflops + ulS + dlS + 3 / s.devices.computeGflops);
    expect(r.all.counted).toBe(1);
    expect(r.all.completed + (r.all.latencyMs.count === 0 ? 1 : 0)).toBe(1);
    if (r.all.completed === 1) expect(r.all.latencyMs.mean).toBeCloseTo(expectedMs, 6);
    expect(r.all.bitsPerService).toEqual({ uplink: bits, backhaul: 0, downlink: bits });
    // Energy: compute at 3 W-class power for (2 + 3) GFLOP, transmit power over PA efficiency while sending, receive power while receiving.
    const eJ = (5 / s.devices.computeGflops) * s.devices.computePowerW + (ulS * dbmToWatts(s.devices.txPowerDbm)) / s.devices.paEfficiency + dlS * s.devices.rxPowerW;
    expect(r.all.energyPerServiceJ.device).toBeCloseTo(eJ, 9);
  });

  it('is deterministic for a seed and changes with it', () => {
    const input = { seed: 5, durationS: 60, warmupS: 10, devices: { count: 120 }, workflow: { ...quiet, knowledge: { changeRatePerHour: 0.5, syncPeriodS: 20, initialMatching: 1 } }, services: [{ scheme: 'generative-vae', arrival: { process: 'poisson', ratePerDeviceHz: 0.5 }, deadlineMs: 200 }] };
    const strip = (r: ReturnType<typeof simulateNetwork>) => ({ ...r, wallMs: 0 });
    const a = simulateNetwork(scenario(input), table);
    expect(strip(simulateNetwork(scenario(input), table))).toEqual(strip(a));
    expect(strip(simulateNetwork(scenario({ ...input, seed: 6 }), table))).not.toEqual(strip(a));
    expect(a.all.completed).toBeLessThanOrEqual(a.all.counted);
    for (const f of [a.all.deadlineSuccess, a.all.taskSuccess, a.all.timelyTaskSuccess]) {
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThanOrEqual(1);
    }
    expect(a.all.timelyTaskSuccess).toBeLessThanOrEqual(Math.min(a.all.taskSuccess, a.all.deadlineSuccess) + 1e-12);
  });

  it('keeps Little’s law at every kind of queue under load', () => {
    const s = scenario({
      seed: 2,
      durationS: 120,
      warmupS: 20,
      devices: { count: 300 },
      cloud: { computeGflops: 20_000, servers: 2 },
      workflow: { ...quiet, feedback: { bytesPerService: 200, syncPeriodS: 5 } },
      services: [{ scheme: 'generative-vae', arrival: { process: 'poisson', ratePerDeviceHz: 0.2 }, deadlineMs: 1000, workload: { encodeGflop: 1, generateGflop: 300, decodeGflop: 1 } }],
    });
    const r = simulateNetwork(s, table);
    expect(r.utilisation.cloudCompute.mean).toBeGreaterThan(0.3);
    for (const q of r.littlesLaw) {
      if (q.l < 1e-3) continue;
      expect(Math.abs(q.l - q.lambdaW) / q.l, q.station).toBeLessThan(0.05);
    }
  });

  it('ages information as Poisson updates of successful services would', () => {
    // Tiny delays against 2 s between updates: AoI ≈ 1/(λ·p) + delay, with p the task success (only recovered meaning refreshes).
    const s = scenario({
      seed: 9,
      durationS: 3000,
      warmupS: 100,
      devices: { count: 50 },
      workflow: quiet,
      metrics: { voiDecayPerS: 0 },
      services: [{ scheme: 'jscc-k49', arrival: { process: 'poisson', ratePerDeviceHz: 0.5 }, deadlineMs: 100, importance: 2 }],
    });
    const r = simulateNetwork(s, table);
    const p = r.all.taskSuccess;
    const expected = 1 / (0.5 * p) + r.all.latencyMs.mean / 1000;
    expect(r.all.freshness.aoiS).toBeGreaterThan(expected * 0.95);
    expect(r.all.freshness.aoiS).toBeLessThan(expected * 1.05);
    // With no decay, VoI is the importance.
    expect(r.all.freshness.voi).toBeCloseTo(2, 9);
  });

  it('lets knowledge drift lower matching and success, and syncs restore them at a cost in bytes', () => {
    const base = {
      seed: 4,
      durationS: 1800,
      warmupS: 0,
      devices: { count: 80 },
      services: [{ scheme: 'semantic', arrival: { process: 'poisson', ratePerDeviceHz: 0.1 }, deadlineMs: 500 }],
    };
    const never = simulateNetwork(scenario({ ...base, workflow: { ...quiet, knowledge: { records: 68_081, changeRatePerHour: 2, syncPeriodS: 0, initialMatching: 1 } } }), table);
    const often = simulateNetwork(scenario({ ...base, workflow: { ...quiet, knowledge: { records: 68_081, changeRatePerHour: 2, syncPeriodS: 60, initialMatching: 1 } } }), table);
    // Without sync every device drifts from M = 1 at t = 0: the time average has a closed form.
    expect(never.synchronisation.meanMatching).toBeCloseTo(meanMatchingOver(0, 2, 1800), 9);
    expect(never.synchronisation.knowledgeSyncBytes).toBe(0);
    // Syncing every 60 s: at least the 60-s sawtooth’s average (the first and last segments are shorter), less a little for the seconds a sync takes.
    expect(often.synchronisation.meanMatching).toBeGreaterThan(meanMatchingOver(0, 2, 60) - 0.005);
    expect(often.synchronisation.meanMatching).toBeGreaterThan(matchingOf(driftedFraction(0, 2, 60)));
    expect(often.synchronisation.knowledgeSyncs).toBeGreaterThan(80 * 25);
    expect(often.synchronisation.knowledgeSyncBytes).toBeGreaterThan(0);
    expect(often.all.taskSuccess).toBeGreaterThan(never.all.taskSuccess + 0.05);
  });

  it('gives the important class more of a congested band under semantic-importance sharing', () => {
    const input = (bandwidth: string) =>
      scenario({
        seed: 8,
        durationS: 60,
        warmupS: 10,
        // Strong devices near one site: the band, not the devices' power, limits the rate, so shares decide who waits.
        devices: { count: 400, txPowerDbm: 40 },
        area: { widthM: 300, heightM: 300 },
        baseStations: { count: 1, uplinkBandwidthMHz: 0.2, downlinkBandwidthMHz: 0.2 },
        workflow: quiet,
        policy: { bandwidth },
        services: [
          { name: 'low', scheme: 'traditional-deflate', arrival: { process: 'poisson', ratePerDeviceHz: 0.6 }, deadlineMs: 5000, importance: 1 },
          { name: 'high', scheme: 'traditional-deflate', arrival: { process: 'poisson', ratePerDeviceHz: 0.6 }, deadlineMs: 5000, importance: 8 },
        ],
      });
    const equal = simulateNetwork(input('equal'), table);
    const weighted = simulateNetwork(input('semantic-importance'), table);
    const mean = (r: typeof equal, name: string) => r.classes.find((c) => c.name === name)!.latencyMs.mean;
    expect(equal.utilisation.uplink.mean).toBeGreaterThan(0.6);
    expect(Math.abs(mean(equal, 'high') / mean(equal, 'low') - 1)).toBeLessThan(0.1);
    expect(mean(weighted, 'high')).toBeLessThan(0.5 * mean(weighted, 'low'));
  });

  it('stops with ABORTED when its signal is aborted', () => {
    const s = scenario({ durationS: 600, devices: { count: 500 }, workflow: quiet, services: [{ scheme: 'jscc-k49', arrival: { process: 'poisson', ratePerDeviceHz: 1 } }] });
    const controller = new AbortController();
    controller.abort();
    try {
      simulateNetwork(s, table, { signal: controller.signal });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SemcomError);
      expect((e as SemcomError).code).toBe('ABORTED');
    }
  });
});
