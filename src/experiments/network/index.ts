/**
 * The network case studies of issue 6 (seed 002 Sec. III-IV; seed 000 Sec.
 * V-2 and VI-C): `network-load` (traditional vs classical SemCom vs
 * generative SemCom as devices and load grow), `network-policies` (the
 * allocation and placement policies under one load), `network-sync`
 * (knowledge-sync period against freshness of knowledge, task success and
 * bytes). Each cell is a scenario simulated by src/network with the shipped
 * calibration table. Importing this module registers them.
 */
import { siblingModule } from '../../core/threads.js';
import { registerCaseStudy, type CaseStudyOptions } from '../registry.js';
import type { CaseStudy, CellDefinition, TableSpec } from '../types.js';
import type { NetworkCellConfig, NetworkCellPlan, ScenarioInput } from './cells.js';
import { imageClass, textClass, WORKLOADS, baseScenario, NETWORK_CONDITIONS } from './scenarios.js';

const RUNNER = { module: siblingModule(import.meta.url, 'cells'), exportName: 'createNetworkCellRunner' };
/** The row fields of a link (SNR, modulation) do not apply to a network: every cell states 0 dB and `adaptive`. */
const NOT_A_LINK = { modulation: 'adaptive', snrDb: 0 } as const;

function study(name: string, cells: CellDefinition[], plan: NetworkCellPlan[], base: ScenarioInput): Pick<CaseStudy, 'cells' | 'runner' | 'itemsPerCell'> {
  const config: NetworkCellConfig = { base, plan };
  return { cells, runner: { ...RUNNER, config }, itemsPerCell: 0 };
}

const OUTCOME_COLUMNS: TableSpec['columns'] = [
  { key: 'extra.services', label: 'services', digits: 0 },
  { key: 'extra.deadlineSuccess', label: 'deadline met', digits: 3 },
  { key: 'extra.taskSuccess', label: 'task success', digits: 3 },
  { key: 'extra.timelyTaskSuccess', label: 'timely success', digits: 3 },
  { key: 'extra.latencyMeanMs', label: 'latency mean ms', digits: 1 },
  { key: 'extra.latencyP95Ms', label: 'p95 ms', digits: 1 },
  { key: 'extra.aoiS', label: 'AoI s', digits: 2 },
  { key: 'extra.peakAoiS', label: 'peak AoI s', digits: 2 },
  { key: 'extra.aoii', label: 'AoII', digits: 3 },
  { key: 'extra.voi', label: 'VoI', digits: 3 },
];

// ---------------------------------------------------------------- network-load

export const LOAD_DEVICES = [100, 200, 400, 800, 1600, 3200, 6400] as const;
export const QUICK_LOAD_DEVICES = [200, 1600] as const;
/** The schemes compared under load: label → image scheme and workloads. */
export const LOAD_SCHEMES = [
  { label: 'traditional', scheme: 'traditional-deflate', workload: WORKLOADS.traditional },
  { label: 'classical SemCom', scheme: 'jscc-k49', workload: WORKLOADS.semcom },
  { label: 'generative SemCom', scheme: 'generative-vae', workload: WORKLOADS.generativeEmbedded },
  { label: 'generative SemCom (1 TFLOP generator)', scheme: 'generative-vae', workload: WORKLOADS.generativeLarge },
] as const;

function networkLoad({ quick }: CaseStudyOptions): CaseStudy {
  const devices = quick ? QUICK_LOAD_DEVICES : LOAD_DEVICES;
  const base = baseScenario({ durationS: quick ? 30 : 120, warmupS: quick ? 5 : 20 });
  const cells: CellDefinition[] = [];
  const plan: NetworkCellPlan[] = [];
  for (const s of LOAD_SCHEMES) {
    for (const n of devices) {
      cells.push({ scheme: s.label, channel: 'rayleigh', ...NOT_A_LINK });
      plan.push({ overrides: { devices: { count: n }, services: [imageClass(s.scheme, s.workload)], policy: { placement: 'cloud' } }, echo: { load: n } });
    }
  }
  return {
    name: 'network-load',
    title: 'Network load: traditional, classical SemCom and generative SemCom as devices and load grow',
    description:
      'Each device streams image status updates to a paired device through the cloud-edge-mobile network of seed 002 (Sec. III): traditional (the image’s bits on both hops), classical SemCom (learned JSCC features, relayed by the edge) and generative SemCom (GAI-SCN: a label and latents up, the cloud regenerates, the edge encodes the result for the downlink, the device calibrates), with the generator at the embedded model’s scale and at a 1-TFLOP-per-image scale. Latency, deadline success, task success, freshness (AoI, AoII, VoI), bits and channel uses per service as the number of devices grows.',
    conditions: [
      ...NETWORK_CONDITIONS,
      `Devices per cell: ${devices.join(', ')} over 4 base stations; each sends 1 image service per second (Poisson), deadline 100 ms, importance 1; generation in the cloud (GAI-SCN’s placement).`,
      `Simulated ${quick ? 30 : 120} s per cell after preparation, measured after a ${quick ? 5 : 20} s warm-up; one seed per cell (the run’s seed and the cell index).`,
      'How each scheme acts here (the model, not a result): traditional sends the deflated image (1,601 bits with headers and CRC) on both hops, so it needs the most channel uses and saturates the uplink first; classical SemCom sends 49 analog channel uses each way and its quality falls gracefully with SNR; generative SemCom sends a 96-bit packet up (one whole 648-bit codeword on air) and regenerated content down, and pays the cloud round trip and the generator’s compute, so it is bounded by the cloud when the generator is large.',
    ],
    ...study('network-load', cells, plan, base),
    plots: [
      { id: 'load-timely-success', title: 'Timely task success vs devices', x: 'extra.load', y: 'extra.timelyTaskSuccess', xLabel: 'devices', yLabel: 'task success within the deadline' },
      { id: 'load-latency-p95', title: '95th-percentile latency vs devices', x: 'extra.load', y: 'extra.latencyP95Ms', xLabel: 'devices', yLabel: 'p95 end-to-end latency (ms)', logY: true },
      { id: 'load-aoi', title: 'Average AoI vs devices', x: 'extra.load', y: 'extra.aoiS', xLabel: 'devices', yLabel: 'time-average AoI (s)', logY: true },
      { id: 'load-channel-uses', title: 'Channel uses per service vs devices', x: 'extra.load', y: 'channelUsesPerItem', xLabel: 'devices', yLabel: 'complex channel uses per service (up + down)' },
    ],
    tables: [
      { id: 'outcome', title: 'Outcome per scheme and load', columns: ['scheme', { key: 'extra.load', label: 'devices', digits: 0 }, ...OUTCOME_COLUMNS] },
      {
        id: 'cost',
        title: 'What each service cost, and the resources it used',
        columns: [
          'scheme',
          { key: 'extra.load', label: 'devices', digits: 0 },
          { key: 'extra.bitsUp', label: 'bits up', digits: 0 },
          { key: 'extra.bitsBackhaul', label: 'bits backhaul', digits: 0 },
          { key: 'extra.bitsDown', label: 'bits down', digits: 0 },
          { key: 'extra.usesUp', label: 'uses up', digits: 0 },
          { key: 'extra.usesDown', label: 'uses down', digits: 0 },
          { key: 'extra.energyDeviceJ', label: 'device J', digits: 4 },
          { key: 'extra.energyCloudJ', label: 'cloud J', digits: 3 },
          { key: 'extra.utilUplink', label: 'UL util', digits: 3 },
          { key: 'extra.utilDownlink', label: 'DL util', digits: 3 },
          { key: 'extra.utilCloud', label: 'cloud util', digits: 3 },
          { key: 'extra.wallMs', label: 'wall ms', digits: 0 },
        ],
      },
    ],
  };
}

// ------------------------------------------------------------ network-policies

export const POLICY_DEVICES = [3600, 4800, 6000] as const;
export const QUICK_POLICY_DEVICES = [4800] as const;
/** Devices of the placement rows. */
export const PLACEMENT_DEVICES = 3200;
/** Allocation variants: bandwidth policy × power policy. */
export const ALLOCATIONS = [
  { label: 'equal', bandwidth: 'equal', power: 'equal' },
  { label: 'proportional-fair', bandwidth: 'proportional-fair', power: 'equal' },
  { label: 'semantic-importance', bandwidth: 'semantic-importance', power: 'equal' },
  { label: 'knowledge-matching', bandwidth: 'knowledge-matching', power: 'equal' },
  { label: 'equal + water-filling', bandwidth: 'equal', power: 'water-filling' },
] as const;
export const PLACEMENTS = ['device', 'edge', 'cloud', 'min-latency', 'min-energy'] as const;

function networkPolicies({ quick }: CaseStudyOptions): CaseStudy {
  const devices = quick ? QUICK_POLICY_DEVICES : POLICY_DEVICES;
  const base = baseScenario({
    durationS: quick ? 60 : 180,
    warmupS: quick ? 10 : 30,
    // Allocation rows: the embedded models' light compute, so the radio decides who meets a deadline.
    services: [imageClass('generative-vae', WORKLOADS.generativeEmbedded, { importance: 1, rateHz: 0.1, deadlineMs: 20 }), textClass('semantic', { importance: 3, rateHz: 1, deadlineMs: 10, workload: WORKLOADS.textEmbedded })],
    workflow: { knowledge: { changeRatePerHour: 1, syncPeriodS: 0, initialMatching: 1 } },
  });
  const cells: CellDefinition[] = [];
  const plan: NetworkCellPlan[] = [];
  for (const a of ALLOCATIONS) {
    for (const n of devices) {
      cells.push({ scheme: a.label, channel: 'rayleigh', ...NOT_A_LINK });
      plan.push({ overrides: { devices: { count: n }, policy: { bandwidth: a.bandwidth, power: a.power, placement: 'min-latency' } }, echo: { load: n, study: 'allocation', placement: 'min-latency' } });
    }
  }
  for (const p of PLACEMENTS) {
    cells.push({ scheme: `placement ${p}`, channel: 'rayleigh', ...NOT_A_LINK });
    plan.push({
      // Placement rows: seed 002's heavy models, so where generation runs decides latency and energy.
      overrides: {
        devices: { count: PLACEMENT_DEVICES },
        policy: { bandwidth: 'equal', power: 'equal', placement: p },
        services: [imageClass('generative-vae', WORKLOADS.generativeLarge, { importance: 1, rateHz: 0.1, deadlineMs: 100 }), textClass('semantic', { importance: 3, rateHz: 0.5, deadlineMs: 200 })],
      },
      echo: { load: PLACEMENT_DEVICES, study: 'placement', placement: p },
    });
  }
  const allocationLabels = ALLOCATIONS.map((a) => a.label);
  const placementLabels = PLACEMENTS.map((p) => `placement ${p}`);
  return {
    name: 'network-policies',
    title: 'Allocation and placement policies under one load',
    description:
      'Two service classes share the network: generative image updates (importance 1) and knowledge-based generative text messages (importance 3; the receiver’s knowledge drifts at 100 % of its records per hour and is not re-synced during the run (network-sync studies the sync; its traffic would swamp this narrow carrier), so the knowledge-matching policy sees the classes’ different expected success). Allocation rows: the embedded models’ light compute and tight deadlines (image 20 ms, text 10 ms), so the radio decides; the base stations share bandwidth by each policy (equal, proportional fair, semantic-importance weighted, knowledge-matching aware) and downlink power equally or by water-filling. Placement rows: seed 002’s heavy models (a 1-TFLOP image generator, a 1.3B-class text generator; deadlines 100 and 200 ms) with generation placed on the receiving device, the edge, the cloud, by least estimated latency or by least energy.',
    conditions: [
      ...NETWORK_CONDITIONS,
      `Allocation rows: ${devices.join(', ')} devices over 4 base stations, each sending 0.1 image services per second (deadline 20 ms) and 1 text service per second (deadline 10 ms), Poisson; workloads 0.02 / 0.02 / 0.02 and 0.05 / 0.5 / 0.05 GFLOP.`,
      `Placement rows: ${PLACEMENT_DEVICES} devices, 0.1 image services per second (deadline 100 ms, 20 / 1000 / 5 GFLOP) and 0.5 text services per second (deadline 200 ms, 5 / 50 / 5 GFLOP).`,
      'Allocation rows place generation by least estimated latency (queues, compute, transfers); placement rows share bandwidth and power equally.',
      'How each policy acts here (the model, not a result): equal shares split a carrier evenly among the transmissions it serves; semantic importance weights shares by importance, so the text class (3) gets three times the image class’s share when both are served; knowledge matching weights by importance × expected task success, so it also favours the class and the receivers more likely to recover the meaning; proportional fair weights by achievable rate over the device’s averaged rate, and can only gain where a device’s channel varies between allocations (block fading is drawn once per transmission, and a transmission lasts milliseconds); water-filling moves downlink power to the receivers it raises most, which buys rate only below the top MCS. Near saturation a sharing rule decides who meets a tight deadline; below it every rule meets almost all of them; above it none can.',
      'How each placement acts here: device runs generation on the receiver’s 1 TFLOP/s NPU (a 1-TFLOP image takes a second); edge sends all of it to one 20 TFLOP/s server per site (80 images per second per site at 1 TFLOP each is four times what it can do); cloud pays 2 × 10 ms of backhaul but has 800 TFLOP/s; least latency compares queue backlogs, compute and transfers per service; least energy takes the least device-plus-infrastructure energy among options that meet the deadline (text generation costs 0.15 J on a device against 0.2 J in the cloud).',
      `Simulated ${quick ? 60 : 180} s per cell after preparation, measured after a ${quick ? 10 : 30} s warm-up.`,
    ],
    ...study('network-policies', cells, plan, base),
    plots: [
      { id: 'policies-timely-success', title: 'Timely task success vs devices, per allocation policy', x: 'extra.load', y: 'extra.timelyTaskSuccess', xLabel: 'devices', yLabel: 'task success within the deadline', filter: { scheme: allocationLabels } },
      { id: 'policies-latency-p95', title: '95th-percentile latency vs devices, per allocation policy', x: 'extra.load', y: 'extra.latencyP95Ms', xLabel: 'devices', yLabel: 'p95 latency (ms)', logY: true, filter: { scheme: allocationLabels } },
    ],
    tables: [
      {
        id: 'allocation',
        title: 'Allocation policies',
        filter: { scheme: allocationLabels },
        columns: [
          'scheme',
          { key: 'extra.load', label: 'devices', digits: 0 },
          ...OUTCOME_COLUMNS,
          { key: 'extra.taskSuccess:image', label: 'image success', digits: 3 },
          { key: 'extra.taskSuccess:text', label: 'text success', digits: 3 },
          { key: 'extra.latencyP95Ms:image', label: 'image p95 ms', digits: 1 },
          { key: 'extra.latencyP95Ms:text', label: 'text p95 ms', digits: 1 },
          { key: 'extra.utilUplink', label: 'UL util', digits: 3 },
          { key: 'extra.utilDownlink', label: 'DL util', digits: 3 },
        ],
      },
      {
        id: 'placement',
        title: 'Placement of generation',
        filter: { scheme: placementLabels },
        columns: [
          'scheme',
          ...OUTCOME_COLUMNS,
          { key: 'extra.placedDevice', label: 'on device', digits: 0 },
          { key: 'extra.placedEdge', label: 'at edge', digits: 0 },
          { key: 'extra.placedCloud', label: 'in cloud', digits: 0 },
          { key: 'extra.energyDeviceJ', label: 'device J', digits: 4 },
          { key: 'extra.energyEdgeJ', label: 'edge J', digits: 3 },
          { key: 'extra.energyCloudJ', label: 'cloud J', digits: 3 },
          { key: 'extra.utilEdgeMax', label: 'edge util max', digits: 3 },
          { key: 'extra.utilCloud', label: 'cloud util', digits: 3 },
          { key: 'extra.utilDevice', label: 'device util', digits: 4 },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------- network-sync

/** Knowledge-sync periods, s (0: never re-synced). */
export const SYNC_PERIODS = [0, 3600, 1800, 900, 300, 120, 60] as const;
export const QUICK_SYNC_PERIODS = [0, 60] as const;
/** Fractions of the network's knowledge changing per hour. */
export const DRIFT_RATES = [0.1, 0.4] as const;

function networkSync({ quick }: CaseStudyOptions): CaseStudy {
  const periods = quick ? QUICK_SYNC_PERIODS : SYNC_PERIODS;
  const devices = quick ? 100 : 400;
  const warmupS = quick ? 100 : 400;
  const durationS = warmupS + (quick ? 300 : 3600);
  const base = baseScenario({
    durationS,
    warmupS,
    devices: { count: devices },
    services: [textClass('semantic', { importance: 1 })],
    policy: { placement: 'min-latency' },
    // Stage 1: every device downloads its local generator and the knowledge base (the full-copy bytes of the knowledge-mismatch study) before it serves.
    workflow: { preparation: { enabled: true, modelBytes: 0, knowledgeBytes: 1_432_278 } },
    // An LTE-M-sized carrier: the 180 kHz one of the other studies would take half an hour to deliver every device its knowledge base.
    baseStations: { uplinkBandwidthMHz: 1.4, downlinkBandwidthMHz: 1.4 },
  });
  const cells: CellDefinition[] = [];
  const plan: NetworkCellPlan[] = [];
  for (const rate of DRIFT_RATES) {
    for (const period of periods) {
      cells.push({ scheme: `drift ${Math.round(rate * 100)} %/h`, channel: 'rayleigh', ...NOT_A_LINK });
      plan.push({
        overrides: { workflow: { knowledge: { changeRatePerHour: rate, syncPeriodS: period, initialMatching: 1 } } },
        echo: { syncPeriodS: period, syncsPerHour: period > 0 ? 3600 / period : 0, driftPerHour: rate },
      });
    }
  }
  return {
    name: 'network-sync',
    title: 'Knowledge synchronisation: freshness of knowledge and task success against the bytes it costs',
    description:
      'Devices exchange knowledge-based generative text messages (the semantic text scheme, whose receiver regenerates from its knowledge base) while the network’s knowledge changes; each device re-syncs its knowledge base every period (stage 3 of seed 002’s workflow) with the reconciliation protocol of src/knowledge, whose bytes the knowledge-mismatch case study measured. Shorter periods keep the matching degree, and so task success, high, and cost bytes on the same radio the services use.',
    conditions: [
      ...NETWORK_CONDITIONS,
      `${devices} devices over 4 base stations, each sending 1 text service per second (Poisson), deadline 200 ms; generation at least estimated latency.`,
      `Carrier: 1.4 MHz each way (LTE-M-sized), not the other studies’ 180 kHz. Stage 1: each device first downloads the 1,432,278-byte knowledge base (knowledge-mismatch’s full copy; its models are installed) and serves once ready; knowledge starts matched (M = 1) when it is. ${durationS} s simulated, measured after a ${warmupS} s warm-up that covers the preparation.`,
      'Knowledge base: 68,081 records (the knowledge-mismatch study’s vocabulary and corpus); the network changes a fraction of them per hour (10 % or 40 %); a device’s matching degree decays as M = (1 − f)/(1 + f) with f the fraction changed since its last sync; sync phases are uniform per device.',
    ],
    ...study('network-sync', cells, plan, base),
    plots: [
      { id: 'sync-success', title: 'Task success vs syncs per hour', x: 'extra.syncsPerHour', y: 'extra.taskSuccess', xLabel: 'knowledge syncs per device per hour (0: never)', yLabel: 'task success' },
      { id: 'sync-matching', title: 'Mean matching degree vs syncs per hour', x: 'extra.syncsPerHour', y: 'extra.meanMatching', xLabel: 'knowledge syncs per device per hour (0: never)', yLabel: 'time-average matching degree M' },
      { id: 'sync-bytes', title: 'Sync bytes per device-hour vs syncs per hour', x: 'extra.syncsPerHour', y: 'extra.syncBytesPerDeviceHour', xLabel: 'knowledge syncs per device per hour (0: never)', yLabel: 'sync bytes per device per hour' },
    ],
    tables: [
      {
        id: 'sync',
        title: 'Sync period against knowledge freshness, success and cost',
        columns: [
          'scheme',
          { key: 'extra.syncPeriodS', label: 'period s', digits: 0 },
          { key: 'extra.meanMatching', label: 'mean M', digits: 3 },
          { key: 'extra.taskSuccess', label: 'task success', digits: 3 },
          { key: 'extra.timelyTaskSuccess', label: 'timely success', digits: 3 },
          { key: 'extra.latencyP95Ms', label: 'p95 ms', digits: 1 },
          { key: 'extra.aoii', label: 'AoII', digits: 3 },
          { key: 'extra.knowledgeSyncs', label: 'syncs', digits: 0 },
          { key: 'extra.syncBytesPerDeviceHour', label: 'sync bytes / device·h', digits: 0 },
          { key: 'extra.utilUplink', label: 'UL util', digits: 3 },
          { key: 'extra.utilDownlink', label: 'DL util', digits: 3 },
        ],
      },
    ],
  };
}

registerCaseStudy('network-load', networkLoad);
registerCaseStudy('network-policies', networkPolicies);
registerCaseStudy('network-sync', networkSync);
