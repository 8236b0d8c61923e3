/**
 * The part of a result row every cell computes the same way, whatever the
 * modality: the cell's identity, the item counts and the mean cost of the
 * items that did not fail (payload bits, channel uses, processing time,
 * erasure rate). Cells add their own quality metrics.
 */
import type { TransmissionCost } from '../schemes/types.js';
import type { Cell, ResultRow } from './types.js';

export type CostRow = Omit<ResultRow, 'psnr' | 'ssim' | 'semanticAccuracy' | 'extra'> & { erasureRate: number };

/** `done` are the outcomes of the items that did not fail, out of `attempted`. */
export function costRow(cell: Cell, attempted: number, done: readonly TransmissionCost[]): CostRow {
  const n = done.length;
  let bits = 0;
  let uses = 0;
  let enc = 0;
  let dec = 0;
  let erased = 0;
  for (const o of done) {
    bits += o.payloadBits;
    uses += o.channelUses;
    enc += o.encodeMs;
    dec += o.decodeMs;
    if (o.erased) erased++;
  }
  return {
    scheme: cell.scheme,
    channel: cell.channel,
    modulation: cell.modulation,
    snrDb: cell.snrDb,
    items: attempted,
    failedItems: attempted - n,
    payloadBitsPerItem: bits / n,
    channelUsesPerItem: uses / n,
    encodeMsPerItem: enc / n,
    decodeMsPerItem: dec / n,
    erasureRate: erased / n,
  };
}
