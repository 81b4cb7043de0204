// One backprop iteration as a list of steps, each with its equation, the same equation with the
// numbers of the trace, its result and, element by element, its chain-rule expansion.
// Every number comes from the scenario or the trace: nothing here computes a value.
// A step's id is the name of the trace entry it shows (web/core/trace-keys.js), or loss, updateW,
// updateb. A step's numbers are data: `equations`, trees of ../equation.js from which its
// `substituted` TeX is written; an expansion carries its numbers as data too (`terms`, `expr`,
// `activation`, see ./tex.js). tests/web/truth.test.js checks, from the numbers as shown, that
// every one of them is true. With regularization the loss and each ∂L/∂W show their parts
// (../regularization.js); the update shows the optimizer's rule and state (../optimizer.js).
import {activationExpansion, activationSymbol, activationTex, expansion, product, scalarActivation, sup, transpose} from './tex.js';
import {
  act as activation, add, bracket, col, div, equation, equationsTex, exact, hadamard, isDistribution, log, mat, matmul, mul, neg, num,
  ones, paren, row, square, sub,
} from '../equation.js';
import {mlpKeys as K} from '../../core/trace-keys.js';
import {gradientEquations, lossEquations, penalties, penaltySymbolic, penaltyElementTex, penaltyTerms, penaltyTex, dataLoss} from '../regularization.js';
import {optimizerSettings, optimizerUpdate} from '../optimizer.js';
import {batchNormForward, batchNormOn, dropoutForward, dropoutOf, hiddenBackward, normalizationParameters, outputSymbol} from './normalization.js';
import {S} from '../../strings/index.js';

const lossTex = {
  half_sse: (ny, B) => `${B > 1 ? `\\frac{1}{2B}\\sum_{s=1}^{B}` : '\\frac{1}{2}'}\\sum_{i=1}^{${ny}} (y_{i} - \\hat{y}_{i})^2`,
  mse: (ny, B) => `\\frac{1}{${B > 1 ? `B \\cdot ${ny}` : ny}}${B > 1 ? '\\sum_{s=1}^{B}' : ''}\\sum_{i=1}^{${ny}} (y_{i} - \\hat{y}_{i})^2`,
  cross_entropy: (ny, B) => `-${B > 1 ? '\\frac{1}{B}\\sum_{s=1}^{B}' : ''}\\sum_{i=1}^{${ny}} y_{i} \\log \\hat{y}_{i}`,
};

// ∂L/∂ŷ symbolically, for one output i.
const lossGradientTex = {
  half_sse: (i, B) => `${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{y}_{${i}} - y_{${i}})`,
  mse: (i, B, ny) => `\\tfrac{2}{${B > 1 ? `B \\cdot ${ny}` : ny}}(\\hat{y}_{${i}} - y_{${i}})`,
  cross_entropy: (i, B) => `-${B > 1 ? '\\tfrac{1}{B}' : ''}\\frac{y_{${i}}}{\\hat{y}_{${i}}}`,
};

// ∂L/∂ŷ as a tree of the predictions and targets (one sample: columns; several: B × n).
const lossGradientTree = {
  half_sse: (yhat, y, B) => (B > 1 ? mul(exact(1 / B, `\\frac{1}{${B}}`), sub(yhat, y)) : sub(yhat, y)),
  mse: (yhat, y, B, ny) => mul(exact(2 / (B * ny), `\\frac{2}{${B * ny}}`), sub(yhat, y)),
  cross_entropy: (yhat, y, B) => neg(B > 1 ? mul(exact(1 / B, `\\frac{1}{${B}}`), div(y, yhat)) : div(y, yhat)),
};

// The loss's data term as a tree: the factor before the bracket, and the bracket's terms.
function lossTree(loss, y, yhat, B, ny) {
  const terms = [];
  for (let s = 0; s < B; s++)
    for (let i = 0; i < ny; i++)
      terms.push(loss === 'cross_entropy' ? mul(num(y[s][i]), log(num(yhat[s][i]))) : square(sub(num(y[s][i]), num(yhat[s][i]))));
  const sum = bracket(add(...terms));
  if (loss === 'half_sse') return mul(exact(1 / (2 * B), B > 1 ? `\\frac{1}{2 \\cdot ${B}}` : '\\frac{1}{2}'), sum);
  if (loss === 'mse') return mul(exact(1 / (B * ny), `\\frac{1}{${B * ny}}`), sum);
  return neg(B > 1 ? mul(exact(1 / B, `\\frac{1}{${B}}`), sum) : sum);
}

// A step whose substituted TeX is written from its equations.
const withTex = (step) => ({...step, substituted: equationsTex(step.equations)});

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
  const reg = penalties(scenario);
  // What layer l passes on: x, a⁽ˡ⁾, or ã⁽ˡ⁾ with dropout (./normalization.js).
  const rate = (l) => dropoutOf(scenario, l);
  const act = (l) => (l === 0 ? x : rate(l) > 0 ? f[K.aDrop(l)] : f[K.a(l)]);
  const fn = (l) => activationTex[activations[l - 1]];
  const isSoftmax = (l) => activations[l - 1] === 'softmax';
  const ny = layers[L];
  // The trace's per-sample values are B × n; with one sample the lesson writes column vectors.
  const values = (rows) => (B === 1 ? col(rows[0]) : mat(rows));
  const steps = [];

  // ---- forward
  for (let l = 1; l <= L; l++) {
    const output = l === L;
    steps.push(withTex({
      id: K.z(l), phase: 'forward', kind: 'z', layer: l, tag: 'forward-z', samples: B > 1,
      title: `\\mathbf{z}${sup(l)}`,
      symbolic: B === 1
        ? `\\mathbf{z}${sup(l)} = \\mathbf{W}${sup(l)} ${outputSymbol(scenario, l - 1)} + \\mathbf{b}${sup(l)}`
        : `\\mathbf{Z}${sup(l)} = ${l === 1 ? '\\mathbf{X}' : `${rate(l - 1) > 0 ? '\\tilde{\\mathbf{A}}' : '\\mathbf{A}'}${sup(l - 1)}`} (\\mathbf{W}${sup(l)})^{T} + \\mathbf{1}(\\mathbf{b}${sup(l)})^{T}`,
      equations: [B === 1
        ? equation(null, add(matmul(mat(p[K.W(l)]), col(act(l - 1)[0])), col(p[K.b(l)])), col(f[K.z(l)][0]))
        : equation(null, add(matmul(mat(act(l - 1)), mat(transpose(p[K.W(l)]))), ones(row(p[K.b(l)]), B)), mat(f[K.z(l)]))],
      result: [{label: `\\mathbf{z}${sup(l)}`, value: f[K.z(l)]}],
      expand: (_, s, i) => {
        const terms = [...p[K.W(l)][i].map((w, j) => product(w, act(l - 1)[s][j])), product(p[K.b(l)][i])];
        return expansion(`z${sup(l)}_{${i + 1}} = ${p[K.W(l)][i].map((_, j) => `W${sup(l)}_{${i + 1}${j + 1}} ${scalarActivation(l - 1, j + 1)}`).join(' + ')} + b${sup(l)}_{${i + 1}}`, terms, f[K.z(l)][s][i]);
      },
    }));
    // With batch normalization the activation reads y = γ∘x̂ + β instead of z.
    const normalized = !output && batchNormOn(scenario, l);
    if (normalized) steps.push(...batchNormForward({l, B, f, p}).map(withTex));
    const pre = normalized ? f[K.y(l)] : f[K.z(l)];
    const preSymbol = normalized ? 'y' : 'z';
    const head = output ? `\\hat{\\mathbf{y}} = \\mathbf{a}${sup(l)}` : `\\mathbf{a}${sup(l)}`;
    steps.push(withTex({
      id: K.a(l), phase: 'forward', kind: 'a', layer: l, tag: output ? 'output' : 'forward-a', samples: B > 1,
      title: output ? '\\hat{\\mathbf{y}}' : `\\mathbf{a}${sup(l)}`,
      symbolic: `${head} = ${fn(l)}(\\mathbf{${preSymbol}}${sup(l)})`,
      equations: [equation(null, activation(activations[l - 1], values(pre), B > 1 ? 'rows' : 'column'), values(f[K.a(l)]))],
      result: [{label: output ? '\\hat{\\mathbf{y}}' : `\\mathbf{a}${sup(l)}`, value: f[K.a(l)]}],
      expand: (_, s, i) => activationExpansion(isSoftmax(l)
        ? `a${sup(l)}_{${i + 1}} = \\frac{e^{z${sup(l)}_{${i + 1}}}}{\\sum_k e^{z${sup(l)}_k}}`
        : `a${sup(l)}_{${i + 1}} = ${fn(l)}(${preSymbol}${sup(l)}_{${i + 1}})`, activations[l - 1], pre[s], i, f[K.a(l)][s][i]),
    }));
    if (!output && rate(l) > 0) steps.push(withTex(dropoutForward({l, p: rate(l), f, values})));
  }
  const yhat = f[K.a(L)];
  const weights = Array.from({length: L}, (_, k) => ({value: p[K.W(k + 1)]}));
  const lossParts = lossEquations({data: [lossTree(loss, y, yhat, B, ny)], trace, weights, reg});
  steps.push(withTex({
    id: 'loss', phase: 'forward', kind: 'loss', layer: L, tag: 'loss',
    title: 'L',
    symbolic: reg.on
      ? `L = ${dataLoss()}${penaltySymbolic(reg)}, \\quad ${dataLoss()} = ${lossTex[loss](ny, B)}`
      : `L = ${lossTex[loss](ny, B)}`,
    equations: lossParts.equations,
    result: lossParts.result,
    expand: null,
  }));

  // ---- backward, from the output layer down
  for (let l = L; l >= 1; l--) {
    const output = l === L;
    const delta = g[K.delta(l)];
    const aGrad = g[K.aGrad(l)];
    const fprime = g[K.fprime(l)];
    const deltaLhs = `\\boldsymbol{\\delta}${sup(l)}`;
    // δ of one element, as its factors: symbolic and with numbers (softmax has no diagonal f′,
    // so its δ has no factors to show: `factors` null).
    const deltaFactors = (s, i) => {
      if (output && (isSoftmax(l) || !fprime)) {
        return loss === 'cross_entropy' && isDistribution(y[s])
          ? {symbolic: `${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{y}_{${i + 1}} - y_{${i + 1}})`, factors: null}
          : {symbolic: `\\delta${sup(l)}_{${i + 1}}`, factors: null};
      }
      const left = output
        ? lossGradientTex[loss](i + 1, B, ny)
        : rate(l) > 0
          ? `\\frac{\\partial L}{\\partial a${sup(l)}_{${i + 1}}}`
          : `\\left(\\sum_k \\delta${sup(l + 1)}_k W${sup(l + 1)}_{k${i + 1}}\\right)`;
      return {symbolic: `${left} \\cdot ${fn(l)}'(z${sup(l)}_{${i + 1}})`, factors: [aGrad[s][i], fprime[s][i]]};
    };
    let deltaSymbolic;
    let deltaEquations;
    if (output && isSoftmax(l) && loss === 'cross_entropy' && y.every(isDistribution)) {
      deltaSymbolic = `${deltaLhs} = ${B > 1 ? '\\tfrac{1}{B}' : ''}(\\hat{\\mathbf{y}} - \\mathbf{y})`;
      const difference = sub(values(yhat), values(y));
      deltaEquations = [equation(deltaLhs, B > 1 ? mul(exact(1 / B, `\\frac{1}{${B}}`), difference) : difference, values(delta))];
    } else if (output && isSoftmax(l)) {
      // Through softmax's Jacobian: δ = ŷ ∘ (∂L/∂ŷ − ŷᵀ ∂L/∂ŷ), one sample at a time (with
      // cross-entropy too, when the targets do not add up to 1).
      deltaSymbolic = `${deltaLhs} = \\left(\\frac{\\partial \\hat{\\mathbf{y}}}{\\partial \\mathbf{z}${sup(l)}}\\right)^{\\!T} \\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}}${B === 1 ? ` = \\hat{\\mathbf{y}} \\circ \\left(\\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}} - \\hat{\\mathbf{y}}^{T} \\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}}\\right)` : ''}`;
      deltaEquations = [B === 1
        ? equation(deltaLhs, hadamard(col(yhat[0]), paren(sub(col(aGrad[0]), matmul(row(yhat[0]), col(aGrad[0]))))), col(delta[0]))
        : equation(deltaLhs, mat(delta))];
    } else if (output) {
      deltaSymbolic = `${deltaLhs} = \\frac{\\partial L}{\\partial \\mathbf{z}${sup(l)}} = \\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}} \\circ ${fn(l)}'(\\mathbf{z}${sup(l)})`;
      deltaEquations = [
        equation('\\frac{\\partial L}{\\partial \\hat{\\mathbf{y}}}', lossGradientTree[loss](values(yhat), values(y), B, ny), values(aGrad)),
        equation(deltaLhs, hadamard(values(aGrad), values(fprime)), values(delta)),
      ];
    } else {
      deltaSymbolic = `${deltaLhs} = (\\mathbf{W}${sup(l + 1)})^{T} \\boldsymbol{\\delta}${sup(l + 1)} \\circ ${fn(l)}'(\\mathbf{z}${sup(l)})`;
      const back = B === 1
        ? matmul(mat(transpose(p[K.W(l + 1)])), col(g[K.delta(l + 1)][0]))
        : matmul(mat(g[K.delta(l + 1)]), mat(p[K.W(l + 1)]));
      deltaEquations = [equation(null, hadamard(paren(back), values(fprime)), hadamard(values(aGrad), values(fprime)), values(delta))];
      // Through dropout's mask and batch normalization: steps of their own (./normalization.js).
      if (rate(l) > 0 || batchNormOn(scenario, l)) {
        steps.push(...hiddenBackward({scenario, l, B, f, g, p, back, values, activation: activations[l - 1]}).map(withTex));
        deltaEquations = null;
      }
    }
    if (deltaEquations) steps.push(withTex({
      id: K.delta(l), phase: 'backward', kind: 'delta', layer: l, tag: output ? 'delta-output' : 'delta-hidden', samples: B > 1,
      title: deltaLhs,
      symbolic: deltaSymbolic,
      equations: deltaEquations,
      result: [{label: deltaLhs, value: delta}],
      expand: (_, s, i) => {
        const {symbolic, factors} = deltaFactors(s, i);
        const symbol = `\\delta${sup(l)}_{${i + 1}} = ${symbolic}`;
        return factors ? expansion(symbol, [product(...factors)], delta[s][i]) : {symbolic: symbol, numbers: null, value: delta[s][i]};
      },
    }));

    const dW = g[K.dW(l)];
    const db = g[K.db(l)];
    const W = p[K.W(l)];
    const dataSides = B === 1 ? [matmul(col(delta[0]), row(act(l - 1)[0]))] : [matmul(mat(transpose(delta)), mat(act(l - 1)))];
    const grad = {symbol: `\\mathbf{W}${sup(l)}`, of: (loss) => `\\frac{\\partial ${loss}}{\\partial \\mathbf{W}${sup(l)}}`};
    const parts = reg.on ? gradientEquations({key: K.dW(l), data: dataSides, weight: W, trace, reg, grad, total: dW}) : null;
    // The chain rule of one element's data part.
    const chain = (i, j) => {
      if (B === 1) {
        const {symbolic, factors} = deltaFactors(0, i);
        return {symbolic: `${symbolic} \\cdot ${scalarActivation(l - 1, j + 1)}`, terms: [product(...(factors ?? [delta[0][i]]), act(l - 1)[0][j])]};
      }
      return {
        symbolic: `\\sum_{s=1}^{${B}} \\delta${sup(l)}_{s,${i + 1}} \\, ${l === 1 ? `x_{s,${j + 1}}` : `a${sup(l - 1)}_{s,${j + 1}}`}`,
        terms: delta.map((r, s) => product(r[i], act(l - 1)[s][j])),
      };
    };
    const element = (i, j) => `W${sup(l)}_{${i + 1}${j + 1}}`;
    steps.push(withTex({
      id: K.dW(l), phase: 'backward', kind: 'dW', layer: l, tag: 'dW',
      title: grad.of('L'),
      symbolic: `${grad.of('L')} = ${B === 1
        ? `\\boldsymbol{\\delta}${sup(l)} (${activationSymbol(l - 1)})^{T}`
        : `(\\boldsymbol{\\Delta}${sup(l)})^{T} ${l === 1 ? '\\mathbf{X}' : `\\mathbf{A}${sup(l - 1)}`}`}${reg.on ? ` + ${penaltyTex(reg, grad.symbol)}` : ''}`,
      equations: parts ? parts.equations : [equation(null, ...dataSides, mat(dW))],
      result: parts ? parts.result : [{label: `\\partial L / \\partial \\mathbf{W}${sup(l)}`, value: dW}],
      expand: (block, i, j) => {
        const {symbolic, terms} = chain(i, j);
        const name = `\\frac{\\partial L}{\\partial ${element(i, j)}}`;
        if (!parts) return expansion(`${name} = ${symbolic}`, terms, dW[i][j]);
        const penalty = penaltyTerms(reg, W[i][j]);
        const penaltySymbol = penaltyTex(reg, element(i, j));
        if (block === 0) return expansion(`\\frac{\\partial ${dataLoss()}}{\\partial ${element(i, j)}} = ${symbolic}`, terms, parts.dataPart[i][j]);
        if (block === 1) return expansion(penaltyElementTex(reg, element(i, j)), penalty, parts.penalty[i][j]);
        return expansion(`${name} = ${symbolic} + ${penaltySymbol}`, [...terms, ...penalty], dW[i][j]);
      },
    }));
    const dbLhs = `\\frac{\\partial L}{\\partial \\mathbf{b}${sup(l)}}`;
    steps.push(withTex({
      id: K.db(l), phase: 'backward', kind: 'db', layer: l, tag: 'db',
      title: dbLhs,
      symbolic: B === 1 ? `${dbLhs} = \\boldsymbol{\\delta}${sup(l)}` : `${dbLhs} = \\sum_{s=1}^{${B}} \\boldsymbol{\\delta}${sup(l)}_{s}`,
      equations: [equation(dbLhs, B === 1 ? col(delta[0]) : add(...delta.map((r) => col(r))), col(db))],
      result: [{label: `\\partial L / \\partial \\mathbf{b}${sup(l)}`, value: [db]}],
      expand: (_, _row, i) => {
        const terms = delta.map((r) => product(r[i]));
        const symbolic = B === 1 ? `\\frac{\\partial L}{\\partial b${sup(l)}_{${i + 1}}} = \\delta${sup(l)}_{${i + 1}}` : `\\frac{\\partial L}{\\partial b${sup(l)}_{${i + 1}}} = \\sum_s \\delta${sup(l)}_{s,${i + 1}}`;
        return B === 1 ? {symbolic, numbers: null, value: db[i]} : expansion(symbolic, terms, db[i]);
      },
    }));
  }

  // ---- update: W⁽ˡ⁾ are matrices, b⁽ˡ⁾ vectors (shown as one row in the result); then γ⁽ˡ⁾ and
  // β⁽ˡ⁾ of the batch-norm layers, vectors like b (β fixed with the biases).
  const {updateBiases} = optimizerSettings(scenario);
  const layerParameters = (parameter, symbol, fixed) => Array.from({length: L}, (_, k) => {
    const l = k + 1;
    const weightsStep = parameter === 'W';
    const key = weightsStep ? K.W : K.b;
    return {
      key: key(l), symbol: `${symbol}${sup(l)}`, fixed,
      element: (i, j) => (weightsStep ? `W${sup(l)}_{${i + 1}${j + 1}}` : `b${sup(l)}_{${j + 1}}`),
      before: p[key(l)], grad: g[(weightsStep ? K.dW : K.db)(l)], after: u[key(l)],
    };
  });
  const normalization = normalizationParameters({scenario, L, p, g, u, updateBiases});
  const groups = [
    {id: 'updateW', plain: 'W', symbol: '\\mathbf{W}', fixed: false, params: layerParameters('W', '\\mathbf{W}', false)},
    {id: 'updateb', plain: 'b', symbol: '\\mathbf{b}', fixed: !updateBiases, params: layerParameters('b', '\\mathbf{b}', !updateBiases)},
    {id: 'updategamma', plain: '\\gamma', symbol: '\\boldsymbol{\\gamma}', fixed: false, params: normalization.gamma},
    {id: 'updatebeta', plain: '\\beta', symbol: '\\boldsymbol{\\beta}', fixed: !updateBiases, params: normalization.beta},
  ];
  for (const {id, plain, symbol, fixed, params} of groups) {
    if (!params.length) continue;
    const update = optimizerUpdate(scenario, trace, params, {bold: symbol, plain});
    steps.push(withTex({
      id, phase: 'update', kind: id, layer: 0, tag: 'update',
      title: `${symbol} \\leftarrow`,
      symbolic: fixed ? `${symbol} \\text{ ${S.equations.fixed}}` : update.symbolic,
      equations: update.equations,
      result: update.result,
      expand: fixed ? null : update.expand,
    }));
  }
  return steps;
}
