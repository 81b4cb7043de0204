#!/usr/bin/env node
// One first visit in headless Chromium, traced: when each file's request starts and ends, the
// main thread's tasks (over 3 ms) with what they spent their time on, and when the page became
// interactive (scripts/budgets/first-visit.mjs's test). For finding what a first visit waits on.
// usage: node scripts/budgets/first-visit-profile.mjs <dist> [route]
import {launchBrowser} from '../../tests/e2e/browser.js';
import {VISITS, markInteractive, serveBuilt} from './first-visit.mjs';

const [dist = 'dist', route = '#/mlp'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const spec = VISITS.find((v) => v.route === route);
const site = await serveBuilt(dist);
const url = `${site.url}${route}`;

const browser = await launchBrowser();
const page = await browser.context.newPage();
const {drawn} = await markInteractive(page, spec.ready);
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', ({value}) => events.push(...value));
const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', {traceConfig: {includedCategories: ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline']}});
await page.goto(url, {waitUntil: 'commit'});  // as first-visit.mjs's visit()
await drawn;
await spec.act(page);
const {interactive, resources, paints} = await page.evaluate(() => ({
  interactive: window.__interactive,
  resources: performance.getEntriesByType('resource').map((r) => ({name: r.name.split('/').pop(), start: r.startTime, responseStart: r.responseStart, end: r.responseEnd})),
  paints: performance.getEntriesByType('paint').map((p) => ({name: p.name, at: p.startTime})),
}));
await cdp.send('Tracing.end');
await done;
await browser.close();
await site.close();

// Trace time (µs) → page time (ms), from the document's navigationStart.
const origin = events.find((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'))?.ts;
const ms = (ts) => (ts - origin) / 1000;
console.log(`${route}: interactive at ${interactive.toFixed(0)} ms; ${paints.map((p) => `${p.name} ${p.at.toFixed(0)}`).join(', ')}`);
console.log('\nfiles (ms: request start → first byte → end):');
for (const r of resources.sort((a, b) => a.start - b.start)) console.log(`  ${r.start.toFixed(0).padStart(5)} → ${r.responseStart.toFixed(0).padStart(5)} → ${r.end.toFixed(0).padStart(5)}  ${r.name}`);
// The renderer's main thread: the thread that ran the document's ParseHTML.
const parse = events.find((e) => e.name === 'ParseHTML');
const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
const tasks = main.filter((e) => e.name === 'RunTask' && e.dur > 3000 && ms(e.ts) < interactive + 50);
console.log('\nmain-thread tasks over 3 ms until interactive (start, duration, what inside):');
const interesting = new Set(['EvaluateScript', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseHTML', 'v8.compile', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'ParseAuthorStyleSheet', 'v8.produceModuleCache', 'RunMicrotasks', 'v8.run', 'PrePaint', 'Commit', 'HitTest', 'wasm.CompileLazy', 'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback', 'v8.wasm.finishedStreaming', 'CompileScript', 'ScheduleStyleRecalculation', 'MarkDOMContent', 'MarkLoad']);
for (const task of tasks) {
  const inside = main.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task && interesting.has(e.name));
  const top = inside.filter((e) => !inside.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur && o.dur > e.dur));
  const what = top.map((e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop()}` : ''}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${(e.dur / 1000).toFixed(1)}`).join('; ');
  console.log(`  ${ms(task.ts).toFixed(0).padStart(5)}  ${(task.dur / 1000).toFixed(1).padStart(6)} ms  ${what}`);
}
// Wasm: streaming compile's events on any thread.
for (const e of events.filter((e) => /wasm/i.test(e.name) && (e.ph === 'X' || e.ph === 'B' || e.ph === 'I' || e.ph === 'b' || e.ph === 'e'))) {
  if (ms(e.ts) < interactive + 50) console.log(`  wasm event ${e.name} at ${ms(e.ts).toFixed(0)} ${e.dur ? `(${(e.dur / 1000).toFixed(1)} ms)` : ''} tid ${e.tid}`);
}
