#!/usr/bin/env node
// Measures lesson 1's budgets in headless Chromium against the built site under the strict CSP:
// first visit (time to an interactive stepper, bytes transferred gzip), one step from key press
// to rendered, and 10,000 training iterations in the worker end to end. Prints a Markdown table.
// usage: node scripts/budgets.mjs [--no-build]
import {gzipSync} from 'node:zlib';
import {launchBrowser, serveSite} from '../tests/e2e/browser.js';

if (process.argv.includes('--no-build')) process.env.E2E_SKIP_BUILD = '1';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes) => (bytes / 1024).toFixed(1);

const site = await serveSite();
const rows = [];

// ---- first visit, fresh profile each time
const visits = [];
let transfer = null;
for (let run = 0; run < 5; run++) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.stepper .step-title .katex')) {
        window.__interactive = performance.now();
        observer.disconnect();
      }
    }).observe(document, {childList: true, subtree: true});
  });
  const bodies = [];
  page.on('response', async (response) => {
    try {
      bodies.push({url: response.url(), body: await response.body()});
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await page.goto(`${site.url}#/mlp`);
  await page.waitForFunction(() => window.__interactive);
  // Interactive means the keys work: the next step renders.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.progress-text')?.textContent.startsWith('Paso 2'));
  visits.push(await page.evaluate(() => window.__interactive));
  await page.waitForLoadState('networkidle');
  if (!transfer) {
    transfer = {total: 0, wasm: 0, files: 0};
    for (const {url, body} of bodies) {
      const size = Math.min(body.length, gzipSync(body, {level: 9}).length);  // what a gzip host sends
      transfer.total += size;
      transfer.files += 1;
      if (url.endsWith('.wasm')) transfer.wasm += size;
    }
  }
  await browser.close();
}
rows.push(['First visit: stepper interactive (median of 5, fresh profile)', `${median(visits).toFixed(0)} ms`, '≤ 1000 ms']);
rows.push([`First visit: transferred, gzip (${transfer.files} files)`, `${kb(transfer.total)} KB`, '≤ 400 KB']);
rows.push(['First visit: the wasm, gzip', `${kb(transfer.wasm)} KB`, '≤ 150 KB']);

// ---- one step: key press to rendered, and to the next frame
const browser = await launchBrowser();
const page = await browser.context.newPage();
await page.goto(`${site.url}#/mlp`);
await page.waitForSelector('.stepper .step-title .katex');
const step = await page.evaluate(async () => {
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
rows.push(['One step, key press to rendered (median of 120)', `${step.rendered.toFixed(1)} ms (worst ${step.worst.toFixed(1)} ms)`, '≤ 16 ms']);
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
rows.push(['10,000 iterations in the worker, first run (worker start included)', `${training[0].toFixed(0)} ms`, '≤ 100 ms']);
rows.push(['10,000 iterations in the worker, end to end (median of 5 more)', `${median(training.slice(1)).toFixed(0)} ms`, '≤ 100 ms']);
await browser.close();
await site.close();

console.log('| budget | measured | target |\n|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
