// For tests/web/export-pytorch.test.js: running exported scripts with Debian's Python and torch,
// reading back what they print, and seeded random scenarios of every kind the core accepts.
import {execFile} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {generator} from '../../web/labs/shared/random.js';

export const python = '/usr/bin/python3';

const dir = mkdtempSync(join(tmpdir(), 'export-pytorch-'));
let files = 0;

function runPython(args, input = '') {
  return new Promise((resolve) => {
    const child = execFile(python, args, {encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000},
      (error, stdout, stderr) => resolve({status: error ? error.code ?? 1 : 0, stdout, stderr}));
    child.stdin.end(input);
  });
}

// One script, standalone: its own python process. {status, stdout, stderr}.
export function runScript(script) {
  const path = join(dir, `script-${files++}.py`);
  writeFileSync(path, script);
  return runPython([path]);
}

// Several scripts in one python process (torch imported once), each exec'd in fresh globals
// with its output captured: [{ok, stdout, error}] in order.
const RUNNER = `
import contextlib, io, json, sys, traceback
out = []
for path in json.load(sys.stdin):
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(open(path, encoding="utf-8").read(), path, "exec"), {"__name__": "__main__"})
        out.append({"ok": True, "stdout": buf.getvalue(), "error": ""})
    except Exception:
        out.append({"ok": False, "stdout": buf.getvalue(), "error": traceback.format_exc()})
print(json.dumps(out))
`;

export async function runScripts(scripts, processes = 2) {
  const paths = scripts.map((s) => {
    const path = join(dir, `script-${files++}.py`);
    writeFileSync(path, s);
    return path;
  });
  const groups = Array.from({length: processes}, (_, k) => paths.map((p, i) => [p, i]).filter(([, i]) => i % processes === k));
  const results = new Array(scripts.length);
  await Promise.all(groups.map(async (group) => {
    if (!group.length) return;
    const run = await runPython(['-c', RUNNER], JSON.stringify(group.map(([p]) => p)));
    if (run.status !== 0) throw new Error(`python runner failed: ${run.stderr}`);
    JSON.parse(run.stdout).forEach((r, j) => { results[group[j][1]] = r; });
  }));
  return results;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What a script printed: sections ("## heading") of {values: {name: number | list}, losses:
// [[step, loss]]}, keyed by heading; `T` the language's strings (the loss row's words).
export function parseOutput(text, T) {
  const [a, b] = ['\u0001', '\u0002'];
  const row = new RegExp(`^${escape(T.printed.lossRow(a, b)).replace(a, '(\\d+)').replace(b, '(\\S+)')}$`);
  const sections = {};
  let current = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      current = {values: {}, losses: []};
      sections[line.slice(3)] = current;
      continue;
    }
    if (!current) continue;
    const loss = row.exec(line);
    if (loss) {
      current.losses.push([Number(loss[1]), Number(loss[2])]);
      continue;
    }
    const value = /^(.+?) = (.+)$/.exec(line);
    if (value) current.values[value[1]] = JSON.parse(value[2]);
  }
  return sections;
}

// ---------------------------------------------------------------- random scenarios

const pick = (r, list) => list[Math.floor(r() * list.length)];
const between = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const uniform = (r, lo, hi) => lo + (hi - lo) * r();
const matrix = (r, rows, cols, lo = -1, hi = 1) => Array.from({length: rows}, () => Array.from({length: cols}, () => uniform(r, lo, hi)));

function targetRow(r, act, n) {
  if (act === 'softmax') {
    const k = between(r, 0, n - 1);
    return Array.from({length: n}, (_, i) => (i === k ? 1 : 0));
  }
  if (act === 'sigmoid') return Array.from({length: n}, () => uniform(r, 0, 1));
  return Array.from({length: n}, () => uniform(r, -1, 1));
}

function optimizer(r) {
  const kind = pick(r, ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad', 'adadelta', 'adamax']);
  const ub = r() < 0.8;
  switch (kind) {
    case 'sgd': return {kind: 'sgd', lr: uniform(r, 0.05, 0.5), update_biases: ub};
    case 'momentum': return {kind: 'sgd', lr: uniform(r, 0.02, 0.2), momentum: pick(r, [0.5, 0.9]), update_biases: ub};
    case 'adam': return {kind: 'adam', lr: uniform(r, 0.005, 0.05), ...(r() < 0.5 ? {beta1: 0.8, beta2: 0.99, eps: 1e-7} : {}), update_biases: ub};
    case 'rmsprop': return {kind: 'rmsprop', lr: uniform(r, 0.002, 0.02), ...(r() < 0.5 ? {rho: 0.9, eps: 1e-6} : {}), update_biases: ub};
    case 'adagrad': return {kind: 'adagrad', lr: uniform(r, 0.02, 0.2), ...(r() < 0.5 ? {lr_decay: 0.05, initial_accumulator_value: 0.1, eps: 1e-8} : {}), update_biases: ub};
    case 'adadelta': return {kind: 'adadelta', lr: uniform(r, 0.5, 1), ...(r() < 0.5 ? {rho: 0.8, eps: 1e-5} : {}), update_biases: ub};
    default: return {kind: 'adamax', lr: uniform(r, 0.005, 0.05), ...(r() < 0.5 ? {beta1: 0.8, beta2: 0.99, eps: 1e-7} : {}), update_biases: ub};
  }
}

function regularization(r) {
  return {l1: r() < 0.3 ? uniform(r, 0.001, 0.02) : 0, l2: r() < 0.3 ? uniform(r, 0.001, 0.05) : 0};
}

function train(r, items, {batchNorm = false, validation = false} = {}) {
  let batch = r() < 0.4 ? null : between(r, 1, items);
  // batch norm refuses a batch (or a last slice) of one row
  if (batchNorm && batch !== null && (batch < 2 || items % batch === 1)) batch = null;
  const t = {steps: between(r, 1, 40), record_every: between(r, 1, 5), batch_size: batch, shuffle: batch !== null && r() < 0.6,
    seed: between(r, 0, 2 ** 31)};
  if (validation && r() < 0.3) t.early_stopping = {patience: between(r, 1, 3)};
  return t;
}

const init = (r) => ({scheme: pick(r, ['uniform', 'xavier_uniform', 'he_uniform', 'pytorch_default']), scale: uniform(r, 0.1, 0.8), seed: between(r, 0, 2 ** 31)});

function mlpScenario(r) {
  const depth = between(r, 1, 3);
  const layers = [between(r, 1, 4), ...Array.from({length: depth}, () => between(r, 1, 5)), between(r, 1, 4)];
  const hidden = Array.from({length: depth}, () => pick(r, ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear']));
  const out = pick(r, ['sigmoid', 'tanh', 'linear', 'softmax', 'leaky_relu']);
  const loss = out === 'softmax' && r() < 0.7 ? 'cross_entropy' : pick(r, ['half_sse', 'mse']);
  const B = between(r, 2, 8);
  const batchNorm = hidden.map(() => r() < 0.3);
  // A linear hidden layer right before a batch-norm layer: its bias shifts every row of the next
  // z alike and cancels in z − μ_B, so its gradient is 0 in exact arithmetic and rounding noise
  // (~1e-17) in the core and in PyTorch alike, different noise, which adaptive optimizers turn
  // into steps of about lr. Not drawn here; tests/web/export-pytorch.test.js shows that case.
  hidden.forEach((act, i) => { if (act === 'linear' && batchNorm[i + 1]) hidden[i] = 'tanh'; });
  const dropout = hidden.map(() => (r() < 0.3 ? pick(r, [0.2, 0.5]) : 0));
  const model = {kind: 'mlp', layers, activations: [...hidden, out], loss};
  if (batchNorm.some(Boolean)) model.batch_norm = batchNorm;
  if (dropout.some((p) => p > 0)) {
    model.dropout = dropout;
    const masks = {};
    dropout.forEach((p, i) => {
      if (p > 0 && r() < 0.5) masks[i + 1] = Array.from({length: B}, () => Array.from({length: layers[i + 1]}, () => (r() >= p ? 1 : 0)));
    });
    if (Object.keys(masks).length) model.dropout_masks = masks;
  }
  const data = {inputs: matrix(r, B, layers[0]), targets: Array.from({length: B}, () => targetRow(r, out, layers.at(-1)))};
  const validation = r() < 0.5;
  if (validation) {
    const V = between(r, 1, 3);
    data.validation = {inputs: matrix(r, V, layers[0]), targets: Array.from({length: V}, () => targetRow(r, out, layers.at(-1)))};
  }
  return {model, init: init(r), data, optimizer: optimizer(r), regularization: regularization(r),
    train: train(r, B, {batchNorm: batchNorm.some(Boolean), validation}), iteration: between(r, 1, 3)};
}

function rnnScenario(r) {
  const [I, H, O] = [between(r, 1, 4), between(r, 1, 4), between(r, 1, 4)];
  const g = pick(r, ['sigmoid', 'tanh', 'linear', 'softmax', 'relu']);
  const model = {kind: 'rnn', input_size: I, hidden_size: H, output_size: O,
    hidden_activation: pick(r, ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear']), output_activation: g,
    loss: g === 'softmax' && r() < 0.7 ? 'cross_entropy' : 'half_sse', bias: r() < 0.5};
  const sequence = () => {
    const T = between(r, 1, 5);
    const targets = Array.from({length: T}, () => (r() < 0.15 ? null : targetRow(r, g, O)));
    if (targets.every((t) => t === null)) targets[T - 1] = targetRow(r, g, O);
    return {inputs: matrix(r, T, I), targets};
  };
  const count = between(r, 1, 4);
  const data = {sequences: Array.from({length: count}, sequence)};
  const validation = r() < 0.4;
  if (validation) data.validation = {sequences: Array.from({length: between(r, 1, 2)}, sequence)};
  const scenario = {model, init: init(r), data, optimizer: optimizer(r), regularization: regularization(r),
    train: train(r, count, {validation}), iteration: between(r, 1, 3)};
  if (r() < 0.5) scenario.parameters = {h0: Array.from({length: H}, () => uniform(r, -0.5, 0.5))};
  return scenario;
}

// A random scenario from a seed: an MLP three times in five, else an RNN.
export function randomScenario(seed) {
  const r = generator(seed);
  return r() < 0.6 ? mlpScenario(r) : rnnScenario(r);
}
