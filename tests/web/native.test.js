// The wasm core against the native tool, verb by verb, on every fixture scenario and example.
import {beforeAll, describe, expect, test} from 'vitest';
import {allScenarios, gradcheckMismatches, loadWasmCore, requireNative, resultMismatches, runNativeMany} from './support.js';

const scenarios = allScenarios();
const verbs = ['trace', 'train', 'gradcheck'];

let core;
const native = new Map(); // `${verb} ${name}` -> {status, stdout, stderr}
beforeAll(async () => {
  requireNative();
  core = await loadWasmCore();
  const jobs = scenarios.flatMap((s) => verbs.map((verb) => ({key: `${verb} ${s.name}`, args: [[verb, '-'], s.text]})));
  const results = await runNativeMany(jobs.map((j) => j.args));
  jobs.forEach((j, i) => native.set(j.key, results[i]));
});

function nativeResult(verb, name) {
  const r = native.get(`${verb} ${name}`);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

describe.each(['trace', 'train'])('%s', (verb) => {
  test.each(scenarios.map((s) => [s.name, s.text]))('%s', (name, text) => {
    expect(resultMismatches(nativeResult(verb, name), core[verb](text))).toEqual([]);
  });
});

describe('gradcheck', () => {
  test.each(scenarios.map((s) => [s.name, s.text]))('%s', (name, text) => {
    const {loss} = nativeResult('trace', name);
    expect(gradcheckMismatches(nativeResult('gradcheck', name), core.gradcheck(text), loss)).toEqual([]);
  });
});

describe('Trainer', () => {
  // A trainer's losses and parameters are those of the train verb, step by step.
  test.each(scenarios.filter((s) => s.name.startsWith('examples/')).map((s) => [s.name, s.text]))('%s', (_, text) => {
    const scenario = JSON.parse(text);
    const expected = core.train(text);
    const trainer = core.trainer(text);
    try {
      const every = scenario.train.record_every;
      const losses = [];
      for (let done = 0; done < scenario.train.steps; done += 500) losses.push(...trainer.run(500));
      expect(losses.length).toBe(scenario.train.steps);
      expect(trainer.stepsDone).toBe(scenario.train.steps);
      expect(expected.losses).toEqual(losses.flatMap((loss, i) => (i % every === 0 ? [[i, loss]] : [])));
      expect(trainer.fullLoss()).toBe(expected.final_loss);
      expect(trainer.parameters()).toEqual(expected.parameters);
    } finally {
      trainer.delete();
    }
  });
});
