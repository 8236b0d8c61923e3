/**
 * The cell runner of the network case studies: one cell is one network
 * scenario (the study's base with the cell's overrides, seeded by the cell),
 * simulated by src/network, summarised as a result row. The row's fields
 * that belong to a link (`snrDb`, `modulation`) do not apply: devices see
 * every SNR their positions give; `extra` holds the network's figures.
 */
import { SemcomError } from '../../core/errors.js';
import { loadCalibration } from '../../network/calibration/index.js';
import type { CalibrationTable } from '../../network/calibration/types.js';
import type { NetworkResult } from '../../network/model/result.js';
import { simulateNetwork } from '../../network/model/simulate.js';
import { parseScenario } from '../../network/scenario/parse.js';
import type { Cell, CellRunner, ResultRow } from '../types.js';

/** Scenario input as a scenario file holds it (validated by parseScenario). */
export type ScenarioInput = Record<string, unknown>;

/** One cell: overrides of the base scenario, and numbers or labels to echo into the row's extras. */
export interface NetworkCellPlan {
  overrides: ScenarioInput;
  echo: Record<string, number | string>;
}

export interface NetworkCellConfig {
  base: ScenarioInput;
  /** One entry per cell of the study, by cell index. */
  plan: NetworkCellPlan[];
  /** Calibration table path (default: the shipped table). */
  calibration?: string;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Deep merge of plain objects; arrays and scalars of `over` replace. */
export function mergeScenario(base: ScenarioInput, over: ScenarioInput): ScenarioInput {
  const out: ScenarioInput = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? mergeScenario(out[k], v) : v;
  return out;
}

/** The row of one simulated scenario. */
export function networkRow(cell: Cell, result: NetworkResult, echo: Record<string, number | string>): ResultRow {
  const a = result.all;
  const u = result.utilisation;
  const hours = result.durationS / 3600;
  return {
    scheme: cell.scheme,
    channel: cell.channel,
    modulation: cell.modulation,
    snrDb: cell.snrDb,
    items: a.counted,
    failedItems: 0,
    payloadBitsPerItem: a.bitsPerService.uplink + a.bitsPerService.downlink,
    channelUsesPerItem: a.channelUsesPerService.uplink + a.channelUsesPerService.downlink,
    psnr: null,
    ssim: null,
    semanticAccuracy: a.taskSuccess,
    encodeMsPerItem: 0,
    decodeMsPerItem: 0,
    extra: {
      ...echo,
      devices: result.devices,
      services: a.counted,
      servicesPerS: a.counted / Math.max(1e-9, result.durationS),
      completed: a.completed,
      latencyMeanMs: a.latencyMs.mean,
      latencyP50Ms: a.latencyMs.p50,
      latencyP95Ms: a.latencyMs.p95,
      latencyP99Ms: a.latencyMs.p99,
      deadlineSuccess: a.deadlineSuccess,
      taskSuccess: a.taskSuccess,
      timelyTaskSuccess: a.timelyTaskSuccess,
      aoiS: a.freshness.aoiS,
      peakAoiS: a.freshness.peakAoiS,
      aoii: a.freshness.aoii,
      voi: a.freshness.voi,
      bitsUp: a.bitsPerService.uplink,
      bitsBackhaul: a.bitsPerService.backhaul,
      bitsDown: a.bitsPerService.downlink,
      usesUp: a.channelUsesPerService.uplink,
      usesDown: a.channelUsesPerService.downlink,
      energyDeviceJ: a.energyPerServiceJ.device,
      energyEdgeJ: a.energyPerServiceJ.edge,
      energyCloudJ: a.energyPerServiceJ.cloud,
      placedDevice: a.placement.device,
      placedEdge: a.placement.edge,
      placedCloud: a.placement.cloud,
      utilUplink: u.uplink.mean,
      utilUplinkMax: u.uplink.max,
      utilDownlink: u.downlink.mean,
      utilDownlinkMax: u.downlink.max,
      utilEdge: u.edgeCompute.mean,
      utilEdgeMax: u.edgeCompute.max,
      utilCloud: u.cloudCompute.mean,
      utilDevice: u.deviceCompute.mean,
      meanMatching: result.synchronisation.meanMatching,
      knowledgeSyncs: result.synchronisation.knowledgeSyncs,
      syncBytes: result.synchronisation.knowledgeSyncBytes,
      syncBytesPerDeviceHour: result.synchronisation.knowledgeSyncBytes / Math.max(1, result.devices) / Math.max(1e-9, hours),
      feedbackBytes: result.synchronisation.feedbackBytes,
      preparationP95S: result.preparation.readyS.p95,
      events: result.events,
      wallMs: result.wallMs,
      ...Object.fromEntries(result.classes.flatMap((c) => [
        [`taskSuccess:${c.name}`, c.taskSuccess],
        [`deadlineSuccess:${c.name}`, c.deadlineSuccess],
        [`latencyP95Ms:${c.name}`, c.latencyMs.p95],
        [`aoiS:${c.name}`, c.freshness.aoiS],
      ])),
    },
  };
}

export async function createNetworkCellRunner(config: NetworkCellConfig): Promise<CellRunner> {
  if (!isObject(config?.base) || !Array.isArray(config.plan) || config.plan.length === 0) {
    throw new SemcomError('INVALID_ARGUMENT', 'network cells need a base scenario and a plan with one entry per cell');
  }
  const calibration: CalibrationTable = await loadCalibration(config.calibration);
  return {
    async runCell(cell: Cell, seed: number): Promise<ResultRow> {
      const p = config.plan[cell.index];
      if (!p) throw new SemcomError('INVALID_ARGUMENT', `cell ${cell.index} has no entry in the plan (${config.plan.length} entries)`);
      const input = mergeScenario(mergeScenario(config.base, p.overrides), { seed });
      const scenario = parseScenario(input, { calibration, source: `cell ${cell.index}` });
      return networkRow(cell, simulateNetwork(scenario, calibration), p.echo);
    },
  };
}
