/**
 * Defaults of every scenario field: a small city (1 km², 4 base stations with
 * edge servers, 200 devices, 10 simulated minutes, one image service class)
 * in the shape of seed 002 Sec. III-A (terminal devices, base stations with
 * edge servers, one cloud) and its Sec. IV case study (image services; a
 * ViT-GPT2 captioner as the local model, Stable Diffusion 2.1 as the global
 * one).
 *
 * Radio figures follow 3GPP evaluation methodology (TR 38.901, TR 36.814,
 * TS 38.101-1). Compute, energy and workload figures are ASSUMPTIONS of this
 * project: orders of magnitude for hardware classes and models the seeds
 * name, derived as each comment says, not measurements. A study that depends
 * on them should set its own.
 */
import type { SchemeFamily } from '../calibration/types.js';
import type { Scenario, ServiceClassSpec } from './types.js';

/** Work of each step of one service, GFLOP per item (a service class's `workload`). */
export type Workload = ServiceClassSpec['workload'];

/**
 * Default workloads per modality and scheme family, GFLOP per item (all
 * ASSUMPTIONS, order of magnitude). A FLOP is one floating-point operation; a
 * multiply–accumulate (MAC) counts as two.
 *
 * Image (content as seed 002 Sec. IV generates it: a 512×512 RGB image):
 * - traditional: a JPEG-class codec costs a few tens of operations per pixel
 *   (colour transform, 8×8 DCT, quantisation, entropy coding): ≈ 40 op/pixel
 *   × 2.6·10⁵ pixels ≈ 0.01 GFLOP each way.
 * - semcom (learned JSCC, seed 002's "typical SemCom scheme"): the deep JSCC
 *   of Bourtsoulatze, Kurka & Gündüz (IEEE TCCN 2019; five 5×5 conv layers of
 *   16–32 channels) run at 512×512 costs ≈ 2.3 GFLOP per side; transformer
 *   JSCCs are heavier. 5 GFLOP per side.
 * - generative (GAI-SCN): understanding = ViT-GPT2 captioner: ViT-B/16 at
 *   224×224 ≈ 17.6 GMAC ≈ 35 GFLOP (Touvron et al. 2021, DeiT, Table 1) plus
 *   a GPT-2-small decoder (≈ 0.15 B parameters with cross-attention, 2 FLOP
 *   per parameter per token, ≈ 16 caption tokens) ≈ 5 GFLOP: 40 GFLOP.
 *   Generation = Stable Diffusion at 512×512: ≈ 0.68 TFLOP per U-Net
 *   evaluation (≈ 340 GMAC reported for the 0.86 B-parameter SD U-Net by Kim
 *   et al. 2023, BK-SDM, arXiv:2305.15798), × 50 sampling steps × 2 for
 *   classifier-free guidance ≈ 68 TFLOP, plus ≈ 1.5 TFLOP for the VAE decoder
 *   (our estimate from its conv layers): 70,000 GFLOP. Decode = JSCC decoder
 *   (5) + local semantic calibration of seed 002 Sec. III-B (a small model,
 *   5): 10 GFLOP.
 *
 * Text (one sentence of ≈ 20 words, ≈ 30 tokens):
 * - traditional: gzip/Brotli on 100 bytes: ≈ 10⁻⁴ GFLOP each way.
 * - semcom: a DeepSC-class transformer (≈ 10 M parameters; Xie et al., IEEE
 *   TSP 2021) × 2 FLOP × 30 tokens ≈ 0.6 GFLOP per side: 0.5.
 * - generative: understanding = GPT-Neo 125M (seed 002 Sec. III-A) reading a
 *   ≈ 50-token prompt and writing ≈ 10 keyword tokens: 2 × 0.125 B × 60 ≈
 *   15 GFLOP. Generation = a 7 B-parameter cloud LLM over ≈ 90 tokens:
 *   2 × 7 B × 90 ≈ 1,260 GFLOP. Decode = GPT-Neo 125M calibration over
 *   ≈ 60 tokens ≈ 15 GFLOP.
 */
export const DEFAULT_WORKLOADS: Readonly<Record<'image' | 'text', Readonly<Record<SchemeFamily, Readonly<Workload>>>>> = Object.freeze({
  image: Object.freeze({
    traditional: Object.freeze({ encodeGflop: 0.01, generateGflop: 0, decodeGflop: 0.01 }),
    semcom: Object.freeze({ encodeGflop: 5, generateGflop: 0, decodeGflop: 5 }),
    generative: Object.freeze({ encodeGflop: 40, generateGflop: 70_000, decodeGflop: 10 }),
  }),
  text: Object.freeze({
    traditional: Object.freeze({ encodeGflop: 0.0001, generateGflop: 0, decodeGflop: 0.0001 }),
    semcom: Object.freeze({ encodeGflop: 0.5, generateGflop: 0, decodeGflop: 0.5 }),
    generative: Object.freeze({ encodeGflop: 15, generateGflop: 1_260, decodeGflop: 15 }),
  }),
});

/** The default workload of a scheme of this modality and family (a fresh copy). */
export function defaultWorkload(modality: 'image' | 'text', family: SchemeFamily): Workload {
  return { ...DEFAULT_WORKLOADS[modality][family] };
}

/** The scheme of the default service class: generative SemCom with VAE latents, the GAI-SCN pipeline of seed 002. */
export const DEFAULT_SCHEME = 'generative-vae';

/**
 * A service class's fields other than `name`, `scheme` and `workload` (which
 * has per-family defaults, {@link DEFAULT_WORKLOADS}).
 */
export const DEFAULT_SERVICE_CLASS: Readonly<Omit<ServiceClassSpec, 'name' | 'scheme' | 'workload'>> = Object.freeze({
  // One request every 100 s per device: 2 services/s over 200 devices, which
  // keeps the default cloud (8 × 35 TFLOP/s) near half load with 70 TFLOP per
  // generated image (2 × 70 / 280 = 0.5).
  arrival: Object.freeze({ process: 'poisson', ratePerDeviceHz: 0.01 }) as ServiceClassSpec['arrival'],
  // An interactive AIGC request: a 50-step diffusion run on a cloud GPU takes
  // ≈ 2 s; 3 s leaves room for the radio hops and modest queueing.
  deadlineMs: 3000,
  // Unit weight: importance only matters relative to other classes.
  importance: 1,
});

/**
 * The default scenario, every field. Units are in the field names
 * (scenario/types.ts).
 */
export const DEFAULT_SCENARIO: Readonly<Scenario> = deepFreeze({
  name: 'small-city',
  seed: 1,
  // 10 simulated minutes; the first minute is warm-up (preparation downloads
  // and queues filling) and is not counted.
  durationS: 600,
  warmupS: 60,
  // 1 km²: four UMa sites on a 2 × 2 grid, 500 m apart, the inter-site
  // distance of the TR 38.901 UMa layout.
  area: { widthM: 1000, heightM: 1000 },
  cloud: {
    // ASSUMPTION. An A100-class GPU per server: 312 TFLOP/s dense FP16 tensor
    // peak, of which diffusion sampling sustains ≈ 35 TFLOP/s (≈ 2 s for a
    // 70 TFLOP image), 8 servers (one 8-GPU node).
    computeGflops: 35_000,
    servers: 8,
    // ASSUMPTION. A regional data centre: ≈ 1,000 km of fibre (5 µs/km)
    // plus routing, 20 ms one way.
    backhaulDelayMs: 20,
    // Fibre backhaul of a macro site, 1 Gbit/s.
    backhaulRateMbps: 1000,
    // ASSUMPTION. 400 W board power / 35,000 GFLOP/s ≈ 0.011 J per GFLOP.
    joulesPerGflop: 0.011,
  },
  baseStations: {
    count: 4,
    layout: 'grid',
    // A 20 MHz LTE/NR carrier in each direction (FDD-like split; a TDD
    // carrier would share one 20 MHz in time).
    uplinkBandwidthMHz: 20,
    downlinkBandwidthMHz: 20,
    // 43 dBm (20 W), a modest macro radio: TR 36.814 Table A.2.1.1-2 uses
    // 46 dBm per 10 MHz (49 dBm per 20 MHz), so cell-edge SNR here is
    // pessimistic by a few dB.
    txPowerDbm: 43,
    // TR 38.901 Table 7.4.1-1, UMa: h_BS = 25 m.
    antennaHeightM: 25,
    // TR 36.814 uses 5 dB; 7 dB allows for feeder and implementation losses.
    noiseFigureDb: 7,
    // An LTE/NR scheduler grants on the order of ten to twenty users per 1 ms
    // interval (the PDCCH's control-channel elements bound it); 16 is in that range.
    maxScheduled: 16,
    edge: {
      // ASSUMPTION. An L4-class inference GPU at each site: 121 TFLOP/s dense
      // FP16 peak, sustained ≈ 15 TFLOP/s on diffusion at the same ≈ 12 %
      // utilisation as the cloud figure.
      computeGflops: 15_000,
      servers: 1,
      // ASSUMPTION. 72 W / 15,000 GFLOP/s ≈ 0.0048 J per GFLOP.
      joulesPerGflop: 0.0048,
      // ASSUMPTION. Two sites of one metro network, through the core: 5 ms.
      interEdgeDelayMs: 5,
    },
  },
  devices: {
    count: 200,
    // ASSUMPTION. A phone NPU sustaining 1 TFLOP/s (FP16) on transformers;
    // marketed int8 peaks are tens of TOPS.
    computeGflops: 1000,
    // ASSUMPTION. 3 W while the NPU runs (3 mJ per GFLOP).
    computePowerW: 3,
    // TS 38.101-1 power class 3: 23 dBm.
    txPowerDbm: 23,
    // ≈ 1 W in RRC_CONNECTED while receiving (Huang et al., "A close
    // examination of performance and power characteristics of 4G LTE
    // networks", MobiSys 2012: ≈ 1.1–1.3 W baseline).
    rxPowerW: 1,
    // ASSUMPTION. 25 % from battery to antenna (PA and RF front end) at full
    // power: 200 mW radiated costs 0.8 W.
    paEfficiency: 0.25,
    // TR 36.814 Table A.2.1.1-2: UE noise figure 9 dB.
    noiseFigureDb: 9,
    // TR 38.901 Table 7.4.1-1: h_UT = 1.5 m (ground floor).
    heightM: 1.5,
    // A 4,000 mAh × 3.85 V phone battery ≈ 15.4 Wh ≈ 55 kJ.
    batteryJ: 55_000,
  },
  channel: {
    // NR band n78 (3.3–3.8 GHz).
    carrierGHz: 3.5,
    // TR 38.901 Table 7.4.1-1 UMa NLOS.
    pathLoss: 'uma',
    // Used by 'log-distance' only: 3.5, a typical urban exponent.
    exponent: 3.5,
    // TR 38.901 Table 7.4.1-1: σ_SF = 6 dB for UMa NLOS.
    shadowingDb: 6,
    // Rayleigh block fading, one fade per transmission: no line of sight in UMa NLOS.
    fading: 'rayleigh',
    // TR 38.901 Sec. 7.2 / ITU-R M.2412: minimum BS–UT distance 35 m in UMa.
    minDistanceM: 35,
    // kT at 290 K: −174 dBm/Hz.
    noiseDensityDbmHz: -174,
  },
  services: [
    {
      name: 'image',
      scheme: DEFAULT_SCHEME,
      ...structuredClone(DEFAULT_SERVICE_CLASS as Omit<ServiceClassSpec, 'name' | 'scheme' | 'workload'>),
      workload: defaultWorkload('image', 'generative'),
    },
  ],
  policy: {
    // Equal shares: the baseline the other policies are compared with.
    bandwidth: 'equal',
    power: 'equal',
    // Seed 002 Sec. III-A: the large generative model runs in the cloud.
    placement: 'cloud',
    // Proportional fair's averaging window, 1 s = 1,000 LTE subframes (the
    // t_c ≈ 1000 slots of Jalali, Padovani & Pankaj, VTC 2000).
    fairnessWindowS: 1,
  },
  workflow: {
    preparation: {
      enabled: true,
      // ASSUMPTION. Seed 002 Sec. III-B: devices download the parameters of
      // their fine-tuned branch model; the base model is installed. A
      // low-rank adapter of a ViT-GPT2 captioner is a few MB: 4 MB.
      modelBytes: 4_000_000,
      // ASSUMPTION. 10,000 knowledge records of ≈ 100 bytes.
      knowledgeBytes: 1_000_000,
    },
    feedback: {
      // ASSUMPTION. A satisfaction score, identifiers and timings per service.
      bytesPerService: 200,
      // Edges push cached feedback to the cloud once a minute.
      syncPeriodS: 60,
    },
    knowledge: {
      records: 10_000,
      // ASSUMPTION. 5 % of the network's records change per hour.
      changeRatePerHour: 0.05,
      // Devices re-sync every 5 minutes.
      syncPeriodS: 300,
      // Devices start fully synced after preparation.
      initialMatching: 1,
    },
  },
  metrics: {
    // Seed 000 Sec. V-2 (ref. [153], Maatouk et al.): the linear penalty, the age of the error.
    aoiiPenalty: 'linear',
    // Used by the 'threshold' penalty only, s.
    aoiiThresholdS: 1,
    // ASSUMPTION. VoI halves every ln 2 / 0.1 ≈ 7 s of age.
    voiDecayPerS: 0.1,
  },
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A fresh, mutable copy of the default scenario. */
export function defaultScenario(): Scenario {
  return structuredClone(DEFAULT_SCENARIO) as Scenario;
}
