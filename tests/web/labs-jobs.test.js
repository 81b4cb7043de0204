// The labs' jobs: the registry (web/labs/jobs/index.js) and the `train` job against the real
// wasm core under Node, with a fake worker api (progress collected, no pause).
import {beforeAll, describe, expect, test} from 'vitest';
import {duplicates, jobs} from '../../web/labs/jobs/index.js';
import {train} from '../../web/labs/jobs/train.js';
import {CoreError} from '../../web/core/core.js';
import {loadWasmCore} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

const points = (seed = 1) => core.data({kind: 'points', shape: 'xor', count: 40, noise: 0.1, validation: 0.25, seed});

function mlp({lr = 0.5, seed = 3} = {}) {
  const data = points();
  return {
    model: {kind: 'mlp', layers: [2, 6, 2], activations: ['tanh', 'softmax'], loss: 'cross_entropy'},
    init: {scheme: 'uniform', scale: 0.5, seed},
    data: {inputs: data.inputs, targets: data.targets, validation: {inputs: data.validation.inputs, targets: data.validation.targets}},
    optimizer: {kind: 'sgd', lr},
  };
}

function fakeApi({cancelAfter = Infinity} = {}) {
  const messages = [];
  let pauses = 0;
  return {
    messages,
    api: {
      core,
      progress: (payload, transfer) => messages.push({payload, transfer}),
      cancelled: () => pauses >= cancelAfter,
      pause: async () => {
        pauses++;
      },
    },
  };
}

// Every progress message's lists, concatenated.
const gather = (messages, key) => messages.flatMap((m) => m.payload[key] ?? []);

describe('jobs registry', () => {
  test('collects the async functions of every job file by name, helpers excluded', () => {
    expect(jobs.train).toBe(train);
    for (const fn of Object.values(jobs)) expect(fn.constructor.name).toBe('AsyncFunction');
    expect(Object.keys(jobs)).not.toContain('normsScenario');  // a helper of norms-grid.js
    expect(duplicates).toEqual([]);
  });
});

describe('job train', () => {
  test('losses of every step, evaluations and gradient norms at their strides, the grid each message', async () => {
    const {api, messages} = fakeApi();
    const steps = 250;
    const result = await train({
      scenario: mlp(), steps, evaluateEvery: 50, normsEvery: 20, frameMs: 0,
      grid: {x0: -1.5, x1: 1.5, y0: -1.5, y1: 1.5, nx: 30, ny: 20, unit: 1},
    }, api);

    const losses = gather(messages, 'losses');
    expect(losses.map(([i]) => i)).toEqual([...Array(steps).keys()]);
    // The same run in one go gives the same losses: chunking changes nothing.
    const whole = core.trainer(mlp());
    const reference = whole.run(steps);
    expect(losses.map(([, loss]) => loss)).toEqual(Array.from(reference));

    const evaluations = gather(messages, 'evaluations');
    expect(evaluations.map(([i]) => i)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(evaluations.at(-1)[1]).toEqual(whole.evaluate());
    expect(result.evaluation).toEqual(whole.evaluate());
    expect(evaluations[0][1].loss).toBeGreaterThan(evaluations.at(-1)[1].loss);

    const norms = gather(messages, 'norms');
    expect(norms.map(([i]) => i)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 249]);
    expect(norms.at(-1)[1]).toEqual(whole.gradientNorms());
    expect(norms[0][1]).toBeInstanceOf(Float64Array);
    expect(norms[0][1].length).toBe(4);  // W1, b1, W2, b2
    expect(messages.some((m) => 'hNorms' in m.payload)).toBe(false);

    for (const {payload, transfer} of messages) {
      expect(payload.grid).toBeInstanceOf(Float32Array);
      expect(payload.grid.length).toBe(600);
      expect(transfer).toEqual([payload.grid.buffer]);
      expect(payload.steps).toBe(steps);
    }
    const lastGrid = whole.grid(-1.5, 1.5, -1.5, 1.5, 30, 20, 1);
    expect(Array.from(messages.at(-1).payload.grid)).toEqual(Array.from(Float32Array.from(lastGrid)));
    expect(messages[0].payload.done).toBe(0);
    expect(messages.at(-1).payload.done).toBe(steps);

    expect(result.steps).toBe(steps);
    expect(result.parameters).toEqual(whole.parameters());
    expect(result.elapsedMs).toBeGreaterThan(0);
    whole.delete();
  });

  test('an RNN sends ‖h̄_t‖ beside the gradient norms', async () => {
    const data = core.data({kind: 'sequences', task: 'parity', count: 8, min_length: 3, max_length: 6, validation: 0.25, seed: 2});
    const scenario = {
      model: {kind: 'rnn', input_size: data.input_size, hidden_size: 4, output_size: data.output_size, hidden_activation: 'tanh', output_activation: 'sigmoid', loss: 'half_sse', bias: true},
      init: {scheme: 'uniform', scale: 0.5, seed: 1},
      data: {sequences: data.sequences, validation: data.validation},
      optimizer: {kind: 'sgd', lr: 0.1},
    };
    const {api, messages} = fakeApi();
    await train({scenario, steps: 30, evaluateEvery: 10, normsEvery: 10, grid: null, frameMs: 0}, api);
    const hNorms = gather(messages, 'hNorms');
    expect(hNorms.map(([i]) => i)).toEqual([0, 10, 20, 29]);
    expect(hNorms[0][1]).toBeInstanceOf(Float64Array);
    expect(hNorms[0][1].length).toBe(data.sequences[0].inputs.length);
    expect(gather(messages, 'norms').map(([i]) => i)).toEqual([0, 10, 20, 29]);
    expect(gather(messages, 'evaluations').map(([i]) => i)).toEqual([0, 10, 20, 30]);
  });

  test('a loss that becomes NaN or ∞ is refused naming optimizer.lr, after what was recorded', async () => {
    const {api, messages} = fakeApi();
    const scenario = {...mlp({lr: 1e6}), model: {kind: 'mlp', layers: [2, 6, 1], activations: ['relu', 'linear'], loss: 'half_sse'}};
    scenario.data = {inputs: scenario.data.inputs, targets: scenario.data.targets.map(([a]) => [a * 1000])};
    const error = await train({scenario, steps: 1000, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 0}, api).catch((e) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.field).toBe('optimizer.lr');
    expect(error.code).toBe(3);
    expect(error.message).toMatch(/diverged at step \d+/);
    expect(error.message).toContain('optimizer.lr = 1000000');
    const losses = gather(messages, 'losses');
    expect(losses.length).toBe(error.step);
    expect(losses.every(([, loss]) => Number.isFinite(loss))).toBe(true);
  });

  test('a cancel is seen at the next slice: the job stops and returns nothing', async () => {
    const {api, messages} = fakeApi({cancelAfter: 1});
    const result = await train({scenario: mlp(), steps: 1e6, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 0}, api);
    expect(result).toBe(null);
    expect(messages.at(-1).payload.done).toBeLessThan(1e6);
  });

  test('a refused scenario rejects with the core\'s field', async () => {
    const {api} = fakeApi();
    const scenario = mlp();
    scenario.optimizer.lr = -1;
    const error = await train({scenario, steps: 10}, api).catch((e) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.field).toBe('optimizer.lr');
  });
});
