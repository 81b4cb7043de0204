// Batch normalization and dropout through the wasm core: the same numbers as the native tool with
// masks drawn from train.seed (the given-mask cases are PyTorch fixtures, in fixtures.test.js and
// native.test.js), the Trainer's long runs in training mode and its evaluation in eval mode, and
// the same refusals.
import {beforeAll, describe, expect, test} from 'vitest';
import {gradcheckMismatches, loadWasmCore, requireNative, resultMismatches, runNative} from './support.js';

let core;
beforeAll(async () => {
  requireNative();
  core = await loadWasmCore();
});

function scenario(model, train = {steps: 40, batch_size: 4, shuffle: true}) {
  const inputs = Array.from({length: 10}, (_, i) => [Math.sin(1.3 * i), Math.cos(0.7 * i), 0.1 * i - 0.3]);
  const targets = inputs.map((_, i) => [0.2 + 0.05 * i, 0.9 - 0.08 * i]);
  return JSON.stringify({
    model: {kind: 'mlp', layers: [3, 6, 5, 2], activations: ['tanh', 'relu', 'sigmoid'], loss: 'half_sse', ...model},
    init: {seed: 3},
    data: {inputs, targets, validation: {inputs: inputs.slice(0, 4), targets: targets.slice(0, 4)}},
    optimizer: {kind: 'adam', lr: 0.01},
    train,
  });
}

const cases = [
  ['batch norm', scenario({batch_norm: [true, true]})],
  ['drawn dropout', scenario({dropout: [0.5, 0.2]})],
  ['both', scenario({batch_norm: [true, false], dropout: [0.3, 0.3]})],
];

const native = (verb, text) => {
  const r = runNative([verb, '-'], text);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
};

describe.each(cases)('%s', (_, text) => {
  test('train and trace agree with the native tool', () => {
    expect(resultMismatches(native('train', text), core.train(text))).toEqual([]);
    const traced = JSON.parse(text);
    traced.iteration = 7;
    expect(resultMismatches(native('trace', JSON.stringify(traced)), core.trace(traced))).toEqual([]);
  });

  test('gradcheck agrees with the native tool', () => {
    const {loss} = native('trace', text);
    expect(gradcheckMismatches(native('gradcheck', text), core.gradcheck(text), loss)).toEqual([]);
  });

  test('a Trainer trains as train does and evaluates in eval mode', () => {
    const expected = core.train(text);
    const trainer = core.trainer(text);
    try {
      const losses = [...trainer.run(25), ...trainer.run(15)];
      expect(expected.losses).toEqual(losses.map((loss, i) => [i, loss]));
      expect(trainer.fullLoss()).toBe(expected.final_loss);
      expect(trainer.validationLoss()).toBe(expected.validation_loss);
      expect(trainer.parameters()).toEqual(expected.parameters);
      expect(trainer.buffers()).toEqual(expected.buffers ?? {});
      // evaluate() is predict's numbers for the trained parameters and running statistics.
      const trained = {...JSON.parse(text), parameters: expected.parameters};
      if (expected.buffers) trained.buffers = expected.buffers;
      const predicted = core.predict(trained);
      const evaluation = trainer.evaluate();
      expect(evaluation.loss).toBe(predicted.loss);
      expect(evaluation.validationLoss).toBe(predicted.validation.loss);
    } finally {
      trainer.delete();
    }
  });
});

test('the same refusals as the native tool, naming the field', () => {
  const one = JSON.parse(scenario({batch_norm: [true, false]}, {batch_size: 3}));  // 10 rows: 3, 3, 3, 1
  const bad = [
    [scenario({dropout: [1, 0]}), 'model.dropout[0]', 'between_excluded'],
    [scenario({batch_norm: [true]}), 'model.batch_norm', 'wrong_length'],
    [JSON.stringify(one), 'train.batch_size', 'batch_norm_one_row'],
    [scenario({dropout: [0.5, 0], dropout_masks: {1: [[2, 0, 0, 0, 0, 0]]}}), 'model.dropout_masks.1', 'wrong_rows'],
  ];
  for (const [text, field, reason] of bad) {
    const outcome = core.run('train', text);
    expect(outcome.code).toBe(2);
    expect(outcome.field).toBe(field);
    expect(outcome.reason).toBe(reason);
    expect(runNative(['train', '-'], text).stderr).toBe(`backprop: ${outcome.message}\n`);
    expect(() => core.trainer(text)).toThrow(outcome.message);
  }
});
