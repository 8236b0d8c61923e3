/**
 * The default scenario as a commented YAML file (`semcom network init`,
 * examples/network/city.yaml): every field with its unit and where its value
 * comes from, so a user edits a complete, explained file instead of guessing
 * names. The comments are short forms of defaults.ts's.
 */
import { Document, isMap, isPair, isScalar, type Node, type Pair } from 'yaml';
import { defaultScenario } from './defaults.js';

/** A comment on each field, by path (list indices as `[]`). Trailing on scalars, above sections. */
export const FIELD_NOTES: Readonly<Record<string, string>> = {
  name: 'shown in reports',
  seed: 'every random draw (drops, shadowing, fading, arrivals) comes from it',
  durationS: 's of service arrivals; the run then drains the services in flight',
  warmupS: 's; services arriving before this are served but not counted',
  area: 'Rectangular area, m; devices are dropped uniformly over it.',
  'area.widthM': 'm',
  'area.heightM': 'm',
  cloud: 'Cloud layer (seed 002 Sec. III-A): the large generative models. Compute figures are assumptions.',
  'cloud.computeGflops': 'GFLOP/s sustained per server (A100-class GPU on diffusion, ≈ 12 % of its FP16 peak)',
  'cloud.servers': 'parallel servers sharing one FCFS queue',
  'cloud.backhaulDelayMs': 'ms one way edge ↔ cloud (regional data centre)',
  'cloud.backhaulRateMbps': 'Mbit/s of each edge site’s link to the cloud',
  'cloud.joulesPerGflop': 'J per GFLOP (≈ 400 W / 35 TFLOP/s)',
  baseStations: 'Edge layer: base stations, each with an edge server.',
  'baseStations.count': '4 sites on a 2 × 2 grid: 500 m apart, as TR 38.901 UMa',
  'baseStations.layout': 'grid | random (seeded uniform positions)',
  'baseStations.uplinkBandwidthMHz': 'MHz: a 20 MHz LTE/NR carrier',
  'baseStations.downlinkBandwidthMHz': 'MHz',
  'baseStations.txPowerDbm': 'dBm, 20 W (TR 36.814 uses 46 dBm per 10 MHz)',
  'baseStations.antennaHeightM': 'm (TR 38.901 UMa: 25 m)',
  'baseStations.noiseFigureDb': 'dB',
  'baseStations.maxScheduled': 'transmissions served at once per carrier and direction; later ones wait (a scheduler grants ~10-20 users per interval)',
  'baseStations.edge': 'The edge server at each site (an assumption: one L4-class GPU).',
  'baseStations.edge.computeGflops': 'GFLOP/s sustained per server',
  'baseStations.edge.servers': 'servers per site',
  'baseStations.edge.joulesPerGflop': 'J per GFLOP (≈ 72 W / 15 TFLOP/s)',
  'baseStations.edge.interEdgeDelayMs': 'ms one way between two sites through the core',
  devices: 'Mobile layer: terminal devices with a small local model (figures for a phone NPU are assumptions).',
  'devices.count': 'devices, each sending to another device drawn at random',
  'devices.computeGflops': 'GFLOP/s sustained (phone NPU class)',
  'devices.computePowerW': 'W while computing',
  'devices.txPowerDbm': 'dBm (TS 38.101-1 power class 3)',
  'devices.rxPowerW': 'W while receiving (LTE RRC_CONNECTED, Huang et al. MobiSys 2012)',
  'devices.paEfficiency': 'radiated / drawn power while transmitting, in (0, 1]',
  'devices.noiseFigureDb': 'dB (TR 36.814: 9 dB)',
  'devices.heightM': 'm (TR 38.901: 1.5 m)',
  'devices.batteryJ': 'J (4,000 mAh at 3.85 V)',
  channel: 'Radio channel between each device and its base station.',
  'channel.carrierGHz': 'GHz (NR band n78)',
  'channel.pathLoss': 'uma | umi | log-distance (TR 38.901 NLOS models)',
  'channel.exponent': "path-loss exponent, used by 'log-distance' only",
  'channel.shadowingDb': 'dB log-normal σ, one draw per device and site (TR 38.901 UMa NLOS: 6 dB)',
  'channel.fading': 'none | rayleigh | rician:K (K linear) | rician:KdB; one fade per transmission',
  'channel.minDistanceM': 'm, smallest device–site distance (TR 38.901 UMa: 35 m)',
  'channel.noiseDensityDbmHz': 'dBm/Hz (kT at 290 K)',
  services:
    'Service classes arriving at every device. scheme: a scheme of the calibration table\n' +
    '(semcom network validate lists them); workload defaults follow its family.\n' +
    'Trace-driven instead of Poisson: arrival: {process: trace, arrivals: [{timeS: 1.5, device: 3}, ...]}',
  'services[].name': 'unique per class',
  'services[].scheme': 'generative SemCom (GAI-SCN): keywords/latents up, regenerated content down',
  'services[].arrival': 'Poisson arrivals at each device.',
  'services[].arrival.process': 'poisson | trace',
  'services[].arrival.ratePerDeviceHz': 'Hz per device: one service every 100 s',
  'services[].arrival.arrivals[].timeS': 's',
  'services[].arrival.arrivals[].device': 'device index, 0 to devices.count − 1',
  'services[].deadlineMs': 'ms from arrival at the sender to the result at the receiver',
  'services[].importance': 'semantic importance ≥ 0 (importance-aware policies, VoI)',
  'services[].workload': 'GFLOP per item of each step (assumptions: ViT-GPT2 captioner, Stable Diffusion 2.1 at 512×512, JSCC decoder).',
  'services[].workload.encodeGflop': 'GFLOP, local understanding at the sender',
  'services[].workload.generateGflop': 'GFLOP, global generation (50 steps with guidance)',
  'services[].workload.decodeGflop': 'GFLOP, decoding and local calibration at the receiver',
  policy: 'Resource allocation (seed 000 Sec. VI-C).',
  'policy.bandwidth': 'equal | proportional-fair | semantic-importance | knowledge-matching',
  'policy.power': 'equal | water-filling (downlink)',
  'policy.placement': 'device | edge | cloud | min-latency | min-energy (where generation runs)',
  'policy.fairnessWindowS': 's, proportional-fair averaging window',
  workflow: 'The three stages of seed 002 Sec. III-B.',
  'workflow.preparation': 'Stage 1: each device downloads its local model and knowledge before serving.',
  'workflow.preparation.enabled': 'false: devices start ready',
  'workflow.preparation.modelBytes': 'bytes: a fine-tuned branch (adapter) of the local model',
  'workflow.preparation.knowledgeBytes': 'bytes: the personal knowledge base',
  'workflow.feedback': 'Stage 3: service feedback cached at the edge, pushed to the cloud.',
  'workflow.feedback.bytesPerService': 'bytes',
  'workflow.feedback.syncPeriodS': 's between pushes (0: never)',
  'workflow.knowledge': "Stage 3: devices' knowledge drifts from the network's and is re-synced.",
  'workflow.knowledge.records': 'records in the knowledge base',
  'workflow.knowledge.changeRatePerHour': 'fraction of the records changed per hour',
  'workflow.knowledge.syncPeriodS': 's between re-syncs per device (0: never)',
  'workflow.knowledge.initialMatching': 'matching degree in [0, 1] after preparation',
  metrics: 'Freshness measures (seed 000 Sec. V-2).',
  'metrics.aoiiPenalty': 'linear | quadratic | threshold',
  'metrics.aoiiThresholdS': "s, used by 'threshold' only",
  'metrics.voiDecayPerS': 'per s: VoI = importance × exp(−decay × AoI)',
};

const HEADER = [
  ' A semcom network scenario (issue 6): a small city served by a',
  ' cloud-edge-mobile generative semantic-communication network (seed 002 Sec. III).',
  '',
  ' Run it:       semcom network run <this file>',
  ' Check it:     semcom network validate <this file>',
  ' Every field is optional: a missing one takes the value shown here. Units are in',
  ' the names (S seconds, Ms milliseconds, M metres, MHz, Dbm = dBm, W watts, J joules, GFLOP).',
  ' calibration: calibration.json   # a calibration table (relative to this file);',
  '                                 # default: the table shipped with semcom',
].join('\n');

function annotate(node: unknown, path: string): void {
  if (!isMap(node)) {
    if (node && typeof node === 'object' && 'items' in node) {
      const seq = node as { items: unknown[] };
      seq.items.forEach((item) => annotate(item, `${path}[]`));
    }
    return;
  }
  for (const item of node.items as Pair<Node, Node>[]) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const here = path === '' ? String(item.key.value) : `${path}.${String(item.key.value)}`;
    const note = FIELD_NOTES[here];
    if (isScalar(item.value)) {
      if (note) item.value.comment = ` ${note}`;
    } else {
      if (note) item.key.commentBefore = note.split('\n').map((l) => ` ${l}`).join('\n');
      if (path === '') item.key.spaceBefore = true;
      annotate(item.value, here);
    }
  }
}

/** YAML text of the default scenario, every field commented with its unit and source. */
export function exampleScenario(): string {
  const doc = new Document(defaultScenario());
  doc.commentBefore = HEADER;
  annotate(doc.contents, '');
  return doc.toString({ lineWidth: 0 });
}
