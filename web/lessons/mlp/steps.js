// One backprop iteration as a list of steps, each with its equation, the same equation with the
// numbers of the trace, its result and, element by element, its chain-rule expansion.
// Every number comes from the scenario or the trace: nothing here computes a value.
// A step's id is the name of the trace entry it shows (web/core/trace-keys.js), or loss, updateW,
// updateb. An expansion also carries its numbers as data (`terms` or `activation`, see ./tex.js),
// from which its TeX is written: tests/web/steps-mlp.test.js checks that they give its value.
import {
  activationSymbol,
  activationTex,
  column,
  expansion,
  factor,
  matrix,
  minus,
  product,
  scalarActivation,
  sumTex,
  sup,
  transpose,
} from './tex.js';
import {texNumber as n} from '../../format.js';
import {mlpKeys as K} from '../../core/trace-keys.js';

const lossTex = {
  half_sse: (ny, B) => `L = ${B > 1 ? `\\frac{1}{2B}\\sum_{s=1}^{B}` : '\\frac{1}{2}'}\\sum_{i=1}^{${ny}} (y_{i} - \\hat{y}_{i})^2`,
  mse: (ny, B) => `L = \\frac{1}{${B > 1 ? `B \\cdot ${ny}` : ny}}${B > 1 ? '\\sum_{s=1}^{B}' : ''}\\sum_{i=1}^{${ny}} (y_{i} - \\hat{y}_{i})^2`,
  cross_entropy: (ny, B) => `L = -${B > 1 ? '\\frac{1}{B}\\sum_{s=1}^{B}' : ''}\\sum_{i=1}^{${ny}} y_{i} \\log \\hat{y}_{i}`,
};

// ∂L/∂ŷ symbolically, for one output i.
const lossGradientTex = {
  half_sse: (i, B) => `${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{y}_{${i}} - y_{${i}})`,
  mse: (i, B, ny) => `\\tfrac{2}{${B > 1 ? `B \\cdot ${ny}` : ny}}(\\hat{y}_{${i}} - y_{${i}})`,
  cross_entropy: (i, B) => `-${B > 1 ? '\\tfrac{1}{B}' : ''}\\frac{y_{${i}}}{\\hat{y}_{${i}}}`,
};

// The trace's per-sample values are B × n; with one sample the lesson writes column vectors.
function values(rows, B) {
  return B === 1 ? column(rows[0]) : matrix(rows);
}

export function buildSteps(scenario, trace) {
  const {layers, activations, loss = 'half_sse'} = scenario.model;
  const L = layers.length - 1;
  const B = scenario.data.inputs.length;
  const x = scenario.data.inputs;
  const y = scenario.data.targets;
  const p = trace.parameters;
  const f = trace.forward;
  const g = trace.backward;
  const u = trace.updated;
  const act = (l) => (l === 0 ? x : f[K.a(l)]);
  const fn = (l) => activationTex[activations[l - 1]];
  const isSoftmax = (l) => activations[l - 1] === 'softmax';
  const ny = layers[L];
  const steps = [];

  // ---- forward
  for (let l = 1; l <= L; l++) {
    const output = l === L;
    steps.push({
      id: K.z(l), phase: 'forward', kind: 'z', layer: l, tag: 'forward-z',
      title: `\\mathbf{z}${sup(l)}`,
      symbolic: B === 1
        ? `\\mathbf{z}${sup(l)} = \\mathbf{W}${sup(l)} ${activationSymbol(l - 1)} + \\mathbf{b}${sup(l)}`
        : `\\mathbf{Z}${sup(l)} = ${l === 1 ? '\\mathbf{X}' : `\\mathbf{A}${sup(l - 1)}`} (\\mathbf{W}${sup(l)})^{T} + \\mathbf{1}(\\mathbf{b}${sup(l)})^{T}`,
      substituted: B === 1
        ? `${matrix(p[K.W(l)])} ${column(act(l - 1)[0])} + ${column(p[K.b(l)])} = ${column(f[K.z(l)][0])}`
        : `${matrix(act(l - 1))} ${matrix(transpose(p[K.W(l)]))} + \\mathbf{1}${matrix([p[K.b(l)]])} = ${matrix(f[K.z(l)])}`,
      result: [{label: `\\mathbf{z}${sup(l)}`, value: f[K.z(l)]}],
      expand: (_, s, i) => {
        const terms = [...p[K.W(l)][i].map((w, j) => product(w, act(l - 1)[s][j])), product(p[K.b(l)][i])];
        return expansion(`z${sup(l)}_{${i + 1}} = ${p[K.W(l)][i].map((_, j) => `W${sup(l)}_{${i + 1}${j + 1}} ${scalarActivation(l - 1, j + 1)}`).join(' + ')} + b${sup(l)}_{${i + 1}}`, terms, f[K.z(l)][s][i]);
      },
    });
    const head = output ? `\\hat{\\mathbf{y}} = \\mathbf{a}${sup(l)}` : `\\mathbf{a}${sup(l)}`;
    steps.push({
      id: K.a(l), phase: 'forward', kind: 'a', layer: l, tag: output ? 'output' : 'forward-a',
      title: output ? '\\hat{\\mathbf{y}}' : `\\mathbf{a}${sup(l)}`,
      symbolic: `${head} = ${fn(l)}(\\mathbf{z}${sup(l)})`,
      substituted: `${fn(l)}\\left(${values(f[K.z(l)], B)}\\right) = ${values(f[K.a(l)], B)}`,
      result: [{label: output ? '\\hat{\\mathbf{y}}' : `\\mathbf{a}${sup(l)}`, value: f[K.a(l)]}],
      expand: isSoftmax(l)
        ? (_, s, i) => ({
          symbolic: `a${sup(l)}_{${i + 1}} = \\frac{e^{z${sup(l)}_{${i + 1}}}}{\\sum_k e^{z${sup(l)}_k}}`,
          numbers: `\\frac{e^{${n(f[K.z(l)][s][i])}}}{${f[K.z(l)][s].map((z) => `e^{${n(z)}}`).join(' + ')}}`,
          activation: {name: 'softmax', z: f[K.z(l)][s], i},
          value: f[K.a(l)][s][i],
        })
        : (_, s, i) => ({
          symbolic: `a${sup(l)}_{${i + 1}} = ${fn(l)}(z${sup(l)}_{${i + 1}})`,
          numbers: `${fn(l)}(${n(f[K.z(l)][s][i])})`,
          activation: {name: activations[l - 1], z: [f[K.z(l)][s][i]], i: 0},
          value: f[K.a(l)][s][i],
        }),
    });
  }
  const yhat = f[K.a(L)];
  const lossTerms = () => {
    const terms = [];
    for (let s = 0; s < B; s++)
      for (let i = 0; i < ny; i++)
        terms.push(loss === 'cross_entropy'
          ? `${factor(y[s][i])} \\log ${n(yhat[s][i])}`
          : `(${n(y[s][i])} - ${n(yhat[s][i])})^2`);
    const sum = terms.join(loss === 'cross_entropy' ? ' + ' : ' + ');
    if (loss === 'half_sse') return `${B > 1 ? `\\frac{1}{2 \\cdot ${B}}` : '\\frac{1}{2}'}\\left[${sum}\\right]`;
    if (loss === 'mse') return `\\frac{1}{${B * ny}}\\left[${sum}\\right]`;
    return `-${B > 1 ? `\\frac{1}{${B}}` : ''}\\left[${sum}\\right]`;
  };
  steps.push({
    id: 'loss', phase: 'forward', kind: 'loss', layer: L, tag: 'loss',
    title: 'L',
    symbolic: lossTex[loss](ny, B),
    substituted: `L = ${lossTerms()} = ${n(trace.loss)}`,
    result: [{label: 'L', value: [[trace.loss]]}],
    expand: null,
  });

  // ---- backward, from the output layer down
  for (let l = L; l >= 1; l--) {
    const output = l === L;
    const delta = g[K.delta(l)];
    const aGrad = g[K.aGrad(l)];
    const fprime = g[K.fprime(l)];
    // δ of one element, as its factors: symbolic and with numbers (softmax has no diagonal f′,
    // so its δ has no factors to show: `factors` null).
    const deltaFactors = (s, i) => {
      if (output && (isSoftmax(l) || !fprime)) {
        return loss === 'cross_entropy'
          ? {symbolic: `${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{y}_{${i + 1}} - y_{${i + 1}})`, factors: null}
          : {symbolic: `\\delta${sup(l)}_{${i + 1}}`, factors: null};
      }
      const left = output
        ? lossGradientTex[loss](i + 1, B, ny)
        : `\\left(\\sum_k \\delta${sup(l + 1)}_k W${sup(l + 1)}_{k${i + 1}}\\right)`;
      return {symbolic: `${left} \\cdot ${fn(l)}'(z${sup(l)}_{${i + 1}})`, factors: [aGrad[s][i], fprime[s][i]]};
    };
    let deltaSymbolic;
    let deltaSubstituted;
    if (output && isSoftmax(l)) {
      deltaSymbolic = loss === 'cross_entropy'
        ? `\\boldsymbol{\\delta}${sup(l)} = ${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{\\mathbf{y}} - \\mathbf{y})`
        : `\\boldsymbol{\\delta}${sup(l)} = \\left(\\frac{\\partial \\hat{\\mathbf{y}}}{\\partial \\mathbf{z}${sup(l)}}\\right)^{\\!T} \\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}}`;
      deltaSubstituted = `\\boldsymbol{\\delta}${sup(l)} = ${values(delta, B)}`;
    } else if (output) {
      deltaSymbolic = `\\boldsymbol{\\delta}${sup(l)} = \\frac{\\partial L}{\\partial \\mathbf{z}${sup(l)}} = \\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}} \\circ ${fn(l)}'(\\mathbf{z}${sup(l)})`;
      deltaSubstituted = `${values(aGrad, B)} \\circ ${values(fprime, B)} = ${values(delta, B)}`;
    } else {
      deltaSymbolic = `\\boldsymbol{\\delta}${sup(l)} = (\\mathbf{W}${sup(l + 1)})^{T} \\boldsymbol{\\delta}${sup(l + 1)} \\circ ${fn(l)}'(\\mathbf{z}${sup(l)})`;
      deltaSubstituted = B === 1
        ? `\\left(${matrix(transpose(p[K.W(l + 1)]))} ${column(g[K.delta(l + 1)][0])}\\right) \\circ ${column(fprime[0])} = ${column(aGrad[0])} \\circ ${column(fprime[0])} = ${column(delta[0])}`
        : `${matrix(aGrad)} \\circ ${matrix(fprime)} = ${matrix(delta)}`;
    }
    steps.push({
      id: K.delta(l), phase: 'backward', kind: 'delta', layer: l, tag: output ? 'delta-output' : 'delta-hidden',
      title: `\\boldsymbol{\\delta}${sup(l)}`,
      symbolic: deltaSymbolic,
      substituted: deltaSubstituted,
      result: [{label: `\\boldsymbol{\\delta}${sup(l)}`, value: delta}],
      expand: (_, s, i) => {
        const {symbolic, factors} = deltaFactors(s, i);
        const terms = factors ? [product(...factors)] : null;
        return {
          symbolic: `\\delta${sup(l)}_{${i + 1}} = ${symbolic}`,
          numbers: terms ? sumTex(terms) : null,
          terms,
          value: delta[s][i],
        };
      },
    });
    const dW = g[K.dW(l)];
    const db = g[K.db(l)];
    steps.push({
      id: K.dW(l), phase: 'backward', kind: 'dW', layer: l, tag: 'dW',
      title: `\\frac{\\partial L}{\\partial \\mathbf{W}${sup(l)}}`,
      symbolic: B === 1
        ? `\\frac{\\partial L}{\\partial \\mathbf{W}${sup(l)}} = \\boldsymbol{\\delta}${sup(l)} (${activationSymbol(l - 1)})^{T}`
        : `\\frac{\\partial L}{\\partial \\mathbf{W}${sup(l)}} = (\\boldsymbol{\\Delta}${sup(l)})^{T} ${l === 1 ? '\\mathbf{X}' : `\\mathbf{A}${sup(l - 1)}`}`,
      substituted: B === 1
        ? `${column(delta[0])} ${matrix([act(l - 1)[0]])} = ${matrix(dW)}`
        : `${matrix(transpose(delta))} ${matrix(act(l - 1))} = ${matrix(dW)}`,
      result: [{label: `\\partial L / \\partial \\mathbf{W}${sup(l)}`, value: dW}],
      expand: (_, i, j) => {
        if (B === 1) {
          const {symbolic, factors} = deltaFactors(0, i);
          const terms = [product(...(factors ?? [delta[0][i]]), act(l - 1)[0][j])];
          return expansion(`\\frac{\\partial L}{\\partial W${sup(l)}_{${i + 1}${j + 1}}} = ${symbolic} \\cdot ${scalarActivation(l - 1, j + 1)}`, terms, dW[i][j]);
        }
        const terms = delta.map((row, s) => product(row[i], act(l - 1)[s][j]));
        return expansion(`\\frac{\\partial L}{\\partial W${sup(l)}_{${i + 1}${j + 1}}} = \\sum_{s=1}^{${B}} \\delta${sup(l)}_{s,${i + 1}} \\, ${l === 1 ? `x_{s,${j + 1}}` : `a${sup(l - 1)}_{s,${j + 1}}`}`, terms, dW[i][j]);
      },
    });
    steps.push({
      id: K.db(l), phase: 'backward', kind: 'db', layer: l, tag: 'db',
      title: `\\frac{\\partial L}{\\partial \\mathbf{b}${sup(l)}}`,
      symbolic: B === 1
        ? `\\frac{\\partial L}{\\partial \\mathbf{b}${sup(l)}} = \\boldsymbol{\\delta}${sup(l)}`
        : `\\frac{\\partial L}{\\partial \\mathbf{b}${sup(l)}} = \\sum_{s=1}^{${B}} \\boldsymbol{\\delta}${sup(l)}_{s}`,
      substituted: B === 1 ? `${column(db)}` : `${delta.map((row) => column(row)).join(' + ')} = ${column(db)}`,
      result: [{label: `\\partial L / \\partial \\mathbf{b}${sup(l)}`, value: [db]}],
      expand: (_, _row, i) => {
        const terms = delta.map((row) => product(row[i]));
        return {
          symbolic: B === 1 ? `\\frac{\\partial L}{\\partial b${sup(l)}_{${i + 1}}} = \\delta${sup(l)}_{${i + 1}}` : `\\frac{\\partial L}{\\partial b${sup(l)}_{${i + 1}}} = \\sum_s \\delta${sup(l)}_{s,${i + 1}}`,
          numbers: B === 1 ? null : sumTex(terms),
          terms: B === 1 ? null : terms,
          value: db[i],
        };
      },
    });
  }

  // ---- update
  const {kind = 'sgd', lr = 1e-3, momentum = 0, update_biases: updateBiases = true} = scenario.optimizer ?? {};
  const plainSgd = kind === 'sgd' && !momentum;
  // W⁽ˡ⁾ and its gradient are matrices, b⁽ˡ⁾ and its gradient vectors (shown as one row).
  for (const [parameter, id, symbol] of [['W', 'updateW', '\\mathbf{W}'], ['b', 'updateb', '\\mathbf{b}']]) {
    const weights = parameter === 'W';
    const rows = (value) => (weights ? value : [value]);
    const fixed = !weights && !updateBiases;
    const key = weights ? K.W : K.b;
    const gradKey = weights ? K.dW : K.db;
    const lines = [];
    for (let l = 1; l <= L; l++) {
      const before = rows(p[key(l)]);
      const grad = rows(g[gradKey(l)]);
      const after = rows(u[key(l)]);
      const show = weights ? matrix : (value) => column(value[0]);
      lines.push(fixed || !plainSgd
        ? `${symbol}${sup(l)} = ${show(after)}`
        : `${show(before)} - ${n(lr)} ${show(grad)} = ${show(after)}`);
    }
    steps.push({
      id, phase: 'update', kind: id, layer: 0, tag: 'update',
      title: `${symbol} \\leftarrow`,
      symbolic: fixed
        ? `${symbol} \\text{ fijo}`
        : plainSgd
          ? `${symbol} \\leftarrow ${symbol} - \\eta \\frac{\\partial L}{\\partial ${symbol}}, \\quad \\eta = ${n(lr)}`
          : `${symbol} \\leftarrow \\text{${kind}}(${symbol}, \\tfrac{\\partial L}{\\partial ${symbol}})`,
      substituted: lines.join(' \\qquad '),
      result: Array.from({length: L}, (_, k) => ({
        label: `${symbol}${sup(k + 1)}`,
        value: rows(u[key(k + 1)]),
      })),
      expand: plainSgd && !fixed
        ? (block, i, j) => {
          const l = block + 1;
          const before = rows(p[key(l)])[i][j];
          const grad = rows(g[gradKey(l)])[i][j];
          const after = rows(u[key(l)])[i][j];
          const name = weights ? `W${sup(l)}_{${i + 1}${j + 1}}` : `b${sup(l)}_{${j + 1}}`;
          const terms = [product(before), minus(lr, grad)];
          return expansion(`${name} \\leftarrow ${name} - \\eta \\frac{\\partial L}{\\partial ${name}}`, terms, after);
        }
        : null,
    });
  }
  return steps;
}
