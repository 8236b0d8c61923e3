/**
 * The network case studies' shared scenario: a 1 km² city block with four
 * base stations on an IoT-class carrier, one cloud, and the workloads of
 * each scheme's steps. The numbers are stated in NETWORK_CONDITIONS; the
 * compute workloads are assumptions (order-of-magnitude FLOP counts), the
 * payloads, channel uses and task success come from the calibration table.
 */
import { mergeScenario, type ScenarioInput } from './cells.js';

type Workload = { encodeGflop: number; generateGflop: number; decodeGflop: number };

/** GFLOP per item of each step, by scheme family and scale (assumptions; see NETWORK_CONDITIONS). */
export const WORKLOADS = {
  /** deflate and inflate of a 784-byte image: ~1 MFLOP-equivalent each. */
  traditional: { encodeGflop: 0.001, generateGflop: 0, decodeGflop: 0.001 },
  /** The learned JSCC encoder and decoder (small convolutional networks). */
  semcom: { encodeGflop: 0.02, generateGflop: 0, decodeGflop: 0.02 },
  /** This project's embedded models: classifier + cVAE encoder, cVAE decoder, JSCC decoding and calibration. */
  generativeEmbedded: { encodeGflop: 0.02, generateGflop: 0.02, decodeGflop: 0.02 },
  /** Seed 002 Sec. IV's pipeline at its scale: a ViT-GPT2 captioner (~20 GFLOP), a few-step distilled latent diffusion generator (~1 TFLOP per image), local calibration (~5 GFLOP). */
  generativeLarge: { encodeGflop: 20, generateGflop: 1000, decodeGflop: 5 },
  /** Knowledge-based text: a GPT-Neo-125M-class local model for keywords and calibration (~5 GFLOP for ~20 tokens), a 1.3B-class global model for generation (~50 GFLOP). */
  textGenerative: { encodeGflop: 5, generateGflop: 50, decodeGflop: 5 },
  /** Knowledge-based text with the embedded models (keyword tagger, retrieval generator): light enough that the radio decides latency. */
  textEmbedded: { encodeGflop: 0.05, generateGflop: 0.5, decodeGflop: 0.05 },
} as const satisfies Record<string, Workload>;

export function imageClass(scheme: string, workload: Workload, extra: { importance?: number; rateHz?: number; deadlineMs?: number } = {}): ScenarioInput {
  return {
    name: 'image',
    scheme,
    arrival: { process: 'poisson', ratePerDeviceHz: extra.rateHz ?? 1 },
    deadlineMs: extra.deadlineMs ?? 100,
    importance: extra.importance ?? 1,
    workload: { ...workload },
  };
}

export function textClass(scheme: string, extra: { importance?: number; rateHz?: number; deadlineMs?: number; workload?: Workload } = {}): ScenarioInput {
  return {
    name: 'text',
    scheme,
    arrival: { process: 'poisson', ratePerDeviceHz: extra.rateHz ?? 1 },
    deadlineMs: extra.deadlineMs ?? 200,
    importance: extra.importance ?? 1,
    workload: { ...(extra.workload ?? WORKLOADS.textGenerative) },
  };
}

/** The base scenario with `over` merged in (objects deeply, arrays replaced). */
export function baseScenario(over: ScenarioInput = {}): ScenarioInput {
  const base: ScenarioInput = {
    name: 'city-block',
    durationS: 120,
    warmupS: 20,
    area: { widthM: 1000, heightM: 1000 },
    cloud: { computeGflops: 100_000, servers: 8, backhaulDelayMs: 10, backhaulRateMbps: 1000, joulesPerGflop: 0.004 },
    baseStations: {
      count: 4,
      layout: 'grid',
      uplinkBandwidthMHz: 0.18,
      downlinkBandwidthMHz: 0.18,
      maxScheduled: 16,
      txPowerDbm: 43,
      antennaHeightM: 25,
      noiseFigureDb: 5,
      edge: { computeGflops: 20_000, servers: 1, joulesPerGflop: 0.01, interEdgeDelayMs: 2 },
    },
    devices: { count: 400, computeGflops: 1000, computePowerW: 3, txPowerDbm: 23, rxPowerW: 0.5, paEfficiency: 0.3, noiseFigureDb: 9, heightM: 1.5, batteryJ: 40_000 },
    channel: { carrierGHz: 2, pathLoss: 'uma', shadowingDb: 6, fading: 'rayleigh', minDistanceM: 10, noiseDensityDbmHz: -174 },
    policy: { bandwidth: 'equal', power: 'equal', placement: 'cloud', fairnessWindowS: 1 },
    workflow: {
      preparation: { enabled: false, modelBytes: 0, knowledgeBytes: 0 },
      feedback: { bytesPerService: 16, syncPeriodS: 60 },
      knowledge: { records: 68_081, changeRatePerHour: 0, syncPeriodS: 0, initialMatching: 1 },
    },
    metrics: { aoiiPenalty: 'linear', aoiiThresholdS: 1, voiDecayPerS: 0.2 },
    services: [imageClass('generative-vae', WORKLOADS.generativeEmbedded)],
  };
  return mergeScenario(base, over);
}

/** Conditions every network study states. */
export const NETWORK_CONDITIONS = [
  'Simulator: src/network, a discrete-event simulation (one seeded event queue) of seed 002’s cloud-edge-mobile network; scheme behaviour from the shipped calibration table (src/network/calibration), measured by Monte Carlo with this project’s own links and models on AWGN and read at each transmission’s faded SNR.',
  'Topology: 1 km × 1 km, 4 base stations on a grid, each with an edge server (20 TFLOP/s, 0.01 J/GFLOP); one cloud (8 servers of 100 TFLOP/s, 0.004 J/GFLOP) 10 ms and 1 Gbit/s away from each edge; 2 ms between edges. Devices uniform, each associated with its strongest base station and paired with a random receiving device.',
  'Radio: an NB-IoT-sized carrier of 180 kHz uplink and 180 kHz downlink per base station at 2 GHz, at most 16 transmissions served at once per carrier (later ones wait in arrival order); 3GPP TR 38.901 UMa path loss, 6 dB log-normal shadowing, Rayleigh block fading drawn per transmission; base station 43 dBm, NF 5 dB; device 23 dBm (PA efficiency 0.3), NF 9 dB; noise −174 dBm/Hz. Digital hops: link adaptation over the 802.11n 648-bit MCS table at each transmission’s SNR (1 % codeword-error thresholds + margin from the calibration), whole codewords; a packet whose codewords fail is lost (no retransmission). Analog hops (JSCC): one complex channel use per hertz per second, quality from the calibrated curve at the faded SNR.',
  'Compute: FCFS queues per device (1 TFLOP/s NPU-class, 3 W while computing), per edge and in the cloud. Workloads (GFLOP per item; assumptions, not measurements): traditional 0.001 + 0.001; classical SemCom 0.02 + 0.02 (+ the edge’s relay); generative at the embedded models’ scale 0.02 / 0.02 / 0.02 (understand / generate / calibrate), at seed 002’s scale 20 / 1000 / 5 (ViT-GPT2 captioner, a few-step latent diffusion generator, local calibration); knowledge-based text 5 / 50 / 5 (GPT-Neo-125M-class local model, 1.3B-class global model), or 0.05 / 0.5 / 0.05 with the embedded keyword tagger and retrieval generator.',
  'Metrics: latency from arrival at the sender to the result at the receiver; deadline success counts delivered services within the deadline; task success draws each service’s success from the calibrated probability (and the knowledge retention for knowledge-based schemes); AoI at each receiver counts only updates whose meaning was recovered; AoII linear in the time the receiver has been wrong; VoI = importance × exp(−0.2/s × AoI). Fractions are over services that arrived after the warm-up.',
];
