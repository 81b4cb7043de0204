#!/usr/bin/env node
// Two built sites' first visits (scripts/budgets/first-visit.mjs), interleaved run by run on the
// same machine so that its load touches both alike: the medians of time to interactive and what
// each transfers, gzip, per route.
// usage: node scripts/budgets/compare-builds.mjs <before-dist> <after-dist> [--runs N] [--route #/mlp] [--viewport 390x844] [--files]
import {VISITS, serveBuilt, visit} from './first-visit.mjs';
import {median} from './table.mjs';

const [before, after] = process.argv.slice(2, 4);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const routeArg = process.argv.indexOf('--route');  // one route only
const viewportArg = process.argv.indexOf('--viewport');  // a phone's, say; the browser's default otherwise
const [width, height] = viewportArg > 0 ? process.argv[viewportArg + 1].split('x').map(Number) : [];
const viewport = width && height ? {width, height} : null;
const kb = (bytes) => (bytes / 1024).toFixed(1);

const sites = {before: await serveBuilt(before), after: await serveBuilt(after)};
for (const spec of VISITS.filter(({route, viewport}) => !viewport && (routeArg < 0 || route === process.argv[routeArg + 1]))) {
  const times = {before: [], after: []};
  const files = {};
  for (let run = 0; run < RUNS; run++) {
    for (const name of run % 2 ? ['after', 'before'] : ['before', 'after']) {
      const result = await visit(sites[name], spec, viewport);
      times[name].push(result.interactive);
      files[name] ??= result.files;
    }
  }
  for (const name of ['before', 'after']) {
    const total = files[name].reduce((sum, f) => sum + f.size, 0);
    console.log(`${spec.route} ${name}: interactive median ${median(times[name]).toFixed(0)} ms (${times[name].map((t) => t.toFixed(0)).join(', ')}), ${kb(total)} KB gzip in ${files[name].length} files`);
    if (process.argv.includes('--files')) console.log(`  ${files[name].map((f) => `${f.name} ${kb(f.size)}`).join(', ')}`);
  }
}
await Promise.all(Object.values(sites).map((site) => site.close()));
