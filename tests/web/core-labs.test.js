// The core's additions for the labs through the wasm bindings: the data and predict verbs agree
// with the native tool, and the Trainer's parameterNames, gradientNorms, evaluate, grid and hNorms
// agree with the native trace, norms and predict verbs; refusals carry their field.
import {beforeAll, describe, expect, test} from 'vitest';
import {CoreError} from '../../web/core/core.js';
import {loadWasmCore, requireNative, resultMismatches, runNative} from './support.js';

let core;
beforeAll(async () => {
  requireNative();
  core = await loadWasmCore();
});

function native(verb, input) {
  const r = runNative([verb, '-'], typeof input === 'string' ? input : JSON.stringify(input));
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const specs = [
  {kind: 'points', shape: 'linear', count: 200, noise: 0.1, validation: 0.3, seed: 1},
  {kind: 'points', shape: 'xor', count: 51, noise: 0.5, seed: 2},
  {kind: 'points', shape: 'circles', count: 400, noise: 2, validation: 0.9, seed: 9007199254740991},
  {kind: 'points', shape: 'spiral', count: 4, seed: 0},
  {kind: 'sequences', task: 'running_sum', count: 20, min_length: 1, max_length: 30, validation: 0.5, seed: 3},
  {kind: 'sequences', task: 'echo', count: 16, min_length: 4, max_length: 9, delay: 3, seed: 4},
  {kind: 'sequences', task: 'parity', count: 64, min_length: 2, max_length: 12, validation: 0.25, seed: 1},
];

// A small classifier on the data verb's points, with its validation set.
function classifier(points, hidden = 6) {
  return {
    model: {kind: 'mlp', layers: [2, hidden, 2], activations: ['tanh', 'softmax'], loss: 'cross_entropy'},
    init: {seed: 4},
    data: {inputs: points.inputs, targets: points.targets,
      validation: {inputs: points.validation.inputs, targets: points.validation.targets}},
    optimizer: {kind: 'adam', lr: 0.05},
    regularization: {l2: 0.001},
  };
}

function recurrent(sequences, extra = {}) {
  return {
    model: {kind: 'rnn', input_size: 1, hidden_size: 5, output_size: 2, hidden_activation: 'tanh',
      output_activation: 'softmax', loss: 'cross_entropy', bias: true},
    init: {seed: 2},
    data: sequences,
    optimizer: {kind: 'sgd', lr: 0.2},
    ...extra,
  };
}

const norm = (matrix) => Math.sqrt([matrix].flat(Infinity).reduce((s, x) => s + x * x, 0));
const close = (a, b, tol = 1e-12) => Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('data', () => {
  test.each(specs.map((s) => [`${s.kind} ${s.shape ?? s.task}`, s]))('%s: wasm equals native', (_, spec) => {
    const wasm = core.data(spec);
    expect(resultMismatches(native('data', spec), wasm)).toEqual([]);
    if (spec.kind === 'points') {
      const held = Math.round((spec.validation ?? 0) * spec.count);
      expect(wasm.validation.inputs.length).toBe(held);
      expect(wasm.inputs.length).toBe(spec.count - held);
      const labels = [...wasm.labels, ...wasm.validation.labels];
      expect(labels.filter((l) => l === 0).length).toBe(Math.ceil(spec.count / 2));
    } else {
      expect(wasm.sequences.length + wasm.validation.sequences.length).toBe(spec.count);
    }
  });

  test('a sequences result is a scenario\'s data as it is', () => {
    const data = core.data(specs[6]);
    const trained = core.train(recurrent(data, {train: {steps: 3}}));
    expect(trained.validation_loss).toBeGreaterThan(0);
  });
});

describe('predict', () => {
  test('mlp and rnn: wasm equals native, with validation and accuracy', () => {
    const points = core.data(specs[0]);
    const mlp = classifier(points);
    const wasm = core.predict(mlp);
    expect(resultMismatches(native('predict', mlp), wasm)).toEqual([]);
    expect(wasm.outputs.length).toBe(points.inputs.length);
    expect(wasm.accuracy).toBeGreaterThanOrEqual(0);
    expect(wasm.validation.outputs.length).toBe(points.validation.inputs.length);

    const rnn = recurrent(core.data(specs[5]));
    const r = core.predict(rnn);
    expect(resultMismatches(native('predict', rnn), r)).toEqual([]);
    expect(r.sequences[0].outputs.length).toBe(rnn.data.sequences[0].inputs.length);
    expect(r.validation).toBeUndefined();  // an empty validation set is none

    const sums = recurrent(core.data(specs[4]));
    sums.model = {...sums.model, output_size: 1, output_activation: 'sigmoid', loss: 'half_sse'};
    expect(core.predict(sums).accuracy).toBeNull();  // targets not all 0 or 1
  });
});

describe('Trainer', () => {
  test('parameterNames and gradientNorms: the norms of the trace\'s gradients', () => {
    const cases = [classifier(core.data(specs[1])), recurrent(core.data(specs[6]), {train: {batch_size: 4}, regularization: {l2: 0.1}})];
    for (const scenario of cases) {
      const trace = native('trace', scenario);
      const trainer = core.trainer(scenario);
      try {
        const names = trainer.parameterNames();
        expect(names).toEqual(scenario.model.kind === 'mlp' ? ['W1', 'b1', 'W2', 'b2'] : ['U', 'V', 'W', 'b', 'c']);
        expect([...trainer.gradientNorms()]).toEqual(names.map(() => 0));
        trainer.run(1);
        const norms = trainer.gradientNorms();
        expect(norms).toBeInstanceOf(Float64Array);
        names.forEach((name, k) => expect(close(norms[k], norm(trace.backward[`d${name}`]))).toBe(true));
      } finally {
        trainer.delete();
      }
    }
  });

  test('hNorms: the norms verb\'s h_grad_norm; empty for an MLP', () => {
    const data = core.data({kind: 'sequences', task: 'parity', count: 3, min_length: 8, max_length: 8, seed: 5});
    const scenario = recurrent(data, {train: {batch_size: 1}});
    const expected = native('norms', scenario).h_grad_norm;
    const trainer = core.trainer(scenario);
    try {
      expect(trainer.hNorms().length).toBe(0);
      trainer.run(1);
      const h = trainer.hNorms();
      expect(h.length).toBe(8);
      expect(resultMismatches({h: expected}, {h: [...h]})).toEqual([]);
    } finally {
      trainer.delete();
    }
    const mlp = core.trainer(classifier(core.data(specs[3])));
    mlp.run(1);
    expect(mlp.hNorms().length).toBe(0);
    mlp.delete();
  });

  test('evaluate: native predict of the trainer\'s parameters; null where not defined', () => {
    const points = core.data(specs[0]);
    const scenario = classifier(points);
    const trainer = core.trainer(scenario);
    try {
      trainer.run(200);
      const e = trainer.evaluate();
      const p = native('predict', {...scenario, parameters: trainer.parameters()});
      expect(close(e.loss, p.loss, 1e-11)).toBe(true);
      expect(e.accuracy).toBe(p.accuracy);
      expect(close(e.validationLoss, p.validation.loss, 1e-11)).toBe(true);
      expect(e.validationAccuracy).toBe(p.validation.accuracy);
      expect(e.accuracy).toBeGreaterThan(0.9);
    } finally {
      trainer.delete();
    }
    const plain = {...scenario, data: {inputs: points.inputs, targets: points.targets.map(([a]) => [a, 0.5])}};
    const t = core.trainer(plain);
    expect(t.evaluate()).toEqual({loss: expect.any(Number), accuracy: null, validationLoss: null, validationAccuracy: null});
    t.delete();
  });

  test('evaluate with an RNN validation set', () => {
    const data = core.data(specs[6]);
    const scenario = recurrent(data, {train: {batch_size: 8}});
    const trainer = core.trainer(scenario);
    try {
      trainer.run(20);
      const e = trainer.evaluate();
      const p = native('predict', {...scenario, parameters: trainer.parameters()});
      expect(close(e.validationLoss, p.validation.loss, 1e-11)).toBe(true);
      expect(e.validationAccuracy).toBe(p.validation.accuracy);
      expect(e.validationLoss).toBe(trainer.validationLoss());
    } finally {
      trainer.delete();
    }
  });

  test('grid: native predict at the cell centres, row 0 at the top', () => {
    const scenario = classifier(core.data(specs[1]));
    const trainer = core.trainer(scenario);
    try {
      trainer.run(50);
      const [x0, x1, y0, y1, nx, ny] = [-1.2, 1.2, -1, 1.5, 9, 5];
      const values = trainer.grid(x0, x1, y0, y1, nx, ny, 1);
      expect(values).toBeInstanceOf(Float64Array);
      expect(values.length).toBe(nx * ny);
      const inputs = [];
      for (let j = 0; j < ny; ++j)
        for (let i = 0; i < nx; ++i) inputs.push([x0 + ((i + 0.5) * (x1 - x0)) / nx, y1 - ((j + 0.5) * (y1 - y0)) / ny]);
      const p = native('predict', {...scenario, parameters: trainer.parameters(),
        data: {inputs, targets: inputs.map(() => [1, 0])}});
      values.forEach((v, k) => expect(Math.abs(v - p.outputs[k][1])).toBeLessThan(1e-12));
      // A copy: the next call does not change it.
      const again = trainer.grid(x0, x1, y0, y1, nx, ny, 0);
      expect(values[0]).not.toBe(again[0]);
    } finally {
      trainer.delete();
    }
  });
});

describe('refusals carry their field', () => {
  const refusal = (run) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(CoreError);
      return {field: error.field, message: error.message, code: error.code};
    }
    throw new Error('not refused');
  };

  test.each([
    [{kind: 'points', shape: 'xor', count: 2}, 'data.count', 'data.count: must be between 4 and 10000, got 2'],
    [{kind: 'points', shape: 'moons'}, 'data.shape', 'data.shape: must be one of linear, xor, circles, spiral, got "moons"'],
    [{kind: 'sequences', task: 'echo', min_length: 2}, 'data.delay',
      'data.delay: must be less than data.min_length (2) so that every sequence has a target, got 2'],
    ['{"kind": ', 'data', null],
  ])('data %j', (spec, field, message) => {
    const r = refusal(() => core.data(spec));
    expect(r.field).toBe(field);
    expect(r.code).toBe(2);
    if (message) expect(r.message).toBe(message);
    const n = runNative(['data', '-'], typeof spec === 'string' ? spec : JSON.stringify(spec));
    expect(n.status).toBe(2);
    expect(n.stderr).toBe(`backprop: ${r.message}\n`);
  });

  test('predict of a bad scenario', () => {
    const scenario = recurrent(core.data(specs[6]));
    scenario.data.input_size = 3;
    const r = refusal(() => core.predict(scenario));
    expect(r).toEqual({field: 'data.input_size', message: 'data.input_size: must equal model.input_size (1), got 3', code: 2});
  });

  test('grid', () => {
    const mlp = core.trainer(classifier(core.data(specs[3])));
    const rnn = core.trainer(recurrent(core.data(specs[6])));
    try {
      expect(refusal(() => mlp.grid(-1, 1, -1, 1, 0, 10, 0)).field).toBe('grid.nx');
      expect(refusal(() => mlp.grid(-1, 1, -1, 1, 1001, 1000, 0)).message).toBe('grid.ny: nx·ny is 1001000 points; at most 1000000');
      expect(refusal(() => mlp.grid(-1, 1, -1, 1, 10, 10, 2)).message).toBe('grid.unit: must be between 0 and 1, got 2');
      expect(refusal(() => mlp.grid('-1', 1, -1, 1, 10, 10, 0)).message).toBe('grid.x0: must be a number, got NaN');
      expect(refusal(() => rnn.grid(-1, 1, -1, 1, 10, 10, 0)).field).toBe('model.kind');
      expect(mlp.grid(-1, 1, -1, 1, 1000, 1000, 0).length).toBe(1e6);  // the limit itself is fine
      expect(mlp.grid(-1, 1, -1, 1, 2, 2, 1).length).toBe(4);  // and a refusal leaves the trainer usable
    } finally {
      mlp.delete();
      rnn.delete();
    }
  });
});
