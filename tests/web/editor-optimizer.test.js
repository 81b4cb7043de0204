// The editors' optimizer and regularization (web/components/editor/optimizer.js) under Node:
// every optimizer the core lists is offered (SGD with momentum as its own choice), with its
// hyper-parameters, the core's ranges and PyTorch's defaults; every edit gives a scenario the wasm
// core accepts; out-of-range values get their Spanish message (web/forms/refusal.js).
import {beforeAll, describe, expect, test} from 'vitest';
import {loadWasmCore} from './support.js';
import {defaultLr, spec} from '../../web/core/spec.js';
import * as opt from '../../web/components/editor/optimizer.js';
import {presets as mlpPresets} from '../../web/lessons/mlp/presets.js';
import {presets as rnnPresets} from '../../web/lessons/bptt/presets.js';
import {parseNumber} from '../../web/forms/number.js';
import {refusalText} from '../../web/forms/refusal.js';
import {S} from '../../web/strings/index.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

describe('the choices', () => {
  test('every kind of the spec, SGD with momentum right after SGD, each with a Spanish name', () => {
    const kinds = spec().scenario.optimizer.kind.values;
    expect(opt.optimizerChoices()).toEqual(['sgd', opt.MOMENTUM, ...kinds.filter((k) => k !== 'sgd')]);
    for (const choice of opt.optimizerChoices()) expect(S.editor.optimizers[choice]).toMatch(/\S/);
    expect(Object.values(S.editor.optimizers)).toEqual(
      expect.arrayContaining(['SGD', 'SGD con momento', 'AdaGrad', 'RMSprop', 'Adam', 'Adadelta', 'AdaMax']));
  });

  test('each choice shows its hyper-parameters with the spec\'s ranges and PyTorch\'s defaults', () => {
    const options = spec().scenario.optimizer;
    for (const choice of opt.optimizerChoices()) {
      const kind = choice === opt.MOMENTUM ? 'sgd' : choice;
      const fields = opt.hyperParameters(choice);
      const expected = Object.keys(options[kind]).filter((n) => choice !== 'sgd' || n !== 'momentum');
      expect(fields.map((f) => f.name)).toEqual(expected);
      const bare = {optimizer: {kind}};
      for (const field of fields) {
        expect(S.editor.hyper[field.name]).toMatch(/\S/);
        if (field.name === 'lr') {
          expect(field.read(bare)).toBe(defaultLr(kind));
          expect(field.limits.max).toBe(spec().lesson.lr.max);
        } else {
          expect(field.read(bare)).toBe(options[kind][field.name].default);
          expect(field.limits.min).toBe(options[kind][field.name].min);
          expect(field.limits.maxExcluded).toBe(options[kind][field.name].max_excluded === true);
        }
      }
    }
  });
});

describe('the edits', () => {
  const bases = {mlp: () => structuredClone(mlpPresets.classic), rnn: () => structuredClone(rnnPresets.lesson)};
  for (const [lesson, base] of Object.entries(bases)) {
    test(`${lesson}: every choice, every hyper-parameter and λ₁, λ₂ give a scenario the core accepts`, () => {
      for (const choice of opt.optimizerChoices()) {
        let scenario = opt.setOptimizer(base(), choice);
        expect(opt.choiceOf(scenario)).toBe(choice);
        for (const {name, limits, read} of opt.hyperParameters(choice)) {
          const value = limits.maxExcluded ? (limits.min + limits.max) / 2 : read(scenario);
          scenario = opt.setHyperParameter(scenario, name, value);
          expect(read(scenario)).toBe(value);
        }
        scenario = opt.setPenalty(opt.setPenalty(scenario, 'l1', 0.001), 'l2', 0.01);
        const trace = core.trace({...scenario, iteration: 2});
        expect(trace.loss_parts.l1).toBeGreaterThan(0);
        expect(trace.optimizer.step).toBe(2);
      }
    });
  }

  test('switching: SGD ⇄ momentum keep η; another optimizer starts from its PyTorch η; update_biases stays', () => {
    const classic = {...structuredClone(mlpPresets.classic), optimizer: {kind: 'sgd', lr: 0.5, update_biases: false}};
    const momentum = opt.setOptimizer(classic, opt.MOMENTUM);
    expect(momentum.optimizer).toMatchObject({kind: 'sgd', lr: 0.5, update_biases: false});
    expect(momentum.optimizer.momentum).toBeGreaterThan(0);
    expect(opt.setOptimizer(momentum, 'sgd').optimizer).toEqual({kind: 'sgd', lr: 0.5, update_biases: false});
    expect(opt.setOptimizer(classic, 'adam').optimizer).toEqual({kind: 'adam', lr: defaultLr('adam'), update_biases: false});
  });

  test('penalties: the spec\'s names, no maximum, 0 by default', () => {
    expect(opt.penaltyNames()).toEqual(Object.keys(spec().scenario.regularization));
    for (const name of opt.penaltyNames()) {
      expect(opt.penaltyOf({}, name)).toBe(0);
      expect(opt.penaltyLimits(name)).toMatchObject({min: 0, max: Infinity});
      expect(S.editor.penalties[name]).toMatch(/\S/);
    }
  });
});

describe('out-of-range values: the Spanish messages', () => {
  const texts = {...S.editor.errors};
  const message = (text, limits) => {
    const parsed = parseNumber(text, limits);
    return parsed.ok ? null : refusalText(parsed.reason, text, limits, texts);
  };
  test('β₁ = 1 (its top excluded), λ₂ < 0 (no top), ε = 0, a word', () => {
    const beta1 = opt.hyperParameters('adam').find((f) => f.name === 'beta1').limits;
    expect(message('1', beta1)).toBe('Debe ser al menos 0 y menor que 1.');
    expect(message('0.9', beta1)).toBeNull();
    expect(message('-0,01', opt.penaltyLimits('l2'))).toBe('Debe ser al menos 0.');
    const eps = opt.hyperParameters('adam').find((f) => f.name === 'eps').limits;
    expect(message('0', eps)).toMatch(/^Debe estar entre/);
    expect(message('mucho', opt.penaltyLimits('l1'))).toMatch(/no es un número/);
  });
});
