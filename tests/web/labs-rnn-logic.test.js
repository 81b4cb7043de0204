// Pure logic of the sequence labs (7, 9, 10): settings from a link, the scenario built from them,
// the prediction strip's marks, lab 9's cells and lab 10's summary.
import {describe, expect, test} from 'vitest';
import {loadWasmCore} from './support.js';
import {crossCheck, dataFields, readParams, trainFields} from '../../web/labs/shared/sequence-settings.js';
import {parseField, writeParams} from '../../web/forms/settings.js';
import {buildScenario, dataSpec, outputOf, predictScenario, trainInput, trainingCounter} from '../../web/labs/shared/sequence-scenario.js';
import {isRight, stripSteps, tally} from '../../web/labs/secuencias/steps.js';
import {cellOf, cellText, colorOf, darkColor, logScales, SPECIAL} from '../../web/labs/explosion/grid.js';
import {fastest, summarize} from '../../web/labs/activaciones-rnn/summary.js';
import {pickSnapshots} from '../../web/labs/explosion/train-panel.js';
import {timeColors} from '../../web/labs/shared/sequence-colors.js';

const core = await loadWasmCore();  // the fields read the core's ranges (web/core/spec.js)
const fields = {...dataFields, ...trainFields};

describe('settings', () => {
  test('a field parses what a student types, or says why not', () => {
    expect(parseField(fields.lr, '0,05')).toEqual({ok: true, value: 0.05});
    expect(parseField(fields.hidden, '3.5')).toEqual({ok: false, reason: 'notInteger'});
    expect(parseField(fields.hidden, '33')).toEqual({ok: false, reason: 'range'});
    expect(parseField(fields.hidden, 'abc')).toEqual({ok: false, reason: 'notNumber'});
    expect(parseField(fields.task, 'parity')).toEqual({ok: true, value: 'parity'});
    expect(parseField(fields.task, 'sum')).toEqual({ok: false, reason: 'choice'});
  });

  test('a link: defaults for what is missing, refused values named and replaced', () => {
    const {values, invalid} = readParams(fields, new URLSearchParams('task=parity&hidden=99&lr=0.1'));
    expect(values.task).toBe('parity');
    expect(values.hidden).toBe(trainFields.hidden.default);
    expect(values.lr).toBe(0.1);
    expect(invalid).toEqual(['hidden']);
  });

  test('rules between fields: lengths in order, echo longer than its delay, batch within the set', () => {
    expect(crossCheck({minLength: 8, maxLength: 4})).toEqual({minLength: 'lengths'});
    expect(crossCheck({task: 'echo', delay: 3, minLength: 3, maxLength: 9})).toEqual({minLength: 'echo'});
    expect(crossCheck({task: 'parity', delay: 3, minLength: 3, maxLength: 9})).toEqual({});
    expect(crossCheck({count: 200, minLength: 50, maxLength: 101})).toEqual({count: 'size'});
    expect(crossCheck({count: 200, minLength: 50, maxLength: 100})).toEqual({});
    const link = readParams(fields, new URLSearchParams('minLength=9&maxLength=3'));
    expect([link.values.minLength, link.values.maxLength]).toEqual([4, 10]);
    expect(link.invalid).toEqual(['minLength']);
  });

  test('the batch within the training set: the sequences the core keeps, counted in its own data set', () => {
    const defaults = readParams(fields, new URLSearchParams()).values;
    const trainingCount = trainingCounter(core);
    const small = {...defaults, count: 20, validation: 0.25};
    const kept = core.data(dataSpec(small)).sequences.length;
    expect(trainingCount(small)).toBe(kept);
    expect(kept).toBeLessThan(20);
    expect(crossCheck({...small, batch: kept + 1}, trainingCount)).toEqual({batch: 'batch'});
    expect(crossCheck({...small, batch: kept}, trainingCount)).toEqual({});
    expect(crossCheck({...small, batch: kept + 1})).toEqual({});  // no count: the rule waits
    // settings the core refuses: no count, and the other rules say why
    expect(trainingCount({...small, minLength: 9, maxLength: 3})).toBeNull();
    // a link: a batch above the set falls back to at most the set
    const link = readParams(fields, new URLSearchParams('count=20&validation=0.25&batch=19'), {trainingCount});
    expect(link.values.batch).toBe(Math.min(trainFields.batch.default, kept));
    expect(link.invalid).toEqual(['batch']);
  });

  test('ranges, options and defaults that are the core\'s come from its spec; the labs\' own choices lie within it', () => {
    const {data, limits, scenario} = core.spec();
    expect([dataFields.minLength.min, dataFields.minLength.max]).toEqual([data.sequences.min_length.min, data.sequences.min_length.max]);
    expect(dataFields.maxLength.max).toBe(data.sequences.max_length.max);
    expect(dataFields.validation.max).toBe(data.sequences.validation.max);
    expect(dataFields.delay.default).toBe(data.sequences.delay.default);
    expect([...dataFields.task.choices].sort()).toEqual([...data.sequences.task.values].sort());
    expect(dataFields.task.choices.slice(0, 2)).toEqual(['echo', 'parity']);  // the labs' menu order
    expect(dataFields.dataSeed.max).toBe(limits.max_seed);
    expect(trainFields.seed.max).toBe(limits.max_seed);
    expect(dataFields.count.max).toBeLessThanOrEqual(data.sequences.count.max);
    expect(dataFields.delay.max).toBeLessThanOrEqual(data.sequences.delay.max);
    for (const f of trainFields.f.choices) expect(scenario.rnn.hidden_activation.values).toContain(f);
    for (const g of trainFields.g.choices) expect(scenario.rnn.output_activation.values).toContain(g);
    for (const o of trainFields.optimizer.choices) expect(scenario.optimizer.kind.values).toContain(o);
    expect(trainFields.lr.max).toBeLessThanOrEqual(scenario.optimizer.adam.lr.max);
  });

  test('settings round-trip through the address', () => {
    const values = {...readParams(fields, new URLSearchParams()).values, lr: 0.1 + 0.2};
    const text = new URLSearchParams(writeParams(fields, values));
    expect(text.get('lr')).toBe('0.3');
    expect(readParams(fields, text).values).toEqual({...values, lr: 0.3});
  });
});

describe('scenario', () => {
  const data = {
    input_size: 1, output_size: 2,
    sequences: [{inputs: [[1], [0], [1]], targets: [null, null, [0, 1]]}, {inputs: [[0], [1], [1]], targets: [null, null, [1, 0]]}],
    validation: {sequences: [{inputs: [[1], [1], [0]], targets: [null, null, [0, 1]]}]},
  };
  const s = readParams(fields, new URLSearchParams('batch=64&steps=300')).values;

  test('classes: softmax + cross-entropy; running sum: the chosen g with ½ sum of squares', () => {
    expect(outputOf('echo', 'linear')).toEqual({output_activation: 'softmax', loss: 'cross_entropy'});
    expect(outputOf('running_sum', 'sigmoid')).toEqual({output_activation: 'sigmoid', loss: 'half_sse'});
  });

  test('the RNN follows the data and the settings; the batch never exceeds the set', () => {
    const scenario = buildScenario(data, s);
    expect(scenario.model).toMatchObject({kind: 'rnn', input_size: 1, output_size: 2, hidden_size: 16, hidden_activation: 'tanh'});
    expect(scenario.train).toEqual({steps: 300, batch_size: 2, shuffle: true, seed: 1});
    expect(scenario.data.validation.sequences).toHaveLength(1);
    expect(dataSpec(s)).toEqual({kind: 'sequences', task: 'echo', count: 200, min_length: 4, max_length: 10, delay: 2, validation: 0.25, seed: 1});
    const input = trainInput(scenario, {evaluations: 100});
    expect(input.evaluateEvery).toBe(3);
    const one = predictScenario(scenario, data.validation.sequences[0], {U: [[1]]});
    expect(one).toEqual({model: scenario.model, init: scenario.init, data: {sequences: [data.validation.sequences[0]]}, parameters: {U: [[1]]}});
    expect(predictScenario(scenario, data.sequences[0]).parameters).toBeUndefined();
  });
});

describe('prediction strip', () => {
  test('marks follow the core accuracy rule and skip steps without a target', () => {
    const steps = stripSteps(
      {inputs: [[1], [0], [1]], targets: [null, [1, 0], [0, 1]]},
      [[0.3, 0.7], [0.6, 0.4], [0.8, 0.2]],
    );
    expect(steps.map((s) => s.right)).toEqual([null, true, false]);
    expect(steps[2].output).toEqual({probabilities: [0.8, 0.2], class: 0});
    expect(steps[1].target).toEqual({class: 0});
    expect(steps[0].input).toEqual({values: [1]});
    expect(tally(steps)).toEqual({right: 1, scored: 2});
    expect(isRight([0.35], [0.4])).toBe(null);     // running sum: not a class
    expect(isRight([1], [0.6])).toBe(true);
  });
});

describe('lab 9 cells', () => {
  test('scales on a log axis, cells as log10 of the ratio, colours blue to red', () => {
    expect(logScales(0.05, 5, 5)).toEqual([0.05, 0.16, 0.5, 1.6, 5]);
    expect(cellOf([1e-8, 1e-4, 1])).toEqual({kind: 'ratio', log10: -8});
    expect(cellOf([1, null])).toEqual({kind: 'overflow'});
    expect(cellOf([0, 1])).toEqual({kind: 'cut'});
    expect(cellOf([1, 0])).toEqual({kind: 'none'});
    expect(colorOf({kind: 'ratio', log10: 0})).toEqual([247, 247, 247]);
    const [r1, , b1] = colorOf({kind: 'ratio', log10: -10});
    expect(b1).toBeGreaterThan(r1);  // vanishing: blue
    const [r2, , b2] = colorOf({kind: 'ratio', log10: 10});
    expect(r2).toBeGreaterThan(b2);  // exploding: red
    expect(colorOf({kind: 'ratio', log10: 500})).toEqual(colorOf({kind: 'ratio', log10: 24}));
    expect(colorOf({kind: 'overflow'})).toEqual(SPECIAL.overflow);
    expect(darkColor(colorOf({kind: 'ratio', log10: -24}))).toBe(true);
    expect(darkColor(colorOf({kind: 'ratio', log10: 0}))).toBe(false);
    expect([cellText({kind: 'ratio', log10: -40.6}), cellText({kind: 'overflow'}), cellText({kind: 'none'})]).toEqual(['−41', '∞', '—']);
  });
});

describe('lab 10 summary', () => {
  const evaluations = [[0, {loss: 1, accuracy: 0.5}], [10, {loss: 0.2, accuracy: 0.8}], [20, {loss: 0.05, accuracy: 0.99}]];
  test('the first evaluated step at or below the target, or null', () => {
    expect(summarize({evaluations, wallMs: 12, diverged: null, status: 'done'}, 0.2)).toMatchObject({finalLoss: 0.05, accuracy: 0.99, reached: 10, wallMs: 12});
    expect(summarize({evaluations, status: 'done'}, 0.01).reached).toBe(null);
    expect(summarize({evaluations: [], status: 'failed', diverged: 7}, 0.1)).toMatchObject({finalLoss: null, diverged: 7});
  });
  test('the fastest run, none on a tie, never a diverged one', () => {
    const s = (reached, diverged = null) => ({reached, diverged});
    expect(fastest({tanh: s(10), relu: s(5), sigmoid: s(null)})).toBe('relu');
    expect(fastest({tanh: s(10), relu: s(10)})).toBe(null);
    expect(fastest({tanh: s(10), relu: s(5, 7)})).toBe('tanh');
  });
});

describe('lab 9 over training', () => {
  test('the snapshots drawn: evenly spread, first and last included; colours from early to late', () => {
    const list = Array.from({length: 151}, (_, i) => [i * 4, null]);
    expect(pickSnapshots(list, 6).map(([step]) => step)).toEqual([0, 120, 240, 360, 480, 600]);
    expect(pickSnapshots(list.slice(0, 3), 6)).toHaveLength(3);
    const colors = timeColors(3);
    expect(colors[0]).toBe('rgb(0, 62, 128)');
    expect(colors[2]).toBe('rgb(230, 120, 0)');
    expect(timeColors(1)).toEqual(['rgb(230, 120, 0)']);
  });
});
