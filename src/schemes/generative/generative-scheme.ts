/**
 * Generative semantic communication (GAI-SCN, seeds 002 Sec. III-IV and 004
 * Sec. III-A). The transmitter's understanding model extracts the semantics of
 * the image (its class label, from the understanding classifier, and an
 * 8-dimensional latent from the conditional VAE's encoder), quantizes the
 * latent to a few bits per dimension and puts both in a semantic packet; the
 * packet rides the digital link with an MCS chosen by link adaptation from the
 * channel state; the receiver's generative model regenerates the image:
 *
 * - `vae`: the cVAE decoder renders (label, latent);
 * - `diffusion`: the latent diffusion prior first refines the dequantized latent
 *   (SDEdit at a small strength: seed 002's semantic calibration, pulling a
 *   quantized or corrupted latent back to the model's manifold), then the cVAE
 *   decoder renders it;
 * - `label-only`: only the label crosses the link (seed 004's zero-rate limit of
 *   semantic compression); the diffusion prior samples a latent for it.
 *
 * Shared knowledge: the models, the latent range of the cVAE (each dimension's
 * ±3σ over the training set, quantized uniformly with `latentBits` bits) and
 * so the layout of the code, which travels as one `code` field: the class
 * label in 4 bits, then the latent cells, MSB first. With the default 2 bits
 * per dimension a packet is 9 bytes (72 bits) with its header and CRC-16; the
 * label-only packet is 7 bytes. A lost packet (link CRC or packet CRC) leaves
 * the receiver with the mean image, like the traditional scheme.
 */
import { isSemcomError, SemcomError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { loadMnistClassifier, type MnistClassifier } from '../../generation/embedded/mnist-classifier.js';
import { dequantizeLatents, loadMnistCvae, quantizeLatents, type MnistCvae } from '../../generation/embedded/mnist-cvae.js';
import { loadLatentDiffusion, type LatentDiffusion } from '../../generation/embedded/latent-diffusion.js';
import { createDigitalLink, type DigitalLink } from '../../phy/link/digital-link.js';
import type { ModulationName } from '../../phy/modulation/index.js';
import {
  bitsToBytes,
  bytesToBits,
  ContentType,
  decodePacket,
  encodePacket,
  Scheme,
} from '../../semantic/index.js';
import { mnistMeanImage } from '../fallback.js';
import { selectMcs } from '../link-adaptation.js';
import type { ImageItem, ImageScheme, LinkConditions, SchemeOutcome } from '../types.js';
import { checkMnistItems, timed } from '../util.js';

export type GenerativeMode = 'vae' | 'diffusion' | 'label-only';

export interface GenerativeSchemeOptions {
  mode?: GenerativeMode;
  /** Bits per latent dimension, 1..8 (default 2: 9-byte packets, see the module doc). */
  latentBits?: number;
  /** SDEdit strength of the diffusion calibration in `diffusion` mode (default 0.3). */
  calibrationStrength?: number;
  /** Link-adaptation margin in dB (default 1). */
  marginDb?: number;
  /** Restrict link adaptation to these modulations (default: the condition's modulation family up to 64-QAM). */
  modulations?: readonly ModulationName[];
}

/** Bits of the class label in the code (10 MNIST classes). */
const LABEL_BITS = 4;

/** Writes `value` as `width` bits, MSB first, into the 0/1 array `bits` at `at`; returns the next position. */
function putBits(bits: Uint8Array, at: number, value: number, width: number): number {
  for (let b = width - 1; b >= 0; b--) bits[at++] = (value >>> b) & 1;
  return at;
}

function getBits(bits: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let b = 0; b < width; b++) v = (v << 1) | bits[at + b];
  return v;
}

interface Models {
  classifier: MnistClassifier;
  cvae: MnistCvae;
  diffusion: LatentDiffusion | null;
}

export function createGenerativeScheme(options: GenerativeSchemeOptions = {}): ImageScheme {
  const mode = options.mode ?? 'vae';
  const bits = options.latentBits ?? 2;
  if (!Number.isInteger(bits) || bits < 1 || bits > 8) {
    throw new SemcomError('INVALID_ARGUMENT', `latentBits must be an integer from 1 to 8, got ${bits}`);
  }
  const strength = options.calibrationStrength ?? 0.3;
  let models: Promise<Models> | null = null;
  const links = new Map<string, DigitalLink>();
  const schemeId = mode === 'vae' ? Scheme.generativeVae : mode === 'diffusion' ? Scheme.generativeDiffusion : Scheme.labelOnly;

  function link(code: string, modulation: ModulationName, channel: string): DigitalLink {
    const key = `${code}|${modulation}|${channel}`;
    let l = links.get(key);
    if (!l) {
      l = createDigitalLink({ code, modulation, channel, maxIterations: 20 });
      links.set(key, l);
    }
    return l;
  }

  return {
    name: `generative-${mode}`,
    async transmit(items: readonly ImageItem[], conditions: LinkConditions, rng: Rng): Promise<SchemeOutcome[]> {
      const pixels = checkMnistItems(items);
      models ??= (async () => ({
        classifier: await loadMnistClassifier('understanding'),
        cvae: await loadMnistCvae(),
        diffusion: mode === 'vae' ? null : await loadLatentDiffusion(),
      }))();
      const { classifier, cvae, diffusion } = await models;
      const n = items.length;
      const d = cvae.latentDim;

      // Transmitter: understand (label), represent (latent), packetize.
      const [packets, encodeMs] = timed(() => {
        const labels = classifier.classify(pixels, n).labels;
        // The model's own quantizer: uniform cells over each dimension's shared ±3σ range.
        const cells = mode === 'label-only' ? null : quantizeLatents(cvae.encode(pixels, labels, n), n, cvae.latentRange, bits);
        const codeBits = LABEL_BITS + (cells ? d * bits : 0);
        return Array.from({ length: n }, (_, i) => {
          const code = new Uint8Array(8 * Math.ceil(codeBits / 8));
          let at = putBits(code, 0, labels[i], LABEL_BITS);
          if (cells) for (let j = 0; j < d; j++) at = putBits(code, at, cells[i * d + j], bits);
          return bytesToBits(encodePacket({ version: 1, scheme: schemeId, contentType: ContentType.image, fields: [{ kind: 'code', data: bitsToBytes(code) }] }));
        });
      });

      const modulations = options.modulations ?? (conditions.modulation === 'bpsk' ? ['bpsk'] : undefined);
      const mcs = selectMcs(conditions.snrDb, conditions.channel, { marginDb: options.marginDb, modulations });
      const l = link(mcs.code, mcs.modulation, conditions.channel);
      const received = packets.map((p) => l.transmit(p, conditions.snrDb, rng));

      // Receiver: parse, dequantize, regenerate.
      const [outputs, decodeMs] = timed(() => {
        const ok: number[] = [];
        const labels = new Uint8Array(n);
        const cells = new Uint16Array(n * d);
        received.forEach((rx, i) => {
          if (!rx.payload) return;
          try {
            const packet = decodePacket(bitsToBytes(rx.payload));
            const field = packet.fields[0];
            if (packet.scheme !== schemeId || packet.fields.length !== 1 || field.kind !== 'code') return;
            const code = bytesToBits(field.data);
            const need = LABEL_BITS + (mode === 'label-only' ? 0 : d * bits);
            if (code.length < need) return;
            const label = getBits(code, 0, LABEL_BITS);
            if (label > 9) return;
            labels[ok.length] = label;
            if (mode !== 'label-only') for (let j = 0; j < d; j++) cells[ok.length * d + j] = getBits(code, LABEL_BITS + j * bits, bits);
            ok.push(i);
          } catch (e) {
            if (!isSemcomError(e)) throw e;
          }
        });
        const m = ok.length;
        const out: (Uint8Array | null)[] = new Array(n).fill(null);
        if (m === 0) return out;
        const lab = labels.subarray(0, m);
        let z: Float32Array = dequantizeLatents(cells.subarray(0, m * d), m, cvae.latentRange, bits);
        // The receiver's own randomness (diffusion sampling) is drawn from a stream of the link's rng.
        const receiverRng = Rng.stream(rng.nextUint32(), 1);
        if (mode === 'label-only') z = diffusion!.sample(lab, m, receiverRng);
        else if (mode === 'diffusion') z = diffusion!.refine(z, lab, m, receiverRng, { strength });
        const images = cvae.decode(z, lab, m);
        ok.forEach((i, k) => (out[i] = images.slice(k * 784, (k + 1) * 784)));
        return out;
      });

      return items.map((_, i) => ({
        output: outputs[i] ?? mnistMeanImage(),
        erased: outputs[i] === null,
        payloadBits: packets[i].length,
        channelUses: received[i].channelUses,
        encodeMs: encodeMs / n,
        decodeMs: decodeMs / n,
        info: { modulation: mcs.modulation, code: mcs.code, latentBits: mode === 'label-only' ? 0 : bits },
      }));
    },
  };
}
