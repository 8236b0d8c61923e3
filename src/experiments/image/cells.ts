/**
 * The cell runner of the image case studies: one cell sends the same test
 * images (a fixed, class-balanced subset of the MNIST test split, identical for
 * every cell, so schemes are compared on the same items) through one scheme
 * under one link condition and measures PSNR, SSIM and semantic accuracy (the
 * evaluator classifier, trained apart from every transmitter model, labels the
 * output; an erased item shows the mean image and is scored like any output).
 * Means are over the items that did not fail; failed items are counted.
 */
import { mnistTestItems, MNIST_PIXELS } from '../../datasets/mnist.js';
import { loadMnistClassifier, type MnistClassifier } from '../../generation/embedded/mnist-classifier.js';
import { psnr, PSNR_REPORT_CAP_DB, ssim } from '../../metrics/index.js';
import type { ModulationName } from '../../phy/modulation/index.js';
import { createImageScheme } from '../../schemes/registry.js';
import type { ImageScheme } from '../../schemes/types.js';
import { costRow } from '../cost-row.js';
import { transmitWithItemRetry } from '../item-retry.js';
import type { Cell, CellRunner, ResultRow } from '../types.js';

export interface ImageCellConfig {
  /** Test images per cell. */
  items: number;
  /**
   * Builds a scheme from its name (default: the registry of src/schemes). Only
   * for runners created in-process, e.g. by tests: a function cannot be posted
   * to a worker thread.
   */
  createScheme?: (name: string) => ImageScheme;
}

/** The items of every image cell (see {@link mnistTestItems}). */
export const imageTestItems = mnistTestItems;

export async function createImageCellRunner(config: ImageCellConfig): Promise<CellRunner> {
  const items = imageTestItems(config.items);
  const schemes = new Map<string, ImageScheme>();
  let evaluator: MnistClassifier | null = null;
  return {
    async runCell(cell: Cell, seed: number): Promise<ResultRow> {
      let scheme = schemes.get(cell.scheme);
      if (!scheme) {
        scheme = (config.createScheme ?? createImageScheme)(cell.scheme);
        schemes.set(cell.scheme, scheme);
      }
      evaluator ??= await loadMnistClassifier('evaluator');
      const conditions = { channel: cell.channel, modulation: cell.modulation as ModulationName, snrDb: cell.snrDb };
      const outcomes = await transmitWithItemRetry(items, seed, (batch, rng) => scheme.transmit(batch, conditions, rng));
      const done = outcomes.flatMap((o, i) => (o ? [{ o, item: items[i] }] : []));
      const n = done.length;
      const outputs = new Uint8Array(n * MNIST_PIXELS);
      done.forEach(({ o }, i) => outputs.set(o.output, i * MNIST_PIXELS));
      const predicted = evaluator.classify(outputs, n).labels;
      let p = 0;
      let s = 0;
      let correct = 0;
      const choices = new Map<string, number>();
      done.forEach(({ o, item }, i) => {
        p += psnr(item.pixels, o.output, { capDb: PSNR_REPORT_CAP_DB });
        s += ssim(item.pixels, o.output, 28, 28);
        if (predicted[i] === item.label) correct++;
        const mcs = `${o.info?.modulation ?? ''} ${o.info?.code ?? ''}`.trim();
        choices.set(mcs, (choices.get(mcs) ?? 0) + 1);
      });
      const mostUsed = [...choices.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
      const { erasureRate, ...common } = costRow(cell, items.length, done.map((d) => d.o));
      return {
        ...common,
        psnr: p / n,
        ssim: s / n,
        semanticAccuracy: correct / n,
        extra: {
          erasureRate,
          mcs: mostUsed,
          bitsFor10Images: 10 * common.payloadBitsPerItem,
          msFor10Images: 10 * (common.encodeMsPerItem + common.decodeMsPerItem),
        },
      };
    },
  };
}
