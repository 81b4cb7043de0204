#!/usr/bin/env node
// First visits in headless Chromium against the built site under the strict CSP, served as a
// static host serves it (serveBuilt), each in a fresh profile: #/mlp, #/bptt (at the default size
// and a phone's) and #/labs/clasificacion. For each, the time to interactive (the page's first
// control drawn, with its fonts, then answering) and every file transferred, gzip (what a gzip
// host sends). Prints the Markdown rows and, with --files, the files and sizes.
// usage: node scripts/budgets/first-visit.mjs [--no-build] [--runs N] [--files]
import {gzipSync} from 'node:zlib';
import path from 'node:path';
import {launchBrowser, serveSite} from '../../tests/e2e/browser.js';
import {serveDist} from '../../tests/e2e/static-server.js';
import {median, printRows} from './table.mjs';

if (process.argv.includes('--no-build')) process.env.E2E_SKIP_BUILD = '1';
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const kb = (bytes) => (bytes / 1024).toFixed(1);
const TRANSFER_BUDGET = 300 * 1024;
const INTERACTIVE_BUDGET = 400;

// Interactive: `ready` is drawn on screen, then `act` answers (a lesson's → key shows step 2).
const lessonReady = {
  ready: '.stepper .step-title .katex',
  act: async (page) => {
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => /^(Paso|Step) 2/.test(document.querySelector('.progress-text')?.textContent ?? ''));
  },
};
// At the browser's default size (1280 × 720); the lessons at a phone's too, where their text is
// below the workbench.
const PHONE = {width: 390, height: 844};
export const VISITS = [
  {route: '#/mlp', ...lessonReady},
  {route: '#/bptt', ...lessonReady},
  {route: '#/mlp', viewport: PHONE, ...lessonReady},
  {route: '#/bptt', viewport: PHONE, ...lessonReady},
  {route: '#/labs/clasificacion', ready: '.clf-run-bar .clf-play', act: async (page) => {
    await page.click('.clf-run-bar .clf-play');
    await page.waitForSelector('.clf-run-bar .clf-pause:not([disabled])');
  }},
];

// A site already built in `outDir`, served under the strict CSP as a static host serves it (the
// files in memory, gzipped once: tests/e2e/static-server.js): {url, close}. Not `vite preview`,
// which compresses and reads every file again on each request in Node, on the same two cores as the
// browser: on this machine it made a first visit of #/mlp about 220 ms slower at a load of 7–10
// (1,011 against 789 ms, the README).
export function serveBuilt(outDir) {
  return serveDist('/', path.resolve(outDir), {gzip: true});
}

// Records in window.__interactive when the first frame that shows `selector` has been drawn: the
// mutation that adds it, that frame (its animation-frame callbacks, style, layout and paint; what
// the page defers into it counts), then the start of the next frame (its time stamp, the vsync
// that began it: within a frame's interval of the first one's end, whatever tasks run between).
// Drawn with its fonts: while a font that frame's layout asked for is still loading (KaTeX's math
// is invisible until its fonts are here, font-display: block), the first frame after they are.
// The fonts are looked at in a task queued from the frame's callbacks, which runs once that frame
// is drawn (usually before the next one): what a later frame asks for (the lesson's text, drawn
// after the workbench) is not that frame's. The time is the next frame's, however late that task.
// Returns {drawn}: a promise of that time (also in window.__interactive), which the page reports
// through a binding: no script of the harness polls the page while it loads (waitForFunction
// runs one in every frame).
export async function markInteractive(page, selector) {
  let report;
  const drawn = new Promise((resolve) => { report = resolve; });
  await page.exposeBinding('__reportInteractive', (_, at) => report(at));
  await page.addInitScript((wanted) => {
    const drawn = () => requestAnimationFrame(() => {
      const next = new Promise((resolve) => requestAnimationFrame(resolve));
      const fontsHere = new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve(document.fonts.status !== 'loading');
        };
        channel.port2.postMessage(null);
      });
      Promise.all([next, fontsHere]).then(([at, here]) => {
        if (!here) return void document.fonts.ready.then(drawn);
        window.__interactive = at;
        window.__reportInteractive(at);
      });
    });
    new MutationObserver((_, observer) => {
      if (document.querySelector(wanted)) {
        observer.disconnect();
        drawn();
      }
    }).observe(document, {childList: true, subtree: true});
  }, selector);
  return {drawn};
}

// One fresh visit: ms to `ready` drawn (markInteractive) and the files; `viewport` {width, height},
// or the browser's default (1280 × 720).
export async function visit(site, {route, ready, act}, viewport = null) {
  const browser = await launchBrowser();
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const {drawn} = await markInteractive(page, ready);
  // Their bodies are read once the page has loaded: reading them over the DevTools protocol while
  // it loads took the browser's time.
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(`${site.url}${route}`, {waitUntil: 'commit'});
  const interactive = await drawn;
  await act(page);
  await page.waitForLoadState('networkidle');
  const bodies = new Map();  // url → body: a file fetched twice (a second worker) counts once
  for (const response of responses) {
    if (bodies.has(response.url())) continue;
    bodies.set(response.url(), await response.body().catch(() => null));  // redirects, aborted requests: none
  }
  const files = [...bodies].filter(([, body]) => body).map(([url, body]) => ({
    name: new URL(url).pathname.split('/').pop() || 'index.html',
    size: Math.min(body.length, gzipSync(body, {level: 9}).length),
  })).sort((a, b) => b.size - a.size);
  await browser.close();
  return {interactive, files};
}

// `built`: tests/e2e/browser.js's serveSite(), whose build is served here as a static host serves it.
export async function measureFirstVisits(built, runs = RUNS) {
  const site = await serveBuilt(built.outDir);
  const results = [];
  for (const spec of VISITS) {
    const times = [];
    let files = null;
    for (let run = 0; run < runs; run++) {
      const result = await visit(site, spec, spec.viewport);
      times.push(result.interactive);
      files ??= result.files;
    }
    const where = spec.viewport ? `${spec.route} at ${spec.viewport.width} × ${spec.viewport.height}` : spec.route;
    results.push({route: where, times, files, total: files.reduce((sum, f) => sum + f.size, 0)});
  }
  await site.close();
  return results;
}

export function firstVisitRows(results) {
  const rows = [];
  for (const {route, times, files, total} of results) {
    const ms = median(times);
    rows.push([`First visit to ${route}: interactive (median of ${times.length}, fresh profile)`, `${ms.toFixed(0)} ms`, `≤ ${INTERACTIVE_BUDGET} ms`, ms > INTERACTIVE_BUDGET]);
    rows.push([`First visit to ${route}: transferred, gzip (${files.length} files)`, `${kb(total)} KB`, `≤ ${TRANSFER_BUDGET / 1024} KB`, total > TRANSFER_BUDGET]);
  }
  return rows;
}

export function printFiles(results) {
  for (const {route, files} of results) {
    console.log(`\n${route}: ${files.map((f) => `${f.name} ${kb(f.size)}`).join(', ')} (KB gzip)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const site = await serveSite();
  const results = await measureFirstVisits(site);
  await site.close();
  printRows(firstVisitRows(results));
  if (process.argv.includes('--files')) printFiles(results);
}
