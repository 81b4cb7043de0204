// "Exportar a PyTorch" (web/export/pytorch/): for every preset of lessons 1 and 2, 50 seeded
// random scenarios and the default scenarios of labs 1, 3 and 7, the generated script, run by
// Debian's Python with torch, prints the numbers of the wasm core — the trace of the scenario's
// iteration (forward values, δ, gradients, updated parameters and running statistics) and the
// training's loss table, final and validation losses — to 1e-9 relative (floor 1e-12, the
// fixtures' rule: tests/web/support.js). The notebook is valid nbformat 4 whose code cells are
// the script's. What cannot agree is shown as such, not left out.
import {existsSync} from 'node:fs';
import {beforeAll, describe, expect, test} from 'vitest';
import {fixtureMismatches, loadWasmCore} from './support.js';
import {parseOutput, python, randomScenario, runScript, runScripts} from './export-support.js';
import {exportInputs} from '../../web/export/pytorch/from-core.js';
import {pytorchExport, notebookText} from '../../web/export/pytorch/index.js';
import {presets as mlpPresets} from '../../web/lessons/mlp/presets.js';
import {presets as bpttPresets} from '../../web/lessons/bptt/presets.js';
import {exportText as es, pytorchExport as esControl} from '../../web/strings/export.js';
import {exportText as en, pytorchExport as enControl} from '../../web/strings/en/export.js';
import {readParams} from '../../web/forms/settings.js';
import {classificationFields} from '../../web/labs/shared/plane-settings.js';
import {regularizationFields} from '../../web/labs/regularizacion/settings.js';
import * as plane from '../../web/labs/shared/plane-scenario.js';
import {dataFields, trainFields} from '../../web/labs/shared/sequence-settings.js';
import * as sequence from '../../web/labs/shared/sequence-scenario.js';

const RANDOM = 50;
const PRESETS = Object.keys(mlpPresets).length + Object.keys(bpttPresets).length;
const LABS = 3;
const TOTAL = PRESETS + RANDOM + LABS;
const HANG = 900_000;  // a guard against hangs only: 57 pythons with torch on a busy machine

let core;
const cases = [];     // {name, scenario, trace, result, exported, output?}
let worst = {error: 0, where: ''};
let refused = [];

function relative(expected, got) {
  return Math.abs(expected - got) / Math.max(Math.abs(expected), 1e-12);
}

function track(name, expected, got, path = '') {
  if (typeof expected === 'number' && typeof got === 'number') {
    const e = relative(expected, got);
    if (e > worst.error) worst = {error: e, where: `${name}${path}`};
  } else if (Array.isArray(expected) && Array.isArray(got)) {
    expected.forEach((x, i) => track(name, x, got[i], `${path}[${i}]`));
  }
}

function prepare(name, scenario) {
  const inputs = exportInputs(core, scenario);
  const exported = pytorchExport(inputs.scenario, inputs.initial, {batchNorm: inputs.batchNorm});
  return {name, scenario: inputs.scenario, trace: core.trace(inputs.scenario), result: core.train(inputs.scenario), exported};
}

// What the script must have printed, by section, from the core's trace and result.
function expectedOf(c) {
  const {scenario: sc, trace, result} = c;
  const H = es.headings;
  const backward = {};
  if (sc.model.kind === 'mlp') {
    const L = sc.model.layers.length - 1;
    for (let l = L; l >= 1; --l) {
      for (const k of ['delta', 'dW', 'db', 'dgamma', 'dbeta']) if (`${k}${l}` in trace.backward) backward[`${k}${l}`] = trace.backward[`${k}${l}`];
    }
  } else {
    for (const k of ['dU', 'dV', 'dW', 'db', 'dc', 'dh0']) if (k in trace.backward) backward[k] = trace.backward[k];
  }
  // Early stopping restores the best evaluation's parameters; docs/scenario.md promises the final
  // and validation losses of `train` with steps = best_step + 1. With batch norm the core restores
  // the parameters but not the running statistics (trainer.cpp), so its own final_loss and
  // validation_loss differ from that promise; the script restores both (state_dict), as promised.
  const best = result.early_stopping?.best_step;
  const promised = sc.model.batch_norm?.some(Boolean) && best !== null && best !== undefined
    ? core.train({...sc, train: {...sc.train, early_stopping: undefined, steps: best + 1}}) : result;
  const training = {[es.printed.finalLoss]: promised.final_loss};
  if ('validation_loss' in result) training[es.printed.validationLoss] = promised.validation_loss;
  return {
    [H.forward]: {...trace.forward, L: trace.loss},
    [H.backward]: backward,
    [H.update]: {...trace.updated, ...(trace.buffers?.after ?? {})},
    [H.training]: training,
    losses: result.losses,
  };
}

function check(c, stdout, {measure = true} = {}) {
  const printed = parseOutput(stdout, es);
  const expected = expectedOf(c);
  const mismatches = [];
  for (const section of [es.headings.forward, es.headings.backward, es.headings.update, es.headings.training]) {
    const got = printed[section];
    if (!got) {
      mismatches.push(`section ${section} missing`);
      continue;
    }
    const values = {...got.values};
    delete values[es.printed.rows];
    expect(Object.keys(values).sort(), `${c.name}: ${section}`).toEqual(Object.keys(expected[section]).sort());
    mismatches.push(...fixtureMismatches(expected[section], values, section));
    if (measure) for (const k of Object.keys(expected[section])) track(c.name, expected[section][k], values[k], ` ${k}`);
  }
  const losses = printed[es.headings.training]?.losses ?? [];
  mismatches.push(...fixtureMismatches(expected.losses, losses, 'losses'));
  if (measure) track(c.name, expected.losses.map(([, l]) => l), losses.map(([, l]) => l), ' losses');
  return mismatches;
}

beforeAll(async () => {
  if (!existsSync(python)) throw new Error(`${python} is missing: scripts/deps.sh installs python3-torch`);
  core = await loadWasmCore();
  for (const [name, p] of Object.entries(mlpPresets)) cases.push({...prepare(`mlp:${name}`, p), standalone: true});
  for (const [name, p] of Object.entries(bpttPresets)) cases.push({...prepare(`bptt:${name}`, p), standalone: true});
  // Random scenarios: a draw the core refuses (a batch-norm slice of one row, a divergence…) is
  // counted and replaced by the next seed, never left out silently.
  for (let seed = 1; cases.length < PRESETS + RANDOM; ++seed) {
    const scenario = randomScenario(seed);
    try {
      cases.push(prepare(`random:${seed}`, scenario));
    } catch (error) {
      if (error?.name !== 'CoreError') throw error;
      refused.push(`${seed}: ${error.message}`);
    }
  }
  // The labs' scenarios at their default settings (labs 1 and 3: 2,800 and 5,000 shuffled
  // mini-batch steps; lab 7's 1,500 steps cut to 150 here, as its full run takes about a minute
  // in Python: it agreed to 7e-12 when measured).
  const defaults = (fields) => readParams(fields, new URLSearchParams()).values;
  const s1 = defaults(classificationFields);
  const s3 = defaults(regularizationFields);
  const s7 = {...defaults({...dataFields, ...trainFields}), steps: 150};
  cases.push(prepare('lab:clasificacion', plane.buildScenario(core.data(plane.dataSpec(s1)), [], s1)));
  cases.push(prepare('lab:regularizacion', plane.buildScenario(core.data(plane.dataSpec(s3)), [], s3, {l1: s3.l1, l2: s3.l2})));
  cases.push(prepare('lab:secuencias', sequence.buildScenario(core.data(sequence.dataSpec(s7)), s7)));
  const alone = cases.filter((c) => c.standalone);
  for (let i = 0; i < alone.length; i += 2) {
    const runs = await Promise.all(alone.slice(i, i + 2).map((c) => runScript(c.exported.script)));
    runs.forEach((run, j) => { alone[i + j].output = {ok: run.status === 0, stdout: run.stdout, error: run.stderr}; });
  }
  const rest = cases.filter((c) => !c.standalone);
  (await runScripts(rest.map((c) => c.exported.script))).forEach((out, i) => { rest[i].output = out; });
}, HANG);

describe('the exported script prints the core\'s numbers', () => {
  test('the scenarios: every preset, 50 random ones and three labs\' defaults', () => {
    expect(cases.length).toBe(TOTAL);
    // what the random draws cover, each at least once
    const features = new Set(cases.flatMap(({scenario: s}) => [
      s.model.kind, `optimizer ${s.optimizer.kind}`, s.optimizer.momentum ? 'momentum' : null, `loss ${s.model.loss}`,
      s.model.batch_norm?.some(Boolean) ? 'batch norm' : null, s.model.dropout_masks ? 'given masks' : null,
      s.model.dropout?.some((p, i) => p > 0 && !s.model.dropout_masks?.[i + 1]) ? 'drawn masks' : null,
      s.train.batch_size ? 'mini-batches' : null, s.train.shuffle ? 'shuffle' : null, s.train.early_stopping ? 'early stopping' : null,
      s.iteration > 1 ? 'later iteration' : null, s.regularization.l1 ? 'l1' : null, s.regularization.l2 ? 'l2' : null,
      s.optimizer.update_biases ? null : 'fixed biases', s.model.bias ? 'rnn biases' : null,
      s.data.validation ? 'validation' : null,
      s.data.sequences?.some((q) => q.targets.includes(null)) ? 'steps without target' : null,
    ]).filter(Boolean));
    expect([...features].sort()).toEqual(['batch norm', 'drawn masks', 'early stopping', 'fixed biases', 'given masks', 'l1', 'l2',
      'later iteration', 'loss cross_entropy', 'loss half_sse', 'loss mse', 'mini-batches', 'mlp', 'momentum',
      ...['adadelta', 'adagrad', 'adam', 'adamax', 'rmsprop', 'sgd'].map((k) => `optimizer ${k}`), 'rnn', 'rnn biases',
      'shuffle', 'steps without target', 'validation'].sort());
    // refused draws are reported, and few
    expect(refused.length, refused.join('\n')).toBeLessThan(RANDOM);
  });

  test.each(Array.from({length: TOTAL}, (_, i) => i))('case %i', (i) => {
    const c = cases[i];
    expect(c.output.ok, `${c.name}\n${c.output.error}`).toBe(true);
    expect(check(c, c.output.stdout), c.name).toEqual([]);
  });

  test('the worst difference', () => {
    console.log(`export-pytorch: ${cases.length} scenarios, worst relative difference ${worst.error.toExponential(2)} (${worst.where}); ${refused.length} draws refused by the core`);
    expect(worst.error).toBeLessThanOrEqual(1e-9);
  });
});

describe('what cannot match: a linear layer\'s bias right before batch norm', () => {
  // b⁽¹⁾ shifts every row of z⁽²⁾ alike (through the linear a⁽¹⁾ = z⁽¹⁾) and cancels in z⁽²⁾ − μ_B:
  // its gradient is 0 in exact arithmetic, and rounding noise in both the core and PyTorch. Every
  // other number agrees; those two agree only in being noise (with SGD the noise moves b⁽¹⁾ by
  // lr·1e-17; an adaptive optimizer divides it by its own size and moves b⁽¹⁾ by about lr).
  test('every number but ∂L/∂b⁽¹⁾, which is noise in both', async () => {
    const scenario = {
      model: {kind: 'mlp', layers: [2, 3, 3, 2], activations: ['linear', 'tanh', 'sigmoid'], loss: 'half_sse', batch_norm: [false, true]},
      init: {scheme: 'pytorch_default', seed: 3},
      data: {inputs: [[0.1, 0.5], [0.9, -0.3], [-0.4, 0.2]], targets: [[0, 1], [1, 0], [0.5, 0.5]]},
      optimizer: {kind: 'sgd', lr: 0.5},
      train: {steps: 20, record_every: 5},
    };
    const c = prepare('linear-before-batch-norm', scenario);
    const run = await runScript(c.exported.script);
    expect(run.status, run.stderr).toBe(0);
    const mismatches = check(c, run.stdout, {measure: false});
    expect(mismatches.length).toBeGreaterThan(0);
    expect(mismatches.every((m) => m.includes('.db1['))).toBe(true);
    const printed = parseOutput(run.stdout, es)[es.headings.backward].values.db1;
    for (const noise of [...printed, ...c.trace.backward.db1]) expect(Math.abs(noise)).toBeLessThan(1e-15);
  }, HANG);
});

describe('the notebook', () => {
  test('is nbformat 4 and its code cells are the script', async () => {
    const picked = ['mlp:dropout', 'bptt:exercise', 'random:1', 'random:2'].map((name) => cases.find((c) => c.name === name));
    const concatenated = picked.map((c) => {
      const nb = JSON.parse(notebookText(c.exported.notebook));
      expect(nb.nbformat).toBe(4);
      expect(nb.nbformat_minor).toBeGreaterThanOrEqual(4);
      expect(nb.metadata.kernelspec.language).toBe('python');
      for (const cell of nb.cells) {
        expect(['markdown', 'code']).toContain(cell.cell_type);
        expect(Array.isArray(cell.source)).toBe(true);
        expect(typeof cell.id).toBe('string');
        if (cell.cell_type === 'code') {
          expect(cell.outputs).toEqual([]);
          expect(cell.execution_count).toBe(null);
        }
      }
      expect(nb.cells.filter((cell) => cell.cell_type === 'markdown').map((cell) => cell.source[0].replace(/^#+ /, '').trim()))
        .toEqual(c.exported.cells.map((cell) => cell.heading));
      return nb.cells.filter((cell) => cell.cell_type === 'code').map((cell) => cell.source.join('')).join('\n\n');
    });
    const runs = await runScripts(concatenated);
    runs.forEach((run, i) => {
      expect(run.ok, run.error).toBe(true);
      expect(check(picked[i], run.stdout), picked[i].name).toEqual([]);
    });
  }, HANG);
});

describe('languages', () => {
  test('English has the same keys; the script\'s words follow the language', () => {
    const shape = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'object' ? shape(v) : typeof v === 'function' ? `fn${v.length}` : typeof v]));
    expect(shape(en)).toEqual(shape(es));
    expect(shape(enControl)).toEqual(shape(esControl));
    const c = cases[0];
    const inputs = {parameters: c.trace.parameters, buffers: {}};
    const english = pytorchExport(c.scenario, inputs, {lang: 'en'});
    expect(english.script).toContain(en.headings.forward);
    expect(english.script).not.toContain(es.headings.forward);
    expect(pytorchExport(c.scenario, inputs).script).toContain(es.headings.forward);
  });
});
