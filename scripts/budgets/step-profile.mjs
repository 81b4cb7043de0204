#!/usr/bin/env node
// Where lesson 2's step at T = 12 spends its time (issue 15): the budget's loop (scripts/budgets.mjs,
// 24 steps back and forth from step 40) under Chrome's tracing, then per step the CPU time of the
// key press's script, of the style and of the layout it forces (medians), with the layout objects
// and the elements restyled. CPU time, not wall time: less sensitive to a busy machine.
// usage: node scripts/budgets/step-profile.mjs [--no-build]
import {launchBrowser, serveSite} from '../../tests/e2e/browser.js';
import {encodeScenario} from '../../web/share.js';
import {rnnScenario} from './rnn-scenario.mjs';
import {median} from './table.mjs';

if (process.argv.includes('--no-build')) process.env.E2E_SKIP_BUILD = '1';
const site = await serveSite();
const browser = await launchBrowser();
const page = await browser.context.newPage();
await page.goto(`${site.url}#/bptt?s=${encodeScenario(rnnScenario)}&step=40`);
await page.reload();
await page.waitForSelector('.stepper .step-title .katex');
const sweep = () => page.evaluate(async () => {
  for (let k = 0; k < 24; k++) {
    document.dispatchEvent(new KeyboardEvent('keydown', {key: k < 12 ? 'ArrowRight' : 'ArrowLeft', bubbles: true}));
    document.body.getBoundingClientRect();
    await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  }
});
await sweep();  // every step drawn once (the math cache warm)
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', ({value}) => events.push(...value));
const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
await cdp.send('Tracing.start', {categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents'});
await sweep();
await cdp.send('Tracing.end');
await complete;

// Each key press, then the style and layout that follow it at once (the budget's forced layout).
const steps = [];
let step = null;
for (const e of events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts)) {
  if (e.name === 'EventDispatch' && e.args?.data?.type === 'keydown') {
    step = {script: e.tdur / 1000, style: 0, layout: 0, restyled: 0, objects: 0, end: e.ts + e.dur};
    steps.push(step);
  } else if (step && (e.name === 'UpdateLayoutTree' || e.name === 'Layout') && e.ts >= step.end && e.ts - step.end < 3000) {
    if (e.name === 'Layout') {
      step.layout += e.tdur / 1000;
      step.objects = e.args.beginData?.totalObjects ?? 0;
    } else {
      step.style += e.tdur / 1000;
      step.restyled += e.args.elementCount ?? 0;
    }
    step.end = e.ts + e.dur;
  } else if (step && e.ts >= step.end) step = null;
}
const of = (key) => median(steps.map((s) => s[key]));
console.log(`lesson 2, T = 12: ${steps.length} steps, CPU ms per step (medians): script ${of('script').toFixed(2)}, style ${of('style').toFixed(2)}, layout ${of('layout').toFixed(2)}`);
console.log(`elements restyled ${of('restyled')}, layout objects ${of('objects')}, DOM elements ${await page.evaluate(() => document.getElementsByTagName('*').length)}`);
await browser.close();
await site.close();
