/**
 * The wire format of the semantic text schemes: a sentence's keywords and
 * goal (seed 002 Sec. III-B, "keywords and goals are uploaded ... as input
 * prompts") coded as indices into a vocabulary both ends share.
 *
 * Two layouts, both built from the same {@link KeywordCodebook}:
 *
 * - **entropy** (scheme `semantic`): one arithmetic-coded stream: the mood
 *   against its train-split frequencies, each keyword against the shared
 *   keyword bigram model p(k_i | k_{i−1}) (interpolated Kneser–Ney, coded in
 *   two steps: seen continuation or not, see `encodeKeyword`), `</s>`,
 *   and last the domain against p(domain | keywords), a naive-Bayes model both
 *   ends hold, so the goal costs what the keywords do not already say (about
 *   2 bits instead of 4). A keyword outside the vocabulary is sent as `<unk>`
 *   followed by its UTF-8 bytes against a byte-frequency table and an end
 *   mark, so no keyword is ever dropped. Fewest bits; one bit error derails
 *   the rest, so it relies on the link's CRC.
 * - **fixed** (scheme `semantic-calibrated`): `count` (4 bits), `mood`
 *   (2 bits), `domain` (6 bits), then `count` indices of B = ⌈log2 |V|⌉ bits,
 *   then, for each `<unk>` slot in order, an 8-bit byte count and the bytes.
 *   A bit error changes one field only, which is what lets a receiver
 *   calibrate a corrupted frame ({@link calibrateFixed}).
 *
 * Bits are arrays of 0/1 (MSB first), as the digital link takes them.
 */
import { SemcomError } from '../../core/errors.js';
import { WORDNET_LEXNAMES } from '../../datasets/wordnet.js';
import type { Mood, TextUnderstanding } from '../../generation/embedded/text-understanding.js';
import { END, UNK, trainWordNgram, type WordNgramModel } from '../../generation/embedded/language-model/index.js';
import { ArithmeticDecoder, ArithmeticEncoder, codedBitsFromBitArray, codedBitsToBitArray, FrequencyTable, MAX_TOTAL } from '../../semantic/arithmetic/index.js';

export const MOODS: readonly Mood[] = ['statement', 'question', 'command', 'exclamation'];
/** Most keywords one message carries (the fixed layout's 4-bit count). */
export const MAX_CODED_KEYWORDS = 15;
/** Longest out-of-vocabulary keyword, in UTF-8 bytes (the fixed layout's 8-bit length). */
export const MAX_SPELLED_BYTES = 255;
const SPELL_END = 256;
const COUNT_BITS = 4;
const MOOD_BITS = 2;
const DOMAIN_BITS = 6;
/** Bits before the first index in the fixed layout. */
export const FIXED_HEADER_BITS = COUNT_BITS + MOOD_BITS + DOMAIN_BITS;

/** What both ends share to code keywords and goals: built once from the train split's understandings. */
export interface KeywordCodebook {
  /** Bigram model over keyword sequences; its vocabulary is the shared keyword vocabulary (0 `<unk>`, 1 `</s>`). */
  readonly model: WordNgramModel;
  readonly moods: FrequencyTable;
  /** UTF-8 byte frequencies of keyword spellings (+1 each), and the end mark (symbol 256). */
  readonly spelling: FrequencyTable;
  /** Bits of one index in the fixed layout. */
  readonly indexBits: number;
  /** Per keyword index: how often each domain went with it in the train split (naive-Bayes counts). */
  readonly domainCounts: ReadonlyMap<number, Uint32Array>;
  /** Keyword tokens per domain, and sentences per domain (the prior), train split. */
  readonly domainTokens: Float64Array;
  readonly domainSentences: Float64Array;
}

/** Additive smoothing of the naive-Bayes domain model. */
const DOMAIN_ALPHA = 0.5;
/** Total of the frequency table built from p(domain | keywords). */
const DOMAIN_TABLE_TOTAL = 1 << 16;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Builds the codebook from the understandings of the train split (deterministic). */
export function buildKeywordCodebook(train: readonly TextUnderstanding[]): KeywordCodebook {
  const model = trainWordNgram(
    train.map((u) => [...u.keywords]),
    { order: 2, minCount: 1 },
  );
  const D = WORDNET_LEXNAMES.length;
  const moods = new Array<number>(MOODS.length).fill(1);
  const bytes = new Array<number>(257).fill(1);
  const domainCounts = new Map<number, Uint32Array>();
  const domainTokens = new Float64Array(D);
  const domainSentences = new Float64Array(D);
  for (const u of train) {
    moods[MOODS.indexOf(u.goal.mood)]++;
    const d = WORDNET_LEXNAMES.indexOf(u.goal.domain);
    if (d >= 0) {
      domainSentences[d]++;
      for (const k of u.keywords) {
        const w = model.toIndex(k);
        if (w === UNK) continue;
        let c = domainCounts.get(w);
        if (!c) domainCounts.set(w, (c = new Uint32Array(D)));
        c[d]++;
        domainTokens[d]++;
      }
    }
    for (const k of u.keywords) for (const b of utf8.encode(k)) bytes[b]++;
    bytes[SPELL_END] += u.keywords.length;
  }
  return {
    model,
    moods: new FrequencyTable(scaleCounts(moods)),
    spelling: new FrequencyTable(scaleCounts(bytes)),
    indexBits: Math.ceil(Math.log2(model.size)),
    domainCounts,
    domainTokens,
    domainSentences,
  };
}

/** Scales counts so their total fits the coder (2^16 here), keeping every count ≥ 1. */
function scaleCounts(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const budget = 1 << 16;
  return total <= budget ? [...counts] : counts.map((c) => Math.max(1, Math.floor((c * budget) / total)));
}

/**
 * p(domain | keywords) as a frequency table, naive Bayes with additive
 * smoothing: p(d) Π_k p(k | d) over the in-vocabulary keywords. Both ends run
 * the same IEEE double operations in the same order, so they build the same
 * integer table; every domain keeps a count ≥ 1.
 */
export function domainTable(book: KeywordCodebook, keywordIndices: readonly number[]): FrequencyTable {
  const D = book.domainSentences.length;
  const V = book.model.size;
  const logp = new Float64Array(D);
  let sentences = 0;
  for (let d = 0; d < D; d++) sentences += book.domainSentences[d];
  for (let d = 0; d < D; d++) {
    let l = Math.log((book.domainSentences[d] + DOMAIN_ALPHA) / (sentences + DOMAIN_ALPHA * D));
    for (const w of keywordIndices) {
      const c = book.domainCounts.get(w);
      if (!c) continue;
      l += Math.log((c[d] + DOMAIN_ALPHA) / (book.domainTokens[d] + DOMAIN_ALPHA * V));
    }
    logp[d] = l;
  }
  let max = -Infinity;
  for (let d = 0; d < D; d++) if (logp[d] > max) max = logp[d];
  let z = 0;
  for (let d = 0; d < D; d++) z += Math.exp(logp[d] - max);
  const freqs = new Uint32Array(D);
  const budget = DOMAIN_TABLE_TOTAL - D;
  for (let d = 0; d < D; d++) freqs[d] = 1 + Math.floor((budget * Math.exp(logp[d] - max)) / z);
  return new FrequencyTable(freqs);
}

/**
 * Coding one keyword against the bigram p(w | h) without building a table
 * over the whole vocabulary. For a bigram Kneser–Ney model,
 * p(w | h) = A_h(w) + γ(h)·p1(w), where A_h is non-zero only on the few words
 * S_h seen after h and p1 is the order-1 distribution, the same for every h.
 * So a keyword is coded in two steps, as PPM codes with exclusion: a flag
 * "w ∈ S_h" with probability P(S_h) = Σ_{s∈S_h} p(s | h), then either w
 * among S_h with p(w | h)/P(S_h), or w among the other words with p1(w)
 * renormalised over them (the static integer table of p1 with S_h's entries
 * taken out). That is the same distribution, up to integer rounding, at
 * O(|S_h| + log |V|) per keyword instead of O(|V|).
 */
interface LowerTable {
  readonly freqs: Uint32Array;
  /** cum[w] = Σ_{v<w} freqs[v]; length |V| + 1. */
  readonly cum: Float64Array;
  readonly total: number;
}

const FLAG_TOTAL = 1 << 16;
const SEEN_TOTAL = 1 << 16;
const lowerTables = new WeakMap<KeywordCodebook, LowerTable>();

function lowerTable(book: KeywordCodebook): LowerTable {
  let t = lowerTables.get(book);
  if (t) return t;
  const p = book.model.lowerOrderProbabilities();
  const V = p.length;
  const budget = MAX_TOTAL - V - 16;
  const freqs = new Uint32Array(V);
  const cum = new Float64Array(V + 1);
  for (let w = 0; w < V; w++) {
    const f = Math.round(p[w] * budget);
    freqs[w] = f > 0 ? f : 1;
    cum[w + 1] = cum[w] + freqs[w];
  }
  t = { freqs, cum, total: cum[V] };
  lowerTables.set(book, t);
  return t;
}

/** The seen continuations of h with their probabilities, the flag's split and the excluded mass. */
interface Context {
  readonly seen: Int32Array;
  readonly seenTable: FrequencyTable | null;
  /** Flag frequency of "in S_h" out of FLAG_TOTAL. */
  readonly flag: number;
  /** exPrefix[j] = Σ_{i<j} lower.freqs[seen[i]]. */
  readonly exPrefix: Float64Array;
}

/**
 * Contexts are cached per codebook and previous keyword (bounded): the start
 * context alone has thousands of seen continuations (every word that opens a
 * keyword sequence), and frequent keywords recur.
 */
const contextCaches = new WeakMap<KeywordCodebook, Map<number, Context>>();
const CONTEXT_CACHE_SIZE = 4096;

function context(book: KeywordCodebook, prev: readonly number[], lower: LowerTable): Context {
  let cache = contextCaches.get(book);
  if (!cache) contextCaches.set(book, (cache = new Map()));
  // The bigram history is the previous keyword, or none (the start).
  const key = prev.length === 0 ? -1 : (prev[prev.length - 1] as number);
  let c = cache.get(key);
  if (c) return c;
  c = buildContext(book, prev, lower);
  if (cache.size >= CONTEXT_CACHE_SIZE) cache.delete(cache.keys().next().value as number);
  cache.set(key, c);
  return c;
}

function buildContext(book: KeywordCodebook, prev: readonly number[], lower: LowerTable): Context {
  const seen = book.model.continuations(prev);
  const exPrefix = new Float64Array(seen.length + 1);
  for (let j = 0; j < seen.length; j++) exPrefix[j + 1] = exPrefix[j] + lower.freqs[seen[j]];
  if (seen.length === 0) return { seen, seenTable: null, flag: 0, exPrefix };
  const ps = Array.from(seen, (w) => book.model.probability(w, prev));
  const mass = ps.reduce((a, b) => a + b, 0);
  const flag = Math.min(FLAG_TOTAL - 1, Math.max(1, Math.round(mass * FLAG_TOTAL)));
  const seenTable = new FrequencyTable(ps.map((p) => Math.max(1, Math.round((p / mass) * SEEN_TOTAL))));
  return { seen, seenTable, flag, exPrefix };
}

/** Index of w in the ascending array, or −(insertion point) − 1. */
function search(a: Int32Array, w: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < w) lo = mid + 1;
    else if (a[mid] > w) hi = mid - 1;
    else return mid;
  }
  return -lo - 1;
}

function encodeKeyword(enc: ArithmeticEncoder, book: KeywordCodebook, prev: readonly number[], w: number): void {
  const lower = lowerTable(book);
  const c = context(book, prev, lower);
  const k = search(c.seen, w);
  if (c.seenTable) {
    if (k >= 0) {
      enc.encode(0, c.flag, FLAG_TOTAL);
      c.seenTable.encode(enc, k);
      return;
    }
    enc.encode(c.flag, FLAG_TOTAL, FLAG_TOTAL);
  }
  // Among the words not seen after h: the static table with S_h's entries taken out.
  const before = c.exPrefix[k >= 0 ? k : -k - 1];
  const excluded = c.exPrefix[c.seen.length];
  enc.encode(lower.cum[w] - before, lower.cum[w + 1] - before, lower.total - excluded);
}

function decodeKeyword(dec: ArithmeticDecoder, book: KeywordCodebook, prev: readonly number[]): number {
  const lower = lowerTable(book);
  const c = context(book, prev, lower);
  if (c.seenTable) {
    const t = dec.target(FLAG_TOTAL);
    if (t < c.flag) {
      dec.consume(0, c.flag, FLAG_TOTAL);
      return c.seen[c.seenTable.decode(dec)];
    }
    dec.consume(c.flag, FLAG_TOTAL, FLAG_TOTAL);
  }
  const excluded = c.exPrefix[c.seen.length];
  const total = lower.total - excluded;
  const t = dec.target(total);
  // adj(w) = cum[w] − (mass of seen words below w) is non-decreasing; the largest w with adj(w) ≤ t is never a seen word.
  const adj = (w: number): number => {
    const k = search(c.seen, w);
    return lower.cum[w] - c.exPrefix[k >= 0 ? k : -k - 1];
  };
  let lo = 0;
  let hi = lower.freqs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (adj(mid) <= t) lo = mid;
    else hi = mid - 1;
  }
  const a = adj(lo);
  dec.consume(a, a + lower.freqs[lo], total);
  return lo;
}

function checkUnderstanding(u: TextUnderstanding): { mood: number; domain: number } {
  const mood = MOODS.indexOf(u.goal.mood);
  const domain = WORDNET_LEXNAMES.indexOf(u.goal.domain);
  if (mood < 0) throw new SemcomError('INVALID_ARGUMENT', `goal mood '${u.goal.mood}' is not one of ${MOODS.join(', ')}`);
  if (domain < 0) throw new SemcomError('INVALID_ARGUMENT', `goal domain '${u.goal.domain}' is not a WordNet lexicographer file name (e.g. noun.food)`);
  if (u.keywords.length > MAX_CODED_KEYWORDS) {
    throw new SemcomError('INVALID_ARGUMENT', `${u.keywords.length} keywords; a message carries at most ${MAX_CODED_KEYWORDS} (lower maxKeywords)`);
  }
  for (const k of u.keywords) {
    if (typeof k !== 'string' || k.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'a keyword must be a non-empty string');
    if (utf8.encode(k).length > MAX_SPELLED_BYTES) throw new SemcomError('INVALID_ARGUMENT', `keyword '${k.slice(0, 20)}…' is longer than ${MAX_SPELLED_BYTES} UTF-8 bytes`);
  }
  return { mood, domain };
}

/** The entropy layout (see the module comment). */
export function encodeEntropy(book: KeywordCodebook, u: TextUnderstanding): Uint8Array {
  const { mood, domain } = checkUnderstanding(u);
  const enc = new ArithmeticEncoder();
  book.moods.encode(enc, mood);
  let prev: number[] = [];
  const indices: number[] = [];
  for (const k of u.keywords) {
    const w = book.model.toIndex(k);
    indices.push(w);
    encodeKeyword(enc, book, prev, w);
    if (w === UNK) {
      for (const b of utf8.encode(k)) book.spelling.encode(enc, b);
      book.spelling.encode(enc, SPELL_END);
    }
    prev = [w];
  }
  encodeKeyword(enc, book, prev, END);
  domainTable(book, indices).encode(enc, domain);
  const bits = codedBitsToBitArray(enc.finish());
  // A code of no bits still needs one bit on the link; the decoder reads zeros past the end anyway.
  return bits.length > 0 ? bits : new Uint8Array(1);
}

/** Inverse of {@link encodeEntropy}; MALFORMED_INPUT for a stream that does not end within the limits. */
export function decodeEntropy(book: KeywordCodebook, bits: Uint8Array): TextUnderstanding {
  const dec = new ArithmeticDecoder(codedBitsFromBitArray(bits), { maxSymbols: 2 + (MAX_CODED_KEYWORDS + 1) * (MAX_SPELLED_BYTES + 2) });
  const mood = MOODS[book.moods.decode(dec)];
  const keywords: string[] = [];
  const indices: number[] = [];
  let prev: number[] = [];
  for (;;) {
    const w = decodeKeyword(dec, book, prev);
    if (w === END) break;
    if (keywords.length === MAX_CODED_KEYWORDS) throw new SemcomError('MALFORMED_INPUT', `keyword stream has no end within ${MAX_CODED_KEYWORDS} keywords`);
    keywords.push(w === UNK ? decodeSpelling(book, dec) : book.model.vocabulary.words[w]);
    indices.push(w);
    prev = [w];
  }
  const domain = WORDNET_LEXNAMES[domainTable(book, indices).decode(dec)];
  return { keywords, goal: { mood, domain } };
}

function decodeSpelling(book: KeywordCodebook, dec: ArithmeticDecoder): string {
  const bytes: number[] = [];
  for (;;) {
    const b = book.spelling.decode(dec);
    if (b === SPELL_END) break;
    if (bytes.length === MAX_SPELLED_BYTES) throw new SemcomError('MALFORMED_INPUT', `spelled keyword longer than ${MAX_SPELLED_BYTES} bytes`);
    bytes.push(b);
  }
  return spellingText(bytes);
}

function spellingText(bytes: readonly number[]): string {
  try {
    return utf8Decoder.decode(new Uint8Array(bytes));
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', 'a spelled keyword is not valid UTF-8', { cause: e });
  }
}

function writeUint(out: number[], value: number, bits: number): void {
  for (let b = bits - 1; b >= 0; b--) out.push((value >>> b) & 1);
}

function readUint(bits: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let b = 0; b < width; b++) v = v * 2 + (bits[at + b] ?? 0);
  return v;
}

/** The fixed layout (see the module comment). */
export function encodeFixed(book: KeywordCodebook, u: TextUnderstanding): Uint8Array {
  const { mood, domain } = checkUnderstanding(u);
  const out: number[] = [];
  writeUint(out, u.keywords.length, COUNT_BITS);
  writeUint(out, mood, MOOD_BITS);
  writeUint(out, domain, DOMAIN_BITS);
  const spelled: Uint8Array[] = [];
  for (const k of u.keywords) {
    const w = book.model.toIndex(k);
    writeUint(out, w, book.indexBits);
    if (w === UNK) spelled.push(utf8.encode(k));
  }
  for (const s of spelled) {
    writeUint(out, s.length, 8);
    for (const b of s) writeUint(out, b, 8);
  }
  return Uint8Array.from(out);
}

/** A fixed-layout frame split into its fields, without interpretation (for calibration). */
export interface FixedFields {
  readonly count: number;
  readonly mood: number;
  readonly domain: number;
  readonly indices: readonly number[];
  /** Bit offset where the spelled `<unk>` words start. */
  readonly tailAt: number;
}

/** Splits a fixed-layout frame into fields; the count is cut to what the frame's length can hold. */
export function readFixedFields(book: KeywordCodebook, bits: Uint8Array): FixedFields {
  if (bits.length < FIXED_HEADER_BITS) throw new SemcomError('MALFORMED_INPUT', `a keyword frame has at least ${FIXED_HEADER_BITS} bits, got ${bits.length}`);
  const room = Math.floor((bits.length - FIXED_HEADER_BITS) / book.indexBits);
  const count = Math.min(readUint(bits, 0, COUNT_BITS), room);
  const indices: number[] = [];
  for (let i = 0; i < count; i++) indices.push(readUint(bits, FIXED_HEADER_BITS + i * book.indexBits, book.indexBits));
  return { count, mood: readUint(bits, COUNT_BITS, MOOD_BITS), domain: readUint(bits, COUNT_BITS + MOOD_BITS, DOMAIN_BITS), indices, tailAt: FIXED_HEADER_BITS + count * book.indexBits };
}

/** Reads the spelled `<unk>` words after the indices (one per `<unk>` index, in order). */
function readSpelled(bits: Uint8Array, at: number, unknowns: number, strict: boolean): string[] {
  const words: string[] = [];
  let pos = at;
  for (let i = 0; i < unknowns; i++) {
    const n = readUint(bits, pos, 8);
    pos += 8;
    if (strict && n === 0) throw new SemcomError('MALFORMED_INPUT', 'a spelled keyword has no bytes');
    if (pos + 8 * n > bits.length) {
      if (strict) throw new SemcomError('MALFORMED_INPUT', 'a spelled keyword runs past the end of the frame');
      words.push('');
      continue;
    }
    const bytes: number[] = [];
    for (let b = 0; b < n; b++) bytes.push(readUint(bits, pos + 8 * b, 8));
    pos += 8 * n;
    if (strict) words.push(spellingText(bytes));
    else words.push(new TextDecoder('utf-8').decode(new Uint8Array(bytes)));
  }
  if (strict && pos !== bits.length) throw new SemcomError('MALFORMED_INPUT', `keyword frame has ${bits.length - pos} bits after its last field`);
  return words;
}

/** Strict inverse of {@link encodeFixed} for a frame that passed its CRC. */
export function decodeFixed(book: KeywordCodebook, bits: Uint8Array): TextUnderstanding {
  const f = readFixedFields(book, bits);
  if (f.count !== readUint(bits, 0, COUNT_BITS)) throw new SemcomError('MALFORMED_INPUT', 'keyword frame is shorter than its count says');
  if (f.domain >= WORDNET_LEXNAMES.length) throw new SemcomError('MALFORMED_INPUT', `domain index ${f.domain} is not a WordNet lexicographer file`);
  for (const w of f.indices) if (w === END || w >= book.model.size) throw new SemcomError('MALFORMED_INPUT', `keyword index ${w} is not in the shared vocabulary`);
  const spelled = readSpelled(bits, f.tailAt, f.indices.filter((w) => w === UNK).length, true);
  let s = 0;
  const keywords = f.indices.map((w) => (w === UNK ? (spelled[s++] as string) : book.model.vocabulary.words[w]));
  return { keywords, goal: { mood: MOODS[f.mood], domain: WORDNET_LEXNAMES[f.domain] } };
}

export interface CalibrationResult {
  readonly understanding: TextUnderstanding;
  /** Keywords whose received index was replaced by a more probable one. */
  readonly corrected: number;
  /** Keywords left out because no word reached the posterior threshold. */
  readonly dropped: number;
}

/** Posterior a calibrated keyword must reach to be kept (see {@link calibrateFixed}). */
export const CALIBRATION_MIN_POSTERIOR = 0.5;

/**
 * Semantic calibration of a corrupted fixed-layout frame (seed 002 Sec. III-B:
 * the receiver's model corrects "wording errors in the delivered text"). For
 * each keyword slot, left to right, it computes the posterior of every
 * vocabulary word c given the received B index bits r,
 *
 *   P(c | r, c_{i−1}) ∝ p(c | c_{i−1}) · ε^{d(c, r)} · (1 − ε)^{B − d(c, r)},
 *
 * where p is the shared keyword bigram model, d the Hamming distance between
 * c's index and r, and ε the probability that a decoded bit is wrong (bits
 * taken as independent). It keeps the MAP word when its posterior reaches
 * `minPosterior` and otherwise leaves the slot out (counted in `dropped`):
 * a receiver that regenerates from a guess it does not believe would send
 * the generator a wrong keyword, which is worse than a missing one. A domain
 * index beyond the 45 lexicographer files becomes the nearest valid one in
 * Hamming distance. `<unk>` slots keep their spelled bytes as received.
 */
export function calibrateFixed(book: KeywordCodebook, bits: Uint8Array, bitErrorProbability: number, minPosterior = CALIBRATION_MIN_POSTERIOR): CalibrationResult {
  const eps = Math.min(0.49, Math.max(1e-9, bitErrorProbability));
  const f = readFixedFields(book, bits);
  // Likelihood ratio per differing bit: the posterior depends on d only through (ε / (1 − ε))^d.
  const perBit = Math.log(eps / (1 - eps));
  /** Per received slot: the chosen index, or −1 when dropped. */
  const chosen: number[] = [];
  let corrected = 0;
  let dropped = 0;
  let prev: number[] = [];
  const size = book.model.size;
  const probs = new Float64Array(size);
  const logPost = new Float64Array(size);
  for (const r of f.indices) {
    book.model.probabilities(prev, probs);
    let best = -1;
    let bestLog = -Infinity;
    for (let c = 0; c < size; c++) {
      // END never fills a slot; <unk> only when <unk> was received (its spelling follows in the tail).
      if (c === END || (c === UNK && r !== UNK)) {
        logPost[c] = -Infinity;
        continue;
      }
      const l = Math.log(probs[c]) + popcount(c ^ r) * perBit;
      logPost[c] = l;
      if (l > bestLog) {
        bestLog = l;
        best = c;
      }
    }
    let norm = 0;
    for (let c = 0; c < size; c++) norm += Math.exp(logPost[c] - bestLog);
    if (best < 0 || 1 / norm < minPosterior) {
      dropped++;
      chosen.push(-1);
      continue;
    }
    if (best !== r) corrected++;
    chosen.push(best);
    prev = [best];
  }
  let domain = f.domain;
  if (domain >= WORDNET_LEXNAMES.length) {
    let bestD = 0;
    let bestDist = Infinity;
    for (let d = 0; d < WORDNET_LEXNAMES.length; d++) {
      const dist = popcount(d ^ f.domain);
      if (dist < bestDist) {
        bestDist = dist;
        bestD = d;
      }
    }
    domain = bestD;
  }
  const spelled = readSpelled(bits, f.tailAt, f.indices.filter((w) => w === UNK).length, false);
  const keywords: string[] = [];
  let unknownOrdinal = 0;
  f.indices.forEach((r, i) => {
    const c = chosen[i];
    // UNK can only be chosen where UNK was received, so the spellings line up with the received <unk> slots.
    const spelling = r === UNK ? spelled[unknownOrdinal++] : undefined;
    if (c < 0) return;
    const word = c === UNK ? (spelling ?? '') : book.model.vocabulary.words[c];
    if (word) keywords.push(word);
  });
  return { understanding: { keywords, goal: { mood: MOODS[f.mood] ?? 'statement', domain: WORDNET_LEXNAMES[domain] } }, corrected, dropped };
}

function popcount(v: number): number {
  let c = 0;
  for (let x = v; x !== 0; x &= x - 1) c++;
  return c;
}
