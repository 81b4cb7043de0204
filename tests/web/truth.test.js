// Every equation on the page is true: for every step of every preset and of 400 seeded random
// scenarios (every activation, loss, optimizer and regularization the core lists, batches of
// 1–8, 1–3 hidden layers, RNNs with T 1–12 with and without biases, iterations 1–3), each
// substituted equation, each chain-rule expansion and each scalar update, evaluated from the
// numbers it displays as rounded on screen, can give the result displayed (interval arithmetic,
// tests/web/truth-support.js). The core computes every number; this only verifies what is shown.
// A deliberately broken equation must fail the same check.
import {beforeAll, describe, expect, test} from 'vitest';
import {buildSteps as mlpSteps} from '../../web/lessons/mlp/steps.js';
import {buildSteps as rnnSteps} from '../../web/lessons/bptt/steps.js';
import {presets as mlpPresets} from '../../web/lessons/mlp/presets.js';
import {presets as rnnPresets} from '../../web/lessons/bptt/presets.js';
import {equationsTex} from '../../web/lessons/equation.js';
import {generator} from '../../web/labs/shared/random.js';
import {loadWasmCore} from './support.js';
import {checkSteps, shown} from './truth-support.js';

let core;
let spec;
beforeAll(async () => {
  core = await loadWasmCore();
  spec = core.spec();
});

// ---- seeded random scenarios (the labs' mulberry32 from a 32-bit seed)
const random = generator;
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const pick = (r, list) => list[Math.floor(r() * list.length)];
const uniform = (r, lo, hi) => lo + (hi - lo) * r();
const vector = (r, n, lo = -1, hi = 1) => Array.from({length: n}, () => uniform(r, lo, hi));
// Cross-entropy's targets over n classes: one-hot, soft, or (as a student may type them) any
// numbers in [0, 1] that do not add up to 1.
const distribution = (r, n) => {
  const u = r();
  if (u < 0.45) {
    const hot = int(r, 0, n - 1);
    return Array.from({length: n}, (_, i) => (i === hot ? 1 : 0));
  }
  const w = vector(r, n, 0.05, 1);
  if (u > 0.85) return w;
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / s);
};

// A hyper-parameter drawn in a sensible part of its range, or left to the core's default.
const HYPER = {
  lr: (r) => 10 ** uniform(r, -2.5, -0.3),
  momentum: (r) => (r() < 0.5 ? 0 : uniform(r, 0.1, 0.95)),
  beta1: (r) => uniform(r, 0.5, 0.99),
  beta2: (r) => uniform(r, 0.9, 0.9999),
  rho: (r) => uniform(r, 0.5, 0.99),
  eps: (r) => 10 ** uniform(r, -10, -4),
  lr_decay: (r) => (r() < 0.5 ? 0 : uniform(r, 0.01, 0.5)),
  initial_accumulator_value: (r) => (r() < 0.5 ? 0 : uniform(r, 0.01, 0.2)),
};
function randomOptimizer(r, kind) {
  const out = {kind};
  for (const name of Object.keys(spec.scenario.optimizer[kind])) if (r() < 0.7) out[name] = HYPER[name](r);
  if (kind === 'sgd' && out.momentum === undefined && r() < 0.5) out.momentum = HYPER.momentum(r);
  if (r() < 0.15) out.update_biases = false;
  return out;
}
function randomRegularization(r) {
  const which = int(r, 0, 3);
  if (which === 0) return undefined;
  return {...(which & 1 ? {l1: 10 ** uniform(r, -4, -1.5)} : {}), ...(which & 2 ? {l2: 10 ** uniform(r, -4, -1)} : {})};
}

function randomMlp(r, i) {
  const activations = spec.scenario.activations;
  const hidden = activations.filter((a) => a !== 'softmax');
  const loss = spec.scenario.mlp.loss.values[i % spec.scenario.mlp.loss.values.length];
  const depth = int(r, 1, 3);
  const nx = int(r, 1, 4);
  const ny = int(r, 1, 4);
  // Cross-entropy needs a softmax output (the core refuses it otherwise).
  const output = loss === 'cross_entropy' ? 'softmax' : pick(r, activations);
  const B = int(r, 1, 8);
  const kinds = spec.scenario.optimizer.kind.values;
  const scenario = {
    model: {kind: 'mlp', layers: [nx, ...Array.from({length: depth}, () => int(r, 1, 5)), ny],
      activations: [...Array.from({length: depth}, () => pick(r, hidden)), output], loss},
    init: {scheme: 'uniform', scale: uniform(r, 0.3, 1.5), seed: int(r, 0, 10000)},
    data: {
      inputs: Array.from({length: B}, () => vector(r, nx)),
      targets: Array.from({length: B}, () => (loss === 'cross_entropy' ? distribution(r, ny) : vector(r, ny))),
    },
    optimizer: randomOptimizer(r, kinds[i % kinds.length]),
    regularization: randomRegularization(r),
    iteration: int(r, 1, 3),
  };
  Object.assign(scenario.model, normalization(depth, B, i));
  return scenario;
}

// Batch normalization (batches of 2 or more) and dropout on some hidden layers of a third of the
// scenarios, from a generator of their own (the draws above stay as they were).
function normalization(depth, B, i) {
  const r = random(7919 + i);
  if (r() < 0.67) return {};
  const out = {};
  if (B > 1 && r() < 0.7) out.batch_norm = Array.from({length: depth}, () => r() < 0.6);
  if (r() < 0.6) out.dropout = Array.from({length: depth}, () => (r() < 0.6 ? pick(r, [0.2, 0.25, 0.5, 0.3]) : 0));
  return out;
}

function randomRnn(r, i) {
  const activations = spec.scenario.rnn.output_activation.values;
  const hidden = spec.scenario.rnn.hidden_activation.values.filter((a) => a !== 'softmax');
  const loss = spec.scenario.rnn.loss.values[i % spec.scenario.rnn.loss.values.length];
  const [nx, nh, ny, T] = [int(r, 1, 3), int(r, 1, 4), int(r, 1, 3), int(r, 1, 12)];
  const output = loss === 'cross_entropy' ? 'softmax' : pick(r, activations);
  const targets = Array.from({length: T}, () => (loss === 'cross_entropy' ? distribution(r, ny) : vector(r, ny, 0, 1)));
  // Some steps without a target, never all of them.
  for (let t = 0; t < T - 1; t++) if (r() < 0.2) targets[t] = null;
  const kinds = spec.scenario.optimizer.kind.values;
  return {
    model: {kind: 'rnn', input_size: nx, hidden_size: nh, output_size: ny,
      hidden_activation: pick(r, hidden), output_activation: output, loss, bias: r() < 0.5},
    init: {scheme: 'uniform', scale: uniform(r, 0.2, 1), seed: int(r, 0, 10000)},
    parameters: {h0: vector(r, nh, -0.5, 0.5)},
    data: {sequences: [{inputs: Array.from({length: T}, () => vector(r, nx)), targets}]},
    optimizer: randomOptimizer(r, kinds[(i * 7 + 3) % kinds.length]),
    regularization: randomRegularization(r),
    iteration: int(r, 1, 3),
  };
}

const build = (scenario) => (scenario.model.kind === 'rnn' ? rnnSteps : mlpSteps)(scenario, core.trace(scenario));
const totals = {scenarios: 0, steps: 0, equations: 0, elements: 0, expansions: 0};
function check(scenario, label) {
  const {failures, counts} = checkSteps(build(scenario), `${label}: `);
  totals.scenarios++;
  for (const key of Object.keys(counts)) totals[key] += counts[key];
  return {failures, counts};
}

describe('every equation of every preset is true, over three iterations and every optimizer', () => {
  const variants = () => [
    undefined,
    ...spec.scenario.optimizer.kind.values.map((kind) => ({kind, ...(kind === 'sgd' ? {momentum: 0.9} : {})})),
  ];
  for (const [lesson, presets] of [['mlp', mlpPresets], ['bptt', rnnPresets]]) {
    for (const name of Object.keys(presets)) {
      test(`${lesson}/${name}`, () => {
        const failures = [];
        for (const optimizer of variants()) {
          for (const regularization of [undefined, {l2: 0.01}, {l1: 0.005, l2: 0.02}]) {
            for (const iteration of [1, 2, 3]) {
              const scenario = {...structuredClone(presets[name]), iteration};
              if (optimizer) scenario.optimizer = {...optimizer, lr: optimizer.kind === 'sgd' ? 0.5 : 0.05};
              if (regularization) scenario.regularization = regularization;
              failures.push(...check(scenario, `${name} ${optimizer?.kind ?? 'preset'} ${JSON.stringify(regularization)} it ${iteration}`).failures);
            }
          }
        }
        expect(failures.slice(0, 20)).toEqual([]);
      });
    }
  }
});

describe('every equation of 400 random scenarios is true', () => {
  for (const [kind, make, count] of [['mlp', randomMlp, 240], ['rnn', randomRnn, 160]]) {
    test(`${count} random ${kind} scenarios`, () => {
      const r = random(kind === 'mlp' ? 20240601 : 20240602);
      const failures = [];
      let checked = 0;
      const layers = {batchNorm: 0, dropout: 0};
      for (let i = 0; i < count; i++) {
        const scenario = make(r, i);
        const {failures: f, counts} = check(scenario, `${kind} #${i} ${JSON.stringify(scenario).slice(0, 300)}`);
        failures.push(...f);
        checked += counts.equations;
        if (scenario.model.batch_norm?.some(Boolean)) layers.batchNorm++;
        if (scenario.model.dropout?.some((p) => p > 0)) layers.dropout++;
      }
      expect(failures.slice(0, 10)).toEqual([]);
      expect(checked).toBeGreaterThan(count * 5);
      // Batch normalization and dropout are among them (the steps of ../../web/lessons/mlp/normalization.js).
      if (kind === 'mlp') expect(Math.min(layers.batchNorm, layers.dropout)).toBeGreaterThanOrEqual(20);
    });
  }

  test('what was checked', () => {
    console.log(`truth check: ${totals.scenarios} scenarios, ${totals.steps} steps, ${totals.equations} equations ` +
      `(${totals.elements} elements), ${totals.expansions} expansions and scalar updates`);
    expect(totals.scenarios).toBeGreaterThanOrEqual(400);
  });
});

describe('the check is not vacuous', () => {
  const classic = () => structuredClone(mlpPresets.classic);
  const stepOf = (steps, id) => steps.find((s) => s.id === id);
  const rewritten = (step, change) => {
    const equations = structuredClone(step.equations);
    change(equations);
    return {...step, equations, substituted: equationsTex(equations)};
  };

  test('a displayed number stands for what rounds to it', () => {
    expect(shown(0.15)).toEqual([0.15 - 5e-9, 0.15 + 5e-9]);
    expect(shown(0)).toEqual([0, 0]);
    expect(shown(-1234.5678912)[1]).toBeCloseTo(-1234.5679 + 5e-5, 12);
  });

  test('the classic example passes as it is', () => {
    expect(checkSteps(build(classic())).failures).toEqual([]);
  });

  test('W⁽¹⁾ transposed in z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾ fails', () => {
    const z1 = stepOf(build(classic()), 'z1');
    const broken = rewritten(z1, ([eq]) => {
      const W = eq.sides[0].args[0].args[0];
      W.rows = W.rows[0].map((_, j) => W.rows.map((row) => row[j]));
    });
    expect(checkSteps([broken]).failures.length).toBeGreaterThan(0);
  });

  test('a result off in its 7th digit fails', () => {
    const dW2 = stepOf(build(classic()), 'dW2');
    const broken = rewritten(dW2, ([eq]) => {
      eq.sides[1].rows[0][1] *= 1 + 1e-6;
    });
    expect(checkSteps([broken]).failures).toHaveLength(1);
  });

  test('∂L/∂W with the penalty left out of its total fails', () => {
    const scenario = {...classic(), regularization: {l2: 0.1}};
    const dW1 = stepOf(build(scenario), 'dW1');
    const broken = rewritten(dW1, (eqs) => {
      eqs[2].sides[0] = eqs[2].sides[0].args[0];  // the data part alone = the total
    });
    expect(checkSteps([broken]).failures.length).toBeGreaterThan(0);
  });

  test('Adam with m̂ and v̂ swapped fails, and so does an expansion of the wrong element', () => {
    const scenario = {...classic(), optimizer: {kind: 'adam', lr: 0.1}, iteration: 2};
    const update = stepOf(build(scenario), 'updateW');
    const broken = rewritten(update, (eqs) => {
      const line = eqs.find((eq) => eq.lhs === '\\mathbf{W}^{(1)}');
      const fraction = line.sides[0].args[1].args[1];
      [fraction.args[0], fraction.args[1].args[0].args[0]] = [fraction.args[1].args[0].args[0], fraction.args[0]];
    });
    expect(checkSteps([broken]).failures.length).toBeGreaterThan(0);
    const wrong = {...update, equations: update.equations, expand: (b, i, j) => update.expand(b, j, i === 0 ? 1 : 0)};
    expect(checkSteps([wrong]).failures.length).toBeGreaterThan(0);
  });

  test('batch norm: δ with ∂L/∂β and ∂L/∂γ swapped fails, and so does x̂ without ε', () => {
    const scenario = structuredClone(mlpPresets.batch_norm);
    expect(checkSteps(build(scenario)).failures).toEqual([]);
    const steps = build(scenario);
    const delta = stepOf(steps, 'delta1');
    const broken = rewritten(delta, ([eq]) => {
      const bracket = eq.sides[0].args[1].args[0];  // (B ∂L/∂y − 1∂L/∂βᵀ − x̂ ∘ 1∂L/∂γᵀ)
      const beta = bracket.args[0].args[1];
      const gamma = bracket.args[1].args[1];
      [beta.args[0], gamma.args[0]] = [gamma.args[0], beta.args[0]];
    });
    expect(checkSteps([broken]).failures.length).toBeGreaterThan(0);
    const xhat = stepOf(steps, 'xhat1');
    const noEps = rewritten(xhat, ([eq]) => {
      const root = eq.sides[0].args[1].args[0];  // 1·√(σ² + ε)ᵀ
      root.args[0] = root.args[0].args[0];
    });
    expect(noEps.substituted).not.toEqual(xhat.substituted);
    expect(checkSteps([noEps]).failures.length).toBeGreaterThan(0);
  });

  test('TeX not written from the equations fails', () => {
    const loss = stepOf(build(classic()), 'loss');
    expect(checkSteps([{...loss, substituted: `${loss.substituted} + 0`}]).failures).toHaveLength(1);
  });
});
