/**
 * Classical SemCom, learned JSCC (DeepJSCC; Bourtsoulatze, Kurka and Gündüz,
 * IEEE TCCN 2019): the transmitter's learned encoder maps the image straight to
 * k complex channel symbols, the analog link applies the power constraint and
 * the channel, the receiver's learned decoder reconstructs. No bits, no CRC:
 * the output degrades with the SNR instead of falling off a cliff.
 */
import type { Rng } from '../../core/rng.js';
import { loadMnistJscc, type MnistJscc } from '../../generation/embedded/mnist-jscc.js';
import { parseChannelSpec } from '../../phy/channel/index.js';
import { createAnalogLink } from '../../phy/link/analog-link.js';
import type { ImageItem, ImageScheme, LinkConditions, SchemeOutcome } from '../types.js';
import { checkMnistItems, timed } from '../util.js';

export interface JsccSchemeOptions {
  /** Complex channel uses per 28 × 28 image (bandwidth ratio k/784). */
  k?: 49 | 98;
}

export function createJsccScheme(options: JsccSchemeOptions = {}): ImageScheme {
  const k = options.k ?? 49;
  let model: Promise<MnistJscc> | null = null;
  return {
    name: `jscc-k${k}`,
    async transmit(items: readonly ImageItem[], conditions: LinkConditions, rng: Rng): Promise<SchemeOutcome[]> {
      const pixels = checkMnistItems(items);
      model ??= loadMnistJscc(k);
      const jscc = await model;
      const n = items.length;
      const [symbols, encodeMs] = timed(() => jscc.encode(pixels, n));
      const link = createAnalogLink({ channel: parseChannelSpec(conditions.channel) });
      const per = symbols.length / n;
      const received = new Float32Array(symbols.length);
      let channelUses = 0;
      for (let i = 0; i < n; i++) {
        const rx = link.transmitReal(symbols.subarray(i * per, (i + 1) * per), conditions.snrDb, rng);
        received.set(rx.y, i * per);
        channelUses = rx.channelUses;
      }
      const [images, decodeMs] = timed(() => jscc.decode(received, n));
      return items.map((_, i) => ({
        output: images.slice(i * 784, (i + 1) * 784),
        erased: false,
        payloadBits: 0,
        channelUses,
        encodeMs: encodeMs / n,
        decodeMs: decodeMs / n,
        info: { modulation: 'analog', bandwidthRatio: k / 784 },
      }));
    },
  };
}
