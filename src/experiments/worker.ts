/**
 * Worker-thread entry of the experiment runner.
 *
 * Protocol (messages are plain objects):
 *   main → worker  { type: 'init', runner: CellRunnerRef, seed, itemsPerCell }  once
 *   main → worker  { type: 'run', cell }                                        one at a time
 *   worker → main  { type: 'row', row: StoredRow }                              a failing cell is a row with `error`
 *   worker → main  { type: 'fatal', message }                                   the runner could not be loaded
 * The factory is called once per worker; each cell is seeded by cellSeed(seed, cell.index),
 * exactly as on the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { describeError } from '../core/threads.js';
import { executeCell, loadCellRunner } from './cell.js';
import type { Cell, CellRunner, CellRunnerRef } from './types.js';

type InMessage =
  | { type: 'init'; runner: CellRunnerRef; seed: number; itemsPerCell: number }
  | { type: 'run'; cell: Cell };

const port = parentPort;
if (port === null) throw new Error('experiments/worker must run in a worker thread');

let runner: Promise<CellRunner> | null = null;
let seed = 0;
let itemsPerCell = 0;

port.on('message', (msg: InMessage) => {
  if (msg.type === 'init') {
    seed = msg.seed;
    itemsPerCell = msg.itemsPerCell;
    runner = loadCellRunner(msg.runner);
    // Report a failing factory at once, not at the first cell.
    runner.catch((e: unknown) => port.postMessage({ type: 'fatal', message: `loading the cell runner: ${describeError(e)}` }));
    return;
  }
  if (runner === null) {
    port.postMessage({ type: 'fatal', message: 'run message before init' });
    return;
  }
  runner.then(
    async (r) => port.postMessage({ type: 'row', row: await executeCell(r, msg.cell, seed, itemsPerCell) }),
    () => {
      /* already reported by the init handler */
    },
  );
});
