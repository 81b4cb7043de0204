#!/usr/bin/env node
// Lesson 3's budgets in headless Chromium against the built site under the strict CSP: the race
// of 7 optimizers × 2,000 steps on a 200 × 200 surface and the initialisation statistics of
// 20 layers × 128 units on a batch of 256, each as a job of the labs' worker pool from start to
// result (the labs' test page, tests/e2e/labs-harness/). The tests check the same results without
// a clock.
// Prints Markdown rows.
// usage: node scripts/budgets/avances.mjs [--runs N]
import {launchBrowser, serveSite} from '../../tests/e2e/browser.js';
import {median, printRows} from './table.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const KINDS = ['sgd', 'sgd', 'adagrad', 'rmsprop', 'adam', 'adadelta', 'adamax'];

const site = await serveSite({pages: {harness: 'tests/e2e/labs-harness/index.html'}});
const browser = await launchBrowser();
const rows = [];

// ---- the worker pool's jobs
const harness = await browser.context.newPage();
await harness.goto(`${site.url}tests/e2e/labs-harness/`);
await harness.waitForFunction(() => window.labsHarness);
await harness.evaluate(() => window.labsHarness.ready());
const timeJob = (kind, input) => harness.evaluate(async ({kind, input}) => {
  const t0 = performance.now();
  const outcome = await window.labsHarness.lib.runJob(kind, input).promise;
  if (outcome.status !== 'done') throw new Error(`${kind}: ${JSON.stringify(outcome).slice(0, 200)}`);
  return performance.now() - t0;
}, {kind, input});

const race = {
  objective: {kind: 'rosenbrock'}, grid: {nx: 200, ny: 200}, steps: 2000,
  optimizers: KINDS.map((kind, k) => ({kind, lr: 1e-3, ...(k === 1 ? {momentum: 0.9} : {})})),
};
const races = [];
for (let r = 0; r < RUNS; r++) races.push(await timeJob('surface', race));
rows.push([`Lesson 3: race of 7 optimizers × 2,000 steps on a 200 × 200 Rosenbrock surface, worker job start to result (median of ${RUNS})`,
  `${median(races).toFixed(1)} ms`, '≤ 100 ms', median(races) > 100]);

const init = {depth: 20, width: 128, activation: 'tanh', init: {scheme: 'xavier_uniform'}, batch: 256, seed: 0};
const inits = [];
for (let r = 0; r < RUNS; r++) inits.push(await timeJob('initStats', init));
rows.push([`Lesson 3: initialisation statistics of 20 × 128 on a batch of 256, worker job start to result (median of ${RUNS})`,
  `${median(inits).toFixed(1)} ms`, '≤ 50 ms', median(inits) > 50]);

await browser.close();
await site.close?.();
printRows(rows);
