/**
 * The network's geometry (seed 002 Sec. III-A, Fig. 3): base stations, each
 * with an edge server, over a rectangular area; terminal devices dropped
 * uniformly; every device associated with the base station it receives
 * strongest (least path loss plus shadowing), and paired with a receiving
 * device (its services' destination). Large-scale gains come from the phy
 * layer's path-loss and shadowing models; small-scale fading is drawn per
 * transmission by the simulator.
 */
import type { Rng } from '../../core/rng.js';
import { pathLossDb, shadowingDb } from '../../phy/channel/path-loss.js';
import type { Scenario } from '../scenario/types.js';

export interface Topology {
  /** Base-station positions, m. */
  bsX: Float64Array;
  bsY: Float64Array;
  deviceX: Float64Array;
  deviceY: Float64Array;
  /** Serving base station of each device. */
  serving: Int32Array;
  /** Large-scale power gain device ↔ serving base station, linear (10^(−(PL + shadowing)/10)); reciprocal for uplink and downlink. */
  gain: Float64Array;
  /** Destination device of each device's services (never itself when there are two or more devices). */
  partner: Int32Array;
  /** Devices of each base station. */
  devicesOf: Int32Array[];
}

/** Positions of `n` base stations on a grid of near-square cells covering the area, or uniform at random. */
function placeBaseStations(s: Scenario, rng: Rng): { x: Float64Array; y: Float64Array } {
  const n = s.baseStations.count;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const { widthM, heightM } = s.area;
  if (s.baseStations.layout === 'random') {
    for (let i = 0; i < n; i++) {
      x[i] = rng.nextDouble() * widthM;
      y[i] = rng.nextDouble() * heightM;
    }
    return { x, y };
  }
  // Columns chosen so cells are as square as the aspect ratio allows; the last row may be partial.
  const cols = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * widthM) / heightM))));
  const rows = Math.ceil(n / cols);
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / cols);
    const c = i % cols;
    const inRow = r === rows - 1 ? n - r * cols : cols;
    x[i] = ((c + 0.5) * widthM) / inRow;
    y[i] = ((r + 0.5) * heightM) / rows;
  }
  return { x, y };
}

/**
 * Builds the topology. Association scans every base station for every device
 * (O(devices × base stations), 10^6 path-loss evaluations for the issue's
 * scale), with one shadowing draw per pair, as a device sees each site
 * through different obstacles.
 */
export function buildTopology(s: Scenario, rng: Rng): Topology {
  const bs = placeBaseStations(s, rng.fork(1));
  const nd = s.devices.count;
  const nb = s.baseStations.count;
  const deviceX = new Float64Array(nd);
  const deviceY = new Float64Array(nd);
  const serving = new Int32Array(nd);
  const gain = new Float64Array(nd);
  const drop = rng.fork(2);
  const shadow = rng.fork(3);
  const plOptions = {
    carrierGHz: s.channel.carrierGHz,
    bsHeightM: s.baseStations.antennaHeightM,
    utHeightM: s.devices.heightM,
    exponent: s.channel.exponent,
  };
  for (let d = 0; d < nd; d++) {
    deviceX[d] = drop.nextDouble() * s.area.widthM;
    deviceY[d] = drop.nextDouble() * s.area.heightM;
    let best = -1;
    let bestLossDb = Infinity;
    for (let b = 0; b < nb; b++) {
      const dist = Math.max(s.channel.minDistanceM, Math.hypot(deviceX[d]! - bs.x[b]!, deviceY[d]! - bs.y[b]!));
      const lossDb = pathLossDb(s.channel.pathLoss, dist, plOptions) + shadowingDb(shadow, s.channel.shadowingDb);
      if (lossDb < bestLossDb) {
        bestLossDb = lossDb;
        best = b;
      }
    }
    serving[d] = best;
    gain[d] = 10 ** (-bestLossDb / 10);
  }
  const partner = new Int32Array(nd);
  const pair = rng.fork(4);
  for (let d = 0; d < nd; d++) {
    if (nd === 1) partner[d] = 0;
    else {
      const p = pair.nextInt(nd - 1);
      partner[d] = p >= d ? p + 1 : p;
    }
  }
  const counts = new Int32Array(nb);
  for (let d = 0; d < nd; d++) counts[serving[d]!]!++;
  const devicesOf = Array.from({ length: nb }, (_, b) => new Int32Array(counts[b]!));
  const fill = new Int32Array(nb);
  for (let d = 0; d < nd; d++) {
    const b = serving[d]!;
    devicesOf[b]![fill[b]!++] = d;
  }
  return { bsX: bs.x, bsY: bs.y, deviceX, deviceY, serving, gain, partner, devicesOf };
}
