#!/usr/bin/env node
// The labs' jobs under Node on the wasm core, on the real clock (the tests check the same
// behaviour on a fake clock, whatever the machine's load): how closely the `search` job's progress
// messages follow its sliceMs, and how the paced `train` job spaces its messages (the worker
// answering a cancel: scripts/budgets/labs-pieces.mjs, in Chromium). Prints Markdown rows.
// usage: node scripts/budgets/jobs.mjs [--runs N]
import {readFile} from 'node:fs/promises';
import {cpus, loadavg} from 'node:os';
import {fileURLToPath} from 'node:url';
import {loadCore} from '../../web/core/core.js';
import {search} from '../../web/labs/jobs/search.js';
import {train} from '../../web/labs/jobs/train.js';
import {median, printRows, quantile} from './table.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const wasmPath = fileURLToPath(new URL('../../web/core/core.wasm', import.meta.url));
const core = await loadCore({wasmBinary: await readFile(wasmPath)});
const load = [loadavg()[0]];
const rows = [];

// A job's api: progress stamped with the time, no pause.
function api() {
  const times = [];
  return {times, core, progress: () => times.push(performance.now()), cancelled: () => false, pause: async () => {}};
}
const gapsOf = (times) => times.slice(1).map((t, k) => t - times[k]);

// ---- search (lab 5): sliceMs 20, 400 points, hidden 16, 300 epochs
const SETTINGS = {shape: 'xor', count: 400, noise: 0.2, validation: 0.3, seed: 3, activation: 'tanh', batch: 10};
const searchGaps = [];
for (let r = 0; r < RUNS; r++) {
  const a = api();
  await search({settings: SETTINGS, runs: [{run: 0, lr: 0.05, hidden: 16, checkpoints: [300]}], sliceMs: 20}, a);
  searchGaps.push(...gapsOf(a.times));
  load.push(loadavg()[0]);
}
const searchMedian = median(searchGaps);
const search90 = quantile(searchGaps, 0.9);
rows.push([`Job search, sliceMs 20: spacing of progress messages (median of ${searchGaps.length})`, `${searchMedian.toFixed(1)} ms`, '≤ 35 ms', searchMedian > 35]);
rows.push(['Job search, sliceMs 20: spacing of progress messages (90th percentile)', `${search90.toFixed(1)} ms`, '≤ 60 ms', search90 > 60]);

// ---- train at a pace: 7 steps per message, never two messages closer than 15 ms
const xor = core.data({kind: 'points', shape: 'xor', count: 40, noise: 0.1, validation: 0.25, seed: 1});
const scenario = {
  model: {kind: 'mlp', layers: [2, 6, 2], activations: ['tanh', 'softmax'], loss: 'cross_entropy'},
  init: {scheme: 'uniform', scale: 0.5, seed: 3},
  data: {inputs: xor.inputs, targets: xor.targets, validation: {inputs: xor.validation.inputs, targets: xor.validation.targets}},
  optimizer: {kind: 'sgd', lr: 0.5},
};
const paceGaps = [];
for (let r = 0; r < RUNS; r++) {
  const a = api();
  await train({scenario, steps: 60, evaluateEvery: 20, normsEvery: 0, grid: null, frameMs: 1e9, maxStepsPerFrame: 7, minFrameMs: 15}, a);
  paceGaps.push(...gapsOf(a.times.slice(0, -1)));  // the last message is the end, not paced
}
const paceMin = Math.min(...paceGaps);
rows.push([`Job train, minFrameMs 15: spacing of paced messages (least of ${paceGaps.length}; median ${median(paceGaps).toFixed(1)} ms)`,
  `${paceMin.toFixed(1)} ms`, '≥ 15 ms (14 with the timer\'s granularity)', paceMin < 14]);

load.push(loadavg()[0]);
console.log(`load average (1 min) during the runs: ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)} on ${cpus().length} cores\n`);
printRows(rows);
