// One copy of a benchmark case in a worker thread (see phy.js).
import { parentPort, workerData } from 'node:worker_threads';
import { runCase } from './phy-cases.js';

const r = await runCase(workerData.name, workerData.seconds, workerData.index);
parentPort.postMessage(r);
