// One backprop iteration as a list of steps, each with its equation, the same equation with the
// numbers of the trace, its result and, element by element, its chain-rule expansion.
// Every number comes from the scenario or the trace: nothing here computes a value.
import {
  activationSymbol,
  activationTex,
  column,
  factor,
  matrix,
  scalarActivation,
  sup,
  transpose,
} from './tex.js';
import {texNumber as n} from '../../format.js';

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
  const act = (l) => (l === 0 ? x : f[`a${l}`]);
  const fn = (l) => activationTex[activations[l - 1]];
  const isSoftmax = (l) => activations[l - 1] === 'softmax';
  const ny = layers[L];
  const steps = [];

  // ---- forward
  for (let l = 1; l <= L; l++) {
    const output = l === L;
    steps.push({
      id: `z${l}`, phase: 'forward', kind: 'z', layer: l, tag: 'forward-z',
      title: `\\mathbf{z}${sup(l)}`,
      symbolic: B === 1
        ? `\\mathbf{z}${sup(l)} = \\mathbf{W}${sup(l)} ${activationSymbol(l - 1)} + \\mathbf{b}${sup(l)}`
        : `\\mathbf{Z}${sup(l)} = ${l === 1 ? '\\mathbf{X}' : `\\mathbf{A}${sup(l - 1)}`} (\\mathbf{W}${sup(l)})^{\\top} + \\mathbf{1}(\\mathbf{b}${sup(l)})^{\\top}`,
      substituted: B === 1
        ? `${matrix(p[`W${l}`])} ${column(act(l - 1)[0])} + ${column(p[`b${l}`])} = ${column(f[`z${l}`][0])}`
        : `${matrix(act(l - 1))} ${matrix(transpose(p[`W${l}`]))} + \\mathbf{1}${matrix([p[`b${l}`]])} = ${matrix(f[`z${l}`])}`,
      result: [{label: `\\mathbf{z}${sup(l)}`, value: f[`z${l}`]}],
      expand: (_, s, i) => ({
        symbolic: `z${sup(l)}_{${i + 1}} = ${p[`W${l}`][i].map((_, j) => `W${sup(l)}_{${i + 1}${j + 1}} ${scalarActivation(l - 1, j + 1)}`).join(' + ')} + b${sup(l)}_{${i + 1}}`,
        numbers: `${p[`W${l}`][i].map((w, j) => `${factor(w)} \\cdot ${factor(act(l - 1)[s][j])}`).join(' + ')} + ${factor(p[`b${l}`][i])}`,
        value: f[`z${l}`][s][i],
      }),
    });
    const head = output ? `\\hat{\\mathbf{y}} = \\mathbf{a}${sup(l)}` : `\\mathbf{a}${sup(l)}`;
    steps.push({
      id: `a${l}`, phase: 'forward', kind: 'a', layer: l, tag: output ? 'output' : 'forward-a',
      title: output ? '\\hat{\\mathbf{y}}' : `\\mathbf{a}${sup(l)}`,
      symbolic: `${head} = ${fn(l)}(\\mathbf{z}${sup(l)})`,
      substituted: `${fn(l)}\\left(${values(f[`z${l}`], B)}\\right) = ${values(f[`a${l}`], B)}`,
      result: [{label: output ? '\\hat{\\mathbf{y}}' : `\\mathbf{a}${sup(l)}`, value: f[`a${l}`]}],
      expand: isSoftmax(l)
        ? (_, s, i) => ({
          symbolic: `a${sup(l)}_{${i + 1}} = \\frac{e^{z${sup(l)}_{${i + 1}}}}{\\sum_k e^{z${sup(l)}_k}}`,
          numbers: `\\frac{e^{${n(f[`z${l}`][s][i])}}}{${f[`z${l}`][s].map((z) => `e^{${n(z)}}`).join(' + ')}}`,
          value: f[`a${l}`][s][i],
        })
        : (_, s, i) => ({
          symbolic: `a${sup(l)}_{${i + 1}} = ${fn(l)}(z${sup(l)}_{${i + 1}})`,
          numbers: `${fn(l)}(${n(f[`z${l}`][s][i])})`,
          value: f[`a${l}`][s][i],
        }),
    });
  }
  const yhat = f[`a${L}`];
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
    const delta = g[`delta${l}`];
    const aGrad = g[`a_grad${l}`];
    const fprime = g[`fprime${l}`];
    // δ of one element, as its factors: symbolic and with numbers (softmax has no diagonal f′).
    const deltaFactors = (s, i) => {
      if (output && (isSoftmax(l) || !fprime)) {
        return loss === 'cross_entropy'
          ? {symbolic: `${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{y}_{${i + 1}} - y_{${i + 1}})`, numbers: null}
          : {symbolic: `\\delta${sup(l)}_{${i + 1}}`, numbers: null};
      }
      const left = output
        ? lossGradientTex[loss](i + 1, B, ny)
        : `\\left(\\sum_k \\delta${sup(l + 1)}_k W${sup(l + 1)}_{k${i + 1}}\\right)`;
      return {
        symbolic: `${left} \\cdot ${fn(l)}'(z${sup(l)}_{${i + 1}})`,
        numbers: `${factor(aGrad[s][i])} \\cdot ${factor(fprime[s][i])}`,
      };
    };
    let deltaSymbolic;
    let deltaSubstituted;
    if (output && isSoftmax(l)) {
      deltaSymbolic = loss === 'cross_entropy'
        ? `\\boldsymbol{\\delta}${sup(l)} = ${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{\\mathbf{y}} - \\mathbf{y})`
        : `\\boldsymbol{\\delta}${sup(l)} = \\left(\\frac{\\partial \\hat{\\mathbf{y}}}{\\partial \\mathbf{z}${sup(l)}}\\right)^{\\!\\top} \\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}}`;
      deltaSubstituted = `\\boldsymbol{\\delta}${sup(l)} = ${values(delta, B)}`;
    } else if (output) {
      deltaSymbolic = `\\boldsymbol{\\delta}${sup(l)} = \\frac{\\partial L}{\\partial \\mathbf{z}${sup(l)}} = \\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}} \\circ ${fn(l)}'(\\mathbf{z}${sup(l)})`;
      deltaSubstituted = `${values(aGrad, B)} \\circ ${values(fprime, B)} = ${values(delta, B)}`;
    } else {
      deltaSymbolic = `\\boldsymbol{\\delta}${sup(l)} = (\\mathbf{W}${sup(l + 1)})^{\\top} \\boldsymbol{\\delta}${sup(l + 1)} \\circ ${fn(l)}'(\\mathbf{z}${sup(l)})`;
      deltaSubstituted = B === 1
        ? `\\left(${matrix(transpose(p[`W${l + 1}`]))} ${column(g[`delta${l + 1}`][0])}\\right) \\circ ${column(fprime[0])} = ${column(aGrad[0])} \\circ ${column(fprime[0])} = ${column(delta[0])}`
        : `${matrix(aGrad)} \\circ ${matrix(fprime)} = ${matrix(delta)}`;
    }
    steps.push({
      id: `delta${l}`, phase: 'backward', kind: 'delta', layer: l, tag: output ? 'delta-output' : 'delta-hidden',
      title: `\\boldsymbol{\\delta}${sup(l)}`,
      symbolic: deltaSymbolic,
      substituted: deltaSubstituted,
      result: [{label: `\\boldsymbol{\\delta}${sup(l)}`, value: delta}],
      expand: (_, s, i) => {
        const factors = deltaFactors(s, i);
        return {
          symbolic: `\\delta${sup(l)}_{${i + 1}} = ${factors.symbolic}`,
          numbers: factors.numbers,
          value: delta[s][i],
        };
      },
    });
    const dW = g[`dW${l}`];
    const db = g[`db${l}`];
    steps.push({
      id: `dW${l}`, phase: 'backward', kind: 'dW', layer: l, tag: 'dW',
      title: `\\frac{\\partial L}{\\partial \\mathbf{W}${sup(l)}}`,
      symbolic: B === 1
        ? `\\frac{\\partial L}{\\partial \\mathbf{W}${sup(l)}} = \\boldsymbol{\\delta}${sup(l)} (${activationSymbol(l - 1)})^{\\top}`
        : `\\frac{\\partial L}{\\partial \\mathbf{W}${sup(l)}} = (\\boldsymbol{\\Delta}${sup(l)})^{\\top} ${l === 1 ? '\\mathbf{X}' : `\\mathbf{A}${sup(l - 1)}`}`,
      substituted: B === 1
        ? `${column(delta[0])} ${matrix([act(l - 1)[0]])} = ${matrix(dW)}`
        : `${matrix(transpose(delta))} ${matrix(act(l - 1))} = ${matrix(dW)}`,
      result: [{label: `\\partial L / \\partial \\mathbf{W}${sup(l)}`, value: dW}],
      expand: (_, i, j) => {
        if (B === 1) {
          const factors = deltaFactors(0, i);
          return {
            symbolic: `\\frac{\\partial L}{\\partial W${sup(l)}_{${i + 1}${j + 1}}} = ${factors.symbolic} \\cdot ${scalarActivation(l - 1, j + 1)}`,
            numbers: `${factors.numbers ?? factor(delta[0][i])} \\cdot ${factor(act(l - 1)[0][j])}`,
            value: dW[i][j],
          };
        }
        return {
          symbolic: `\\frac{\\partial L}{\\partial W${sup(l)}_{${i + 1}${j + 1}}} = \\sum_{s=1}^{${B}} \\delta${sup(l)}_{s,${i + 1}} \\, ${l === 1 ? `x_{s,${j + 1}}` : `a${sup(l - 1)}_{s,${j + 1}}`}`,
          numbers: delta.map((row, s) => `${factor(row[i])} \\cdot ${factor(act(l - 1)[s][j])}`).join(' + '),
          value: dW[i][j],
        };
      },
    });
    steps.push({
      id: `db${l}`, phase: 'backward', kind: 'db', layer: l, tag: 'db',
      title: `\\frac{\\partial L}{\\partial \\mathbf{b}${sup(l)}}`,
      symbolic: B === 1
        ? `\\frac{\\partial L}{\\partial \\mathbf{b}${sup(l)}} = \\boldsymbol{\\delta}${sup(l)}`
        : `\\frac{\\partial L}{\\partial \\mathbf{b}${sup(l)}} = \\sum_{s=1}^{${B}} \\boldsymbol{\\delta}${sup(l)}_{s}`,
      substituted: B === 1 ? `${column(db)}` : `${delta.map((row) => column(row)).join(' + ')} = ${column(db)}`,
      result: [{label: `\\partial L / \\partial \\mathbf{b}${sup(l)}`, value: [db]}],
      expand: (_, _row, i) => ({
        symbolic: B === 1 ? `\\frac{\\partial L}{\\partial b${sup(l)}_{${i + 1}}} = \\delta${sup(l)}_{${i + 1}}` : `\\frac{\\partial L}{\\partial b${sup(l)}_{${i + 1}}} = \\sum_s \\delta${sup(l)}_{s,${i + 1}}`,
        numbers: B === 1 ? null : delta.map((row) => factor(row[i])).join(' + '),
        value: db[i],
      }),
    });
  }

  // ---- update
  const {kind = 'sgd', lr = 1e-3, momentum = 0, update_biases: updateBiases = true} = scenario.optimizer ?? {};
  const plainSgd = kind === 'sgd' && !momentum;
  for (const [parameter, gradient, id, symbol] of [['W', 'dW', 'updateW', '\\mathbf{W}'], ['b', 'db', 'updateb', '\\mathbf{b}']]) {
    const fixed = parameter === 'b' && !updateBiases;
    const lines = [];
    for (let l = 1; l <= L; l++) {
      const before = parameter === 'W' ? p[`W${l}`] : [p[`b${l}`]];
      const grad = parameter === 'W' ? g[`dW${l}`] : [g[`db${l}`]];
      const after = parameter === 'W' ? u[`W${l}`] : [u[`b${l}`]];
      const show = parameter === 'W' ? matrix : (rows) => column(rows[0]);
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
        value: parameter === 'W' ? u[`W${k + 1}`] : [u[`b${k + 1}`]],
      })),
      expand: plainSgd && !fixed
        ? (block, i, j) => {
          const l = block + 1;
          const before = parameter === 'W' ? p[`W${l}`][i][j] : p[`b${l}`][j];
          const grad = parameter === 'W' ? g[`dW${l}`][i][j] : g[`db${l}`][j];
          const after = parameter === 'W' ? u[`W${l}`][i][j] : u[`b${l}`][j];
          const name = parameter === 'W' ? `W${sup(l)}_{${i + 1}${j + 1}}` : `b${sup(l)}_{${j + 1}}`;
          return {
            symbolic: `${name} \\leftarrow ${name} - \\eta \\frac{\\partial L}{\\partial ${name}}`,
            numbers: `${factor(before)} - ${factor(lr)} \\cdot ${factor(grad)}`,
            value: after,
          };
        }
        : null,
    });
  }
  return steps;
}
