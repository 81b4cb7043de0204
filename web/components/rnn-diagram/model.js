// Lesson 2's unrolled RNN as data, with no DOM. describeValues(scenario, trace, gradients): what
// the drawing shows of one trace in one value set (forward values or gradients), whatever the
// step — the vectors of every box, their tooltips and titles; the views cache it per trace.
// describeStep(state, values): what one step changes — which boxes and arrows it highlights,
// which values the pass has not computed yet (drawn faded; a value whose step is still to come
// is not shown at all: r_t's step shows r_t, not h_t), the time header, the overlays and the
// texts around the drawing. rnnDiagramModel(state) is both.
import {rnnKeys} from '../../core/trace-keys.js';
import {S} from '../../strings/index.js';
import {exact, sub} from '../diagram-kit/text.js';
import {computedIds} from '../diagram-kit/computed.js';

// The step that computes each vector a box shows (its id is this and t), and a vector not yet
// computed: n blanks (drawn "—"), the same list for the same n so that a box is not redrawn.
const COMPUTED_BY = {'r': 'r', 'h': 'h', 's': 's', 'y': 'y', 'ȳ': 's_grad', 's̄': 's_grad', 'h̄': 'h_grad', 'r̄': 'r_grad'};
const all = () => true;
const blanks = new Map();
const blank = (n) => {
  if (!blanks.has(n)) blanks.set(n, Object.freeze(Array(n).fill(null)));
  return blanks.get(n);
};

const PHASE_OF = {
  r: 'forward', h: 'forward', s: 'forward', y: 'forward', loss: 'forward',
  s_grad: 'backward', h_grad: 'backward', r_grad: 'backward', accumulate: 'backward', naive: 'backward',
  update: 'update',
};
const TRAINED = rnnKeys.parameters(true);

// What a step highlights. Arrow states ('U:2' → 'hot': this step, 'added': already summed; any
// other is dim).
export function touched(kind, t, T) {
  const h = {hidden: new Set(), output: new Set(), targets: false, loss: false, arrows: new Map(), paths: null, marks: null, emph: null};
  const hot = (name, ...ts) => ts.forEach((s) => h.arrows.set(`${name}:${s}`, 'hot'));
  const all = Array.from({length: T}, (_, k) => k + 1);
  switch (kind) {
    case 'r': h.hidden.add(t); hot('U', t); hot('V', t); hot('b', t); h.emph = {hidden: 'r'}; break;
    case 'h': h.hidden.add(t); hot('U', t); hot('V', t); h.emph = {hidden: 'h'}; break;
    case 's': h.output.add(t); hot('W', t); hot('c', t); h.emph = {output: 's'}; break;
    case 'y': h.output.add(t); hot('W', t); h.emph = {output: 'y'}; break;
    case 'loss': all.forEach((s) => h.output.add(s)); h.targets = true; h.loss = true; h.emph = {output: 'y'}; break;
    case 's_grad': h.output.add(t); h.emph = {output: 's̄'}; break;
    case 'h_grad':
      h.hidden.add(t);
      h.paths = {output: t, next: t < T ? t + 1 : null};
      hot('W', t);
      if (t < T) hot('V', t + 1);
      h.emph = {hidden: 'h̄'};
      break;
    case 'r_grad': h.hidden.add(t); h.emph = {hidden: 'r̄'}; break;
    case 'accumulate':
      for (const name of TRAINED) {
        hot(name, t);
        for (let s = t + 1; s <= T; s++) h.arrows.set(`${name}:${s}`, 'added');
      }
      h.marks = all.map((s) => (s > t ? 'added' : s === t ? 'now' : 'pending'));
      break;
    case 'naive': hot('W', T); break;
    case 'update': for (const name of TRAINED) hot(name, ...all); break;
    default: break;
  }
  return h;
}

// Which rows of which time steps the current pass has not reached yet (drawn faded).
export function pending(kind, t) {
  const none = {hidden: () => false, output: () => false, h0: false};
  if (!t) return none;
  switch (kind) {
    case 'r': case 'h': return {hidden: (s) => s > t, output: (s) => s >= t, h0: false};
    case 's': case 'y': return {hidden: (s) => s > t, output: (s) => s > t, h0: false};
    case 's_grad': return {hidden: (s) => s <= t, output: (s) => s < t, h0: true};
    case 'h_grad': return {hidden: (s) => s < t, output: (s) => s < t, h0: true};
    case 'r_grad': case 'accumulate': return {hidden: (s) => s < t, output: (s) => s < t, h0: t > 1};
    default: return none;
  }
}

// ---- the parameters an editor changes: U, V, W, b, c (matrices and vectors) and h0

export const nameOf = (key) => key.split(':')[0];
export const symbolOf = (name) => (name === rnnKeys.h0 ? 'h₀' : name);
// A parameter's current values (h0 zeros when the scenario gives none); vectors as one column.
export function parameterValues(scenario, trace, name) {
  if (name === rnnKeys.h0) return trace.parameters.h0 ?? scenario.parameters?.h0 ?? Array(scenario.model.hidden_size).fill(0);
  return trace.parameters[name];
}
export const shapeOf = (values) => ({rows: values.length, cols: Array.isArray(values[0]) ? values[0].length : 0});
// The scenario with one parameter's values replaced; every other explicit, from the trace, so that
// a seeded scenario keeps the values it showed.
export function withParameter(scenario, trace, name, values) {
  const next = structuredClone(scenario);
  next.parameters = {
    ...structuredClone(trace.parameters), h0: structuredClone(parameterValues(scenario, trace, rnnKeys.h0)), [name]: values,
  };
  return next;
}

// ---- what one trace shows

export function describeValues(scenario, trace, gradients) {
  const model = scenario.model;
  const sequence = scenario.data.sequences[0];
  const f = trace.forward;
  const g = trace.backward;
  const T = f.h.length;
  const nh = model.hidden_size;
  const h0 = parameterValues(scenario, trace, rnnKeys.h0);

  // Each row shows a pair of vectors (dense layout) or one of them (single layout); `scale` is
  // the largest magnitude, for the cells' tint.
  const largest = (values) => Math.max(0, ...values.flat().map((x) => (Number.isFinite(x) ? Math.abs(x) : 0)));
  const vector = (sym, values, gradient) => ({sym, values, gradient, scale: largest(values)});
  const hidden = {pair: gradients ? [vector('h̄', g.h_grad, true), vector('r̄', g.r_grad, true)] : [vector('r', f.r, false), vector('h', f.h, false)]};
  const output = {pair: gradients ? [vector('ȳ', g.y_grad, true), vector('s̄', g.s_grad, true)] : [vector('s', f.s, false), vector('y', f.y, false)]};
  const first = vector(gradients ? 'h̄' : 'h', [gradients ? g.dh0 ?? [] : h0], gradients);

  // Every quantity of one component, for its tooltip; with `known(sym, s)`, only those computed so
  // far (the others read "?").
  const K = S.rnnDiagram.tip;
  const line = (name, value, shown = true) => `${name} = ${shown ? exact(value) : S.diagram.pending}`;
  const comp = (sym, s, i) => `(${sym}${sub(s)})${sub(i + 1)}`;
  const at = (m, s, i) => m?.[s - 1]?.[i];
  const tips = {
    hidden: (s, i, known = all) => [
      `${K.box.hidden(s)}, ${K.component(i + 1)}`,
      line(comp('r', s, i), at(f.r, s, i), known('r', s)),
      line(comp('h', s, i), at(f.h, s, i), known('h', s)),
      ...(g.fprime ? [line(`f′${comp('r', s, i)}`, at(g.fprime, s, i), known('r̄', s))] : []),
      line(comp('Wᵀs̄', s, i), at(g.h_grad_output, s, i), known('h̄', s)),
      line(comp('Vᵀr̄', s + 1, i), at(g.h_grad_next, s, i), known('h̄', s)),
      line(comp('h̄', s, i), at(g.h_grad, s, i), known('h̄', s)),
      line(comp('r̄', s, i), at(g.r_grad, s, i), known('r̄', s)),
    ].join('\n'),
    output: (s, i, known = all) => [
      `${K.box.output(s)}, ${K.component(i + 1)}`,
      line(comp('s', s, i), at(f.s, s, i), known('s', s)),
      line(comp('y', s, i), at(f.y, s, i), known('y', s)),
      line(`${K.target}`, sequence.targets[s - 1]?.[i]),
      line(comp('ȳ', s, i), at(g.y_grad, s, i), known('ȳ', s)),
      ...(g.gprime ? [line(`g′${comp('s', s, i)}`, at(g.gprime, s, i), known('s̄', s))] : []),
      line(comp('s̄', s, i), at(g.s_grad, s, i), known('s̄', s)),
    ].join('\n'),
    // h̄₀ = Vᵀr̄₁ comes with r̄₁; h₀ is given.
    h0: (i, known = all) => [
      `${K.box.h0}, ${K.component(i + 1)}`,
      line(`(h₀)${sub(i + 1)}`, h0[i]),
      ...(g.dh0 ? [line(`(h̄₀)${sub(i + 1)}`, g.dh0[i], known('r̄', 1))] : []),
    ].join('\n'),
    target: (s, i) => {
      const target = sequence.targets[s - 1];
      return target ? `${K.box.target(s)}, ${K.component(i + 1)} = ${exact(target[i])}` : K.box.noTarget(s);
    },
    input: (s, i) => `${K.box.input(s)}, ${K.component(i + 1)} = ${exact(sequence.inputs[s - 1]?.[i])}`,
  };
  const names = (row, s) => row.pair.map((v) => `${v.sym}${sub(s)}`).join(', ');
  const bias = Boolean(model.bias);
  const steps = Array.from({length: T}, (_, k) => k + 1);
  const titles = {
    h0: `${gradients ? K.box.h0grad : K.box.h0}\n${K.edit}`,
    output: steps.map((s) => `${names(output, s)}: ${K.box.output(s)}`),
    hidden: steps.map((s) => `${names(hidden, s)}: ${K.box.hidden(s)}`),
    target: steps.map((s) => (sequence.targets[s - 1] ? K.box.target(s) : K.box.noTarget(s))),
    input: steps.map((s) => K.box.input(s)),
    loss: `L (${K.loss}) = ${exact(trace.loss)}`,
  };
  // The editable labels of the matrices' arrows, time step by time step.
  const arrows = steps.flatMap((s) => {
    const tip = {U: K.matrix.U(sub(s)), V: K.matrix.V(sub(s), sub(s - 1)), W: K.matrix.W(sub(s)), b: K.matrix.b(sub(s)), c: K.matrix.c(sub(s))};
    return rnnKeys.parameters(bias).map((name) => ({key: `${name}:${s}`, name, t: s, tip: `${tip[name]}\n${K.edit}`}));
  });

  return {
    T, gradients, bias,
    sizes: {input: model.input_size, hidden: nh, output: model.output_size},
    hidden, output, first,
    inputs: sequence.inputs,
    targets: sequence.targets,
    blank: Array(model.output_size).fill(null), // what a step without a target shows
    loss: trace.loss,
    tips, titles, arrows,
    // Every editable item, in reading order (Tab, ↑ ↓).
    keys: [rnnKeys.h0, ...arrows.map((arrow) => arrow.key)],
    label: S.rnnDiagram.label({T, input: model.input_size, hidden: nh, output: model.output_size}),
  };
}

// ---- what one step shows

// d: describeValues of the step's value set. Boxes: {columns (the pair of vectors, the one this
// step computes emphasised), single (the one a narrow layout shows), hot (this step uses it),
// pending (not computed yet at this step)}.
export function describeStep(state, d) {
  const step = state.steps?.[state.step];
  const kind = step?.kind ?? null;
  const t = step?.t ?? null;
  const phase = step?.phase ?? PHASE_OF[kind] ?? 'forward';
  const gradients = phase !== 'forward';
  const {T} = d;
  const single = gradients
    ? {hidden: kind === 'h_grad' ? 0 : 1, output: 1}
    : {hidden: kind === 'r' ? 0 : 1, output: kind === 's' ? 0 : 1};
  const hot = touched(kind, t, T);
  const later = pending(kind, t);
  const scored = (s) => Boolean(d.targets[s - 1]);
  const done = computedIds(state.steps, state.step);
  const known = (sym, s) => !(sym in COMPUTED_BY) || done.has(`${COMPUTED_BY[sym]}${s}`);
  const columns = (row, s, which) => row.pair.map((v) => {
    const values = v.values[s - 1] ?? [];
    return {
      name: `${v.sym}${sub(s)}`, values: known(v.sym, s) ? values : blank(values.length), gradient: v.gradient, scale: v.scale,
      emph: hot.emph?.[which] === v.sym && (kind === 'loss' ? scored(s) : s === t),
    };
  });
  // h̄₀ = Vᵀr̄₁ comes with r̄₁; h₀ is given.
  const h0Known = !d.gradients || done.has('r_grad1');
  const times = Array.from({length: T}, (_, k) => k + 1);
  const now = t >= 1 && kind !== 'naive' ? t : -1;

  const R = S.rnnDiagram;
  const note = {
    h_grad: t === T ? R.stepNote.hGradLast(T) : R.stepNote.hGrad(t),
    accumulate: t ? R.stepNote.accumulate(t, T) : null,
    naive: R.stepNote.naive,
  }[kind] ?? null;
  return {
    kind, t, phase, gradients, single, touched: hot, pending: later,
    headers: [0, ...times].map((s) => ({text: R.time(s), now: s === now})),
    h0: {
      columns: [{name: `${d.first.sym}₀`, values: h0Known ? d.first.values[0] : blank(d.first.values[0].length), gradient: d.gradients, scale: d.first.scale}],
      pending: later.h0,
    },
    output: times.map((s) => ({columns: columns(d.output, s, 'output'), single: single.output,
      hot: hot.output.has(s) && (kind !== 'loss' || scored(s)), pending: later.output(s)})),
    target: times.map((s) => ({values: d.targets[s - 1] ?? d.blank, hot: hot.targets && scored(s)})),
    hidden: times.map((s) => ({columns: columns(d.hidden, s, 'hidden'), single: single.hidden,
      hot: hot.hidden.has(s), pending: later.hidden(s)})),
    input: times.map((s) => ({columns: [{name: `x${sub(s)}`, values: d.inputs[s - 1] ?? [], scale: 0}]})),
    // Every arrow's state: 'hot', 'added' or 'dim'.
    arrows: new Map(d.arrows.map((arrow) => [arrow.key, hot.arrows.get(arrow.key) ?? 'dim'])),
    loss: {hot: hot.loss, computed: done.has('loss')},
    known,
    caption: phase === 'update' ? {dense: R.phaseNote.update, single: R.phaseNote.update} : R.phaseNote[phase],
    note,
    legend: {bias: d.bias, paths: Boolean(hot.paths), added: kind === 'accumulate'},
    hint: d.bias ? R.hintBias : R.hint,
  };
}

// Whether the current step shows gradients (backward and update) rather than forward values.
export function showsGradients(state) {
  const step = state.steps?.[state.step];
  return (step?.phase ?? PHASE_OF[step?.kind] ?? 'forward') !== 'forward';
}

export function rnnDiagramModel(state) {
  const values = describeValues(state.scenario, state.trace, showsGradients(state));
  return {values, step: describeStep(state, values)};
}
