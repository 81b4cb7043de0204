// The printed worked example's pieces under Node, on traces of the wasm core
// (web/components/print-view.js draws them; tests/e2e/print.e2e.test.js prints them): the narrow
// layout of a step's equations writes exactly the numbers of the step's equation, the printed
// network holds every parameter of the trace as it is shown, the default chain rule is an element
// that opens one, and the English strings have the Spanish ones' keys.
import {beforeAll, describe, expect, test} from 'vitest';
import {texNumber} from '../../web/format.js';
import {equationsTexBroken} from '../../web/lessons/equation.js';
import * as mlp from '../../web/lessons/mlp/print.js';
import * as bptt from '../../web/lessons/bptt/print.js';
import {buildSteps as mlpSteps} from '../../web/lessons/mlp/steps.js';
import {buildSteps as bpttSteps} from '../../web/lessons/bptt/steps.js';
import {presets as mlpPresets} from '../../web/lessons/mlp/presets.js';
import {presets as bpttPresets} from '../../web/lessons/bptt/presets.js';
import {print as es} from '../../web/strings/print.js';
import {print as en} from '../../web/strings/en/print.js';
import {loadWasmCore} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

const lessons = [
  {name: 'mlp', presets: mlpPresets, buildSteps: mlpSteps, print: mlp},
  {name: 'bptt', presets: bpttPresets, buildSteps: bpttSteps, print: bptt},
];

// Every number a TeX source writes, in order (a matrix's entries, the factors, the results).
const numbers = (source) => source.match(/-?\d+(?:\.\d+)?(?: \\times 10\^\{-?\d+\})?/g) ?? [];
const sorted = (list) => [...list].sort();

describe.each(lessons)('$name', ({presets, buildSteps, print}) => {
  test.each(Object.keys(presets))('preset %s: the narrow layout writes the same numbers', (preset) => {
    const scenario = presets[preset];
    const steps = buildSteps(scenario, core.trace(scenario));
    for (const step of steps) {
      for (const products of [false, true]) {
        const broken = equationsTexBroken(step.equations, {products});
        expect(sorted(numbers(broken)), step.id).toEqual(sorted(numbers(step.substituted)));
        expect(broken.split('\\\\').length, step.id).toBeGreaterThanOrEqual(step.equations.length);
      }
    }
  });

  test.each(Object.keys(presets))('preset %s: the network holds every parameter, the default chain rule opens', (preset) => {
    const scenario = presets[preset];
    const trace = core.trace(scenario);
    const network = print.network(scenario, trace);
    const written = network.parameters.join(' ');
    for (const [name, value] of Object.entries(trace.parameters))
      for (const x of value.flat()) expect(written, name).toContain(texNumber(x));
    expect(network.facts.every(([label, text]) => typeof label === 'string' && typeof text === 'string' && text)).toBe(true);
    const steps = buildSteps(scenario, trace);
    const element = print.chainRuleDefault(steps);
    const step = steps[element.step];
    expect(step.phase).toBe('backward');
    const e = step.expand(element.block, element.row, element.col);
    expect(e.value).toBe(step.result[element.block].value[element.row][element.col]);
  });
});

test('the English strings have the same keys and functions', () => {
  const shape = (strings) => Object.fromEntries(Object.entries(strings).map(([key, value]) => [key, typeof value === 'function' ? `fn${value.length}` : typeof value]));
  expect(shape(en)).toEqual(shape(es));
});
