/**
 * Training and coding with the byte-level PPM model of ppm-model.ts: the
 * "shared statistical language model" both ends of a link hold, so that a
 * text costs about −log2 p(text) bits instead of 8 bits per byte.
 *
 * Units: costs are in bits; a message is the UTF-8 bytes of a string plus
 * EOM. A string's lone surrogates are replaced by U+FFFD on encoding (as by
 * TextEncoder), every other string round-trips exactly.
 */
import { SemcomError } from '../../../core/errors.js';
import { ArithmeticDecoder } from '../../../semantic/arithmetic/decoder.js';
import { ArithmeticEncoder } from '../../../semantic/arithmetic/encoder.js';
import type { CodedBits } from '../../../semantic/arithmetic/bit-writer.js';
import { CostMeter, PpmCursor, PpmModel, type IntervalSink, type PpmEscapeMethod } from './ppm-model.js';
import { EOM, PpmTrie } from './ppm-trie.js';

export { PpmModel, type PpmEscapeMethod } from './ppm-model.js';

/** Options of {@link trainPpm}. */
export interface PpmOptions {
  /** Longest context in bytes (default 5). */
  readonly order?: number;
  /** Escape estimator (default 'D'). */
  readonly escape?: PpmEscapeMethod;
}

/** Options of decoding. */
export interface PpmDecodeOptions {
  /** Longest message accepted, in bytes (default 65536); a longer one throws MALFORMED_INPUT. */
  readonly maxBytes?: number;
  /** Replace invalid UTF-8 by U+FFFD instead of throwing MALFORMED_INPUT (default false). */
  readonly lenient?: boolean;
}

const NULL_SINK: IntervalSink = { encode: () => undefined };
const utf8 = new TextEncoder();

/**
 * Trains a PPM model on `texts`, each a separate message (its own start
 * context, ended by EOM), in the given order. Deterministic: the same texts
 * in the same order give the same model.
 */
export function trainPpm(texts: Iterable<string>, options: PpmOptions = {}): PpmModel {
  const model = new PpmModel(new PpmTrie(1 << 16), options.order ?? 5, options.escape ?? 'D');
  const cursor = new PpmCursor(model);
  for (const text of texts) {
    if (typeof text !== 'string') throw new SemcomError('INVALID_ARGUMENT', `trainPpm: every text must be a string, got ${typeof text}`);
    codeMessage(cursor, NULL_SINK, utf8.encode(text), true);
  }
  model.trie.sortChildren();
  return model;
}

function codeMessage(cursor: PpmCursor, sink: IntervalSink, bytes: Uint8Array, adapt: boolean): void {
  cursor.reset();
  for (let i = 0; i < bytes.length; i++) {
    cursor.encode(sink, bytes[i]);
    cursor.advance(bytes[i], adapt);
  }
  cursor.encode(sink, EOM);
  cursor.advance(EOM, adapt);
}

function decodeMessage(cursor: PpmCursor, coded: CodedBits, adapt: boolean, options: PpmDecodeOptions): Uint8Array {
  const maxBytes = options.maxBytes ?? 65536;
  if (!Number.isInteger(maxBytes) || maxBytes < 0) {
    throw new SemcomError('INVALID_ARGUMENT', `PPM decode: maxBytes must be a non-negative integer, got ${maxBytes}`);
  }
  // At most 13 escapes plus the symbol per byte; the byte count is checked below as well.
  const dec = new ArithmeticDecoder(coded, { maxSymbols: (maxBytes + 1) * 16 });
  let out = new Uint8Array(64);
  let n = 0;
  cursor.reset();
  for (;;) {
    const x = cursor.decode(dec);
    cursor.advance(x, adapt);
    if (x === EOM) break;
    if (n >= maxBytes) {
      throw new SemcomError('MALFORMED_INPUT', `PPM decode: no end of message within ${maxBytes} bytes; the bits are corrupted or truncated (or raise maxBytes)`);
    }
    if (n === out.length) {
      const bigger = new Uint8Array(out.length * 2);
      bigger.set(out);
      out = bigger;
    }
    out[n++] = x;
  }
  return out.subarray(0, n);
}

function bytesToText(bytes: Uint8Array, lenient: boolean): string {
  try {
    return new TextDecoder('utf-8', { fatal: !lenient, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', 'PPM decode: the decoded bytes are not valid UTF-8; the bits are corrupted (or decode with lenient: true)', { cause: e });
  }
}

function checkText(text: string, who: string): Uint8Array {
  if (typeof text !== 'string') throw new SemcomError('INVALID_ARGUMENT', `${who}: text must be a string, got ${typeof text}`);
  return utf8.encode(text);
}

/**
 * Codes one message with the static model (counts unchanged): its bits and
 * exact length, termination included (see ArithmeticEncoder.finish).
 */
export function encodeText(model: PpmModel, text: string): CodedBits {
  return encodeBytes(model, checkText(text, 'encodeText'));
}

/** {@link encodeText} for raw bytes (any byte values). */
export function encodeBytes(model: PpmModel, bytes: Uint8Array): CodedBits {
  const enc = new ArithmeticEncoder(16 + bytes.length);
  codeMessage(new PpmCursor(model), enc, bytes, false);
  return enc.finish();
}

/** Inverse of {@link encodeText}. Corrupted bits give another text or throw MALFORMED_INPUT; they never loop or crash. */
export function decodeText(model: PpmModel, coded: CodedBits, options: PpmDecodeOptions = {}): string {
  return bytesToText(decodeMessage(new PpmCursor(model), coded, false, options), options.lenient ?? false);
}

/** Inverse of {@link encodeBytes}. */
export function decodeBytes(model: PpmModel, coded: CodedBits, options: PpmDecodeOptions = {}): Uint8Array {
  return decodeMessage(new PpmCursor(model), coded, false, options).slice();
}

/** Exact coded length of a message under the static model, in bits (termination included). */
export function codeLength(model: PpmModel, text: string): number {
  return encodeText(model, text).bitLength;
}

/** Information content −log2 p(text, EOM) under the static model, in bits (no termination). */
export function informationContent(model: PpmModel, text: string): number {
  const meter = new CostMeter();
  codeMessage(new PpmCursor(model), meter, checkText(text, 'informationContent'), false);
  return meter.bits;
}

/** Options of {@link PpmCoder}. */
export interface PpmCoderOptions {
  /**
   * Update the counts after each message (on a private copy of the model,
   * made once). Sender and receiver stay in sync only if they code the same
   * messages in the same order: a lost message desynchronises them.
   */
  readonly adapt?: boolean;
}

/**
 * One end of a stream of messages: static (the shared model as is) or
 * adaptive (a private copy that learns each message after coding it). Use
 * one coder to encode at the sender and another to decode at the receiver.
 */
export class PpmCoder {
  readonly adapt: boolean;
  private readonly cursor: PpmCursor;
  /** Set when an adaptive decode failed half-way: the counts no longer match the sender's. */
  private broken = false;

  constructor(model: PpmModel, options: PpmCoderOptions = {}) {
    this.adapt = options.adapt ?? false;
    this.cursor = new PpmCursor(this.adapt ? model.clone() : model);
  }

  /** Codes the next message; with adapt, then learns it. */
  encodeText(text: string): CodedBits {
    this.checkUsable();
    const bytes = checkText(text, 'PpmCoder.encodeText');
    const enc = new ArithmeticEncoder(16 + bytes.length);
    codeMessage(this.cursor, enc, bytes, this.adapt);
    return enc.finish();
  }

  /**
   * Decodes the next message; with adapt, then learns it. If decoding fails
   * (MALFORMED_INPUT) an adaptive coder has learnt part of a message the
   * sender never sent, so it refuses further use (INVALID_ARGUMENT): start
   * again from the shared model on both ends.
   */
  decodeText(coded: CodedBits, options: PpmDecodeOptions = {}): string {
    this.checkUsable();
    try {
      return bytesToText(decodeMessage(this.cursor, coded, this.adapt, options), options.lenient ?? false);
    } catch (e) {
      if (this.adapt) this.broken = true;
      throw e;
    }
  }

  private checkUsable(): void {
    if (this.broken) {
      throw new SemcomError('INVALID_ARGUMENT', 'PpmCoder: an earlier decode failed, so this adaptive coder is out of step with the sender; create a new one from the shared model');
    }
  }
}

/** Codes a list of messages in order with one {@link PpmCoder}; returns each message's bits. */
export function encodeTexts(model: PpmModel, texts: readonly string[], options: PpmCoderOptions = {}): CodedBits[] {
  const coder = new PpmCoder(model, options);
  return texts.map((t) => coder.encodeText(t));
}

/** Inverse of {@link encodeTexts} with the same options. */
export function decodeTexts(model: PpmModel, coded: readonly CodedBits[], options: PpmCoderOptions & PpmDecodeOptions = {}): string[] {
  const coder = new PpmCoder(model, options);
  return coded.map((c) => coder.decodeText(c, options));
}
