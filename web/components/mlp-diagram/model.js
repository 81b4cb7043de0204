// Lesson 1's diagram as data, with no DOM: for a state {scenario, trace, steps, step, selected},
// what every neuron, edge, bias, target and the loss show at this step (text, tooltip, accessible
// name), which are highlighted, the edges' widths and colour classes, the legend and the caption.
// Only what the stepper has computed up to this step shows its value (z⁽²⁾, ŷ and L are "?" at
// step 1; δ⁽¹⁾ while δ⁽²⁾ is computed; a layer's gradients once its ∂L/∂W⁽ˡ⁾ step is done, its
// weights until then). The views (layout.js, scene.js) only place and draw it.
import {formatNumber as fmt} from '../../format.js';
import {mlpKeys} from '../../core/trace-keys.js';
import {S} from '../../strings/index.js';
import {exact, layerSup, sub} from '../diagram-kit/text.js';
import {computedIds} from '../diagram-kit/computed.js';

export const unitName = (l, i, L) => (l === 0 ? `x${sub(i + 1)}` : l === L ? `ŷ${sub(i + 1)}` : `a${layerSup(l)}${sub(i + 1)}`);
export const weightName = (l, i, j) => `W${layerSup(l)}${sub(i + 1)}${sub(j + 1)}`;
export const biasName = (l, i) => `b${layerSup(l)}${sub(i + 1)}`;

// Keys of the drawing's items: a weight 'W2:0:1' (its parameter, row, column), a bias 'b2:0', a
// neuron 'n2:0' (layer, unit).
export const weightKey = (l, i, j) => `${mlpKeys.W(l)}:${i}:${j}`;
export const biasKey = (l, i) => `${mlpKeys.b(l)}:${i}`;
export const nodeKey = (l, i) => `n${l}:${i}`;

// ---- editing a parameter from its key

// {name: 'W2', index: [0, 1]}: the parameter and the position an item's key names.
export function parameterOf(key) {
  const [name, ...rest] = key.split(':');
  return {name, index: rest.map(Number)};
}
// Its name as the lesson writes it (W⁽²⁾₁₂, b⁽¹⁾₂).
export function parameterLabel(key) {
  const {name, index} = parameterOf(key);
  const l = Number(name.slice(1));
  return name[0] === 'W' ? weightName(l, index[0], index[1]) : biasName(l, index[0]);
}
export function readParameter(parameters, key) {
  const {name, index} = parameterOf(key);
  return index.reduce((v, k) => v?.[k], parameters[name]);
}
// The scenario with one parameter changed; every other parameter explicit, from the trace, so
// that a seeded scenario keeps the values it showed.
export function withParameter(scenario, trace, key, value) {
  const next = structuredClone(scenario);
  next.parameters = structuredClone(trace.parameters);
  const {name, index} = parameterOf(key);
  if (index.length === 2) next.parameters[name][index[0]][index[1]] = value;
  else next.parameters[name][index[0]] = value;
  return next;
}

// ---- what a step shows

// What a step computes or uses: layers whose nodes, edges and biases are highlighted.
export function touched(step, L) {
  const all = new Set(Array.from({length: L}, (_, k) => k + 1));
  const t = {nodes: new Set(), value: null, edges: new Set(), biases: new Set(), targets: false};
  const l = step?.layer;
  switch (step?.kind) {
    case 'z': Object.assign(t, {nodes: new Set([l]), value: 'z', edges: new Set([l]), biases: new Set([l])}); break;
    case 'a': Object.assign(t, {nodes: new Set([l]), value: 'a'}); break;
    case 'loss': Object.assign(t, {nodes: new Set([L]), value: 'a', targets: true}); break;
    case 'delta': Object.assign(t, {nodes: new Set([l]), value: 'delta', edges: new Set(l < L ? [l + 1] : [])}); break;
    case 'dW': t.edges = new Set([l]); break;
    case 'db': t.biases = new Set([l]); break;
    case 'updateW': t.edges = all; break;
    case 'updateb': t.biases = all; break;
    default: break;
  }
  return t;
}

// The key of the one element picked in the stepper's result, when it belongs to the current step.
export function emphasised({selected, step: index, steps}) {
  const step = steps[index];
  if (!selected || selected.step !== index || !step) return null;
  const {block = 0, row = 0, col = 0} = selected;
  switch (step.kind) {
    case 'dW': return weightKey(step.layer, row, col);
    case 'updateW': return weightKey(block + 1, row, col);
    case 'z': case 'a': case 'delta': return nodeKey(step.layer, col);
    case 'db': return biasKey(step.layer, col);
    case 'updateb': return biasKey(block + 1, col);
    default: return null;
  }
}

// An edge's stroke width (before the compact drawing's scale): by its gradient relative to the
// largest of its layer, else by its weight.
export function edgeWidth(ratio, value) {
  if (ratio !== null) return Math.max(0.8, 7 * ratio);
  return Math.min(9, Math.max(0.8, 6 * Math.abs(value)));
}

// The colour class of a weight (dg-pos, dg-neg, dg-zero) or a gradient (dg-gpos …).
export function signClass(x, gradient) {
  if (x === 0 || !Number.isFinite(x)) return gradient ? 'dg-gzero' : 'dg-zero';
  return gradient ? (x > 0 ? 'dg-gpos' : 'dg-gneg') : (x > 0 ? 'dg-pos' : 'dg-neg');
}

// What the edges show: gradients, weights, or both (backward, before every layer's ∂L/∂W is done).
function legend({weights, gradients}) {
  const T = S.diagram.legend;
  return [
    ...(gradients ? [{swatch: 'dg-gpos', text: T.gradientPositive}, {swatch: 'dg-gneg', text: T.gradientNegative}, {text: T.gradientWidth}] : []),
    ...(weights ? [{swatch: 'dg-pos', text: T.weightPositive}, {swatch: 'dg-neg', text: T.weightNegative}, {text: T.weightWidth}] : []),
    {swatch: 'dg-legend-hot', shape: 'circle', text: T.current},
  ];
}

// Everything the drawing shows at this step, before any geometry.
export function mlpDiagramModel(state) {
  const {scenario, trace, steps, step: index} = state;
  const {layers, activations} = scenario.model;
  const L = layers.length - 1;
  const step = steps[index];
  const phase = step?.phase ?? 'forward';
  const gradients = phase !== 'forward';
  const {forward: f, backward: g, parameters: p, updated: u} = trace;
  const T = S.diagram.tip;
  const t = touched(step, L);
  const emphasis = emphasised(state);
  const done = computedIds(steps, index);
  const has = (id) => done.has(id);
  // A value as drawn: its number once its step is done, "?" before.
  const value = (id, x) => (has(id) ? fmt(x) : S.diagram.pending);
  const mark = (on, key) => ({hot: on, emph: key === emphasis});

  const units = layers.map((n, l) => Array.from({length: n}, (_, i) => {
    const name = unitName(l, i, L);
    const key = nodeKey(l, i);
    const kind = l === 0 ? 'dg-input' : l === L ? 'dg-output' : 'dg-hidden';
    const on = t.nodes.has(l);
    if (l === 0) {
      const x = scenario.data.inputs[0][i];
      return {key, l, i, name, kind, ...mark(on, key), lines: [{id: 'x', text: fmt(x), hot: on && t.value === 'x'}],
        title: `${name} (${T.input}, ${T.sample}) = ${exact(x)}`};
    }
    const at = (m) => m?.[0]?.[i];
    const z = at(f[mlpKeys.z(l)]);
    const a = at(f[mlpKeys.a(l)]);
    const delta = at(g[mlpKeys.delta(l)]);
    const aSymbol = l === L ? 'ŷ' : 'a';
    const lines = (gradients
      ? [{id: 'a', text: `${aSymbol} = ${value(mlpKeys.a(l), a)}`}, {id: 'delta', text: `δ = ${value(mlpKeys.delta(l), delta)}`}]
      : [{id: 'z', text: `z = ${value(mlpKeys.z(l), z)}`}, {id: 'a', text: `${aSymbol} = ${value(mlpKeys.a(l), a)}`}])
      .map((line) => ({...line, hot: on && line.id === t.value}));
    const indexed = `${layerSup(l)}${sub(i + 1)}`;
    const aName = l === L ? name : `a${indexed}`;
    const fprime = g[mlpKeys.fprime(l)];
    // f′ and ∂L/∂a come with δ's step.
    const backward = has(mlpKeys.delta(l));
    const title = [
      `${name} (${T.sample})`,
      `z${indexed} = ${has(mlpKeys.z(l)) ? exact(z) : T.pending}`,
      `${aName} = ${has(mlpKeys.a(l)) ? exact(a) : T.pending}`,
      ...(fprime && backward ? [`f′(z${indexed}) = ${exact(at(fprime))}`] : []),
      ...(backward ? [`∂L/∂${aName} = ${exact(at(g[mlpKeys.aGrad(l)]))}`, `δ${indexed} = ${exact(delta)}`] : []),
    ].join('\n');
    return {key, l, i, name, kind, ...mark(on, key), lines, title};
  }));

  const edges = [];
  const biases = [];
  for (let l = 1; l <= L; l++) {
    const dW = g[mlpKeys.dW(l)];
    const largest = Math.max(0, ...dW.flat().map(Math.abs));
    // A layer's edges show their gradients once its ∂L/∂W step is done, their weights before.
    const edgeGradients = gradients && has(mlpKeys.dW(l));
    const biasGradients = gradients && has(mlpKeys.db(l));
    p[mlpKeys.W(l)].forEach((row, i) => row.forEach((w, j) => {
      const name = weightName(l, i, j);
      const key = weightKey(l, i, j);
      const grad = dW[i][j];
      const shown = edgeGradients ? grad : w;
      const ratio = edgeGradients ? (largest > 0 ? Math.abs(grad) / largest : 0) : null;
      edges.push({
        key, l, i, j, name, value: w, shown, ratio, ...mark(t.edges.has(l), key),
        width: edgeWidth(ratio, w), sign: signClass(shown, edgeGradients), text: fmt(shown),
        title: [
          T.edge(name, unitName(l - 1, j, L), unitName(l, i, L)),
          `${T.value}: ${exact(w)}`,
          ...(has(mlpKeys.dW(l)) ? [`${T.gradient} ∂L/∂${name}: ${exact(grad)}`] : []),
          ...(has('updateW') ? [`${T.updated}: ${exact(u[mlpKeys.W(l)][i][j])}`] : []),
          T.edit,
        ].join('\n'),
        label: T.weightLabel(name, fmt(w)),
      });
    }));
    p[mlpKeys.b(l)].forEach((b, i) => {
      const name = biasName(l, i);
      const key = biasKey(l, i);
      const grad = g[mlpKeys.db(l)][i];
      biases.push({
        key, l, i, name, value: b, gradient: grad, ...mark(t.biases.has(l), key),
        sign: signClass(biasGradients ? grad : b, biasGradients),
        text: {compact: `b = ${fmt(b)}`, wide: `${name} = ${fmt(b)}`},
        title: [
          T.bias(name, unitName(l, i, L)),
          `${T.value}: ${exact(b)}`,
          ...(has(mlpKeys.db(l)) ? [`${T.gradient} ∂L/∂${name}: ${exact(grad)}`] : []),
          ...(has('updateb') ? [`${T.updated}: ${exact(u[mlpKeys.b(l)][i])}`] : []),
          T.edit,
        ].join('\n'),
        // The name holds the badge's text as drawn (compact: "b = 0.35").
        label: {compact: T.biasLabel(name, `b = ${fmt(b)}`), wide: T.biasLabel(name, `${name} = ${fmt(b)}`)},
      });
    });
  }
  // Drawn dimmed first, then highlighted, the emphasised one on top.
  const rank = (e) => (e.emph ? 2 : e.hot ? 1 : 0);
  const drawOrder = [...edges].sort((a, b) => rank(a) - rank(b)).map((e) => e.key);
  // Tab and ↑ ↓ go through each layer's weights, then its biases.
  const keys = [];
  for (let l = 1; l <= L; l++) keys.push(...[...edges, ...biases].filter((item) => item.l === l).map((item) => item.key));

  const targets = scenario.data.targets[0].map((y, i) => ({
    i, text: `y${sub(i + 1)} = ${fmt(y)}`, hot: t.targets,
    title: `${T.target(`y${sub(i + 1)}`)} (${T.sample}) = ${exact(y)}`,
  }));
  const headers = layers.map((_, l) => ({
    title: l === 0 ? S.diagram.columns.input : l === L ? S.diagram.columns.output : S.diagram.columns.hidden(l),
    sub: l === 0 ? 'x' : S.diagram.activations[activations[l - 1]] ?? activations[l - 1],
  }));
  const batch = f[mlpKeys.z(1)]?.length ?? 1;
  const one = (set) => (set.size === 1 ? [...set][0] : null);
  // What a drawing too wide for its box scrolls to: the picked element, else the one layer the
  // step touches.
  const reveal = emphasis ? (emphasis.startsWith('n') ? {column: Number(emphasis.slice(1).split(':')[0])} : {key: emphasis})
    : one(t.nodes) !== null ? {column: one(t.nodes)}
    : one(t.edges) !== null ? {between: one(t.edges)}
    : one(t.biases) !== null ? {column: one(t.biases)}
    : null;
  return {
    layers, L, phase, gradients, batch, units, edges, biases, targets, headers, touched: t, emphasis,
    drawOrder, keys, reveal,
    label: S.diagram.label(layers),
    loss: {text: `L = ${value('loss', trace.loss)}`, title: `L (${T.loss}) = ${has('loss') ? exact(trace.loss) : T.pending}`, hot: t.targets},
    notes: [S.diagram.phaseNote[phase], batch > 1 && S.diagram.sample(batch)].filter(Boolean),
    legend: legend({
      gradients: edges.some((edge) => edge.ratio !== null),
      weights: edges.some((edge) => edge.ratio === null),
    }),
  };
}
