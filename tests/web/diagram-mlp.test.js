// Lesson 1's diagram as data (web/components/mlp-diagram/model.js and layout.js) under Node,
// against real traces from the wasm core: what the neurons, edges, biases, targets and the loss
// show at each step, what is highlighted, the edges' widths and colours, and editing a parameter.
import {beforeAll, describe, expect, test} from 'vitest';
import {formatNumber} from '../../web/format.js';
import {mlpKeys} from '../../web/core/trace-keys.js';
import {buildSteps} from '../../web/lessons/mlp/steps.js';
import {presets} from '../../web/lessons/mlp/presets.js';
import {
  mlpDiagramModel, parameterLabel, readParameter, withParameter,
} from '../../web/components/mlp-diagram/model.js';
import {layout} from '../../web/components/mlp-diagram/layout.js';
import {loadWasmCore} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

// The page's state for a scenario at a step, as web/lessons/lesson-page.js builds it.
function stateOf(scenario, step = 0, selected = null) {
  const trace = core.trace(scenario);
  return {scenario, trace, steps: buildSteps(scenario, trace), step, selected};
}
const stepIndex = (state, id) => state.steps.findIndex((s) => s.id === id);
const unit = (d, l, i) => d.units[l][i];
const edge = (d, key) => d.edges.find((e) => e.key === key);
const bias = (d, key) => d.biases.find((b) => b.key === key);
// Text widths without a canvas: the estimate the diagram uses before its font is known.
const measure = {font: '', width: (text, size) => [...text].length * size * 0.64};

describe('the classic 2-2-2 example', () => {
  test('step 1, z⁽¹⁾: the hand-worked numbers on the neurons, layer 1 highlighted', () => {
    const state = stateOf(presets.classic, 0);
    expect(state.steps[0].id).toBe('z1');
    const d = mlpDiagramModel(state);
    expect(d.phase).toBe('forward');
    expect(d.gradients).toBe(false);
    expect(unit(d, 0, 0).lines.map((l) => l.text)).toEqual(['0.05']);
    expect(unit(d, 0, 1).lines.map((l) => l.text)).toEqual(['0.1']);
    // Only z⁽¹⁾ is computed at step 1: a⁽¹⁾, z⁽²⁾, ŷ and L wait for their steps.
    expect(unit(d, 1, 0).lines.map((l) => l.text)).toEqual(['z = 0.3775', 'a = ?']);
    expect(unit(d, 1, 1).lines.map((l) => l.text)).toEqual(['z = 0.3925', 'a = ?']);
    expect(unit(d, 2, 0).lines.map((l) => l.text)).toEqual(['z = ?', 'ŷ = ?']);
    expect(d.loss.text).toBe('L = ?');
    const later = mlpDiagramModel({...state, step: stepIndex(state, 'loss')});
    expect(unit(later, 1, 0).lines.map((l) => l.text)).toEqual(['z = 0.3775', 'a = 0.59326999']);
    expect(unit(later, 2, 0).lines.map((l) => l.text)).toEqual(['z = 1.105906', 'ŷ = 0.75136507']);
    expect(unit(later, 2, 1).lines[1].text).toBe('ŷ = 0.77292847');
    expect(later.loss.text).toBe('L = 0.29837111');
    expect(d.targets.map((t) => t.text)).toEqual(['y₁ = 0.01', 'y₂ = 0.99']);
    // z⁽¹⁾ uses W⁽¹⁾ and b⁽¹⁾ and computes layer 1's z.
    expect(d.units[1].every((u) => u.hot && u.lines[0].hot && !u.lines[1].hot)).toBe(true);
    expect([...d.units[0], ...d.units[2]].some((u) => u.hot)).toBe(false);
    expect(d.edges.filter((e) => e.hot).map((e) => e.key)).toEqual(['W1:0:0', 'W1:0:1', 'W1:1:0', 'W1:1:1']);
    expect(d.biases.filter((b) => b.hot).map((b) => b.key)).toEqual(['b1:0', 'b1:1']);
    expect(d.loss.hot).toBe(false);
    expect(d.reveal).toEqual({column: 1});
    expect(d.notes).toEqual([expect.stringContaining('peso w')]);
  });

  test('forward: every edge drawn by its weight', () => {
    const d = mlpDiagramModel(stateOf(presets.classic, 2));
    const w5 = edge(d, 'W2:0:0');
    expect(w5).toMatchObject({name: 'W⁽²⁾₁₁', value: 0.4, shown: 0.4, text: '0.4', ratio: null, sign: 'dg-pos'});
    expect(w5.width).toBeCloseTo(2.4, 12);  // 6 |w|
    expect(edge(d, 'W1:0:0').width).toBeCloseTo(0.9, 12);
    expect(w5.label).toBe('Peso W⁽²⁾₁₁ = 0.4. Intro para cambiarlo.');
    // Its gradient and its value after the update, once they are computed.
    expect(w5.title).not.toContain('∂L/∂W⁽²⁾₁₁');
    const state = stateOf(presets.classic);
    const after = edge(mlpDiagramModel({...state, step: stepIndex(state, 'updateW')}), 'W2:0:0');
    expect(after.title).toContain('∂L/∂W⁽²⁾₁₁: 0.08216704');
    expect(after.title).toContain('tras la actualización: 0.3589164797');
    expect(bias(d, 'b1:0')).toMatchObject({value: 0.35, sign: 'dg-pos', text: {compact: 'b = 0.35', wide: 'b⁽¹⁾₁ = 0.35'}});
    expect(d.legend.map((item) => item.swatch ?? null)).toEqual(['dg-pos', 'dg-neg', null, 'dg-legend-hot']);
  });

  test('every value shown is the trace\'s, and only once its step is done', () => {
    const state = stateOf(presets.classic);
    const {trace} = state;
    for (let step = 0; step < state.steps.length; step++) {
      const d = mlpDiagramModel({...state, step});
      const done = (id) => state.steps.findIndex((s) => s.id === id) <= step;
      const shown = (id, x) => (done(id) ? formatNumber(x) : '?');
      for (let l = 1; l <= 2; l++) {
        d.units[l].forEach((u, i) => {
          const a = shown(mlpKeys.a(l), trace.forward[mlpKeys.a(l)][0][i]);
          const expected = d.gradients
            ? [`${l === 2 ? 'ŷ' : 'a'} = ${a}`, `δ = ${shown(mlpKeys.delta(l), trace.backward[mlpKeys.delta(l)][0][i])}`]
            : [`z = ${shown(mlpKeys.z(l), trace.forward[mlpKeys.z(l)][0][i])}`, `${l === 2 ? 'ŷ' : 'a'} = ${a}`];
          expect(u.lines.map((line) => line.text)).toEqual(expected);
        });
        trace.parameters[mlpKeys.W(l)].forEach((row, i) => row.forEach((w, j) => {
          const e = edge(d, `W${l}:${i}:${j}`);
          expect(e.shown).toBe(d.gradients && done(mlpKeys.dW(l)) ? trace.backward[mlpKeys.dW(l)][i][j] : w);
          expect(e.text).toBe(formatNumber(e.shown));
        }));
      }
      expect(d.loss.text).toBe(`L = ${shown('loss', trace.loss)}`);
    }
  });

  test('δ⁽²⁾, then ∂L/∂W⁽²⁾: gradients, their widths relative to the largest of the layer', () => {
    const state = stateOf(presets.classic);
    const delta = mlpDiagramModel({...state, step: stepIndex(state, 'delta2')});
    expect(delta.phase).toBe('backward');
    expect(unit(delta, 2, 0).lines.map((l) => l.text)).toEqual(['ŷ = 0.75136507', 'δ = 0.13849856']);
    expect(unit(delta, 2, 0).lines[1].hot).toBe(true);
    // δ⁽¹⁾ is not shown while δ⁽²⁾ is computed; the edges are still weights.
    expect(unit(delta, 1, 0).lines.map((l) => l.text)).toEqual(['a = 0.59326999', 'δ = ?']);
    expect(unit(delta, 1, 0).title).not.toContain('δ⁽¹⁾₁');
    expect(edge(delta, 'W2:0:0').shown).toBe(0.4);
    expect(delta.edges.some((e) => e.hot)).toBe(false);  // the output layer's δ uses no weight

    const d = mlpDiagramModel({...state, step: stepIndex(state, 'dW2')});
    const w5 = edge(d, 'W2:0:0');
    expect(w5.text).toBe('0.082167041');
    expect(w5.sign).toBe('dg-gpos');
    const dW2 = state.trace.backward.dW2.flat().map(Math.abs);
    const largest = Math.max(...dW2);
    expect(w5.ratio).toBe(Math.abs(state.trace.backward.dW2[0][0]) / largest);
    expect(w5.width).toBe(Math.max(0.8, 7 * w5.ratio));
    expect(Math.max(...d.edges.filter((e) => e.l === 2).map((e) => e.width))).toBe(7);
    expect(edge(d, 'W2:1:0').sign).toBe('dg-gneg');  // ∂L/∂w₇ < 0: y₂ is above ŷ₂
    expect(d.edges.filter((e) => e.hot).map((e) => e.l)).toEqual([2, 2, 2, 2]);
    expect(edge(d, 'W1:0:0')).toMatchObject({shown: 0.15, ratio: null, sign: 'dg-pos'});  // ∂L/∂W⁽¹⁾ comes later
    // Layer 2 shows gradients, layer 1 still its weights: the legend explains both.
    expect(d.legend.map((item) => item.swatch ?? null)).toEqual(['dg-gpos', 'dg-gneg', null, 'dg-pos', 'dg-neg', null, 'dg-legend-hot']);
    const all = mlpDiagramModel({...state, step: stepIndex(state, 'dW1')});
    expect(all.legend.map((item) => item.swatch ?? null)).toEqual(['dg-gpos', 'dg-gneg', null, 'dg-legend-hot']);
    expect(d.notes[0]).toContain('gradiente');
    expect(d.reveal).toEqual({between: 2});
  });

  test('the element picked in the stepper is emphasised, drawn on top and scrolled to', () => {
    const state = stateOf(presets.classic);
    const step = stepIndex(state, 'dW2');
    const d = mlpDiagramModel({...state, step, selected: {step, block: 0, row: 1, col: 0}});
    expect(d.emphasis).toBe('W2:1:0');
    expect(d.edges.filter((e) => e.emph).map((e) => e.key)).toEqual(['W2:1:0']);
    expect(d.drawOrder.at(-1)).toBe('W2:1:0');
    expect(d.drawOrder.slice(0, 4).every((key) => key.startsWith('W1'))).toBe(true);  // dimmed first
    expect(d.reveal).toEqual({key: 'W2:1:0'});
    // A pick from another step emphasises nothing.
    expect(mlpDiagramModel({...state, step: step + 1, selected: {step, row: 1, col: 0}}).emphasis).toBe(null);
    // A neuron, and the update's blocks (W⁽¹⁾, W⁽²⁾).
    const z = mlpDiagramModel({...state, step: 0, selected: {step: 0, row: 0, col: 1}});
    expect(z.units.flat().filter((u) => u.emph).map((u) => u.key)).toEqual(['n1:1']);
    expect(z.reveal).toEqual({column: 1});
    const update = stepIndex(state, 'updateW');
    expect(mlpDiagramModel({...state, step: update, selected: {step: update, block: 1, row: 0, col: 1}}).emphasis).toBe('W2:0:1');
    const updateb = stepIndex(state, 'updateb');
    expect(mlpDiagramModel({...state, step: updateb, selected: {step: updateb, block: 0, col: 1}}).emphasis).toBe('b1:1');
  });

  test('the loss and the update steps', () => {
    const state = stateOf(presets.classic);
    const loss = mlpDiagramModel({...state, step: stepIndex(state, 'loss')});
    expect(loss.loss.hot).toBe(true);
    expect(loss.targets.every((t) => t.hot)).toBe(true);
    expect(loss.units[2].every((u) => u.hot && u.lines[1].hot)).toBe(true);
    const update = mlpDiagramModel({...state, step: stepIndex(state, 'updateW')});
    expect(update.phase).toBe('update');
    expect(update.edges.every((e) => e.hot)).toBe(true);
    expect(update.biases.some((b) => b.hot)).toBe(false);
    const updateb = mlpDiagramModel({...state, step: stepIndex(state, 'updateb')});
    expect(updateb.biases.every((b) => b.hot)).toBe(true);
    expect(updateb.biases[0].sign).toBe('dg-gpos');  // coloured by ∂L/∂b, labelled by b
    expect(updateb.biases[0].text.compact).toBe('b = 0.35');
  });

  test('tooltips and names', () => {
    const d = mlpDiagramModel(stateOf(presets.classic, 0));
    expect(unit(d, 1, 0).name).toBe('a⁽¹⁾₁');
    expect(unit(d, 2, 1).name).toBe('ŷ₂');
    expect(unit(d, 1, 0).title).toContain('z⁽¹⁾₁ = 0.3775');
    expect(unit(d, 1, 0).title).toContain('a⁽¹⁾₁ = aún sin calcular');
    const state = stateOf(presets.classic);
    const back = mlpDiagramModel({...state, step: stepIndex(state, 'delta1')});
    expect(unit(back, 1, 0).title).toMatch(/f′\(z⁽¹⁾₁\) = 0\.241300/);
    expect(unit(d, 0, 0).title).toBe('x₁ (entrada, muestra 1) = 0.05');
    expect(d.headers.map((h) => h.title)).toEqual(['Entrada', 'Oculta 1', 'Salida']);
    expect(d.label).toBe('Diagrama de la red 2-2-2');
    expect(d.keys).toEqual(['W1:0:0', 'W1:0:1', 'W1:1:0', 'W1:1:1', 'b1:0', 'b1:1', 'W2:0:0', 'W2:0:1', 'W2:1:0', 'W2:1:1', 'b2:0', 'b2:1']);
  });
});

describe('editing a parameter', () => {
  test('its name, value and the scenario with it changed', () => {
    const {scenario, trace} = stateOf(presets.classic);
    expect(parameterLabel('W2:0:1')).toBe('W⁽²⁾₁₂');
    expect(parameterLabel('b1:1')).toBe('b⁽¹⁾₂');
    expect(readParameter(trace.parameters, 'W2:0:1')).toBe(0.45);
    expect(readParameter(trace.parameters, 'b2:1')).toBe(0.6);
    const next = withParameter(scenario, trace, 'W2:0:1', 0.9);
    expect(next.parameters.W2).toEqual([[0.4, 0.9], [0.5, 0.55]]);
    expect(scenario.parameters.W2[0][1]).toBe(0.45);  // the original is untouched
    expect(withParameter(scenario, trace, 'b1:0', -1).parameters.b1).toEqual([-1, 0.35]);
    expect(core.trace(next).loss).not.toBe(trace.loss);
  });

  test('a seeded scenario keeps every value it showed', () => {
    const {scenario, trace} = stateOf(presets.pytorch);
    const next = withParameter(scenario, trace, 'b2:0', 0.5);
    expect(next.parameters.W1).toEqual(trace.parameters.W1);
    expect(core.trace(next).parameters.W2).toEqual(trace.parameters.W2);
    const d = mlpDiagramModel(stateOf(presets.pytorch, 0));
    expect(edge(d, 'W1:0:0').value).toBe(trace.parameters.W1[0][0]);
  });
});

describe('any size the scenario has', () => {
  const wide = {
    model: {kind: 'mlp', layers: [3, 12, 16, 2], activations: ['tanh', 'relu', 'sigmoid'], loss: 'half_sse'},
    init: {scheme: 'pytorch_default', seed: 3},
    data: {inputs: [[0.1, -0.2, 0.3], [0.4, 0.5, 0.6]], targets: [[0.2, 0.8], [0.1, 0.9]]},
    optimizer: {kind: 'sgd', lr: 0.1},
  };

  test('every unit and edge, whatever the size, and the batch noted', () => {
    const state = stateOf(wide, 0);
    const d = mlpDiagramModel(state);
    expect(d.units.map((column) => column.length)).toEqual([3, 12, 16, 2]);
    expect(d.edges.length).toBe(3 * 12 + 12 * 16 + 16 * 2);
    expect(d.headers.map((h) => h.sub)).toEqual(['x', 'tanh', 'ReLU', 'sigmoide']);
    expect(d.notes[1]).toBe('Valores de la muestra 1 (de 2).');
    expect(unit(d, 3, 1).lines[1].text).toBe('ŷ = ?');
    const last = mlpDiagramModel({...state, step: state.steps.length - 1});
    expect(unit(last, 3, 1).lines[0].text).toBe(`ŷ = ${formatNumber(state.trace.forward.a3[0][1])}`);
  });

  test('the layout: wide or compact by the width, scrolling when too wide to shrink', () => {
    const classic = mlpDiagramModel(stateOf(presets.classic, 0));
    const wideLayout = layout(classic, 1000, measure);
    expect(wideLayout.m.compact).toBe(false);
    expect(wideLayout.width).toBe(1000);
    expect(wideLayout.scrolls).toBe(false);
    expect(wideLayout.xs[0]).toBeLessThan(wideLayout.xs[1]);
    expect(wideLayout.edgeLabels.size).toBe(8);  // every weight labelled on its edge
    const narrow = layout(classic, 360, measure);
    expect(narrow.m.compact).toBe(true);
    expect(narrow.edgeLabels.size).toBe(0);
    const big = layout(mlpDiagramModel(stateOf(wide, 0)), 360, measure);
    expect(big.ys[2].length).toBe(16);
    expect(big.scrolls).toBe(big.natural * 0.9 > 360);
  });
});
