// Shared by the vitest files: paths, loading the wasm core, running the native tool, the
// scenarios to compare, and the comparison rules.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {execFile, spawnSync} from 'node:child_process';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import {join} from 'node:path';
import {loadCore} from '../../web/core/core.js';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const nativeCli = join(root, 'build/backprop');
export const nodeCli = join(root, 'bin/backprop.mjs');
export const wasmPath = join(root, 'web/core/core.wasm');

function requireFile(path, how) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${how}`);
}

export function requireNative() {
  requireFile(nativeCli, 'build the native tool first (scripts/test.sh does; or ' +
    'cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build --target backprop)');
}

export async function loadWasmCore() {
  requireFile(wasmPath, 'run scripts/build-wasm.sh first');
  return loadCore({wasmBinary: await readFile(wasmPath)});
}

// Runs a command line tool: {status, stdout, stderr} (text). No input is /dev/null, the end of the
// input at once, rather than a pipe to be closed (one such run once waited for its end for 11
// minutes on a busy machine); the timeout turns any hang into a failure that says so.
export function run(command, args, input = '') {
  const result = spawnSync(command, args, {cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 600_000,
    ...(input.length ? {input} : {stdio: ['ignore', 'pipe', 'pipe']})});
  if (result.error) throw result.error;
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

export const runNative = (args, input) => run(nativeCli, args, input);

function runAsync(command, args, input) {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, {cwd: root, encoding: 'utf8', maxBuffer: 1 << 30}, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({status: error ? error.code : 0, stdout, stderr});
    });
    child.stdin.end(input);
  });
}

// Runs the native tool on many [args, input] jobs, a few at a time; results in order.
export async function runNativeMany(jobs) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runAsync(nativeCli, ...jobs[i]);
    }
  };
  await Promise.all(Array.from({length: availableParallelism()}, worker));
  return results;
}
export const runNode = (args, input) => run(process.execPath, [nodeCli, ...args], input);

export const readJson = (relative) => JSON.parse(readFileSync(join(root, relative), 'utf8'));

// Every PyTorch reference case: {file, name, command, scenario, expected}.
export function fixtureCases() {
  const dir = 'tests/fixtures/pytorch';
  return readdirSync(join(root, dir)).filter((f) => f.endsWith('.json')).sort()
    .flatMap((file) => readJson(`${dir}/${file}`).cases.map((c) => ({file, ...c})));
}

// The scenarios compared between the native tool and wasm: every fixture's and every example.
export function allScenarios() {
  const fixtures = fixtureCases().map((c) => ({name: `${c.file}:${c.name}`, text: JSON.stringify(c.scenario)}));
  const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({name: `examples/${f}`, text: readFileSync(join(root, 'examples', f), 'utf8')}));
  return [...fixtures, ...examples];
}

// PyTorch rule (tests/tools/check_fixtures.py): every number of `expected` within 1e-9 relative
// of `got`, relative to |expected| with a floor of 1e-12. Returns the mismatches.
export function fixtureMismatches(expected, got, path = '', out = []) {
  if (typeof expected === 'number') {
    const err = typeof got === 'number' ? Math.abs(expected - got) / Math.max(Math.abs(expected), 1e-12) : Infinity;
    if (!(err <= 1e-9)) out.push(`${path}: expected ${expected}, got ${got}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) out.push(`${path}: length ${got?.length} != ${expected.length}`);
    else expected.forEach((e, i) => fixtureMismatches(e, got[i], `${path}[${i}]`, out));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      if (got === null || typeof got !== 'object' || !(key in got)) out.push(`${path}.${key}: missing`);
      else fixtureMismatches(value, got[key], `${path}.${key}`, out);
    }
  } else if (expected !== got) {
    out.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
  }
  return out;
}

const TOL = 1e-12;
const FLOOR = 1e-300;

function maxAbs(value) {
  if (typeof value === 'number') return Math.abs(value);
  if (value !== null && typeof value === 'object') {
    let m = 0;
    for (const v of Object.values(value)) m = Math.max(m, maxAbs(v));
    return m;
  }
  return 0;
}

// Native against wasm: the same keys, lengths and non-numbers, and every number a, b with
// |a − b| ≤ 1e-12·max(|a|, |b|, S) + 1e-300, where S is the largest magnitude under the same
// named field (a whole matrix or vector). The two builds' libm differ by an ulp (glibc and
// musl), so an entry that is a small sum of larger terms (a cancellation, e.g. s = V h + c near
// 0) can differ by more than 1e-12 of itself while staying within 1e-12 of its matrix. The
// losses of `train` are compared one by one (S = 0): they are sums of non-negative terms.
export function resultMismatches(a, b, path = '', scale = 0, out = []) {
  if (typeof a === 'number') {
    const ok = typeof b === 'number' && Math.abs(a - b) <= TOL * Math.max(Math.abs(a), Math.abs(b), scale) + FLOOR;
    if (!ok) out.push(`${path}: native ${a}, wasm ${b}`);
  } else if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) out.push(`${path}: length ${a.length} != ${b?.length}`);
    else a.forEach((x, i) => resultMismatches(x, b[i], `${path}[${i}]`, scale, out));
  } else if (a !== null && typeof a === 'object') {
    const keys = Object.keys(a);
    if (b === null || typeof b !== 'object' || Array.isArray(b) || keys.join() !== Object.keys(b).join()) {
      out.push(`${path}: keys ${keys} != ${b && Object.keys(b)}`);
      return out;
    }
    for (const key of keys) {
      const fieldScale = key === 'losses' ? 0 : Math.max(maxAbs(a[key]), maxAbs(b[key]));
      resultMismatches(a[key], b[key], `${path}.${key}`, fieldScale, out);
    }
  } else if (a !== b) {
    out.push(`${path}: native ${JSON.stringify(a)}, wasm ${JSON.stringify(b)}`);
  }
  return out;
}

// Gradient checks, native against wasm. `analytic` and `epsilon` follow resultMismatches.
// `numeric` is (L(w+ε) − L(w−ε)) / 2ε: an ulp of difference in L becomes ulp(L)/ε in it, so it
// gets 1e-12 relative plus 64 ulps of the loss over 2ε (measured: at most 3.4 ulps).
// `relative_error` = |analytic − numeric| / max(|analytic|, |numeric|, 1e-7) then differs by at
// most twice those differences over its denominator, and a `max_relative_error` by the largest
// bound among the entries it is the maximum of.
// `loss` is the scenario's loss at its initial parameters (the native trace's).
export function gradcheckMismatches(a, b, loss) {
  const out = [];
  if (a.epsilon !== b.epsilon) out.push(`.epsilon: native ${a.epsilon}, wasm ${b.epsilon}`);
  const names = Object.keys(a.parameters);
  if (names.join() !== Object.keys(b.parameters).join()) return [...out, `.parameters: keys differ`];
  const numericTol = (64 * Number.EPSILON * Math.abs(loss)) / (2 * a.epsilon);
  const close = (x, y, tol) => Math.abs(x - y) <= TOL * Math.max(Math.abs(x), Math.abs(y)) + tol + FLOOR;
  let worstOverall = 0;
  for (const name of names) {
    const p = a.parameters[name];
    const q = b.parameters[name];
    const path = `.parameters.${name}`;
    if (Object.keys(p).join() !== Object.keys(q).join()) {
      out.push(`${path}: keys differ`);
      continue;
    }
    resultMismatches({analytic: p.analytic}, {analytic: q.analytic}, path, 0, out);
    const flat = (v) => [v].flat(Infinity);
    const [an, nn, rn] = [p.analytic, p.numeric, p.relative_error].map(flat);
    const [aw, nw, rw] = [q.analytic, q.numeric, q.relative_error].map(flat);
    if (nn.length !== an.length || nw.length !== an.length || rn.length !== an.length || rw.length !== an.length) {
      out.push(`${path}: entry counts differ`);
      continue;
    }
    let worst = 0;
    for (let i = 0; i < an.length; ++i) {
      if (!close(nn[i], nw[i], numericTol)) out.push(`${path}.numeric[${i}]: native ${nn[i]}, wasm ${nw[i]}`);
      const scale = Math.max(Math.abs(an[i]), Math.abs(nn[i]));
      const relTol = (2 * (numericTol + TOL * scale)) / Math.max(scale, 1e-7);
      if (!close(rn[i], rw[i], relTol)) out.push(`${path}.relative_error[${i}]: native ${rn[i]}, wasm ${rw[i]}`);
      worst = Math.max(worst, relTol);
    }
    if (!close(p.max_relative_error, q.max_relative_error, worst))
      out.push(`${path}.max_relative_error: native ${p.max_relative_error}, wasm ${q.max_relative_error}`);
    worstOverall = Math.max(worstOverall, worst);
  }
  if (!close(a.max_relative_error, b.max_relative_error, worstOverall))
    out.push(`.max_relative_error: native ${a.max_relative_error}, wasm ${b.max_relative_error}`);
  return out;
}
