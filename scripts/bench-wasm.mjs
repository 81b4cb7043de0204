#!/usr/bin/env node
// The lesson's PyTorch loop (examples/lesson-pytorch.json: 2-2-2 sigmoid, MSE, SGD 0.5, 10,000
// steps) through the WebAssembly core and through the native core: in process, and as command
// line tools (bin/backprop.mjs on Node against build/backprop), median of N runs each.
// usage: node scripts/bench-wasm.mjs [--runs N]          (needs build/backprop and web/core/core.wasm;
//        build/core_bench, from `npm run bench`, adds the native in-process figures)
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {spawnSync} from 'node:child_process';
import {availableParallelism, loadavg} from 'node:os';
import {fileURLToPath} from 'node:url';
import {loadCore} from '../web/core/core.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = (p) => `${root}${p}`;
const scenarioFile = 'examples/lesson-pytorch.json';
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;
if (!(runs >= 1)) throw new Error('--runs: a positive number');

for (const [file, how] of [['build/backprop', 'build the native tool (npm test, or cmake --build build)'],
  ['web/core/core.wasm', 'run scripts/build-wasm.sh']]) {
  if (!existsSync(path(file))) {
    console.error(`bench-wasm: ${file} is missing: ${how}`);
    process.exit(1);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

// In process: the wasm core under this Node.
const core = await loadCore({wasmBinary: await readFile(path('web/core/core.wasm'))});
const text = await readFile(path(scenarioFile), 'utf8');
const steps = JSON.parse(text).train.steps;

function timeTrainer() {
  const trainer = core.trainer(text);
  try {
    const t0 = now();
    const losses = trainer.run(steps);
    const t1 = now();
    if (losses.length !== steps) throw new Error('the trainer stopped early');
    return t1 - t0;
  } finally {
    trainer.delete();
  }
}
function timeTrain() {
  const t0 = now();
  core.train(text);
  return now() - t0;
}
for (let i = 0; i < 5; ++i) timeTrainer(), timeTrain(); // let the engine's optimizing tier in
const wasmRun = median(Array.from({length: runs}, timeTrainer));
const wasmTrain = median(Array.from({length: runs}, timeTrain));

// In process, native: Google Benchmark's figures for the same loop, when built.
let nativeStep = null;
let nativeTrain = null;
if (existsSync(path('build/core_bench'))) {
  const r = spawnSync(path('build/core_bench'), [
    '--benchmark_filter=^(BM_Step_TorchLoop_2_2_2|BM_Train_TorchLoop_10000/record_every:1000)$',
    '--benchmark_repetitions=5', '--benchmark_report_aggregates_only=true', '--benchmark_format=json'],
  {encoding: 'utf8'});
  if (r.status === 0) {
    const unit = {ns: 1e-6, us: 1e-3, ms: 1};
    // Its JSON may hold NaN or inf for counters of aggregates.
    const json = JSON.parse(r.stdout.replace(/:\s*-?(nan|inf\w*)\b/gi, ': null'));
    for (const b of json.benchmarks.filter((b) => b.aggregate_name === 'median')) {
      const ms = b.real_time * unit[b.time_unit];
      if (b.run_name === 'BM_Step_TorchLoop_2_2_2') nativeStep = ms;
      else nativeTrain = ms;
    }
  }
}

// The command line tools, run alternately; `fly FILE` (an unknown verb, refused after the file is
// read) is each tool's fixed cost: start, load, read the scenario. The loop's own cost is the
// median of train − fly over the runs (each pair run back to back).
const tools = {
  native: [path('build/backprop')],
  wasm: [process.execPath, path('bin/backprop.mjs')],
};
function wall([command, ...pre], args, status) {
  const t0 = now();
  const r = spawnSync(command, [...pre, ...args], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 26});
  const t1 = now();
  if (r.error) throw r.error;
  if (r.status !== status) throw new Error(`${command} ${args.join(' ')}: exit ${r.status}`);
  return {ms: t1 - t0, stdout: r.stdout};
}
const times = {native: {train: [], fixed: [], loop: []}, wasm: {train: [], fixed: [], loop: []}};
const outputs = {};
for (let i = 0; i < runs + 2; ++i) {
  for (const [name, tool] of Object.entries(tools)) {
    const train = wall(tool, ['train', scenarioFile], 0);
    const fixed = wall(tool, ['fly', scenarioFile], 1);
    outputs[name] = train.stdout;
    if (i < 2) continue; // warm the file cache and the disk
    times[name].train.push(train.ms);
    times[name].fixed.push(fixed.ms);
    times[name].loop.push(train.ms - fixed.ms);
  }
}
if (outputs.native !== outputs.wasm) throw new Error(`train ${scenarioFile}: the tools' outputs differ`);
const cli = {};
for (const what of ['train', 'fixed', 'loop']) cli[what] = {native: median(times.native[what]), wasm: median(times.wasm[what])};

// The table.
const f = (ms) => (ms === null ? 'n/a' : ms < 0.01 ? `${(ms * 1e6).toFixed(0)} ns` : ms < 1 ? `${(ms * 1e3).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const ratio = (w, n) => (w === null || n === null ? 'n/a' : `${(w / n).toFixed(2)}×`);
const rows = [
  ['one step, in process', nativeStep, wasmRun / steps,
    'core_bench BM_Step_TorchLoop_2_2_2 | Core.trainer().run(10000) / 10000'],
  [`train(), ${steps} steps, in process`, nativeTrain, wasmTrain,
    'core_bench BM_Train_TorchLoop_10000/1000 (no JSON) | Core.train() (JSON in and out)'],
  [`CLI train ${scenarioFile}`, cli.train.native, cli.train.wasm, 'wall time of the process'],
  ['CLI fixed cost (fly FILE)', cli.fixed.native, cli.fixed.wasm, 'start, load, read; refused verb'],
  ['CLI train minus fixed cost', cli.loop.native, cli.loop.wasm,
    'the loop itself: parse, 10,000 steps, JSON out (median of the differences)'],
];
console.log(`The lesson's PyTorch loop (${scenarioFile}), median of ${runs} runs; Node ${process.version}; ` +
  `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${availableParallelism()} CPUs\n`);
const table = [['', 'native', 'wasm', 'wasm/native', 'how'], ...rows.map(([what, n, w, how]) => [what, f(n), f(w), ratio(w, n), how])];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((c, j) => (j === 0 || j === 4 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const verdict = (what, w, n) =>
  console.log(`  ${what}: ${ratio(w, n)} ${n === null ? '' : w <= 2 * n ? '(within 2×)' : '(over 2×)'}`);
console.log('\nBudget: wasm at most 2× native for the lesson loop');
verdict('per step, in process', wasmRun / steps, nativeStep);
verdict('train(), in process', wasmTrain, nativeTrain);
verdict('CLI, whole process', cli.train.wasm, cli.train.native);
