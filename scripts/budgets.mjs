#!/usr/bin/env node
// Measures the lessons' budgets in headless Chromium against the built site under the strict CSP:
// first visits (time to interactive, every file transferred gzip; scripts/budgets/first-visit.mjs),
// one step from key press to rendered (lessons 1 and 2), and 10,000 training iterations in the
// worker end to end. Prints a Markdown table, then the files of each first visit.
// usage: node scripts/budgets.mjs [--no-build]
import {launchBrowser, serveSite} from '../tests/e2e/browser.js';
import {encodeScenario} from '../web/share.js';
import {rnnScenario} from './budgets/rnn-scenario.mjs';
import {median, printRows} from './budgets/table.mjs';
import {firstVisitRows, measureFirstVisits, printFiles} from './budgets/first-visit.mjs';

if (process.argv.includes('--no-build')) process.env.E2E_SKIP_BUILD = '1';
const kb = (bytes) => (bytes / 1024).toFixed(1);

const site = await serveSite();
const rows = [];

// ---- first visits to #/mlp, #/bptt (also at a phone's size) and #/labs/clasificacion (scripts/budgets/first-visit.mjs)
const visits = await measureFirstVisits(site);
rows.push(...firstVisitRows(visits));
const wasm = visits[0].files.filter((f) => f.name.endsWith('.wasm')).reduce((sum, f) => sum + f.size, 0);
rows.push(['First visit: the wasm, gzip', `${kb(wasm)} KB`, '≤ 150 KB', wasm > 150 * 1024]);

// ---- one step: key press to rendered, and to the next frame
const browser = await launchBrowser();
const page = await browser.context.newPage();
await page.goto(`${site.url}#/mlp`);
await page.waitForSelector('.stepper .step-title .katex');
const measureSteps = () => page.evaluate(async () => {
  const rendered = [];
  const framed = [];
  for (let k = 0; k < 120; k++) {
    const key = k % 24 < 12 ? 'ArrowRight' : 'ArrowLeft';
    const start = performance.now();
    document.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
    document.body.getBoundingClientRect();  // style and layout of what the step changed
    rendered.push(performance.now() - start);
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
    framed.push(performance.now() - start);
  }
  const mid = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  return {rendered: mid(rendered), framed: mid(framed), worst: Math.max(...rendered)};
});
const step = await measureSteps();
rows.push(['One step, key press to rendered (median of 120)', `${step.rendered.toFixed(1)} ms (worst ${step.worst.toFixed(1)} ms)`, '≤ 16 ms', step.rendered > 16]);
rows.push(['One step, key press to the next frame painted (median)', `${step.framed.toFixed(1)} ms`, '—']);

// ---- 10,000 iterations in the worker, click to result shown
const training = [];
for (let run = 0; run < 6; run++) {
  training.push(await page.evaluate(() => new Promise((done) => {
    const summary = document.querySelector('.training-summary');
    summary.hidden = true;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (!summary.hidden) {
        observer.disconnect();
        done(performance.now() - start);
      }
    });
    observer.observe(summary, {attributes: true, childList: true});
    document.querySelector('.training-train').click();
  })));
}
rows.push(['10,000 iterations in the worker, first run (worker start included)', `${training[0].toFixed(0)} ms`, '≤ 100 ms', training[0] > 100]);
rows.push(['10,000 iterations in the worker, end to end (median of 5 more)', `${median(training.slice(1)).toFixed(0)} ms`, '≤ 100 ms', median(training.slice(1)) > 100]);

// ---- lesson 2: a trace with T = 12 and hidden 8 (the stepper's largest), and the explorer
await page.goto(`${site.url}#/bptt?s=${encodeScenario(rnnScenario)}&step=40`);
await page.reload();
await page.waitForSelector('.stepper .step-title .katex');
const bpttStep = await measureSteps();
rows.push(['Lesson 2, T = 12, hidden 8: one step, key press to rendered (median of 120)', `${bpttStep.rendered.toFixed(1)} ms (worst ${bpttStep.worst.toFixed(1)} ms)`, '≤ 16 ms', bpttStep.rendered > 16]);
// The explorer at T = 200, hidden 32: the core's norms and the chart, as the component times them.
await page.locator('.explorer-panel').scrollIntoViewIfNeeded();
await page.waitForFunction(() => performance.getEntriesByName('explorer-recompute').length > 0);
const explorerTimes = [];
for (let seed = 1; seed <= 15; seed++) {
  explorerTimes.push(await page.evaluate(async (seed) => {
    const set = (selector, value) => {
      const input = document.querySelector(selector);
      input.value = String(value);
      input.dispatchEvent(new Event('input', {bubbles: true}));
      input.dispatchEvent(new Event('change', {bubbles: true}));
    };
    performance.clearMeasures('explorer-recompute');
    set('.explorer-steps-number', 200);
    set('.explorer-small-number', 32);
    set('.explorer-seed', seed);
    for (let i = 0; i < 100 && !performance.getEntriesByName('explorer-recompute').length; i++)
      await new Promise((done) => requestAnimationFrame(done));
    return performance.getEntriesByName('explorer-recompute')[0]?.duration ?? NaN;
  }, seed));
}
rows.push(['Lesson 2: the explorer recomputes T = 200, hidden 32 (median of 15)', `${median(explorerTimes).toFixed(1)} ms`, '≤ 20 ms', median(explorerTimes) > 20]);
await browser.close();
await site.close();

printRows(rows);
printFiles(visits);
