// The lesson editors' edits as pure functions (web/components/editor/scenario.js,
// web/components/rnn-editor/scenario.js) under Node: their limits, option lists and defaults come
// from the core's spec, and every edit gives a scenario the wasm core accepts.
import {beforeAll, describe, expect, test} from 'vitest';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadWasmCore, root} from './support.js';
import {defaultLr, spec} from '../../web/core/spec.js';
import * as mlp from '../../web/components/editor/scenario.js';
import * as rnn from '../../web/components/rnn-editor/scenario.js';
import {choices, counts, sizeChoices} from '../../web/forms/select.js';

let core;
const example = (name) => JSON.parse(readFileSync(join(root, 'examples', name), 'utf8'));
const classic = () => example('classic.json');
const lessonRnn = () => example('lesson-rnn.json');
const accepted = (scenario) => core.trace(scenario);

beforeAll(async () => {
  core = await loadWasmCore();
});

describe('lesson 1: limits and lists from the spec', () => {
  test('the editor offers the lesson section of the spec', () => {
    const {lesson} = spec();
    const limits = mlp.limits();
    expect(limits.hidden).toMatchObject({min: lesson.mlp.hidden_layers.min, max: lesson.mlp.hidden_layers.max, integer: true});
    expect(limits.units).toMatchObject({min: 1, max: lesson.mlp.units.max});
    expect(limits.samples.max).toBe(lesson.mlp.samples.max);
    expect(limits.value).toMatchObject({min: -lesson.value.max, max: lesson.value.max, integer: false});
    expect(limits.lr).toMatchObject({min: 0, max: lesson.lr.max});
    // What the lesson has always offered, now read from the core.
    expect([limits.hidden.min, limits.hidden.max, limits.units.max, limits.samples.max, limits.value.max, limits.lr.max])
      .toEqual([1, 3, 8, 8, 1000, 1000]);
    expect(mlp.LIMITS.value).toBe(limits.value.max);
  });

  test('activations and losses', () => {
    expect(mlp.activations()).toEqual(spec().scenario.activations);
    expect(mlp.activations()).toEqual(['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear', 'softmax']);
    expect(mlp.lossesFor('softmax')).toEqual(spec().scenario.mlp.loss.values);
    expect(mlp.lossesFor('sigmoid')).toEqual(['half_sse', 'mse']);
  });

  test('defaults: loss, learning rate, initialisation', () => {
    const bare = {model: {kind: 'mlp', layers: [2, 2], activations: ['sigmoid']}};
    expect(mlp.lossOf(bare)).toBe(spec().scenario.mlp.loss.default);
    expect(mlp.learningRate(bare)).toBe(defaultLr());
    expect(mlp.learningRate({...bare, optimizer: {kind: 'rmsprop'}})).toBe(0.01);
    expect(mlp.learningRate({...bare, optimizer: {kind: 'adam', lr: 0.2}})).toBe(0.2);
    expect(mlp.defaultInit()).toEqual({scheme: 'pytorch_default', seed: 0});
    const resolved = core.resolve({...bare, data: {inputs: [[0, 0]], targets: [[0, 0]]}}).scenario;
    expect(resolved.init).toMatchObject(mlp.defaultInit());
    expect(resolved.optimizer.lr).toBe(mlp.learningRate(bare));
    expect(mlp.setLearningRate(bare, 0.3).optimizer).toEqual({kind: spec().scenario.optimizer.kind.default, lr: 0.3});
  });
});

describe('lesson 1: edits', () => {
  test('units: what still fits is kept, the rest drawn from the core default, data resized', () => {
    const next = mlp.setUnits(classic(), 1, 3);
    expect(next.model.layers).toEqual([2, 3, 2]);
    expect(Object.keys(next.parameters)).toEqual(['b2']);
    expect(next.init).toEqual(mlp.defaultInit());
    const wider = mlp.setUnits(classic(), 0, 3);
    expect(wider.data.inputs).toEqual([[0.05, 0.1, 0]]);
    expect(Object.keys(wider.parameters)).toEqual(['b1', 'W2', 'b2']);
    for (const s of [next, wider]) accepted(s);
  });

  test('hidden layers up to the lesson maximum, the output layer kept', () => {
    const {hidden} = mlp.limits();
    let s = classic();
    for (const depth of counts(hidden)) {
      s = mlp.setHiddenLayers(s, depth);
      expect(s.model.layers.length).toBe(depth + 2);
      expect(s.model.activations).toEqual(new Array(depth + 1).fill('sigmoid'));
      expect(s.parameters[`W${depth + 1}`]).toEqual(classic().parameters.W2);
      accepted(s);
    }
    const back = mlp.setHiddenLayers(s, 1);
    expect(back.parameters).toEqual(classic().parameters);
  });

  test('leaving softmax drops cross-entropy for the default loss', () => {
    const soft = mlp.setLoss(mlp.setActivation(classic(), 2, 'softmax'), 'cross_entropy');
    accepted(soft);
    const next = mlp.setActivation(soft, 2, 'tanh');
    expect(next.model.loss).toBe(spec().scenario.mlp.loss.default);
    accepted(next);
  });

  test('samples, values, parameters', () => {
    const {samples} = mlp.limits();
    let s = classic();
    while (s.data.inputs.length < samples.max) s = mlp.addSample(s);
    expect(s.data.targets).toHaveLength(samples.max);
    s.train = {...s.train, batch_size: samples.max};
    s = mlp.removeSample(s, 0);
    expect(s.train.batch_size).toBe(samples.max - 1);
    s = mlp.setData(s, 'targets', 0, 1, 0.5);
    expect(s.data.targets[0]).toEqual([0, 0.5]);
    const {parameters} = accepted(s);
    const edited = mlp.setParameter(s, parameters, 'b2', 1, null, 0.7);
    expect(edited.parameters.b2).toEqual([0.6, 0.7]);
    expect(mlp.setParameter(s, parameters, 'W1', 0, 1, -2).parameters.W1[0]).toEqual([0.15, -2]);
    accepted(edited);
  });
});

describe('lesson 2: limits and lists from the spec', () => {
  test('sizes, time steps, values, η', () => {
    const {lesson} = spec();
    const limits = rnn.limits();
    expect(limits.size).toMatchObject({min: lesson.rnn.size.min, max: lesson.rnn.size.max, integer: true});
    expect(limits.steps).toMatchObject({min: lesson.rnn.steps.min, max: lesson.rnn.steps.max});
    expect([limits.size.max, limits.steps.max]).toEqual([8, 12]);
    expect(limits.value).toEqual(mlp.limits().value);
    expect(limits.lr).toEqual(mlp.limits().lr);
  });

  test('f is every activation but softmax; g and the losses are the core’s', () => {
    expect(rnn.hiddenActivations()).toEqual(['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear']);
    expect(rnn.outputActivations()).toEqual(spec().scenario.rnn.output_activation.values);
    expect(rnn.losses()).toEqual(spec().scenario.rnn.loss.values);
    expect(rnn.lossesFor('sigmoid')).toEqual(['half_sse']);
    expect(rnn.lossesFor('softmax')).toEqual(['half_sse', 'cross_entropy']);
  });

  test('defaults are the core’s', () => {
    const bare = {model: {kind: 'rnn', input_size: 1, hidden_size: 1, output_size: 1},
      data: {sequences: [{inputs: [[1]], targets: [[0]]}]}};
    const resolved = core.resolve(bare).scenario.model;
    expect(rnn.lossOf(bare)).toBe(resolved.loss);
    expect(rnn.biasOf(bare)).toBe(resolved.bias);
    expect(rnn.hiddenActivationOf(bare)).toBe(resolved.hidden_activation);
    expect(rnn.outputActivationOf(bare)).toBe(resolved.output_activation);
    expect(Object.keys(rnn.shapesOf(bare.model))).toEqual(['U', 'V', 'W']);
    expect(rnn.lessonInit()).toEqual({scheme: 'uniform', scale: spec().scenario.init.scale.default, seed: 0});
  });
});

describe('lesson 2: edits', () => {
  test('sizes: what fits is kept, h₀ and the data padded, the rest drawn from the lesson’s init', () => {
    const s = lessonRnn();
    delete s.init;
    const {parameters} = accepted(lessonRnn());
    const next = rnn.setSize(s, parameters, 'hidden_size', 5);
    expect(Object.keys(next.parameters)).toEqual(['h0']);
    expect(next.parameters.h0).toEqual([0.49, 0.77, 0.09, 0.13, 0]);
    expect(next.init).toEqual(rnn.lessonInit());
    const input = rnn.setSize(s, parameters, 'input_size', 3);
    expect(Object.keys(input.parameters).sort()).toEqual(['V', 'W', 'h0']);
    expect(input.data.sequences[0].inputs[0]).toEqual([0.5, 0.23, 0]);
    for (const e of [next, input]) accepted(e);
  });

  test('time steps up to the lesson maximum and back', () => {
    const {steps} = rnn.limits();
    const long = rnn.setSteps(lessonRnn(), steps.max);
    expect(rnn.stepsOf(long)).toBe(steps.max);
    expect(long.data.sequences[0].targets[steps.max - 1]).toEqual([0, 0, 0, 0, 0]);
    accepted(long);
    const none = rnn.setTargetPresent(rnn.setTargetPresent(lessonRnn(), 0, false), 1, false);
    const short = rnn.setSteps(rnn.setTargetPresent(none, 2, false), 2);
    expect(short.data.sequences[0].targets).toEqual([null, [0, 0, 0, 0, 0]]);
    accepted(short);
  });

  test('activations, loss, biases, values', () => {
    const soft = rnn.setLoss(rnn.setOutputActivation(lessonRnn(), 'softmax'), 'cross_entropy');
    accepted(soft);
    const back = rnn.setOutputActivation(soft, 'tanh');
    expect(back.model.loss).toBe(spec().scenario.rnn.loss.default);
    const f = rnn.setHiddenActivation(back, 'relu');
    expect(f.model).toMatchObject({hidden_activation: 'relu', output_activation: 'tanh'});
    const biased = rnn.setBias(f, true);
    expect(Object.keys(rnn.shapesOf(biased.model))).toEqual(['U', 'V', 'W', 'b', 'c']);
    const {parameters} = accepted(biased);
    const edited = rnn.setParameter(biased, parameters, 'c', 4, null, 0.5);
    expect(edited.parameters.c[4]).toBe(0.5);
    expect(rnn.setBias(edited, false).parameters.b).toBeUndefined();
    const h0 = rnn.setH0(edited, parameters, 0, -1);
    expect(h0.parameters.h0[0]).toBe(-1);
    const x = rnn.setSequence(h0, 'inputs', 2, 1, 0.25);
    expect(x.data.sequences[0].inputs[2]).toEqual([0.05, 0.25]);
    for (const e of [back, f, biased, edited, h0, x]) accepted(e);
  });
});

describe('options of a list', () => {
  test('the allowed values, plus the current one a link brought', () => {
    expect(counts({min: 1, max: 3})).toEqual([1, 2, 3]);
    expect(sizeChoices({min: 1, max: 3}, 2)).toEqual([[1, '1'], [2, '2'], [3, '3']]);
    expect(sizeChoices({min: 1, max: 3}, 10).map(([v]) => v)).toEqual([1, 2, 3, 10]);
    expect(choices(['a', 'b'], 'z', (v) => v.toUpperCase())).toEqual([['a', 'A'], ['b', 'B'], ['z', 'Z']]);
  });
});
