// The lesson-3 verbs through the wasm core (docs/labs.md): `surface` and `init_stats` agree with the
// native tool, refuse with their field, and run as the labs worker's jobs; the Trainer's deadUnits.
import {beforeAll, describe, expect, test} from 'vitest';
import {CoreError} from '../../web/core/core.js';
import {jobs} from '../../web/labs/jobs/index.js';
import {loadWasmCore, requireNative, resultMismatches, runNative} from './support.js';

let core;
beforeAll(async () => {
  requireNative();
  core = await loadWasmCore();
});

function native(verb, input) {
  const r = runNative([verb, '-'], JSON.stringify(input));
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

function refusal(run) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error;
  }
  throw new Error('not refused');
}

const optimizers = [{kind: 'sgd', lr: 0.01}, {kind: 'sgd', lr: 0.01, momentum: 0.9}, {kind: 'adagrad', lr: 0.5},
  {kind: 'rmsprop', lr: 0.01}, {kind: 'adam', lr: 0.05}, {kind: 'adadelta'}, {kind: 'adamax', lr: 0.05}];
const surfaces = [
  {objective: {kind: 'quadratic', condition: 10}, grid: {nx: 40, ny: 30}, start: [-1.5, 1], steps: 500, optimizers},
  {objective: {kind: 'rosenbrock'}, grid: {nx: 20, ny: 20}, steps: 300, optimizers},
  {objective: {kind: 'saddle'}, grid: {nx: 10, ny: 10}, steps: 200, optimizers},
  {objective: {kind: 'network', weights: ['W1[1][0]', 'b2[0]']}, grid: {nx: 12, ny: 9}, steps: 200, optimizers},
];

describe('surface', () => {
  test.each(surfaces.map((s) => [s.objective.kind, s]))('%s: wasm equals native', (_, spec) => {
    const wasm = core.surface(spec);
    const expected = native('surface', spec);
    expect(resultMismatches(expected, wasm)).toEqual([]);
    expect(wasm.trajectories.map((t) => t.outcome)).toEqual(expected.trajectories.map((t) => t.outcome));
    expect(wasm.grid.values).toHaveLength(spec.grid.ny);
  });

  test('refusals name the field', () => {
    const r = refusal(() => core.surface({objective: {kind: 'quadratic', condition: 0}, optimizers}));
    expect(r.field).toBe('objective.condition');
    expect(r.reason).toBe('between');
    expect(r.code).toBe(2);
    expect(refusal(() => core.surface({objective: {kind: 'saddle'}, optimizers: []})).reason).toBe('empty');
    expect(refusal(() => core.surface({objective: {kind: 'saddle'}, optimizers: [{kind: 'adam', rho: 0.9}]})).field)
      .toBe('optimizers[0].rho');
  });

  test('the labs worker runs it as the job surface', async () => {
    const result = await jobs.surface(surfaces[0], {core, progress() {}, cancelled: () => false, pause: async () => {}});
    expect(result.trajectories).toHaveLength(optimizers.length);
  });
});

describe('init_stats', () => {
  const specs = [
    {depth: 10, width: 128, activation: 'tanh', init: {scheme: 'xavier_uniform', scale: 0.1}, batch: 256, seed: 0},
    {depth: 4, width: 16, activation: 'relu', init: {scheme: 'he_uniform'}, batch: 32, seed: 7},
    {depth: 2, width: 3, activation: 'sigmoid', init: {scheme: 'uniform', scale: 3}, batch: 5},
  ];
  test.each(specs.map((s) => [`${s.activation} ${s.depth}×${s.width}`, s]))('%s: wasm equals native', (_, spec) => {
    const wasm = core.initStats(spec);
    expect(resultMismatches(native('init_stats', spec), wasm)).toEqual([]);
    expect(wasm.layers).toHaveLength(spec.depth + 1);
  });

  test('refusals name the field, and the worker runs it as the job initStats', async () => {
    const r = refusal(() => core.initStats({depth: 21}));
    expect([r.field, r.reason, r.code]).toEqual(['depth', 'between', 2]);
    expect(refusal(() => core.initStats({activation: 'softmax'})).field).toBe('activation');
    const result = await jobs.initStats(specs[1], {core, progress() {}, cancelled: () => false, pause: async () => {}});
    expect(result.quantile_levels).toEqual([0, 0.05, 0.25, 0.5, 0.75, 0.95, 1]);
  });
});

describe('Trainer.deadUnits', () => {
  // 2-4-3-2 relu: unit 0 of layer 1 and unit 2 of layer 2 never fire on these rows.
  const network = {
    model: {kind: 'mlp', layers: [2, 4, 3, 2], activations: ['relu', 'relu', 'linear']},
    parameters: {W1: [[-1, -1], [1, 0], [0, 1], [1, 1]], b1: [-10, 0.1, 0.1, 0.1],
      W2: [[1, 1, 1, 1], [0.5, 0.5, -0.5, 0.5], [1, 1, 1, 1]], b2: [0, 0, -100], W3: [[1, 1, 1], [1, -1, 1]], b3: [0, 0]},
    data: {inputs: [[0.5, 1], [2, 0.1], [1, 3]], targets: [[1, 0], [0, 1], [1, 1]]},
    optimizer: {kind: 'sgd', lr: 0.001},
  };

  test('per hidden layer, the fraction of units with f′ = 0 on every training row', () => {
    const trainer = core.trainer(network);
    try {
      const dead = trainer.deadUnits();
      expect(dead).toBeInstanceOf(Float64Array);
      expect([...dead]).toEqual([0.25, 1 / 3]);
      trainer.run(5);
      expect([...trainer.deadUnits()]).toEqual([0.25, 1 / 3]);  // a dead relu unit gets no gradient
    } finally {
      trainer.delete();
    }
    const rnn = core.trainer({
      model: {kind: 'rnn', input_size: 1, hidden_size: 2, output_size: 1, hidden_activation: 'relu',
        output_activation: 'linear', bias: true},
      parameters: {U: [[1], [1]], V: [[0, 0], [0, 0]], W: [[1, 1]], b: [-100, 0.5], c: [0]},
      data: {sequences: [{inputs: [[1], [2]], targets: [[0], [1]]}]},
    });
    expect([...rnn.deadUnits()]).toEqual([0.5]);
    rnn.delete();
  });

  test('the train job sends them with deadUnitsEvery, and not without', async () => {
    const progress = [];
    const api = {core, progress: (payload) => progress.push(payload), cancelled: () => false, pause: async () => {}};
    await jobs.train({scenario: network, steps: 10, deadUnitsEvery: 5, frameMs: 1e9}, api);
    const dead = progress.flatMap((p) => p.deadUnits);
    expect(dead.map(([i]) => i)).toEqual([0, 5, 10]);
    expect([...dead[2][1]]).toEqual([0.25, 1 / 3]);
    progress.length = 0;
    await jobs.train({scenario: network, steps: 3, frameMs: 1e9}, api);
    expect(progress.every((p) => !('deadUnits' in p))).toBe(true);
  });
});
