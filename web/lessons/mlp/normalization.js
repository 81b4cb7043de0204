// Lesson 1's steps for the layers the lesson's "Avances posteriores" adds to a hidden layer:
// batch normalization of z before the activation (μ_B, σ²_B, x̂, y = γ∘x̂ + β, then a = f(y)) and
// inverted dropout after it (ã = a ∘ m / (1 − p)), forward and backward, as equation trees
// (../equation.js) over the trace's numbers. Nothing here computes a value: the core's trace
// holds every one (docs/scenario.md, "Batch normalization", "Dropout").
import {spec} from '../../core/spec.js';
import {mlpKeys as K} from '../../core/trace-keys.js';
import {add, div, equation, exact, hadamard, mat, mul, num, ones, paren, row, sqrt, square, sub} from '../equation.js';
import {activationTex, expansion, expansionOf, product, sup} from './tex.js';

// Which hidden layers normalize or drop (l = 1 … L − 1), and with what p.
export const batchNormOn = (scenario, l) => Boolean(scenario.model.batch_norm?.[l - 1]);
export const dropoutOf = (scenario, l) => scenario.model.dropout?.[l - 1] ?? 0;

// ε of batch normalization, as the core reports it (web/core/spec.js).
const epsilon = () => spec().scenario.mlp.batch_norm.eps;
const epsTex = () => `\\epsilon`;
const epsLeaf = () => exact(epsilon(), texNumberExact(epsilon()));
// ε written as the lesson would: 10^{-5}.
function texNumberExact(x) {
  const e = Math.log10(x);
  return Number.isInteger(e) ? `10^{${e}}` : String(x);
}

const oneOverB = (B) => exact(1 / B, `\\frac{1}{${B}}`);
const keepScale = (p) => exact(1 / (1 - p), `\\frac{1}{1 - ${p}}`);
const rowsOf = (rows) => rows.map((r) => row(r));

// The symbol of what layer l passes on: ã with dropout, a otherwise (x for l = 0).
export function outputSymbol(scenario, l) {
  if (l === 0) return '\\mathbf{x}';
  return dropoutOf(scenario, l) > 0 ? `\\tilde{\\mathbf{a}}${sup(l)}` : `\\mathbf{a}${sup(l)}`;
}

// μ_B, σ²_B, x̂ and y of a batch-norm layer, after its z step.
export function batchNormForward({l, B, f, p}) {
  const z = f[K.z(l)];
  const mu = f[K.mu(l)];
  const variance = f[K.var(l)];
  const xhat = f[K.xhat(l)];
  const y = f[K.y(l)];
  const gamma = p[K.gamma(l)];
  const beta = p[K.beta(l)];
  const denominator = ones(sqrt(add(row(variance), epsLeaf())), B);
  const step = (id, kind, title, symbolic, equations, result, expand) =>
    ({id, phase: 'forward', kind, layer: l, tag: 'batch-norm', samples: result[0].value.length > 1, title, symbolic, equations, result, expand});
  return [
    step(K.mu(l), 'mu', `\\boldsymbol{\\mu}_B${sup(l)}`,
      `\\boldsymbol{\\mu}_B${sup(l)} = \\frac{1}{B} \\sum_{s=1}^{B} \\mathbf{z}${sup(l)}_{s}`,
      [equation(null, mul(oneOverB(B), paren(add(...rowsOf(z)))), row(mu))],
      [{label: `\\boldsymbol{\\mu}_B${sup(l)}`, value: [mu]}],
      (_, _r, j) => expansion(`\\mu${sup(l)}_{${j + 1}} = \\frac{1}{B} \\sum_s z${sup(l)}_{s,${j + 1}}`,
        z.map((r) => product(oneOverB(B), r[j])), mu[j])),
    step(K.var(l), 'var', `(\\boldsymbol{\\sigma}_B^{2})${sup(l)}`,
      `(\\boldsymbol{\\sigma}_B^{2})${sup(l)} = \\frac{1}{B} \\sum_{s=1}^{B} \\left(\\mathbf{z}${sup(l)}_{s} - \\boldsymbol{\\mu}_B${sup(l)}\\right)^{\\circ 2}`,
      [equation(null, mul(oneOverB(B), paren(add(...z.map((r) => square(sub(row(r), row(mu))))))), row(variance))],
      [{label: `(\\boldsymbol{\\sigma}_B^{2})${sup(l)}`, value: [variance]}],
      (_, _r, j) => expansion(`(\\sigma^{2})${sup(l)}_{${j + 1}} = \\frac{1}{B} \\sum_s (z${sup(l)}_{s,${j + 1}} - \\mu${sup(l)}_{${j + 1}})^2`,
        z.map((r) => product(oneOverB(B), square(sub(num(r[j]), num(mu[j]))))), variance[j])),
    step(K.xhat(l), 'xhat', `\\hat{\\mathbf{x}}${sup(l)}`,
      `\\hat{\\mathbf{x}}${sup(l)} = \\frac{\\mathbf{z}${sup(l)} - \\boldsymbol{\\mu}_B${sup(l)}}{\\sqrt{(\\boldsymbol{\\sigma}_B^{2})${sup(l)} + ${epsTex()}}}`,
      [equation(null, div(paren(sub(mat(z), ones(row(mu), B))), denominator), mat(xhat))],
      [{label: `\\hat{\\mathbf{x}}${sup(l)}`, value: xhat}],
      (_, s, j) => expansionOf(`\\hat{x}${sup(l)}_{${s + 1},${j + 1}} = \\frac{z${sup(l)}_{${s + 1},${j + 1}} - \\mu${sup(l)}_{${j + 1}}}{\\sqrt{(\\sigma^{2})${sup(l)}_{${j + 1}} + ${epsTex()}}}`,
        div(sub(num(z[s][j]), num(mu[j])), sqrt(add(num(variance[j]), epsLeaf()))), xhat[s][j])),
    step(K.y(l), 'y', `\\mathbf{y}${sup(l)}`,
      `\\mathbf{y}${sup(l)} = \\boldsymbol{\\gamma}${sup(l)} \\circ \\hat{\\mathbf{x}}${sup(l)} + \\boldsymbol{\\beta}${sup(l)}`,
      [equation(null, add(hadamard(ones(row(gamma), B), mat(xhat)), ones(row(beta), B)), mat(y))],
      [{label: `\\mathbf{y}${sup(l)}`, value: y}],
      (_, s, j) => expansion(`y${sup(l)}_{${s + 1},${j + 1}} = \\gamma${sup(l)}_{${j + 1}} \\hat{x}${sup(l)}_{${s + 1},${j + 1}} + \\beta${sup(l)}_{${j + 1}}`,
        [product(gamma[j], xhat[s][j]), product(beta[j])], y[s][j])),
  ];
}

// ã = a ∘ m / (1 − p), after the activation's step.
export function dropoutForward({l, p: rate, f, values}) {
  const a = f[K.a(l)];
  const mask = f[K.mask(l)];
  const dropped = f[K.aDrop(l)];
  const symbol = `\\tilde{\\mathbf{a}}${sup(l)}`;
  return {
    id: K.aDrop(l), phase: 'forward', kind: 'aDrop', layer: l, tag: 'dropout', samples: a.length > 1,
    title: symbol,
    symbolic: `${symbol} = \\frac{1}{1 - p} \\, \\mathbf{a}${sup(l)} \\circ \\mathbf{m}${sup(l)}, \\quad p = ${rate}`,
    equations: [equation(null, mul(keepScale(rate), paren(hadamard(values(a), values(mask)))), values(dropped))],
    result: [{label: `\\mathbf{m}${sup(l)}`, value: mask}, {label: symbol, value: dropped}],
    expand: (block, s, j) => (block === 0
      ? {symbolic: `m${sup(l)}_{${s + 1},${j + 1}} = ${mask[s][j]}`, numbers: null, value: mask[s][j]}
      : expansion(`\\tilde{a}${sup(l)}_{${j + 1}} = \\frac{a${sup(l)}_{${j + 1}} \\, m${sup(l)}_{${j + 1}}}{1 - p}`,
        [product(a[s][j], mask[s][j], keepScale(rate))], dropped[s][j])),
  };
}

// The backward steps of hidden layer l with dropout and/or batch norm, from δ⁽ˡ⁺¹⁾ down to δ⁽ˡ⁾
// (the caller adds ∂L/∂W⁽ˡ⁾ and ∂L/∂b⁽ˡ⁾ after them). `back` is δ⁽ˡ⁺¹⁾W⁽ˡ⁺¹⁾ as a tree.
export function hiddenBackward({scenario, l, B, f, g, p, back, values, activation}) {
  const steps = [];
  const rate = dropoutOf(scenario, l);
  const aGrad = g[K.aGrad(l)];
  const fprime = g[K.fprime(l)];
  const dA = `\\frac{\\partial L}{\\partial \\mathbf{a}${sup(l)}}`;
  if (rate > 0) {
    const dDrop = `\\frac{\\partial L}{\\partial \\tilde{\\mathbf{a}}${sup(l)}}`;
    const dropGrad = g[K.aDropGrad(l)];
    const mask = f[K.mask(l)];
    steps.push({
      id: K.aDropGrad(l), phase: 'backward', kind: 'aDropGrad', layer: l, tag: 'dropout', samples: B > 1,
      title: dDrop,
      symbolic: `${dDrop} = (\\mathbf{W}${sup(l + 1)})^{T} \\boldsymbol{\\delta}${sup(l + 1)}`,
      equations: [equation(null, back, values(dropGrad))],
      result: [{label: dDrop, value: dropGrad}],
      expand: null,
    });
    steps.push({
      id: K.aGrad(l), phase: 'backward', kind: 'aGrad', layer: l, tag: 'dropout', samples: B > 1,
      title: dA,
      symbolic: `${dA} = \\frac{1}{1 - p} \\, ${dDrop} \\circ \\mathbf{m}${sup(l)}`,
      equations: [equation(null, mul(keepScale(rate), paren(hadamard(values(dropGrad), values(mask)))), values(aGrad))],
      result: [{label: dA, value: aGrad}],
      expand: (_, s, j) => expansion(`\\frac{\\partial L}{\\partial a${sup(l)}_{${j + 1}}} = \\frac{\\partial L}{\\partial \\tilde{a}${sup(l)}_{${j + 1}}} \\cdot \\frac{m${sup(l)}_{${j + 1}}}{1 - p}`,
        [product(dropGrad[s][j], mask[s][j], keepScale(rate))], aGrad[s][j]),
    });
  }
  const upstream = rate > 0 ? values(aGrad) : back;
  const deltaLhs = `\\boldsymbol{\\delta}${sup(l)}`;
  const fTex = activationTex[activation];
  if (!batchNormOn(scenario, l)) {
    const delta = g[K.delta(l)];
    steps.push({
      id: K.delta(l), phase: 'backward', kind: 'delta', layer: l, tag: 'delta-hidden', samples: B > 1,
      title: deltaLhs,
      symbolic: `${deltaLhs} = ${dA} \\circ ${fTex}'(\\mathbf{z}${sup(l)})`,
      equations: [equation(null, hadamard(rate > 0 ? upstream : paren(upstream), values(fprime)), values(delta))],
      result: [{label: deltaLhs, value: delta}],
      expand: (_, s, j) => expansion(`\\delta${sup(l)}_{${j + 1}} = \\frac{\\partial L}{\\partial a${sup(l)}_{${j + 1}}} \\cdot ${fTex}'(z${sup(l)}_{${j + 1}})`,
        [product(aGrad[s][j], fprime[s][j])], delta[s][j]),
    });
    return steps;
  }
  return [...steps, ...batchNormBackward({l, B, f, g, p, upstream, fTex, dA, rate})];
}

// ∂L/∂y, ∂L/∂γ, ∂L/∂β, ∂L/∂x̂ and δ = ∂L/∂z through the batch statistics.
function batchNormBackward({l, B, f, g, p, upstream, fTex, dA, rate}) {
  const aGrad = g[K.aGrad(l)];
  const fprime = g[K.fprime(l)];
  const dy = g[K.dy(l)];
  const dgamma = g[K.dgamma(l)];
  const dbeta = g[K.dbeta(l)];
  const dxhat = g[K.dxhat(l)];
  const delta = g[K.delta(l)];
  const xhat = f[K.xhat(l)];
  const variance = f[K.var(l)];
  const gamma = p[K.gamma(l)];
  const d = (of) => `\\frac{\\partial L}{\\partial ${of}}`;
  const step = (id, kind, title, symbolic, equations, value, expand, samples = true) =>
    ({id, phase: 'backward', kind, layer: l, tag: 'batch-norm', samples: samples && B > 1, title, symbolic, equations, result: [{label: title, value}], expand});
  const sumRows = (rows) => paren(add(...rowsOf(rows)));
  return [
    step(K.dy(l), 'dy', d(`\\mathbf{y}${sup(l)}`), `${d(`\\mathbf{y}${sup(l)}`)} = ${dA} \\circ ${fTex}'(\\mathbf{y}${sup(l)})`,
      [equation(null, hadamard(rate > 0 ? upstream : paren(upstream), mat(fprime)), mat(dy))], dy,
      (_, s, j) => expansion(`${d(`y${sup(l)}_{${j + 1}}`)} = ${d(`a${sup(l)}_{${j + 1}}`)} \\cdot ${fTex}'(y${sup(l)}_{${j + 1}})`,
        [product(aGrad[s][j], fprime[s][j])], dy[s][j])),
    step(K.dgamma(l), 'dgamma', d(`\\boldsymbol{\\gamma}${sup(l)}`),
      `${d(`\\boldsymbol{\\gamma}${sup(l)}`)} = \\sum_{s=1}^{B} ${d(`\\mathbf{y}${sup(l)}_{s}`)} \\circ \\hat{\\mathbf{x}}${sup(l)}_{s}`,
      [equation(null, add(...dy.map((r, s) => hadamard(row(r), row(xhat[s])))), row(dgamma))], [dgamma],
      (_, _r, j) => expansion(`${d(`\\gamma${sup(l)}_{${j + 1}}`)} = \\sum_s ${d(`y${sup(l)}_{s,${j + 1}}`)} \\, \\hat{x}${sup(l)}_{s,${j + 1}}`,
        dy.map((r, s) => product(r[j], xhat[s][j])), dgamma[j]), false),
    step(K.dbeta(l), 'dbeta', d(`\\boldsymbol{\\beta}${sup(l)}`),
      `${d(`\\boldsymbol{\\beta}${sup(l)}`)} = \\sum_{s=1}^{B} ${d(`\\mathbf{y}${sup(l)}_{s}`)}`,
      [equation(null, add(...rowsOf(dy)), row(dbeta))], [dbeta],
      (_, _r, j) => expansion(`${d(`\\beta${sup(l)}_{${j + 1}}`)} = \\sum_s ${d(`y${sup(l)}_{s,${j + 1}}`)}`,
        dy.map((r) => product(r[j])), dbeta[j]), false),
    step(K.dxhat(l), 'dxhat', d(`\\hat{\\mathbf{x}}${sup(l)}`),
      `${d(`\\hat{\\mathbf{x}}${sup(l)}`)} = ${d(`\\mathbf{y}${sup(l)}`)} \\circ \\boldsymbol{\\gamma}${sup(l)}`,
      [equation(null, hadamard(mat(dy), ones(row(gamma), B)), mat(dxhat))], dxhat,
      (_, s, j) => expansion(`${d(`\\hat{x}${sup(l)}_{${j + 1}}`)} = ${d(`y${sup(l)}_{${j + 1}}`)} \\, \\gamma${sup(l)}_{${j + 1}}`,
        [product(dy[s][j], gamma[j])], dxhat[s][j])),
    // The three-term formula, with Σ_s ∂L/∂y = ∂L/∂β and Σ_s ∂L/∂y ∘ x̂ = ∂L/∂γ from the steps above.
    step(K.delta(l), 'delta', `\\boldsymbol{\\delta}${sup(l)}`,
      `\\boldsymbol{\\delta}${sup(l)} = ${d(`\\mathbf{z}${sup(l)}`)} = \\frac{\\boldsymbol{\\gamma}${sup(l)}}{B\\sqrt{(\\boldsymbol{\\sigma}_B^{2})${sup(l)} + \\epsilon}} \\circ \\left(B \\, ${d(`\\mathbf{y}${sup(l)}`)} - ${d(`\\boldsymbol{\\beta}${sup(l)}`)} - \\hat{\\mathbf{x}}${sup(l)} \\circ ${d(`\\boldsymbol{\\gamma}${sup(l)}`)}\\right)`,
      [equation(null, hadamard(
        ones(div(row(gamma), mul(exact(B), sqrt(add(row(variance), epsLeaf())))), B),
        paren(sub(sub(mul(exact(B), mat(dy)), ones(row(dbeta), B)), hadamard(mat(xhat), ones(row(dgamma), B))))), mat(delta))],
      delta,
      (_, s, j) => expansionOf(`\\delta${sup(l)}_{${s + 1},${j + 1}} = \\frac{\\gamma${sup(l)}_{${j + 1}}}{B\\sqrt{(\\sigma^{2})${sup(l)}_{${j + 1}} + \\epsilon}} \\left(B ${d(`y${sup(l)}_{s,${j + 1}}`)} - ${d(`\\beta${sup(l)}_{${j + 1}}`)} - \\hat{x}${sup(l)}_{s,${j + 1}} ${d(`\\gamma${sup(l)}_{${j + 1}}`)}\\right)`,
        mul(div(num(gamma[j]), mul(exact(B), sqrt(add(num(variance[j]), epsLeaf())))),
          paren(sub(sub(mul(exact(B), num(dy[s][j])), num(dbeta[j])), mul(num(xhat[s][j]), num(dgamma[j]))))), delta[s][j])),
  ];
}

// The update steps' parameters for γ and β of every batch-norm layer (web/lessons/optimizer.js).
export function normalizationParameters({scenario, L, p, g, u, updateBiases}) {
  const out = {gamma: [], beta: []};
  for (let l = 1; l < L; l++) {
    if (!batchNormOn(scenario, l)) continue;
    out.gamma.push({key: K.gamma(l), symbol: `\\boldsymbol{\\gamma}${sup(l)}`, fixed: false,
      element: (_i, j) => `\\gamma${sup(l)}_{${j + 1}}`, before: p[K.gamma(l)], grad: g[K.dgamma(l)], after: u[K.gamma(l)]});
    out.beta.push({key: K.beta(l), symbol: `\\boldsymbol{\\beta}${sup(l)}`, fixed: !updateBiases,
      element: (_i, j) => `\\beta${sup(l)}_{${j + 1}}`, before: p[K.beta(l)], grad: g[K.dbeta(l)], after: u[K.beta(l)]});
  }
  return out;
}

