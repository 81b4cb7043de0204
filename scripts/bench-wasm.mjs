#!/usr/bin/env node
// The WebAssembly core against the native core, and against a Playground-style JavaScript engine,
// measured in one run so that every ratio compares figures taken under the same load:
// 1. in process, after warm-up, three workloads (scripts/bench/workloads.mjs): the lesson loop,
//    the Playground-sized step and a lab-5 epoch. Each round spawns build/core_bench on the very
//    same scenarios (--step_scenario, Google Benchmark's CPU time) and then times the wasm
//    Trainer.run() in this process (CPU time of the process); rounds alternate, medians are shown;
// 2. the Playground-sized step against a scalar engine written the way TensorFlow Playground's
//    works (scripts/bench/playground-nn.mjs), alternated in this process, checked first to train
//    the same numbers;
// 3. the command-line tools, whole processes: bin/backprop.mjs on Node against build/backprop.
// usage: node scripts/bench-wasm.mjs [--rounds N] [--cli-runs N]
//        (needs build/core_bench and build/backprop: `npm run bench`; web/core/core.wasm)
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {spawnSync} from 'node:child_process';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {loadCore} from '../web/core/core.js';
import {buildNetwork, playgroundTrainer} from './bench/playground-nn.mjs';
import {workloads} from './bench/workloads.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = (p) => `${root}${p}`;
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  const n = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(Number.isInteger(n) && n >= 1)) throw new Error(`${name}: a whole number ≥ 1`);
  return n;
};
const rounds = arg('--rounds', 7);
const cliRuns = arg('--cli-runs', 11);

for (const [file, how] of [['build/backprop', 'npm run bench (or cmake --build build)'],
  ['build/core_bench', 'npm run bench (or cmake --build build --target core_bench)'],
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
const wallMs = () => Number(process.hrtime.bigint()) / 1e6;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadAtStart = load();

const core = await loadCore({wasmBinary: await readFile(path('web/core/core.wasm'))});
const list = await workloads(core, root);

// ---- 1. In process: native (core_bench) and wasm, alternating rounds ----------------------------
const dir = mkdtempSync(join(tmpdir(), 'bench-wasm-'));
const files = list.map((w) => {
  const file = join(dir, `${w.name}.json`);
  writeFileSync(file, JSON.stringify(w.scenario));
  return file;
});

function nativeRound() {
  const r = spawnSync(path('build/core_bench'), [
    ...list.map((w, i) => `--step_scenario=${w.name}=${files[i]}`),
    '--benchmark_filter=^BM_StepFile/', '--benchmark_min_time=0.2', '--benchmark_format=json'],
  {encoding: 'utf8'});
  if (r.status !== 0) throw new Error(`core_bench: exit ${r.status}\n${r.stderr}`);
  // Its JSON may hold NaN or inf for counters.
  const json = JSON.parse(r.stdout.replace(/:\s*-?(nan|inf\w*)\b/gi, ': null'));
  const unit = {ns: 1e-6, us: 1e-3, ms: 1};
  const out = {};
  for (const b of json.benchmarks) out[b.run_name.replace('BM_StepFile/', '')] = b.cpu_time * unit[b.time_unit];
  return out;  // ms per step
}

// CPU ms per step of `step(n)` (n steps per call), over calls adding up to about `budgetMs`.
function timeSteps(step, n, budgetMs) {
  let steps = 0;
  const t0 = cpuMs();
  let t1 = t0;
  while (t1 - t0 < budgetMs) {
    step(n);
    steps += n;
    t1 = cpuMs();
  }
  return (t1 - t0) / steps;
}

const trainers = list.map((w) => core.trainer(w.scenario));
const runner = (trainer) => (n) => {
  if (trainer.run(n).length !== n) throw new Error('the trainer stopped early');
};
// Calls of a few milliseconds (the labs' jobs call for about 6 ms); the losses of a call are copied
// out, as the jobs do. The warm-up lets every function reach V8's optimizing tier first.
const perCall = list.map((w) => ({lesson: 5000, playground: 500}[w.name] ?? 50 * w.steps));
list.forEach((w, i) => timeSteps(runner(trainers[i]), perCall[i], 500));
const native = Object.fromEntries(list.map((w) => [w.name, []]));
const wasm = Object.fromEntries(list.map((w) => [w.name, []]));
for (let r = 0; r < rounds; ++r) {
  const n = nativeRound();
  list.forEach((w, i) => {
    native[w.name].push(n[w.name] * w.steps);
    wasm[w.name].push(timeSteps(runner(trainers[i]), perCall[i], 200) * w.steps);
  });
}
rmSync(dir, {recursive: true});

// ---- 2. The Playground-sized step against a Playground-style JavaScript engine ------------------
const pg = list.find((w) => w.name === 'playground');
const pgTrainer = core.trainer(pg.scenario);
const network = buildNetwork(pg.scenario.model.layers, pgTrainer.parameters());
const js = playgroundTrainer(network, pg.scenario.data.inputs, pg.scenario.data.targets,
  {batch: pg.scenario.train.batch_size, lr: 2 * pg.scenario.optimizer.lr});
// The same training: each step's loss before its update agrees to 1e-9 over two epochs.
for (let i = 0; i < 50; ++i) {
  const ours = pgTrainer.run(1)[0], theirs = js.step();
  if (!(Math.abs(ours - theirs) <= 1e-9 * Math.abs(ours))) {
    throw new Error(`the Playground-style engine differs from the core at step ${i + 1}: ${theirs} vs ${ours}`);
  }
}
const jsStep = (n) => {
  for (let i = 0; i < n; ++i) js.step();
};
const pgRun = runner(pgTrainer);
timeSteps(jsStep, 500, 500), timeSteps(pgRun, 500, 500);
const jsTimes = [], pgTimes = [];
for (let r = 0; r < 2 * rounds + 1; ++r) {
  pgTimes.push(timeSteps(pgRun, 500, 100));
  jsTimes.push(timeSteps(jsStep, 500, 100));
}
pgTrainer.delete();
trainers.forEach((t) => t.delete());

// ---- 3. The command-line tools, whole processes -------------------------------------------------
// `fly FILE` (an unknown verb, refused after the file is read) is each tool's fixed cost: start,
// load, read the scenario; the loop's own cost is the median of train − fly, each pair back to back.
const scenarioFile = 'examples/lesson-pytorch.json';
const tools = {native: [path('build/backprop')], wasm: [process.execPath, path('bin/backprop.mjs')]};
function wall([command, ...pre], args, status) {
  const t0 = wallMs();
  const r = spawnSync(command, [...pre, ...args], {cwd: root, encoding: 'utf8', maxBuffer: 1 << 26});
  const t1 = wallMs();
  if (r.error) throw r.error;
  if (r.status !== status) throw new Error(`${command} ${args.join(' ')}: exit ${r.status}`);
  return {ms: t1 - t0, stdout: r.stdout};
}
const times = {native: {train: [], fixed: [], loop: []}, wasm: {train: [], fixed: [], loop: []}};
const outputs = {};
for (let i = 0; i < cliRuns + 2; ++i) {
  for (const [name, tool] of Object.entries(tools)) {
    const train = wall(tool, ['train', scenarioFile], 0);
    const fixed = wall(tool, ['fly', scenarioFile], 1);
    outputs[name] = train.stdout;
    if (i < 2) continue;  // warm the file cache
    times[name].train.push(train.ms);
    times[name].fixed.push(fixed.ms);
    times[name].loop.push(train.ms - fixed.ms);
  }
}
if (outputs.native !== outputs.wasm) throw new Error(`train ${scenarioFile}: the tools' outputs differ`);

// ---- The report ---------------------------------------------------------------------------------
const f = (ms) => (Math.abs(ms) < 0.01 ? `${(ms * 1e6).toFixed(0)} ns` : Math.abs(ms) < 1 ? `${(ms * 1e3).toFixed(2)} µs` : `${ms.toFixed(2)} ms`);
const x = (a, b) => `${(a / b).toFixed(2)}×`;
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}
console.log(`Node ${process.version}, ${availableParallelism()} CPUs; load average ${loadAtStart} at the start, ` +
  `${load()} at the end\n`);
console.log(`1. In process after warm-up: CPU time, median of ${rounds} alternating rounds (native: core_bench ` +
  'BM_StepFile on the same scenario)\n');
table([['workload', 'per', 'native', 'wasm', 'wasm/native', 'median of the rounds\' ratios', 'target'],
  ...list.map((w) => {
    const n = median(native[w.name]), m = median(wasm[w.name]);
    const perRound = median(wasm[w.name].map((v, i) => v / native[w.name][i]));
    return [w.what, w.unit, f(n), f(m), x(m, n), x(perRound, 1), m <= 1.2 * n ? '≤ 1.2× met' : '≤ 1.2× not met'];
  })]);
console.log(`\n2. The Playground-sized step, our wasm against a Playground-style JS engine (same process, ` +
  `same numbers checked), CPU time, median of ${jsTimes.length} alternating rounds\n`);
table([['', 'JS engine', 'our wasm', 'wasm/JS'],
  ['one step (10 samples)', f(median(jsTimes)), f(median(pgTimes)), x(median(pgTimes), median(jsTimes))]]);
console.log(`\n3. Command-line tools on ${scenarioFile} (10,000 steps), wall time, median of ${cliRuns} runs\n`);
table([['', 'native', 'wasm', 'wasm/native'],
  ...[['train, whole process', 'train'], ['fixed cost (fly FILE: start, load, read)', 'fixed'],
    ['train minus fixed cost (median of the differences)', 'loop']].map(([what, k]) => {
    const n = median(times.native[k]), m = median(times.wasm[k]);
    return [what, f(n), f(m), x(m, n)];
  })]);
