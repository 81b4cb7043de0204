#!/usr/bin/env node
// The labs' worker pool and shared pieces in headless Chromium, against the built site with the
// labs' test page (tests/e2e/labs-harness/) under the strict CSP: a `train` job with a 100 × 100
// grid from start to result, how soon a cancel of a running or a paused job is answered, a 100 × 100 heat map
// redraw, a chart update of 3 × 5,000 points; and lab 8 (#/labs/gradientes) re-checking BPTT at
// its largest size on the main thread. The tests check the same behaviour without a clock.
// Prints Markdown rows.
// usage: node scripts/budgets/labs-pieces.mjs [--runs N]
import {cpus, loadavg} from 'node:os';
import {launchBrowser, serveSite} from '../../tests/e2e/browser.js';
import {median, printRows} from './table.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const site = await serveSite({pages: {harness: 'tests/e2e/labs-harness/index.html'}});
const browser = await launchBrowser();
const page = await browser.context.newPage();
await page.goto(`${site.url}tests/e2e/labs-harness/`);
await page.waitForFunction(() => window.labsHarness);
await page.evaluate(() => window.labsHarness.ready());
const load = [loadavg()[0]];
const rows = [];

// ---- a train job: 3000 steps of a 2-8-2 network on 150 points, the 100 × 100 grid each message
const trains = [];
for (let r = 0; r < RUNS; r++) {
  trains.push(await page.evaluate(async () => {
    const {lib} = window.labsHarness;
    let messages = 0;
    const t0 = performance.now();
    const run = lib.runJob('train', {scenario: window.labsHarness.scenario(), steps: 3000, evaluateEvery: 500, normsEvery: 1000, grid: lib.grid, frameMs: 50},
      {onProgress: () => messages++});
    const outcome = await run.promise;
    return {ms: performance.now() - t0, messages, status: outcome.status};
  }));
  load.push(loadavg()[0]);
}
if (trains.some((t) => t.status !== 'done')) throw new Error(`a train job did not finish: ${JSON.stringify(trains)}`);
rows.push([`Labs worker: train 3,000 steps (2-8-2, 150 points, 100 × 100 grid each message), start to result (median of ${RUNS}; ${median(trains.map((t) => t.messages))} messages)`,
  `${median(trains.map((t) => t.ms)).toFixed(0)} ms`, '—', false]);

// ---- a running job cancelled after its first progress message: cancel() to 'cancelled'
const cancels = [];
for (let r = 0; r < RUNS; r++) {
  cancels.push(await page.evaluate(async () => {
    const {lib} = window.labsHarness;
    let cancelAt = 0;
    const run = lib.runJob('train', {scenario: window.labsHarness.scenario(), steps: 5e7, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 50}, {
      onProgress(p) {
        if (!cancelAt && p.done > 0) {
          cancelAt = performance.now();
          run.cancel();
        }
      },
    });
    const outcome = await run.promise;
    if (outcome.status !== 'cancelled') throw new Error(`not cancelled: ${outcome.status}`);
    return performance.now() - cancelAt;
  }));
}
const cancel = median(cancels);
rows.push([`Labs worker: a running train job (frameMs 50) cancelled, cancel() to 'cancelled' (median of ${RUNS}; worst ${Math.max(...cancels).toFixed(1)} ms)`,
  `${cancel.toFixed(1)} ms`, '≤ 250 ms', cancel > 250]);

// ---- a running job paused, then cancelled while it waits: cancel() to 'cancelled'
const pausedCancels = [];
for (let r = 0; r < RUNS; r++) {
  pausedCancels.push(await page.evaluate(async () => {
    const {lib} = window.labsHarness;
    let started;
    const first = new Promise((resolve) => (started = resolve));
    const run = lib.runJob('train', {scenario: window.labsHarness.scenario(), steps: 5e7, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 50},
      {onProgress: (p) => p.done > 0 && started()});
    await first;
    run.pause();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const t0 = performance.now();
    run.cancel();
    const outcome = await run.promise;
    if (outcome.status !== 'cancelled') throw new Error(`not cancelled: ${outcome.status}`);
    return performance.now() - t0;
  }));
}
const pausedCancel = median(pausedCancels);
rows.push([`Labs worker: a paused train job cancelled, cancel() to 'cancelled' (median of ${RUNS}; worst ${Math.max(...pausedCancels).toFixed(1)} ms)`,
  `${pausedCancel.toFixed(1)} ms`, '≤ 1,000 ms', pausedCancel > 1000]);

// ---- a 100 × 100 heat map redraw: the mean of 200 (one is below the timer's resolution), and
// the slowest batch of 10
const heat = await page.evaluate(() => {
  const {lib} = window.labsHarness;
  const map = lib.createHeatmap({extent: lib.grid});
  lib.root.append(map.node);
  const values = new Float32Array(100 * 100).map((_, k) => (k % 100) / 100);
  const batches = [];
  for (let b = 0; b < 20; b++) {
    const t0 = performance.now();
    for (let r = 0; r < 10; r++) map.draw(values, 100, 100, {min: 0, max: 1});
    batches.push((performance.now() - t0) / 10);
  }
  map.node.remove();
  return {mean: batches.reduce((a, b) => a + b) / batches.length, max: Math.max(...batches)};
});
rows.push([`Labs heat map: a 100 × 100 redraw (slowest batch of 10; mean of 200 ${heat.mean.toFixed(3)} ms)`,
  `${heat.max.toFixed(3)} ms`, '≤ 5 ms', heat.max > 5]);

// ---- 20 updates of a three-series line chart of 5,000 points each
const chart = await page.evaluate(async () => {
  const {lib} = window.labsHarness;
  const c = lib.createLineChart({xTitle: 'x', yTitle: 'y'});
  lib.root.append(c.node);
  await c.ready;
  const times = [];
  for (let r = 0; r < 20; r++) {
    const series = [0, 1, 2].map((s) => ({label: `s${s}`, points: Array.from({length: 5000}, (_, i) => [i, Math.exp(-i / (1000 + r)) + s])}));
    const t0 = performance.now();
    c.update(series);
    times.push(performance.now() - t0);
  }
  c.destroy();
  c.node.remove();
  times.sort((a, b) => a - b);
  return {median: times[10], max: times.at(-1)};
});
rows.push([`Labs line chart: an update of 3 series × 5,000 points (median of 20; slowest ${chart.max.toFixed(1)} ms)`,
  `${chart.median.toFixed(1)} ms`, '≤ 50 ms', chart.median > 50]);

// ---- lab 8 at its largest size: 8-8-8, T = 20, biases (208 parameters), seed changed 5 times;
// the lab's own figure (.grad-summary's data-ms: check, table and chart) and the longest task
const query = 'input=8&hidden=8&output=8&T=20&f=tanh&g=softmax&bias=1&scale=0.5&seed=';
await page.goto(`${site.url}#/labs/gradientes?${query}1`);
await page.waitForSelector('.grad-table tbody tr');
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__long.push(e.duration))).observe({type: 'longtask'});
});
const checks = [];
for (let seed = 11; seed <= 15; seed++) {
  const box = page.getByLabel('Semilla');
  await box.fill(String(seed));
  await box.press('Tab');
  await page.waitForFunction((s) => location.hash.includes(`seed=${s}`), seed);
  checks.push(Number(await page.locator('.grad-summary').getAttribute('data-ms')));
}
const long = await page.evaluate(() => window.__long);
const longest = Math.max(0, ...long);
load.push(loadavg()[0]);
rows.push([`Lab 8: BPTT against finite differences at 8-8-8, T = 20 (208 parameters), on the main thread (median of 5: ${checks.map((t) => t.toFixed(1)).join(', ')} ms)`,
  `${median(checks).toFixed(1)} ms`, '≤ 30 ms', median(checks) > 30]);
rows.push(['Lab 8: longest main-thread task while re-checking (longtask observer, wall time)',
  longest ? `${longest.toFixed(0)} ms (${long.length} over 50 ms)` : 'none over 50 ms', '≤ 50 ms', longest > 50]);

await browser.close();
await site.close();
console.log(`load average (1 min) during the runs: ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)} on ${cpus().length} cores\n`);
printRows(rows);
