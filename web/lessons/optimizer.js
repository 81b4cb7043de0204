// The update step of both lessons, for every optimizer the core has: its rule symbolically, the
// rule with the numbers for every parameter (the optimizer's state before, the gradient, the
// state and the parameter after, all from trace.optimizer and trace.updated), and, element by
// element, the scalar update. Each rule is written once, over leaves that are either whole
// matrices (the step's equations) or one element (an expansion), as equation trees
// (./equation.js). Buffers are named as PyTorch's optimizer.state (docs/scenario.md, "Trace").
// Nothing here computes a value: 1 − β₁ᵗ, √v̂ + ε, … are written, never evaluated.
import {spec} from '../core/spec.js';
import {texNumber} from '../format.js';
import {S} from '../strings/index.js';
import {
  abs, add, col, div, equation, exact, hadamard, isMatrix, mat, max, mul, num, pow, sqrt, square, sub,
} from './equation.js';
import {expansion, expansionOf, minus, product} from './mlp/tex.js';

const PARAM = 'param';

// The scenario's optimizer with the core's defaults filled in (web/core/spec.js).
export function optimizerSettings(scenario) {
  const options = spec().scenario.optimizer;
  const given = scenario.optimizer ?? {};
  const kind = given.kind ?? options.kind.default;
  const out = {kind, updateBiases: given.update_biases ?? options.update_biases.default};
  for (const [name, r] of Object.entries(options[kind] ?? {})) out[name] = given[name] ?? r.default;
  return out;
}

// The symbols of the hyper-parameters and of the buffers (bold: a whole matrix).
const HYPER = {lr: '\\eta', momentum: '\\mu', rho: '\\rho', beta1: '\\beta_1', beta2: '\\beta_2', eps: '\\epsilon', lr_decay: 'd', initial_accumulator_value: '\\mathrm{sum}_0'};
const BUFFER = {
  momentum_buffer: ['\\mathrm{buf}', '\\mathrm{buf}'],
  exp_avg: ['m', '\\mathbf{m}'],
  exp_avg_sq: ['v', '\\mathbf{v}'],
  exp_avg_hat: ['\\hat{m}', '\\hat{\\mathbf{m}}'],
  exp_avg_sq_hat: ['\\hat{v}', '\\hat{\\mathbf{v}}'],
  square_avg: ['v', '\\mathbf{v}'],
  sum: ['\\mathrm{sum}', '\\mathrm{sum}'],
  acc_delta: ['u', '\\mathbf{u}'],
  exp_inf: ['u', '\\mathbf{u}'],
};

// One line of a rule: what it sets (a buffer or the parameter), its symbolic form (from the
// symbols `s`: s.theta and s.b(buffer) as the update leaves them, s.old and s.o(buffer) as it
// finds them, s.g the gradient) and its tree (from the leaves `L`: L.theta, L.g,
// L.before(buffer), L.after(buffer), L.h(name), L.t, L.times(a, b)).
const line = (target, symbolic, tree) => ({target, symbolic, tree});
const decay = (c) => (c.lr_decay ? `\\frac{\\eta}{1 + (t - 1)\\, d}` : '\\eta');
const oneMinus = (L, name) => sub(exact(1), L.h(name));

const RULES = {
  sgd: (c) => (c.momentum
    ? [
      line('momentum_buffer', (s) => `${s.b('momentum_buffer')} \\leftarrow \\mu\\, ${s.o('momentum_buffer')} + ${s.g}`,
        (L) => add(L.times(L.h('momentum'), L.before('momentum_buffer')), L.g)),
      line(PARAM, (s) => `${s.theta} \\leftarrow ${s.old} - \\eta\\, ${s.b('momentum_buffer')}`,
        (L) => sub(L.theta, L.times(L.h('lr'), L.after('momentum_buffer')))),
    ]
    : [line(PARAM, (s) => `${s.theta} \\leftarrow ${s.old} - \\eta\\, ${s.g}`, (L) => sub(L.theta, L.times(L.h('lr'), L.g)))]),
  adagrad: (c) => [
    line('sum', (s) => `${s.b('sum')} \\leftarrow ${s.o('sum')} + ${s.g}^{2}`, (L) => add(L.before('sum'), square(L.g))),
    line(PARAM, (s) => `${s.theta} \\leftarrow ${s.old} - ${decay(c)} \\frac{${s.g}}{\\sqrt{${s.b('sum')}} + \\epsilon}`,
      (L) => sub(L.theta, L.times(c.lr_decay ? div(L.h('lr'), add(exact(1), mul(exact(L.t - 1), L.h('lr_decay')))) : L.h('lr'),
        L.div(L.g, add(sqrt(L.after('sum')), L.h('eps')))))),
  ],
  rmsprop: () => [
    line('square_avg', (s) => `${s.b('square_avg')} \\leftarrow \\rho\\, ${s.o('square_avg')} + (1 - \\rho)\\, ${s.g}^{2}`,
      (L) => add(L.times(L.h('rho'), L.before('square_avg')), L.times(oneMinus(L, 'rho'), square(L.g)))),
    line(PARAM, (s) => `${s.theta} \\leftarrow ${s.old} - \\eta \\frac{${s.g}}{\\sqrt{${s.b('square_avg')}} + \\epsilon}`,
      (L) => sub(L.theta, L.times(L.h('lr'), L.div(L.g, add(sqrt(L.after('square_avg')), L.h('eps')))))),
  ],
  adam: () => [
    line('exp_avg', (s) => `${s.b('exp_avg')} \\leftarrow \\beta_1 ${s.o('exp_avg')} + (1 - \\beta_1)\\, ${s.g}`,
      (L) => add(L.times(L.h('beta1'), L.before('exp_avg')), L.times(oneMinus(L, 'beta1'), L.g))),
    line('exp_avg_sq', (s) => `${s.b('exp_avg_sq')} \\leftarrow \\beta_2 ${s.o('exp_avg_sq')} + (1 - \\beta_2)\\, ${s.g}^{2}`,
      (L) => add(L.times(L.h('beta2'), L.before('exp_avg_sq')), L.times(oneMinus(L, 'beta2'), square(L.g)))),
    line('exp_avg_hat', (s) => `${s.b('exp_avg_hat')} = \\frac{${s.b('exp_avg')}}{1 - \\beta_1^{t}}`,
      (L) => div(L.after('exp_avg'), sub(exact(1), pow(L.h('beta1'), exact(L.t))))),
    line('exp_avg_sq_hat', (s) => `${s.b('exp_avg_sq_hat')} = \\frac{${s.b('exp_avg_sq')}}{1 - \\beta_2^{t}}`,
      (L) => div(L.after('exp_avg_sq'), sub(exact(1), pow(L.h('beta2'), exact(L.t))))),
    line(PARAM, (s) => `${s.theta} \\leftarrow ${s.old} - \\eta \\frac{${s.b('exp_avg_hat')}}{\\sqrt{${s.b('exp_avg_sq_hat')}} + \\epsilon}`,
      (L) => sub(L.theta, L.times(L.h('lr'), L.div(L.after('exp_avg_hat'), add(sqrt(L.after('exp_avg_sq_hat')), L.h('eps')))))),
  ],
  adadelta: () => {
    // Δ = √(u + ε)/√(v + ε)·g, written out where it is used (the core does not report it).
    const delta = (L) => L.times(L.div(sqrt(add(L.before('acc_delta'), L.h('eps'))), sqrt(add(L.after('square_avg'), L.h('eps')))), L.g);
    const deltaTex = (s) => `\\frac{\\sqrt{${s.o('acc_delta')} + \\epsilon}}{\\sqrt{${s.b('square_avg')} + \\epsilon}}\\, ${s.g}`;
    return [
      line('square_avg', (s) => `${s.b('square_avg')} \\leftarrow \\rho\\, ${s.o('square_avg')} + (1 - \\rho)\\, ${s.g}^{2}`,
        (L) => add(L.times(L.h('rho'), L.before('square_avg')), L.times(oneMinus(L, 'rho'), square(L.g)))),
      line(PARAM, (s) => `${s.theta} \\leftarrow ${s.old} - \\eta\\, ${deltaTex(s)}`,
        (L) => sub(L.theta, L.times(L.h('lr'), delta(L)))),
      line('acc_delta', (s) => `${s.b('acc_delta')} \\leftarrow \\rho\\, ${s.o('acc_delta')} + (1 - \\rho) \\left(${deltaTex(s)}\\right)^{2}`,
        (L) => add(L.times(L.h('rho'), L.before('acc_delta')), L.times(oneMinus(L, 'rho'), square(delta(L))))),
    ];
  },
  adamax: () => [
    line('exp_avg', (s) => `${s.b('exp_avg')} \\leftarrow \\beta_1 ${s.o('exp_avg')} + (1 - \\beta_1)\\, ${s.g}`,
      (L) => add(L.times(L.h('beta1'), L.before('exp_avg')), L.times(oneMinus(L, 'beta1'), L.g))),
    line('exp_inf', (s) => `${s.b('exp_inf')} \\leftarrow \\max\\left(\\beta_2 ${s.o('exp_inf')}, |${s.g}| + \\epsilon\\right)`,
      (L) => max(L.times(L.h('beta2'), L.before('exp_inf')), add(abs(L.g), L.h('eps')))),
    line(PARAM, (s) => `${s.theta} \\leftarrow ${s.old} - \\frac{\\eta}{1 - \\beta_1^{t}} \\frac{${s.b('exp_avg')}}{${s.b('exp_inf')}}`,
      (L) => sub(L.theta, L.times(div(L.h('lr'), sub(exact(1), pow(L.h('beta1'), exact(L.t)))), L.div(L.after('exp_avg'), L.after('exp_inf'))))),
  ],
};

// The hyper-parameters a rule uses, in the order they are listed under it.
function hyperNames(c) {
  const names = Object.keys(spec().scenario.optimizer[c.kind] ?? {});
  if (c.kind === 'sgd' && !c.momentum) return names.filter((n) => n !== 'momentum');
  if (c.kind === 'adagrad') return names.filter((n) => n !== 'initial_accumulator_value' && (n !== 'lr_decay' || c.lr_decay));
  return names;
}
const usesT = (c) => ['adam', 'adamax'].includes(c.kind) || (c.kind === 'adagrad' && Boolean(c.lr_decay));

// params: [{key (the trace's name), symbol (TeX, bold), element(i, j) (TeX of one element),
//   before, grad, after (from the trace; a vector is a list), fixed (not updated)}].
// Returns {symbolic, equations, result, expand} for a step.
// theta: the parameters' symbol, bold (a whole matrix) and plain (one element), and `among`
// (TeX) the parameters it stands for.
export function optimizerUpdate(scenario, trace, params, theta = {bold: '\\boldsymbol{\\theta}', plain: '\\theta'}) {
  const c = optimizerSettings(scenario);
  const rules = RULES[c.kind](c);
  const t = trace.optimizer?.step ?? trace.iteration ?? 1;
  const state = trace.optimizer ?? {before: {}, after: {}};
  const stateful = rules.filter((r) => r.target !== PARAM);
  const g = `\\mathbf{g}`;
  const bold = {theta: theta.bold, old: theta.bold, g, b: (name) => BUFFER[name][1], o: (name) => BUFFER[name][1]};
  const hyper = [...hyperNames(c).map((name) => `${HYPER[name]} = ${texNumber(c[name])}`), ...(usesT(c) ? [`t = ${t}`] : [])];
  // The rules, then what their symbols stand for, a few per line (a phone's width).
  const legend = [...(theta.among ? [`${theta.bold} \\in \\{${theta.among}\\}`] : []), `${g} = \\tfrac{\\partial L}{\\partial ${theta.bold}}`, ...hyper];
  const legendLines = [];
  for (let k = 0; k < legend.length; k += 2) legendLines.push(`&\\quad ${legend.slice(k, k + 2).join(',\\ ')}`);
  const symbolic = `\\begin{aligned}${[...rules.map((r) => splitLine(r.symbolic(bold))), ...legendLines].join(' \\\\ ')}\\end{aligned}`;

  const isVector = (value) => !Array.isArray(value[0]);
  const leafOf = (value) => (isVector(value) ? col(value) : mat(value));
  const rowsOf = (value) => (isVector(value) ? [value] : value);
  const bufferOf = (when, name, p) => state[when]?.[name]?.[p.key];
  const stateLabel = (name, p) => `${BUFFER[name][1]}_{${p.symbol}}`;

  const equations = [];
  for (const p of params) {
    if (p.fixed) {
      equations.push(equation(`${p.symbol}\\ \\text{(${S.equations.fixed})}`, leafOf(p.before), leafOf(p.after)));
      continue;
    }
    const L = {
      theta: leafOf(p.before), g: leafOf(p.grad), t,
      before: (name) => leafOf(bufferOf('before', name, p)),
      after: (name) => leafOf(bufferOf('after', name, p)),
      h: (name) => num(c[name]),
      // A scalar times anything; two matrices element by element.
      times: (a, b) => (isMatrix(a) && isMatrix(b) ? hadamard(a, b) : mul(a, b)),
      div,
    };
    for (const r of rules) {
      const result = r.target === PARAM ? leafOf(p.after) : L.after(r.target);
      equations.push(equation(r.target === PARAM ? p.symbol : stateLabel(r.target, p), r.tree(L), result));
    }
  }

  const moving = params.filter((p) => !p.fixed);
  const result = [
    ...params.map((p) => ({label: p.symbol, value: rowsOf(p.after)})),
    ...stateful.flatMap((r) => moving.map((p) => ({label: stateLabel(r.target, p), value: rowsOf(bufferOf('after', r.target, p))}))),
  ];
  // Block b of the result: a parameter, or a buffer of a parameter.
  const blocks = [...params.map((p) => [PARAM, p]), ...stateful.flatMap((r) => moving.map((p) => [r.target, p]))];

  function expand(block, i, j) {
    const [target, p] = blocks[block];
    const at = (value) => (isVector(value) ? value[j] : value[i][j]);
    const name = p.element(i, j);
    if (p.fixed) return {symbolic: `${name}\\ \\text{(${S.equations.fixed})}`, numbers: null, value: at(p.after)};
    // θ_t = θ_{t−1} − …, for the element θ = W⁽¹⁾₁₂ (named after the formula).
    const scalar = {
      theta: `${theta.plain}_{t}`, old: `${theta.plain}_{t-1}`, g: 'g_{t}',
      b: (buffer) => `${BUFFER[buffer][0]}_{t}`, o: (buffer) => `${BUFFER[buffer][0]}_{t-1}`,
    };
    const L = {
      theta: num(at(p.before)), g: num(at(p.grad)), t,
      before: (buffer) => num(at(bufferOf('before', buffer, p))),
      after: (buffer) => num(at(bufferOf('after', buffer, p))),
      h: (h) => num(c[h]),
      times: mul,
      div,
    };
    const r = rules.find((x) => x.target === target);
    const value = target === PARAM ? at(p.after) : at(bufferOf('after', target, p));
    const symbolic = `${r.symbolic(scalar).replace(' \\leftarrow ', ' = ')} \\qquad (${theta.plain} = ${name})`;
    // Plain SGD keeps its chain of terms (θ − η·g), as the lesson writes it.
    if (c.kind === 'sgd' && !c.momentum) return expansion(symbolic, [product(at(p.before)), minus(c.lr, at(p.grad))], value);
    return expansionOf(symbolic, r.tree(L), value);
  }

  return {symbolic, equations, result, expand: (block, i, j) => expand(block, i, j)};
}

// "a \leftarrow b" → "a &\leftarrow b" (the rules aligned at their arrows or equals signs).
function splitLine(text) {
  const at = text.search(/ \\leftarrow | = /);
  return at < 0 ? `&${text}` : `${text.slice(0, at)} &${text.slice(at + 1)}`;
}
