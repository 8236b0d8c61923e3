/**
 * The network simulation (issue 6; seed 002 Sec. III; seed 000 Sec. V-2 and
 * VI-C): terminal devices, base stations with edge servers and one cloud,
 * services arriving at devices and served by a calibrated link-level scheme
 * through the three-stage workflow:
 *
 * 1. preparation: each device downloads its local model and knowledge;
 * 2. provisioning: local understanding → uplink → (generative) global
 *    generation placed on the receiving device, the edge or the cloud → edge
 *    encoder selection by channel state → downlink → local calibration;
 * 3. synchronisation and update: feedback cached at the edge and pushed to
 *    the cloud periodically; knowledge drifts and is re-synced, and the
 *    matching degree scales the success of knowledge-based regeneration.
 *
 * One event queue orders everything; every random draw comes from a stream of
 * the scenario's seed, so a scenario and seed give the same result.
 */
import { SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { AoiMeter, AoiiMeter } from '../../metrics/freshness.js';
import { distribution } from '../../metrics/percentiles.js';
import { makeBlockFadingSampler } from '../../phy/channel/block-fading.js';
import { linearToDb } from '../../core/snr.js';
import { dbmToWatts, thermalNoiseWatts } from '../../phy/channel/path-loss.js';
import { findScheme, knowledgeRetention, selectMcsIndex, syncBytes } from '../calibration/lookup.js';
import type { CalibrationTable, SchemeCalibration } from '../calibration/types.js';
import { EventQueue } from '../engine/event-queue.js';
import { FcfsStation } from '../engine/fcfs-station.js';
import { bandwidthPolicy, placementPolicy, powerPolicy } from '../policies/registry.js';
import type { PlacementOption } from '../policies/types.js';
import type { Scenario, ServiceClassSpec } from '../scenario/types.js';
import { changedFractionOf, driftedFraction, matchingOf, meanMatchingOver } from './knowledge-drift.js';
import { OutcomeAccumulator, type FreshnessSums } from './outcome.js';
import { analogRetention, deliveryProbability, Flow, FlowPurpose, RadioLink } from './radio-link.js';
import type { NetworkResult, Utilisation } from './result.js';
import type { Service } from './service.js';
import { NodeKind, type FlowStep, type Step } from './steps.js';
import { buildTopology, type Topology } from './topology.js';

export interface SimulateOptions {
  signal?: AbortSignal;
}

const EV_ARRIVAL = 0;
const EV_TRACE = 1;
const EV_START = 2;
const EV_STATION = 3;
const EV_LINK_UP = 4;
const EV_LINK_DOWN = 5;
const EV_DELAY = 6;
const EV_FEEDBACK = 7;
const EV_KNOWLEDGE_SYNC = 8;
const EV_WARMUP = 9;
const EV_END = 10;

/** Station job ids at or above this are feedback pushes of edge (id − base), not services. */
const FEEDBACK_JOB = 2 ** 30;
/** Bits per analog channel use when semantic features cross a wired hop (I and Q as 16-bit floats). */
const WIRED_BITS_PER_SYMBOL = 32;

/** A class with its calibration resolved. */
interface ClassPlan {
  spec: ServiceClassSpec;
  scheme: SchemeCalibration;
  /** The scheme that carries generated content on the downlink (generative), else the class's own. */
  downlink: SchemeCalibration;
  /** Bits of the content itself on a wired hop or a digital downlink (the modality's traditional payload). */
  contentBits: number;
  /** Units the class's scheme sends per wireless hop: bits (digital) or channel uses (analog). */
  hopAmount: number;
  /** The modality's traditional (digital) scheme, a candidate downlink encoder for generated content. */
  digitalContent: SchemeCalibration | undefined;
}

function planClasses(s: Scenario, table: CalibrationTable): ClassPlan[] {
  return s.services.map((spec) => {
    const scheme = findScheme(table, spec.scheme);
    const traditional = table.schemes.find((x) => x.modality === scheme.modality && x.family === 'traditional');
    const downlink = scheme.family === 'generative' && scheme.downlinkScheme ? findScheme(table, scheme.downlinkScheme) : scheme;
    const contentBits = traditional?.payloadBits ?? (scheme.transport === 'digital' ? scheme.payloadBits : WIRED_BITS_PER_SYMBOL * scheme.channelUses);
    const hopAmount = scheme.transport === 'analog' ? scheme.channelUses : scheme.payloadBits;
    return { spec, scheme, downlink, contentBits, hopAmount, digitalContent: traditional };
  });
}

/** The scenario's root random stream: its topology, arrivals, fades, outcomes and phases fork from it. */
function rootStream(s: Scenario): Rng {
  return Rng.stream(s.seed, 6);
}

/** The topology `simulateNetwork` builds for a scenario (positions, association, large-scale gains, pairs). */
export function topologyOf(s: Scenario): Topology {
  return buildTopology(s, rootStream(s).fork(1));
}

/** Runs a scenario to the end of its arrivals and drains the services in flight. */
export function simulateNetwork(scenario: Scenario, calibration: CalibrationTable, options: SimulateOptions = {}): NetworkResult {
  const started = performance.now();
  const s = scenario;
  const rng = rootStream(s);
  const topo = topologyOf(s);
  const rngArrivals = rng.fork(2);
  const rngFading = rng.fork(3);
  const rngOutcome = rng.fork(4);
  const rngPhase = rng.fork(5);
  const fade = makeBlockFadingSampler(s.channel.fading);
  const classes = planClasses(s, calibration);
  const nd = s.devices.count;
  const nb = s.baseStations.count;
  const nc = classes.length;

  // Radio: one uplink and one downlink per base station.
  const ulBandwidthHz = s.baseStations.uplinkBandwidthMHz * 1e6;
  const dlBandwidthHz = s.baseStations.downlinkBandwidthMHz * 1e6;
  const ulNoiseW = thermalNoiseWatts(ulBandwidthHz, s.baseStations.noiseFigureDb, s.channel.noiseDensityDbmHz);
  const dlNoiseW = thermalNoiseWatts(dlBandwidthHz, s.devices.noiseFigureDb, s.channel.noiseDensityDbmHz);
  const deviceTxW = dbmToWatts(s.devices.txPowerDbm);
  const bsTxW = dbmToWatts(s.baseStations.txPowerDbm);
  const bwPolicy = bandwidthPolicy(s.policy.bandwidth);
  const pwPolicy = powerPolicy(s.policy.power);
  const place = placementPolicy(s.policy.placement);
  const ulAvg = new Float64Array(nd);
  const ulAt = new Float64Array(nd);
  const dlAvg = new Float64Array(nd);
  const dlAt = new Float64Array(nd);
  const uplinks: RadioLink[] = [];
  const downlinks: RadioLink[] = [];
  for (let b = 0; b < nb; b++) {
    const common = { calibration, fairnessWindowS: s.policy.fairnessWindowS, bandwidthPolicy: bwPolicy, maxScheduled: s.baseStations.maxScheduled };
    uplinks.push(new RadioLink(b, { ...common, bandwidthHz: ulBandwidthHz, powerW: deviceTxW, uplink: true, averageRate: ulAvg, averageAt: ulAt }));
    downlinks.push(new RadioLink(b, { ...common, bandwidthHz: dlBandwidthHz, powerW: bsTxW, uplink: false, powerPolicy: pwPolicy, averageRate: dlAvg, averageAt: dlAt }));
  }

  // Compute: a queue per device, per edge server, and the cloud; backhaul transfers queue per edge and direction.
  const deviceCpu = Array.from({ length: nd }, (_, d) => new FcfsStation(`device ${d}`, 1));
  const edgeCpu = Array.from({ length: nb }, (_, b) => new FcfsStation(`edge ${b}`, s.baseStations.edge.servers));
  const cloudCpu = new FcfsStation('cloud', s.cloud.servers);
  const backhaulUp = Array.from({ length: nb }, (_, b) => new FcfsStation(`backhaul up ${b}`, 1));
  const backhaulDown = Array.from({ length: nb }, (_, b) => new FcfsStation(`backhaul down ${b}`, 1));
  const backhaulBps = s.cloud.backhaulRateMbps * 1e6;
  const cloudDelayS = s.cloud.backhaulDelayMs / 1000;
  const interEdgeDelayS = s.baseStations.edge.interEdgeDelayMs / 1000;

  // Stage 1 and 3 state per device.
  const ready = new Float64Array(nd).fill(s.workflow.preparation.enabled ? Infinity : 0);
  const pending = new Map<number, number[]>();
  const know = s.workflow.knowledge;
  const f0 = new Float64Array(nd).fill(changedFractionOf(know.initialMatching));
  const segStart = new Float64Array(nd);
  const syncing = new Uint8Array(nd);
  let matchingIntegral = 0;
  let matchingTimeS = 0;
  let knowledgeSyncs = 0;
  let knowledgeSyncBytes = 0;
  let feedbackBytes = 0;
  const feedbackCache = new Float64Array(nb);
  let preparationBytes = 0;
  const readyAt = new Float64Array(nd);
  const bits = { uplink: 0, downlink: 0, backhaul: 0 };

  // Metrics.
  const accumulators = classes.map(() => new OutcomeAccumulator());
  const aoi: AoiMeter[][] = classes.map((c) => Array.from({ length: nd }, () => new AoiMeter({ startS: 0, initialAgeS: 0, voiDecayPerS: s.metrics.voiDecayPerS, voiWeight: c.spec.importance })));
  const aoii: AoiiMeter[][] = classes.map(() => Array.from({ length: nd }, () => new AoiiMeter({ penalty: s.metrics.aoiiPenalty, thresholdS: s.metrics.aoiiThresholdS, startS: 0 })));
  const sourceActive: Uint8Array[] = classes.map(() => new Uint8Array(nd));

  const q = new EventQueue();
  const services: (Service | undefined)[] = [];
  let nextServiceId = 0;
  const doneFlows: Flow[] = [];
  const endS = s.durationS;
  const maxDeadlineS = Math.max(...s.services.map((c) => c.deadlineMs / 1000));
  const drainLimitS = endS + Math.max(600, 20 * maxDeadlineS);

  const matchingNow = (d: number, now: number): number => matchingOf(driftedFraction(f0[d]!, know.changeRatePerHour, now - segStart[d]!));

  /** Adds device d's matching degree over [from, to] ∩ [warmup, end] to the integral, from its current segment. */
  const integrateMatching = (d: number, to: number): void => {
    const a = Math.max(segStart[d]!, s.warmupS, readyAt[d]!);
    const b = Math.min(to, endS);
    if (!(b > a) || !Number.isFinite(ready[d]!)) return;
    const fa = driftedFraction(f0[d]!, know.changeRatePerHour, a - segStart[d]!);
    matchingIntegral += meanMatchingOver(fa, know.changeRatePerHour, b - a) * (b - a);
    matchingTimeS += b - a;
  };

  const scheduleLink = (link: RadioLink, uplink: boolean): void => {
    if (Number.isFinite(link.nextS)) q.push(link.nextS, uplink ? EV_LINK_UP : EV_LINK_DOWN, link.index);
  };

  const startFlow = (now: number, uplink: boolean, flow: Flow): void => {
    const link = (uplink ? uplinks : downlinks)[topo.serving[flow.device]!]!;
    link.add(now, flow);
    scheduleLink(link, uplink);
  };

  // Each device's mean downlink Es/N0 (dB, no fade) and the MCS link adaptation picks there: what the edge knows when it plans.
  const meanDlSnrDb = new Float64Array(nd);
  const meanDlMcs = new Int32Array(nd);
  for (let d = 0; d < nd; d++) {
    meanDlSnrDb[d] = linearToDb((bsTxW * topo.gain[d]!) / dlNoiseW);
    meanDlMcs[d] = selectMcsIndex(calibration, meanDlSnrDb[d]!);
  }

  const snrPerWatt = (device: number, uplink: boolean): number => (topo.gain[device]! * fade(rngFading)) / (uplink ? ulNoiseW : dlNoiseW);

  // ---- services ----

  const newService = (cls: number, src: number, now: number): void => {
    const c = classes[cls]!;
    const svc: Service = {
      id: nextServiceId++,
      cls,
      src,
      dst: topo.partner[src]!,
      arrivalS: now,
      deadlineAtS: now + c.spec.deadlineMs / 1000,
      counted: now >= s.warmupS && now < endS,
      steps: [],
      step: 0,
      p: c.scheme.cleanTaskSuccess,
      placement: -1,
      bitsUp: 0,
      bitsBackhaul: 0,
      bitsDown: 0,
      usesUp: 0,
      usesDown: 0,
      energyDeviceJ: 0,
      energyEdgeJ: 0,
      energyCloudJ: 0,
    };
    services[svc.id] = svc;
    if (svc.counted) accumulators[cls]!.arrived();
    // Each service is a new state of its source (seed 000 Sec. V-2): the monitor is wrong until it is delivered correctly.
    if (now < endS) {
      aoii[cls]![src]!.sourceChanged(now);
      sourceActive[cls]![src] = 1;
    }
    planInitialSteps(svc);
    if (ready[src]! <= now) runStep(svc, now);
    else {
      const list = pending.get(src);
      if (list) list.push(svc.id);
      else pending.set(src, [svc.id]);
    }
  };

  /** The steps every scheme starts with, up to the point where a generative service decides its placement. */
  function planInitialSteps(svc: Service): void {
    const c = classes[svc.cls]!;
    const w = c.spec.workload;
    const bs = topo.serving[svc.src]!;
    const bd = topo.serving[svc.dst]!;
    const steps: Step[] = [];
    steps.push({ k: 'compute', station: deviceCpu[svc.src]!, node: NodeKind.Device, gflop: w.encodeGflop, speed: s.devices.computeGflops });
    steps.push({ k: 'flow', link: uplinks[bs]!, uplink: true, amount: c.hopAmount, analog: c.scheme.transport === 'analog', scheme: c.scheme });
    if (c.scheme.family === 'generative') {
      steps.push({ k: 'place' });
    } else {
      if (c.scheme.family === 'semcom') {
        // Classical SemCom: the edge decodes the uplink features and re-encodes them for the receiver's channel.
        steps.push({ k: 'compute', station: edgeCpu[bs]!, node: NodeKind.Edge, gflop: w.decodeGflop + w.encodeGflop, speed: s.baseStations.edge.computeGflops });
      }
      if (bd !== bs) {
        const wired = c.scheme.transport === 'analog' ? WIRED_BITS_PER_SYMBOL * c.scheme.channelUses : c.scheme.payloadBits;
        steps.push({ k: 'transfer', station: backhaulUp[bs]!, bits: wired, rateBps: backhaulBps, delayS: interEdgeDelayS });
      }
      steps.push({ k: 'flow', link: downlinks[bd]!, uplink: false, amount: c.hopAmount, analog: c.scheme.transport === 'analog', scheme: c.scheme });
      steps.push({ k: 'compute', station: deviceCpu[svc.dst]!, node: NodeKind.Device, gflop: w.decodeGflop, speed: s.devices.computeGflops });
    }
    svc.steps = steps;
  }

  /** Seconds a downlink transmission of `amount` units would take now at the receiver's mean SNR, sharing with the active flows. */
  const downlinkEstimateS = (dst: number, amount: number, analog: boolean): number => {
    const link = downlinks[topo.serving[dst]!]!;
    const eff = analog ? 1 : calibration.mcs[meanDlMcs[dst]!]!.efficiency;
    return (amount * (link.flows.length + link.queued + 1)) / (dlBandwidthHz * eff);
  };

  /**
   * The edge's encoder selection by channel state (seed 002 Sec. III-B): for
   * regenerated content, the analog semantic encoder or the digital content
   * codec, whichever promises the higher task success at the receiver's
   * mean downlink SNR (analog on a tie within 0.01: fewer channel uses).
   */
  const downlinkEncoder = (c: ClassPlan, dst: number): { scheme: SchemeCalibration; amount: number; analog: boolean } => {
    const analog = { scheme: c.downlink, amount: c.downlink.transport === 'analog' ? c.downlink.channelUses : c.downlink.payloadBits, analog: c.downlink.transport === 'analog' };
    const digital = c.digitalContent;
    if (!digital || !analog.analog) return analog;
    const snrDb = meanDlSnrDb[dst]!;
    const m = calibration.mcs[meanDlMcs[dst]!]!;
    const codewords = Math.ceil(digital.payloadBits / m.infoBitsPerCodeword);
    const digitalSuccess = (1 - calibration.targetCodewordErrorRate) ** codewords * (digital.cleanTaskSuccess / Math.max(1e-12, c.downlink.cleanTaskSuccess));
    return analogRetention(c.downlink, snrDb) + 0.01 >= digitalSuccess ? analog : { scheme: digital, amount: digital.payloadBits, analog: false };
  };

  /** Generative services: where generation runs (seed 002 Sec. III-A; seed 000 Sec. VI-C-1), then the rest of the path. */
  function placeGeneration(svc: Service, now: number): void {
    const c = classes[svc.cls]!;
    const w = c.spec.workload;
    const bs = topo.serving[svc.src]!;
    const bd = topo.serving[svc.dst]!;
    const sameCell = bs === bd;
    const enc = downlinkEncoder(c, svc.dst);
    const dlContentS = downlinkEstimateS(svc.dst, enc.amount, enc.analog);
    const dlPacketS = downlinkEstimateS(svc.dst, c.scheme.payloadBits, false);
    const decodeS = deviceCpu[svc.dst]!.backlogS(now) + w.decodeGflop / s.devices.computeGflops;
    const devEnergyDecode = (w.decodeGflop / s.devices.computeGflops) * s.devices.computePowerW;
    const edgeSpeed = s.baseStations.edge.computeGflops;
    const options: PlacementOption[] = [
      {
        where: 'device',
        latencyS: (sameCell ? 0 : backhaulUp[bs]!.backlogS(now) + c.scheme.payloadBits / backhaulBps + interEdgeDelayS) + dlPacketS + decodeS + w.generateGflop / s.devices.computeGflops,
        deviceEnergyJ: devEnergyDecode + (w.generateGflop / s.devices.computeGflops) * s.devices.computePowerW,
        infraEnergyJ: 0,
      },
      {
        where: 'edge',
        latencyS: edgeCpu[bs]!.backlogS(now) + w.generateGflop / edgeSpeed + (sameCell ? 0 : backhaulUp[bs]!.backlogS(now) + c.contentBits / backhaulBps + interEdgeDelayS) + dlContentS + decodeS,
        deviceEnergyJ: devEnergyDecode,
        infraEnergyJ: w.generateGflop * s.baseStations.edge.joulesPerGflop,
      },
      {
        where: 'cloud',
        latencyS:
          backhaulUp[bs]!.backlogS(now) + c.scheme.payloadBits / backhaulBps + cloudDelayS + cloudCpu.backlogS(now) + w.generateGflop / s.cloud.computeGflops + backhaulDown[bd]!.backlogS(now) + c.contentBits / backhaulBps + cloudDelayS + dlContentS + decodeS,
        deviceEnergyJ: devEnergyDecode,
        infraEnergyJ: w.generateGflop * s.cloud.joulesPerGflop,
      },
    ];
    const choice = place.place(options, svc.deadlineAtS - now);
    const where = options[choice]!.where;
    const steps = svc.steps;
    // Knowledge-based regeneration needs the two knowledge bases involved to match: the sender's and the generator's.
    if (c.scheme.knowledgeSensitive) {
      const m = where === 'device' ? matchingNow(svc.src, now) * matchingNow(svc.dst, now) : matchingNow(svc.src, now);
      svc.p *= knowledgeRetention(calibration, m);
    }
    if (where === 'device') {
      svc.placement = 0;
      if (!sameCell) steps.push({ k: 'transfer', station: backhaulUp[bs]!, bits: c.scheme.payloadBits, rateBps: backhaulBps, delayS: interEdgeDelayS });
      steps.push({ k: 'flow', link: downlinks[bd]!, uplink: false, amount: c.scheme.payloadBits, analog: false, scheme: c.scheme });
      steps.push({ k: 'compute', station: deviceCpu[svc.dst]!, node: NodeKind.Device, gflop: w.generateGflop + w.decodeGflop, speed: s.devices.computeGflops });
    } else {
      if (where === 'edge') {
        svc.placement = 1;
        steps.push({ k: 'compute', station: edgeCpu[bs]!, node: NodeKind.Edge, gflop: w.generateGflop, speed: edgeSpeed });
        if (!sameCell) steps.push({ k: 'transfer', station: backhaulUp[bs]!, bits: c.contentBits, rateBps: backhaulBps, delayS: interEdgeDelayS });
      } else {
        svc.placement = 2;
        steps.push({ k: 'transfer', station: backhaulUp[bs]!, bits: c.scheme.payloadBits, rateBps: backhaulBps, delayS: cloudDelayS });
        steps.push({ k: 'compute', station: cloudCpu, node: NodeKind.Cloud, gflop: w.generateGflop, speed: s.cloud.computeGflops });
        steps.push({ k: 'transfer', station: backhaulDown[bd]!, bits: c.contentBits, rateBps: backhaulBps, delayS: cloudDelayS });
      }
      // The downlink carries regenerated content: its quality is the downlink encoder's, relative to an error-free hop.
      steps.push({ k: 'flow', link: downlinks[bd]!, uplink: false, amount: enc.amount, analog: enc.analog, scheme: enc.scheme });
      steps.push({ k: 'compute', station: deviceCpu[svc.dst]!, node: NodeKind.Device, gflop: w.decodeGflop, speed: s.devices.computeGflops });
    }
  }

  function runStep(svc: Service, now: number): void {
    for (;;) {
      if (svc.step >= svc.steps.length) {
        finishService(svc, now, true);
        return;
      }
      const st = svc.steps[svc.step]!;
      switch (st.k) {
        case 'place':
          placeGeneration(svc, now);
          svc.step++;
          continue;
        case 'compute': {
          const serviceS = st.gflop / st.speed;
          if (st.node === NodeKind.Device) svc.energyDeviceJ += serviceS * s.devices.computePowerW;
          else if (st.node === NodeKind.Edge) svc.energyEdgeJ += st.gflop * s.baseStations.edge.joulesPerGflop;
          else svc.energyCloudJ += st.gflop * s.cloud.joulesPerGflop;
          const t = st.station.arrive(now, svc.id, serviceS);
          if (!Number.isNaN(t)) q.push(t, EV_STATION, svc.id);
          return;
        }
        case 'transfer': {
          svc.bitsBackhaul += st.bits;
          bits.backhaul += st.bits;
          const t = st.station.arrive(now, svc.id, st.bits / st.rateBps);
          if (!Number.isNaN(t)) q.push(t, EV_STATION, svc.id);
          return;
        }
        case 'flow': {
          const c = classes[svc.cls]!;
          const device = st.uplink ? svc.src : svc.dst;
          const success = svc.p;
          const flow = new Flow(FlowPurpose.Service, svc.id, device, st.amount, st.analog, snrPerWatt(device, st.uplink), c.spec.importance, st.uplink ? 1 : matchingNow(svc.dst, now), success, svc.deadlineAtS);
          startFlow(now, st.uplink, flow);
          return;
        }
      }
    }
  }

  function finishService(svc: Service, now: number, delivered: boolean): void {
    const success = delivered && rngOutcome.nextDouble() < svc.p;
    if (svc.counted) accumulators[svc.cls]!.finished(svc, now, delivered, success);
    if (now <= endS && now >= 0) {
      if (success) aoi[svc.cls]![svc.src]!.deliver(now, svc.arrivalS);
      aoii[svc.cls]![svc.src]!.update(now, svc.arrivalS, success);
    }
    if (delivered) feedbackCache[topo.serving[svc.dst]!]! += s.workflow.feedback.bytesPerService;
    if (delivered) bits.uplink += 8 * s.workflow.feedback.bytesPerService;
    services[svc.id] = undefined;
  }

  const serviceFlowDone = (flow: Flow, now: number, uplink: boolean): void => {
    const svc = services[flow.service]!;
    const st = svc.steps[svc.step] as FlowStep;
    const airtimeS = now - flow.startS;
    const mcs = flow.mcs >= 0 ? calibration.mcs[flow.mcs]! : undefined;
    const uses = flow.analog ? flow.total : mcs ? flow.airBits / mcs.efficiency : 0;
    if (uplink) {
      svc.energyDeviceJ += (airtimeS * deviceTxW) / s.devices.paEfficiency;
      svc.usesUp += uses;
      if (!flow.analog) svc.bitsUp += flow.total;
      if (!flow.analog) bits.uplink += flow.total;
    } else {
      svc.energyDeviceJ += airtimeS * s.devices.rxPowerW;
      svc.usesDown += uses;
      if (!flow.analog) svc.bitsDown += flow.total;
      if (!flow.analog) bits.downlink += flow.total;
    }
    if (flow.analog) svc.p *= analogRetention(st.scheme, flow.startSnrDb);
    else if (rngOutcome.nextDouble() >= deliveryProbability(calibration, flow)) {
      // A lost packet (its CRC fails): the service ends undelivered; no retransmission is modelled.
      finishService(svc, now, false);
      return;
    }
    svc.step++;
    runStep(svc, now);
  };

  const deviceReady = (d: number, now: number): void => {
    ready[d] = now;
    readyAt[d] = now;
    segStart[d] = now;
    const list = pending.get(d);
    if (list) {
      pending.delete(d);
      for (const id of list) q.push(now, EV_START, id);
    }
  };

  const flowDone = (flow: Flow, now: number, uplink: boolean): void => {
    switch (flow.purpose) {
      case FlowPurpose.Service:
        serviceFlowDone(flow, now, uplink);
        return;
      case FlowPurpose.Preparation:
        bits.downlink += flow.total;
        deviceReady(flow.device, now);
        return;
      case FlowPurpose.SyncUp: {
        bits.uplink += flow.total;
        // The delta comes back once the transmitter has the receiver's summary.
        startFlow(now, false, new Flow(FlowPurpose.SyncDown, -1, flow.device, flow.total, false, snrPerWatt(flow.device, false), 1, 1, 1, Infinity));
        return;
      }
      case FlowPurpose.SyncDown: {
        const d = flow.device;
        bits.downlink += flow.total;
        integrateMatching(d, now);
        f0[d] = 0;
        segStart[d] = now;
        syncing[d] = 0;
        knowledgeSyncs++;
        return;
      }
    }
  };

  // ---- initial events ----

  for (let c = 0; c < nc; c++) {
    const a = classes[c]!.spec.arrival;
    if (a.process === 'poisson') {
      if (a.ratePerDeviceHz > 0) q.push(rngArrivals.exponential(a.ratePerDeviceHz * nd), EV_ARRIVAL, c);
    }
  }
  const trace: { timeS: number; device: number; cls: number }[] = [];
  for (let c = 0; c < nc; c++) {
    const a = classes[c]!.spec.arrival;
    if (a.process !== 'trace') continue;
    for (const e of a.arrivals) trace.push({ timeS: e.timeS, device: e.device ?? rngArrivals.nextInt(nd), cls: c });
  }
  trace.forEach((e, i) => q.push(e.timeS, EV_TRACE, i));
  if (s.workflow.preparation.enabled) {
    const prepBits = 8 * (s.workflow.preparation.modelBytes + s.workflow.preparation.knowledgeBytes);
    for (let d = 0; d < nd; d++) {
      preparationBytes += prepBits / 8;
      startFlow(0, false, new Flow(FlowPurpose.Preparation, -1, d, prepBits, false, snrPerWatt(d, false), 1, 1, 1, Infinity));
    }
  }
  if (s.workflow.feedback.syncPeriodS > 0) {
    for (let b = 0; b < nb; b++) q.push(((b + 0.5) / nb) * s.workflow.feedback.syncPeriodS, EV_FEEDBACK, b);
  }
  if (know.syncPeriodS > 0) {
    for (let d = 0; d < nd; d++) q.push(rngPhase.nextDouble() * know.syncPeriodS, EV_KNOWLEDGE_SYNC, d);
  }
  if (s.warmupS > 0) q.push(s.warmupS, EV_WARMUP, 0);
  q.push(endS, EV_END, 0);
  // Utilisation and Little's law are measured over [warm-up, end]; the drain after it only finishes the services in flight.
  let snapshot: { utilisation: NetworkResult['utilisation']; littlesLaw: NetworkResult['littlesLaw'] } | undefined;
  const util = (xs: number[]): Utilisation => ({ mean: xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length), max: xs.length ? Math.max(...xs) : 0 });
  const little = (station: string, list: FcfsStation[], now: number): { station: string; l: number; lambdaW: number } => {
    let l = 0;
    let lw = 0;
    for (const st of list) {
      l += st.timeAverageInSystem(now);
      if (st.departures > 0) lw += st.arrivalRate(now) * st.meanSojournS();
    }
    return { station, l, lambdaW: lw };
  };
  const takeSnapshot = (now: number): void => {
    snapshot = {
      utilisation: {
        uplink: util(uplinks.map((l) => l.utilisation(now))),
        downlink: util(downlinks.map((l) => l.utilisation(now))),
        edgeCompute: util(edgeCpu.map((st) => st.utilisation(now))),
        cloudCompute: util([cloudCpu.utilisation(now)]),
        deviceCompute: util(deviceCpu.map((st) => st.utilisation(now))),
      },
      littlesLaw: [little('device compute', deviceCpu, now), little('edge compute', edgeCpu, now), little('cloud compute', [cloudCpu], now), little('backhaul', [...backhaulUp, ...backhaulDown], now)],
    };
  };

  // ---- the event loop ----

  let checks = 0;
  while (q.pop()) {
    const now = q.time;
    if (now > drainLimitS) break;
    if ((++checks & 0xffff) === 0 && options.signal?.aborted) throw new SemcomError('ABORTED', 'the network simulation was aborted');
    const id = q.id;
    switch (q.kind) {
      case EV_ARRIVAL: {
        if (now >= endS) break;
        const a = classes[id]!.spec.arrival;
        if (a.process === 'poisson') q.push(now + rngArrivals.exponential(a.ratePerDeviceHz * nd), EV_ARRIVAL, id);
        newService(id, rngArrivals.nextInt(nd), now);
        break;
      }
      case EV_TRACE: {
        const e = trace[id]!;
        newService(e.cls, e.device, now);
        break;
      }
      case EV_START:
        runStep(services[id]!, now);
        break;
      case EV_STATION: {
        if (id >= FEEDBACK_JOB) {
          const b = id - FEEDBACK_JOB;
          const nxt = backhaulUp[b]!.depart(now);
          if (nxt >= 0) q.push(backhaulUp[b]!.nextCompletionS, EV_STATION, nxt);
          break;
        }
        const svc = services[id]!;
        const st = svc.steps[svc.step]!;
        if (st.k !== 'compute' && st.k !== 'transfer') throw new SemcomError('INTERNAL', `service ${id} completed a station at step ${st.k}`);
        const nxt = st.station.depart(now);
        if (nxt >= 0) q.push(st.station.nextCompletionS, EV_STATION, nxt);
        if (st.k === 'transfer' && st.delayS > 0) q.push(now + st.delayS, EV_DELAY, id);
        else {
          svc.step++;
          runStep(svc, now);
        }
        break;
      }
      case EV_DELAY: {
        const svc = services[id]!;
        svc.step++;
        runStep(svc, now);
        break;
      }
      case EV_LINK_UP:
      case EV_LINK_DOWN: {
        const uplink = q.kind === EV_LINK_UP;
        const link = (uplink ? uplinks : downlinks)[id]!;
        if (now !== link.nextS) break; // superseded by a reallocation
        doneFlows.length = 0;
        link.complete(now, doneFlows);
        scheduleLink(link, uplink);
        for (const f of doneFlows) flowDone(f, now, uplink);
        break;
      }
      case EV_FEEDBACK: {
        if (now >= endS) break;
        const bytes = feedbackCache[id]!;
        feedbackCache[id] = 0;
        if (bytes > 0) {
          feedbackBytes += bytes;
          bits.backhaul += 8 * bytes;
          const t = backhaulUp[id]!.arrive(now, FEEDBACK_JOB + id, (8 * bytes) / backhaulBps);
          if (!Number.isNaN(t)) q.push(t, EV_STATION, FEEDBACK_JOB + id);
        }
        q.push(now + s.workflow.feedback.syncPeriodS, EV_FEEDBACK, id);
        break;
      }
      case EV_KNOWLEDGE_SYNC: {
        if (now >= endS) break;
        q.push(now + know.syncPeriodS, EV_KNOWLEDGE_SYNC, id);
        if (!(ready[id]! <= now) || syncing[id]) break;
        const changed = driftedFraction(f0[id]!, know.changeRatePerHour, now - segStart[id]!) * know.records;
        const bytes = syncBytes(calibration, changed);
        knowledgeSyncBytes += bytes;
        syncing[id] = 1;
        // Reconciliation: a summary up (about half the bytes, the IBLT), the delta down (the other half).
        startFlow(now, true, new Flow(FlowPurpose.SyncUp, -1, id, 4 * bytes, false, snrPerWatt(id, true), 1, 1, 1, Infinity));
        break;
      }
      case EV_END:
        takeSnapshot(now);
        break;
      case EV_WARMUP: {
        for (const st of [...deviceCpu, ...edgeCpu, cloudCpu, ...backhaulUp, ...backhaulDown]) st.resetStats(now);
        for (const l of uplinks) l.resetStats(now);
        for (const l of downlinks) l.resetStats(now);
        for (let c = 0; c < nc; c++) {
          for (let d = 0; d < nd; d++) {
            aoi[c]![d]!.resetStats(now);
            aoii[c]![d]!.resetStats(now);
          }
        }
        break;
      }
    }
  }
  const lastS = Math.max(endS, Math.min(q.time, drainLimitS));
  for (const svc of services) if (svc?.counted) accumulators[svc.cls]!.unfinished(svc);

  // ---- results ----

  let readyDevices = 0;
  for (let d = 0; d < nd; d++) {
    if (Number.isFinite(ready[d]!)) {
      readyDevices++;
      integrateMatching(d, endS);
    }
  }
  const perClass = classes.map((c, ci) => {
    const sums: FreshnessSums = { aoiS: 0, peakAoiS: 0, aoii: 0, voi: 0, sources: 0 };
    for (let d = 0; d < nd; d++) {
      if (!sourceActive[ci]![d]) continue;
      const a = aoi[ci]![d]!.finish(endS);
      const b = aoii[ci]![d]!.finish(endS);
      sums.aoiS += a.averageAoiS;
      sums.peakAoiS += a.peakAoiS;
      sums.voi += a.averageVoi;
      sums.aoii += b.average;
      sums.sources++;
    }
    return { name: c.spec.name, scheme: c.spec.scheme, acc: accumulators[ci]!, sums };
  });
  const allAcc = new OutcomeAccumulator();
  const allSums: FreshnessSums = { aoiS: 0, peakAoiS: 0, aoii: 0, voi: 0, sources: 0 };
  for (const p of perClass) {
    allAcc.merge(p.acc);
    for (const k of ['aoiS', 'peakAoiS', 'aoii', 'voi', 'sources'] as const) allSums[k] += p.sums[k];
  }
  const readyTimes = new Float64Array(readyDevices);
  let r = 0;
  for (let d = 0; d < nd; d++) if (Number.isFinite(ready[d]!)) readyTimes[r++] = ready[d]!;

  return {
    scenario: s.name,
    seed: s.seed,
    durationS: s.durationS,
    endS: lastS,
    devices: nd,
    baseStations: nb,
    events: q.popped,
    wallMs: performance.now() - started,
    all: allAcc.outcome(allSums),
    classes: perClass.map((p) => ({ name: p.name, scheme: p.scheme, ...p.acc.outcome(p.sums) })),
    preparation: { readyS: distribution(readyTimes), bytes: preparationBytes },
    synchronisation: {
      feedbackBytes,
      knowledgeSyncs,
      knowledgeSyncBytes,
      meanMatching: matchingTimeS > 0 ? matchingIntegral / matchingTimeS : know.initialMatching,
    },
    bits,
    ...snapshot!,
  };
}
