/**
 * Arithmetic coding of word-index sequences with the Kneser–Ney model both
 * ends share: each index is coded with the integer distribution
 * p(· | the words before it), then `</s>` ends the sequence. The cost is
 * about −log2 p(sequence, `</s>`) + 1 bit (termination) plus at most
 * |V|/2^20 of mass lost per word to the frequency floor.
 */
import { SemcomError } from '../../../core/errors.js';
import type { CodedBits } from '../../../semantic/arithmetic/bit-writer.js';
import { ArithmeticDecoder } from '../../../semantic/arithmetic/decoder.js';
import { ArithmeticEncoder } from '../../../semantic/arithmetic/encoder.js';
import type { WordNgramModel } from './kneser-ney.js';
import { END } from './word-vocabulary.js';

/** Options of {@link decodeSequence}. */
export interface DecodeSequenceOptions {
  /** Longest sequence accepted, in words (default 4096); a longer one throws MALFORMED_INPUT. */
  readonly maxLength?: number;
}

function checkSequence(model: WordNgramModel, indices: ArrayLike<number>, who: string): void {
  for (let i = 0; i < indices.length; i++) {
    const w = indices[i];
    if (!Number.isInteger(w) || w < 0 || w >= model.size || w === END) {
      throw new SemcomError('INVALID_ARGUMENT', `${who}: indices[${i}] = ${w} is not a word index in 0..${model.size - 1} other than ${END} (</s>)`);
    }
  }
}

/** Codes word indices (0..|V|−1, not `</s>` = 1) followed by `</s>`. */
export function encodeSequence(model: WordNgramModel, indices: ArrayLike<number>): CodedBits {
  checkSequence(model, indices, 'encodeSequence');
  const freqs = new Uint32Array(model.size);
  const history: number[] = [];
  const enc = new ArithmeticEncoder();
  for (let i = 0; i <= indices.length; i++) {
    const w = i < indices.length ? indices[i] : END;
    model.distribution(history, freqs);
    let low = 0;
    let total = 0;
    for (let s = 0; s < freqs.length; s++) {
      if (s === w) low = total;
      total += freqs[s];
    }
    enc.encode(low, low + freqs[w], total);
    history.push(w);
  }
  return enc.finish();
}

/** Inverse of {@link encodeSequence}. Corrupted bits give other indices or MALFORMED_INPUT, never a hang. */
export function decodeSequence(model: WordNgramModel, coded: CodedBits, options: DecodeSequenceOptions = {}): number[] {
  const maxLength = options.maxLength ?? 4096;
  if (!Number.isInteger(maxLength) || maxLength < 0) {
    throw new SemcomError('INVALID_ARGUMENT', `decodeSequence: maxLength must be a non-negative integer, got ${maxLength}`);
  }
  const dec = new ArithmeticDecoder(coded, { maxSymbols: maxLength + 1 });
  const freqs = new Uint32Array(model.size);
  const out: number[] = [];
  for (;;) {
    model.distribution(out, freqs);
    let total = 0;
    for (let s = 0; s < freqs.length; s++) total += freqs[s];
    const t = dec.target(total);
    let low = 0;
    let w = 0;
    while (low + freqs[w] <= t) low += freqs[w++];
    dec.consume(low, low + freqs[w], total);
    if (w === END) return out;
    if (out.length >= maxLength) {
      throw new SemcomError('MALFORMED_INPUT', `decodeSequence: no </s> within ${maxLength} words; the bits are corrupted or truncated`);
    }
    out.push(w);
  }
}

/**
 * log p(w1..wn, `</s>`) in nats under the model (the score a receiver
 * maximises to choose among candidate sequences); `withEnd: false` leaves
 * out the `</s>` term.
 */
export function sequenceLogProb(model: WordNgramModel, indices: ArrayLike<number>, options: { withEnd?: boolean } = {}): number {
  checkSequence(model, indices, 'sequenceLogProb');
  const history: number[] = [];
  let lp = 0;
  for (let i = 0; i < indices.length; i++) {
    lp += model.logProb(indices[i], history);
    history.push(indices[i]);
  }
  if (options.withEnd ?? true) lp += model.logProb(END, history);
  return lp;
}
