// Lesson 2's unrolled RNN as data (web/components/rnn-diagram/model.js and layout.js) under Node,
// against real traces from the wasm core: what every box shows at each step, what the step
// highlights, which values the pass has not computed yet, the arrows' states, and editing.
import {beforeAll, describe, expect, test} from 'vitest';
import {buildSteps} from '../../web/lessons/bptt/steps.js';
import {presets} from '../../web/lessons/bptt/presets.js';
import {
  describeStep, describeValues, parameterValues, rnnDiagramModel, shapeOf, withParameter,
} from '../../web/components/rnn-diagram/model.js';
import {chooseLayout} from '../../web/components/rnn-diagram/layout.js';
import {loadWasmCore} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

function stateOf(scenario, step = 0) {
  const trace = core.trace(scenario);
  return {scenario, trace, steps: buildSteps(scenario, trace), step, selected: null};
}
const at = (state, id) => ({...state, step: state.steps.findIndex((s) => s.id === id)});
const model = (state, id) => rnnDiagramModel(at(state, id));
const hotArrows = (st) => [...st.arrows].filter(([, s]) => s === 'hot').map(([key]) => key);
const measure = {font: '', width: (text, size) => [...text].length * size * 0.62};

describe('the lesson\'s RNN (input 2, hidden 4, output 5, T = 3)', () => {
  test('the forward values in every box are the trace\'s, h₀ the preset\'s', () => {
    const state = at(stateOf(presets.lesson), 'loss');  // every forward value computed
    const {values: d, step: st} = rnnDiagramModel(state);
    const {forward: f} = state.trace;
    expect(d.T).toBe(3);
    expect(d.gradients).toBe(false);
    expect(d.sizes).toEqual({input: 2, hidden: 4, output: 5});
    expect(d.first.values[0]).toEqual([0.49, 0.77, 0.09, 0.13]);
    expect(st.h0.columns[0].name).toBe('h₀');
    for (let s = 1; s <= 3; s++) {
      const hidden = st.hidden[s - 1].columns;
      expect(hidden.map((c) => c.name)).toEqual([`r${'₁₂₃'[s - 1]}`, `h${'₁₂₃'[s - 1]}`]);
      expect(hidden[0].values).toBe(f.r[s - 1]);
      expect(hidden[1].values).toBe(f.h[s - 1]);
      expect(st.output[s - 1].columns[0].values).toBe(f.s[s - 1]);
      expect(st.output[s - 1].columns[1].values).toBe(f.y[s - 1]);
      expect(st.input[s - 1].columns[0].values).toEqual(presets.lesson.data.sequences[0].inputs[s - 1]);
      expect(st.target[s - 1].values).toEqual(presets.lesson.data.sequences[0].targets[s - 1]);
    }
    // A tint scaled by the largest magnitude of each vector over time.
    expect(d.hidden.pair[1].scale).toBe(Math.max(...f.h.flat().map(Math.abs)));
    expect(d.keys).toEqual(['h0', 'U:1', 'V:1', 'W:1', 'U:2', 'V:2', 'W:2', 'U:3', 'V:3', 'W:3']);
    expect(d.label).toBe('RNN desplegada en 3 pasos de tiempo (entrada 2, oculta 4, salida 5)');
  });

  test('r₂: what the step uses, what it computes, and what is not computed yet', () => {
    const {step: st} = model(stateOf(presets.lesson), 'r2');
    expect(st.kind).toBe('r');
    expect(st.t).toBe(2);
    expect(hotArrows(st)).toEqual(['U:2', 'V:2']);
    expect(st.hidden.map((b) => b.hot)).toEqual([false, true, false]);
    expect(st.hidden[1].columns.map((c) => c.emph)).toEqual([true, false]);  // r₂, not h₂
    expect(st.hidden[1].single).toBe(0);  // a narrow layout shows r₂
    expect(st.hidden.map((b) => b.pending)).toEqual([false, false, true]);
    expect(st.output.map((b) => b.pending)).toEqual([false, true, true]);
    expect(st.h0.pending).toBe(false);
    expect(st.headers.map((h) => h.now)).toEqual([false, false, true, false]);
    expect(st.headers.map((h) => h.text)).toEqual(['t = 0', 't = 1', 't = 2', 't = 3']);
    expect(st.note).toBe(null);
  });

  test('only what is computed shows its numbers: r₂ but not h₂, s₁ y₁ but not s₂; L after its step', () => {
    const state = stateOf(presets.lesson);
    const {forward: f, backward: g} = state.trace;
    const st = model(state, 'r2').step;
    expect(st.hidden[1].columns[0].values).toBe(f.r[1]);
    expect(st.hidden[1].columns[1].values).toEqual([null, null, null, null]);  // h₂: not yet
    expect(st.hidden[2].columns.every((c) => c.values.every((v) => v === null))).toBe(true);
    expect(st.output[0].columns[1].values).toBe(f.y[0]);
    expect(st.output[1].columns[0].values.every((v) => v === null)).toBe(true);
    expect(st.loss.computed).toBe(false);
    expect(model(state, 'loss').step.loss.computed).toBe(true);
    // Backward: h̄₃ while r̄₃ waits; nothing of t = 2 before its steps; h̄₀ with r̄₁.
    const back = model(state, 'h_grad3').step;
    expect(back.hidden[2].columns[0].values).toBe(g.h_grad[2]);
    expect(back.hidden[2].columns[1].values.every((v) => v === null)).toBe(true);
    expect(back.output[1].columns.every((c) => c.values.every((v) => v === null))).toBe(true);
    expect(back.h0.columns[0].values.every((v) => v === null)).toBe(true);
    expect(model(state, 'r_grad1').step.h0.columns[0].values).toBe(g.dh0);
  });

  test('y₃ and the loss: outputs, targets and the loss highlighted', () => {
    const state = stateOf(presets.lesson);
    const y = model(state, 'y3').step;
    expect(hotArrows(y)).toEqual(['W:3']);
    expect(y.output[2].columns.map((c) => c.emph)).toEqual([false, true]);
    expect(y.output.every((b) => !b.pending)).toBe(true);
    const loss = model(state, 'loss').step;
    expect(loss.loss.hot).toBe(true);
    expect(loss.output.every((b) => b.hot && b.columns[1].emph)).toBe(true);
    expect(loss.target.every((b) => b.hot)).toBe(true);
    expect(loss.headers.some((h) => h.now)).toBe(false);
  });

  test('backward: gradients, h̄_t\'s two paths, and the steps not reached yet', () => {
    const state = stateOf(presets.lesson);
    const {backward: g} = state.trace;
    const sGrad = model(state, 's_grad3');
    expect(sGrad.values.gradients).toBe(true);
    expect(sGrad.step.output[2].columns.map((c) => [c.name, c.emph])).toEqual([['ȳ₃', false], ['s̄₃', true]]);
    expect(sGrad.step.output[2].columns[1].values).toBe(g.s_grad[2]);
    expect(sGrad.step.hidden.every((b) => b.pending)).toBe(true);
    expect(sGrad.step.output.map((b) => b.pending)).toEqual([true, true, false]);
    expect(sGrad.step.h0).toMatchObject({pending: true, columns: [{name: 'h̄₀', values: g.dh0.map(() => null)}]});

    const hGrad = model(state, 'h_grad2').step;
    expect(hGrad.touched.paths).toEqual({output: 2, next: 3});
    expect(hotArrows(hGrad)).toEqual(['W:2', 'V:3']);
    expect(hGrad.hidden[1].columns[0]).toMatchObject({name: 'h̄₂', emph: true, values: g.h_grad[1]});
    expect(hGrad.hidden[1].single).toBe(0);
    expect(hGrad.hidden.map((b) => b.pending)).toEqual([true, false, false]);
    expect(hGrad.note).toContain('dos caminos');
    expect(hGrad.legend).toEqual({bias: false, paths: true, added: false});

    const last = model(state, 'h_grad3').step;
    expect(last.touched.paths).toEqual({output: 3, next: null});
    expect(hotArrows(last)).toEqual(['W:3']);
    expect(last.note).toContain('no hay paso siguiente');

    const rGrad = model(state, 'r_grad1').step;
    expect(rGrad.hidden[0].columns[1]).toMatchObject({name: 'r̄₁', emph: true, values: g.r_grad[0]});
    expect(rGrad.h0.pending).toBe(false);
  });

  test('accumulating over time: this step\'s part, the steps already summed and those pending', () => {
    const state = stateOf(presets.lesson);
    const st = model(state, 'accumulate2').step;
    expect(st.touched.marks).toEqual(['pending', 'now', 'added']);
    expect(Object.fromEntries(st.arrows)).toEqual({
      'U:1': 'dim', 'V:1': 'dim', 'W:1': 'dim',
      'U:2': 'hot', 'V:2': 'hot', 'W:2': 'hot',
      'U:3': 'added', 'V:3': 'added', 'W:3': 'added',
    });
    expect(st.legend.added).toBe(true);
    expect(st.note).toBe('Se suma la aportación del paso 2; ya estaba sumado el paso 3; falta el paso 1.');
  });

  test('the naive gradient and the update', () => {
    const state = stateOf(presets.lesson);
    const naive = model(state, 'naive').step;
    expect(hotArrows(naive)).toEqual(['W:3']);
    expect(naive.headers.some((h) => h.now)).toBe(false);
    expect(naive.note).toContain('ingenuo');
    const update = model(state, 'update').step;
    expect(update.phase).toBe('update');
    expect([...update.arrows.values()].every((s) => s === 'hot')).toBe(true);
    expect(update.caption.dense).toBe(update.caption.single);
  });

  test('tooltips carry every digit', () => {
    const state = stateOf(presets.lesson);
    const {values: d} = rnnDiagramModel(state);
    const {forward: f, backward: g} = state.trace;
    const tip = d.tips.hidden(2, 0);
    expect(tip).toContain(`(r₂)₁ = ${String(f.r[1][0])}`);
    expect(tip).toContain(`(h̄₂)₁ = ${String(g.h_grad[1][0]).replace('-', '−')}`);
    expect(d.tips.h0(1)).toContain('(h₀)₂ = 0.77');
    expect(d.tips.target(1, 4)).toBe('objetivo en t = 1, componente 5 = 0.94');
    expect(d.titles.hidden[0]).toBe('r₁, h₁: estado oculto en t = 1');
    expect(d.arrows[1]).toMatchObject({key: 'V:1', name: 'V', t: 1});
    expect(d.arrows[1].tip).toContain('V: de h₀ a h₁');
  });

  test('a tooltip tells only what the step has computed: "?" for what is still to come', () => {
    const state = stateOf(presets.lesson);
    const {forward: f, backward: g} = state.trace;
    const {values: d, step: first} = model(state, 'r1');
    const early = d.tips.hidden(2, 0, first.known);
    expect(early).toContain('(r₂)₁ = ?');
    expect(early).toContain('(h̄₂)₁ = ?');
    expect(early).not.toContain(String(f.r[1][0]));
    expect(d.tips.output(1, 0, first.known)).toContain('(y₁)₁ = ?');
    expect(d.tips.h0(0, first.known)).toContain('(h₀)₁ = 0.49');
    const after = model(state, 'h_grad2').step;
    const middle = d.tips.hidden(2, 0, after.known);
    expect(middle).toContain(`(r₂)₁ = ${String(f.r[1][0])}`);
    expect(middle).toContain(`(h̄₂)₁ = ${String(g.h_grad[1][0]).replace('-', '−')}`);
    expect(middle).toContain('(r̄₂)₁ = ?');  // r̄₂ comes in the next step
    const last = model(state, 'update').step;
    expect(d.tips.hidden(2, 0, last.known)).not.toContain('?');
  });
});

describe('other examples', () => {
  test('biases: b and c drawn and edited at every step', () => {
    const state = stateOf(presets.softmax);
    const {values: d, step: st} = rnnDiagramModel(state);
    expect(d.bias).toBe(true);
    expect(d.keys.slice(0, 6)).toEqual(['h0', 'U:1', 'V:1', 'W:1', 'b:1', 'c:1']);
    expect(st.hint).toContain('b o c');
    expect(hotArrows(model(state, 'r1').step)).toEqual(['U:1', 'V:1', 'b:1']);
    expect(hotArrows(model(state, 's4').step)).toEqual(['W:4', 'c:4']);
  });

  test('a step without a target shows none and adds nothing to the loss', () => {
    const scenario = structuredClone(presets.exercise);
    scenario.data.sequences[0].targets = [null, null, [0.7]];
    const state = stateOf(scenario);
    const {values: d} = rnnDiagramModel(state);
    expect(d.titles.target[0]).toContain('Sin objetivo en t = 1');
    const loss = model(state, 'loss').step;
    expect(loss.target.map((b) => [b.values, b.hot])).toEqual([[[null], false], [[null], false], [[0.7], true]]);
    expect(loss.output.map((b) => b.hot)).toEqual([false, false, true]);
    expect(loss.output.map((b) => b.columns[1].emph)).toEqual([false, false, true]);
  });

  test('exercise 1\'s numbers by hand', () => {
    const state = stateOf(presets.exercise);
    const {step: st} = model(state, 'h1');
    // h₁ = σ(0.5 · 1 + (−0.3) · 0) = σ(0.5)
    expect(st.hidden[0].columns[1].values[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 12);
  });
});

describe('the layout', () => {
  test('both vectors of each pair when they fit, one when not, scrolling when too wide', () => {
    const state = stateOf(presets.lesson);
    const {values: d, step: st} = rnnDiagramModel(state);
    const wide = chooseLayout(d, st.single, 1000, measure);
    expect(wide).toMatchObject({dense: true, scrolls: false, width: 1000});
    expect(wide.m.compact).toBe(false);
    expect(chooseLayout(d, st.single, 1000, measure)).toBe(wide);  // cached
    const narrow = chooseLayout(d, st.single, 360, measure);
    expect(narrow.m.compact).toBe(true);
    const big = {
      model: {kind: 'rnn', input_size: 8, hidden_size: 8, output_size: 8, hidden_activation: 'tanh', output_activation: 'linear', bias: true},
      init: {scheme: 'uniform', scale: 0.5, seed: 1},
      data: {sequences: [{inputs: Array.from({length: 12}, () => Array(8).fill(0.5)), targets: Array.from({length: 12}, () => Array(8).fill(0.1))}]},
    };
    const bigState = stateOf(big);
    const bigModel = rnnDiagramModel(bigState);
    const scroll = chooseLayout(bigModel.values, bigModel.step.single, 360, measure);
    expect(scroll).toMatchObject({dense: false, scrolls: true});
    expect(scroll.xs.length).toBe(13);
  });
});

describe('editing a parameter', () => {
  test('its values, shape and the scenario with them replaced', () => {
    const {scenario, trace} = stateOf(presets.lesson);
    expect(shapeOf(parameterValues(scenario, trace, 'U'))).toEqual({rows: 4, cols: 2});
    expect(shapeOf(parameterValues(scenario, trace, 'h0'))).toEqual({rows: 4, cols: 0});
    const U = structuredClone(trace.parameters.U);
    U[0][0] = 0.5;
    const next = withParameter(scenario, trace, 'U', U);
    expect(next.parameters.U[0][0]).toBe(0.5);
    expect(next.parameters.V).toEqual(trace.parameters.V);  // the seeded values, explicit
    expect(next.parameters.h0).toEqual([0.49, 0.77, 0.09, 0.13]);
    expect(core.trace(next).loss).not.toBe(trace.loss);
    // No h0 in the scenario: zeros.
    const bare = structuredClone(presets.softmax);
    expect(parameterValues(bare, {parameters: {}}, 'h0')).toEqual([0, 0, 0, 0]);
  });

  test('describeStep takes the value set the step shows', () => {
    const state = at(stateOf(presets.lesson), 'update');
    const d = describeValues(state.scenario, state.trace, true);
    expect(describeStep(state, d).output[0].columns.map((c) => c.name)).toEqual(['ȳ₁', 's̄₁']);
  });
});
