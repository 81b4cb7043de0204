#!/usr/bin/env node
// Lab 1's budget in headless Chromium against the built site under the strict CSP: while a
// training run is drawn live (spiral, hidden 32, the 100 × 100 boundary at every progress
// message), the redraw rate of the boundary and the longest main-thread task after the click on
// "Entrenar" (PerformanceObserver 'longtask': wall time, so a busy machine counts too), in the
// "1 epoch per frame" and the "as fast as possible" modes; the median of several runs and the
// machine's load average. Prints Markdown rows.
// usage: node scripts/budgets/lab-boundary.mjs [--no-build] [--runs N]
import {loadavg} from 'node:os';
import {launchBrowser, serveSite} from '../../tests/e2e/browser.js';
import {median, printRows} from './table.mjs';

if (process.argv.includes('--no-build')) process.env.E2E_SKIP_BUILD = '1';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

const site = await serveSite();
const browser = await launchBrowser();
const page = await browser.context.newPage();
const LINK = '#/labs/clasificacion?shape=spiral&count=400&noise=0.1&hidden=32&activation=tanh&epochs=2000&batch=10&optimizer=adam&lr=0.01';

// One run of at most 4 s from the click; the redraws are the changes of the epoch line (set in
// the same frame as the boundary).
async function measure(speed) {
  await page.goto('about:blank');
  await page.goto(`${site.url}${LINK}`);
  await page.waitForFunction(() => document.querySelector('.clf-run-panel .clf-metrics td')?.textContent.match(/\d/));
  await page.selectOption('.clf-speed', speed);
  return page.evaluate(() => new Promise((done) => {
    let longest = 0;
    const tasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
    });
    tasks.observe({type: 'longtask'});
    const epoch = document.querySelector('.clf-epoch');
    const times = [];
    const observer = new MutationObserver(() => times.push(performance.now()));
    observer.observe(epoch, {childList: true, characterData: true, subtree: true});
    document.querySelector('.clf-play').click();
    const start = performance.now();
    const check = setInterval(() => {
      if (performance.now() - start > 4000 || !document.querySelector('.clf-play').disabled) {
        clearInterval(check);
        document.querySelector('.lab-progress-cancel:not([disabled])')?.click();
        observer.disconnect();
        tasks.disconnect();
        const span = (times.at(-1) ?? start) - (times[0] ?? start);
        done({redraws: times.length, fps: times.length > 1 ? ((times.length - 1) * 1000) / span : 0, seconds: span / 1000, longest});
      }
    }, 100);
  }));
}

const rows = [];
const loads = [loadavg()[0]];
for (const [speed, name] of [['1', '1 epoch per frame'], ['0', 'as fast as possible']]) {
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(await measure(speed));
    loads.push(loadavg()[0]);
  }
  const fps = runs.map((m) => m.fps);
  const longest = runs.map((m) => m.longest);
  const each = (xs, digits) => xs.map((x) => x.toFixed(digits)).join(', ');
  rows.push([`Lab 1, boundary redraws while training (${name}; median of ${RUNS}: ${each(fps, 1)}; ${median(runs.map((m) => m.redraws))} in ${median(runs.map((m) => m.seconds)).toFixed(1)} s)`,
    `${median(fps).toFixed(1)} fps`, '≥ 20 fps', median(fps) < 20]);
  rows.push([`Lab 1, longest main-thread task while training (${name}; median of ${RUNS}: ${each(longest, 0)} ms)`,
    `${median(longest).toFixed(0)} ms${median(longest) === 0 ? ' (none over 50 ms)' : ''}`, '≤ 50 ms', median(longest) > 50]);
}
await browser.close();
await site.close();
console.log(`load average (1 min) during the runs: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}\n`);
printRows(rows);
