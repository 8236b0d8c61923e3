#!/usr/bin/env node
/**
 * Physical-layer benchmark: LDPC decoding throughput, uncoded Monte-Carlo
 * throughput and 16-QAM max-log demapping, on the compiled library (dist/).
 *
 * Usage: npm run bench:phy [-- --json] [-- --seconds S]
 * Prints one JSON object { machine, node, cases: [{ name, unit, value, threads, ... }] }
 * with --json, a table otherwise. Each case runs for about S seconds (default 2)
 * after a warm-up, as ROUNDS timed rounds whose median is the value; multi-thread
 * cases run one copy per worker thread and add up round by round.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { median, runCase, runUncodedMonteCarlo, ROUNDS } from './phy-cases.js';
import { machineInfo } from './common.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const secIdx = args.indexOf('--seconds');
const seconds = secIdx >= 0 ? Number(args[secIdx + 1]) : 2;
if (!(seconds > 0)) {
  process.stderr.write('bench:phy: --seconds needs a positive number\n');
  process.exit(2);
}
const cores = availableParallelism();

function inWorkers(name, threads) {
  const url = new URL('./phy-worker.js', import.meta.url);
  return Promise.all(
    Array.from({ length: threads }, (_, i) =>
      new Promise((resolve, reject) => {
        const w = new Worker(fileURLToPath(url), { workerData: { name, seconds, index: i } });
        w.once('message', resolve);
        w.once('error', reject);
      }),
    ),
    // The threads start together, so their rounds overlap in time: add them round by round.
  ).then((rs) => ({ ...rs[0], rounds: rs[0].rounds.map((_, k) => rs.reduce((s, r) => s + r.rounds[k], 0)) }));
}

const plan = [
  ['ldpc-1944-r1/2-layered-minsum-10it', [1, cores]],
  ['ldpc-648-r5/6-layered-minsum-10it', [1, cores]],
  ['ldpc-1944-r1/2-layered-minsum-early-stop', [1]],
  ['ldpc-648-r5/6-layered-minsum-early-stop', [1]],
  ['ldpc-1944-r1/2-layered-minsum-10it-js', [1]],
  ['uncoded-bpsk-awgn-mc', [1, cores]],
  ['demap-16qam-maxlog', [1]],
];

const results = [];
for (const [name, threadList] of plan) {
  for (const threads of [...new Set(threadList)]) {
    // The uncoded Monte Carlo is measured through the engine itself (its own worker pool); the
    // decoders and the demapper as independent copies, one per thread.
    const r =
      name === 'uncoded-bpsk-awgn-mc'
        ? await runUncodedMonteCarlo(seconds, threads)
        : threads === 1
          ? await runCase(name, seconds, 0)
          : await inWorkers(name, threads);
    const value = median(r.rounds);
    results.push({ name, unit: r.unit, value: Number(value.toFixed(3)), threads, rounds: r.rounds.map((x) => Number(x.toFixed(3))), ...r.extra });
  }
}
// Parallel scaling, for the cases measured both ways.
for (const r of results.filter((x) => x.threads > 1)) {
  const one = results.find((x) => x.name === r.name && x.threads === 1);
  if (one) r.scaling = Number((r.value / one.value).toFixed(3));
}
const out = {
  machine: machineInfo(),
  node: process.version,
  seconds,
  rounds: ROUNDS,
  cases: results,
};
if (json) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
else {
  for (const r of results) {
    process.stdout.write(`${r.name.padEnd(44)} ${String(r.value).padStart(10)} ${r.unit.padEnd(16)} threads=${r.threads}${r.scaling ? ` scaling=${r.scaling}` : ''}\n`);
  }
}
