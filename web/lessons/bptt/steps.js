// One BPTT iteration of the lesson's RNN as a list of steps: forward t = 1..T, the loss, backward
// t = T..1 (s̄_t, h̄_t with its two parts, r̄_t, and what step t adds to Ū, V̄, W̄), with
// regularization the gradients' data and penalty parts, the "naive" gradient beside the right
// one, and the update. Every number comes from the scenario or the trace (docs/web.md); nothing
// here computes a value. A step's numbers are data: `equations` (../equation.js) from which its
// `substituted` TeX is written, and each expansion's `terms`/`expr`/`activation` (../mlp/tex.js);
// tests/web/truth.test.js checks, from the numbers as shown, that every one of them is true.
import {rnnKeys as K} from '../../core/trace-keys.js';
import {S} from '../../strings/index.js';
import {
  act as activation, add, bracket, col, div, equation, equationsTex, exact, hadamard, isDistribution, log, mat, matmul, mul,
  neg, num, paren, row, square, sub, zeros,
} from '../equation.js';
import {activationExpansion, activationTex, expansion, product, transpose} from '../mlp/tex.js';
import {dataLoss, gradientEquations, lossEquations, penalties, penaltySymbolic, penaltyElementTex, penaltyTerms, penaltyTex} from '../regularization.js';
import {optimizerSettings, optimizerUpdate} from '../optimizer.js';

const bar = (symbol) => `\\overline{${symbol}}`;
const vec = (name, t) => `\\mathbf{${name}}_{${t}}`;
const ent = (name, t, i) => `${name}_{${t},${i}}`;
const asRows = (value) => (Array.isArray(value[0]) ? value : [value]);
const leafOf = (value) => (Array.isArray(value[0]) ? mat(value) : col(value));
const withTex = (step) => ({...step, substituted: equationsTex(step.equations)});

export function buildSteps(scenario, trace) {
  const model = scenario.model;
  const {loss = 'half_sse', bias = false} = model;
  const fName = model.hidden_activation ?? 'sigmoid';
  const gName = model.output_activation ?? 'sigmoid';
  const f = activationTex[fName];
  const g = activationTex[gName];
  const softmaxOut = gName === 'softmax';
  const sequence = scenario.data.sequences[0];
  const xs = sequence.inputs;
  const targets = sequence.targets;
  const T = xs.length;
  const p = trace.parameters;
  const fw = trace.forward;
  const bw = trace.backward;
  const u = trace.updated;
  const reg = penalties(scenario);
  const steps = [];
  const hPrev = (t) => (t === 1 ? p.h0 : fw.h[t - 2]);
  const hPrevTex = (t) => (t === 1 ? '\\mathbf{h}_{0}' : vec('h', t - 1));
  const plusB = bias ? ' + \\mathbf{b}' : '';
  const plusC = bias ? ' + \\mathbf{c}' : '';

  // ---- forward, t = 1..T
  for (let t = 1; t <= T; t++) {
    const k = t - 1;
    steps.push(withTex({
      id: `r${t}`, phase: 'forward', kind: 'r', t, tag: 'rnn-forward',
      title: vec('r', t),
      symbolic: `${vec('r', t)} = U ${vec('x', t)} + V ${hPrevTex(t)}${plusB}`,
      equations: [equation(null, add(matmul(mat(p.U), col(xs[k])), matmul(mat(p.V), col(hPrev(t))), ...(bias ? [col(p.b)] : [])), col(fw.r[k]))],
      result: [{label: vec('r', t), value: [fw.r[k]]}],
      expand: (_, __, i) => {
        const terms = [
          ...p.U[i].map((w, j) => product(w, xs[k][j])),
          ...p.V[i].map((w, j) => product(w, hPrev(t)[j])),
          ...(bias ? [product(p.b[i])] : []),
        ];
        return expansion(`${ent('r', t, i + 1)} = \\sum_j U_{${i + 1}j} ${ent('x', t, 'j')} + \\sum_k V_{${i + 1}k} ${ent('h', t - 1, 'k')}${bias ? ` + b_{${i + 1}}` : ''}`, terms, fw.r[k][i]);
      },
    }));
    steps.push(withTex({
      id: `h${t}`, phase: 'forward', kind: 'h', t, tag: 'rnn-forward',
      title: vec('h', t),
      symbolic: `${vec('h', t)} = f(${vec('r', t)}) = ${f}(${vec('r', t)})`,
      equations: [equation(null, activation(fName, col(fw.r[k])), col(fw.h[k]))],
      result: [{label: vec('h', t), value: [fw.h[k]]}],
      expand: (_, __, i) => activationExpansion(`${ent('h', t, i + 1)} = ${f}(${ent('r', t, i + 1)})`, fName, fw.r[k], i, fw.h[k][i]),
    }));
    steps.push(withTex({
      id: `s${t}`, phase: 'forward', kind: 's', t, tag: 'rnn-forward',
      title: vec('s', t),
      symbolic: `${vec('s', t)} = W ${vec('h', t)}${plusC}`,
      equations: [equation(null, add(matmul(mat(p.W), col(fw.h[k])), ...(bias ? [col(p.c)] : [])), col(fw.s[k]))],
      result: [{label: vec('s', t), value: [fw.s[k]]}],
      expand: (_, __, i) => {
        const terms = [...p.W[i].map((w, j) => product(w, fw.h[k][j])), ...(bias ? [product(p.c[i])] : [])];
        return expansion(`${ent('s', t, i + 1)} = \\sum_j W_{${i + 1}j} ${ent('h', t, 'j')}${bias ? ` + c_{${i + 1}}` : ''}`, terms, fw.s[k][i]);
      },
    }));
    steps.push(withTex({
      id: `y${t}`, phase: 'forward', kind: 'y', t, tag: 'rnn-forward',
      title: vec('y', t),
      symbolic: `${vec('y', t)} = g(${vec('s', t)}) = ${g}(${vec('s', t)})`,
      equations: [equation(null, activation(gName, col(fw.s[k])), col(fw.y[k]))],
      result: [{label: vec('y', t), value: [fw.y[k]]}],
      expand: (_, __, i) => activationExpansion(softmaxOut
        ? `${ent('y', t, i + 1)} = \\frac{e^{${ent('s', t, i + 1)}}}{\\sum_j e^{${ent('s', t, 'j')}}}`
        : `${ent('y', t, i + 1)} = ${g}(${ent('s', t, i + 1)})`, gName, fw.s[k], i, fw.y[k][i]),
    }));
  }

  // ---- the loss, summed over time (steps without a target add nothing)
  const lossTerms = [];
  targets.forEach((target, k) => {
    if (!target) return;
    target.forEach((value, i) => lossTerms.push(loss === 'cross_entropy'
      ? mul(num(value), log(num(fw.y[k][i])))
      : square(sub(num(fw.y[k][i]), num(value)))));
  });
  const lossData = lossTerms.length === 0
    ? exact(0)
    : loss === 'cross_entropy' ? neg(bracket(add(...lossTerms))) : mul(exact(0.5, '\\frac{1}{2}'), bracket(add(...lossTerms)));
  const lossParts = lossEquations({data: [lossData], trace, weights: K.weights.map((name) => ({value: p[name]})), reg});
  const lossSymbolic = loss === 'cross_entropy'
    ? `-\\sum_{t=1}^{${T}} \\sum_i t_{t,i} \\log y_{t,i}`
    : `\\frac{1}{2} \\sum_{t=1}^{${T}} \\sum_i (y_{t,i} - t_{t,i})^2`;
  steps.push(withTex({
    id: 'loss', phase: 'forward', kind: 'loss', t: 0, tag: 'rnn-loss',
    title: 'L',
    symbolic: reg.on ? `L = ${dataLoss()}${penaltySymbolic(reg)}, \\quad ${dataLoss()} = ${lossSymbolic}` : `L = ${lossSymbolic}`,
    equations: lossParts.equations,
    result: lossParts.result,
    expand: null,
  }));

  // ---- backward, t = T..1
  for (let t = T; t >= 1; t--) {
    const k = t - 1;
    const sBar = bar(vec('s', t));
    const yBar = bar(vec('y', t));
    const target = targets[k];
    let sSymbolic;
    let sEquations;
    if (softmaxOut && loss === 'cross_entropy' && (!target || isDistribution(target))) {
      sSymbolic = `${sBar} = ${vec('y', t)} - ${vec('t', t)}`;
      sEquations = [target ? equation(sBar, sub(col(fw.y[k]), col(target)), col(bw.s_grad[k])) : equation(sBar, col(bw.s_grad[k]))];
    } else if (softmaxOut) {
      // Through softmax's Jacobian: s̄ = y ∘ (ȳ − yᵀȳ) (with cross-entropy too, when the targets
      // do not add up to 1).
      sSymbolic = `${sBar} = \\left(\\frac{\\partial ${vec('y', t)}}{\\partial ${vec('s', t)}}\\right)^{\\!\\mathsf{T}} ${yBar} = ${vec('y', t)} \\circ \\left(${yBar} - ${vec('y', t)}^{\\mathsf{T}} ${yBar}\\right)`;
      sEquations = [equation(sBar, hadamard(col(fw.y[k]), paren(sub(col(bw.y_grad[k]), matmul(row(fw.y[k]), col(bw.y_grad[k]))))), col(bw.s_grad[k]))];
    } else {
      sSymbolic = `${sBar} = ${yBar} \\circ g'(${vec('s', t)})`;
      sEquations = [equation(null, hadamard(col(bw.y_grad[k]), col(bw.gprime[k])), col(bw.s_grad[k]))];
      // ȳ_t from the loss, when step t has a target (without one it is 0).
      if (target) {
        const yGrad = loss === 'cross_entropy' ? neg(div(col(target), col(fw.y[k]))) : sub(col(fw.y[k]), col(target));
        sEquations.unshift(equation(yBar, yGrad, col(bw.y_grad[k])));
      }
    }
    steps.push(withTex({
      id: `s_grad${t}`, phase: 'backward', kind: 's_grad', t, tag: 's-grad',
      title: sBar,
      symbolic: sSymbolic,
      equations: sEquations,
      result: [{label: sBar, value: [bw.s_grad[k]]}],
      expand: bw.gprime && !softmaxOut
        ? (_, __, i) => {
          const terms = [product(bw.y_grad[k][i], bw.gprime[k][i])];
          return expansion(`\\overline{s}_{${t},${i + 1}} = \\overline{y}_{${t},${i + 1}} \\cdot g'(s_{${t},${i + 1}})`, terms, bw.s_grad[k][i]);
        }
        : null,
    }));

    const hBar = bar(vec('h', t));
    const last = t === T;
    const fromOutput = matmul(mat(transpose(p.W)), col(bw.s_grad[k]));
    steps.push(withTex({
      id: `h_grad${t}`, phase: 'backward', kind: 'h_grad', t, tag: 'h-grad',
      title: hBar,
      symbolic: last
        ? `${hBar} = W^{\\mathsf{T}} ${sBar} + \\mathbf{0} \\quad (t = T)`
        : `${hBar} = W^{\\mathsf{T}} ${sBar} + V^{\\mathsf{T}} ${bar(vec('r', t + 1))}`,
      equations: [last
        ? equation(null, add(fromOutput, zeros(bw.h_grad[k].length, 1)), col(bw.h_grad[k]))
        : equation(null, add(fromOutput, matmul(mat(transpose(p.V)), col(bw.r_grad[k + 1]))),
          add(col(bw.h_grad_output[k]), col(bw.h_grad_next[k])), col(bw.h_grad[k]))],
      result: [
        {label: `W^{\\mathsf{T}} ${sBar}`, value: [bw.h_grad_output[k]]},
        {label: last ? `\\text{(${S.equations.fromNext}} t+1\\text{)}` : `V^{\\mathsf{T}} ${bar(vec('r', t + 1))}`, value: [bw.h_grad_next[k]]},
        {label: hBar, value: [bw.h_grad[k]]},
      ],
      expand: (block, __, i) => {
        const fromOut = p.W.map((r, j) => product(r[i], bw.s_grad[k][j]));
        const fromNext = last ? [] : p.V.map((r, j) => product(r[i], bw.r_grad[k + 1][j]));
        const parts = [
          expansion(`\\sum_j W_{j${i + 1}} \\overline{s}_{${t},j}`, fromOut, bw.h_grad_output[k][i]),
          last
            ? {symbolic: '0', numbers: null, terms: [], value: bw.h_grad_next[k][i]}
            : expansion(`\\sum_j V_{j${i + 1}} \\overline{r}_{${t + 1},j}`, fromNext, bw.h_grad_next[k][i]),
        ];
        if (block < 2) return {...parts[block], symbolic: `${block === 0 ? '(W^{\\mathsf{T}}\\overline{\\mathbf{s}})' : '(V^{\\mathsf{T}}\\overline{\\mathbf{r}})'}_{${t},${i + 1}} = ${parts[block].symbolic}`};
        return expansion(`\\overline{h}_{${t},${i + 1}} = ${parts[0].symbolic} + ${parts[1].symbolic}`, [...fromOut, ...fromNext], bw.h_grad[k][i]);
      },
    }));

    const rBar = bar(vec('r', t));
    steps.push(withTex({
      id: `r_grad${t}`, phase: 'backward', kind: 'r_grad', t, tag: 'r-grad',
      title: rBar,
      symbolic: `${rBar} = ${hBar} \\circ f'(${vec('r', t)})`,
      equations: [bw.fprime
        ? equation(null, hadamard(col(bw.h_grad[k]), col(bw.fprime[k])), col(bw.r_grad[k]))
        : equation(rBar, col(bw.r_grad[k]))],
      result: [{label: rBar, value: [bw.r_grad[k]]}],
      expand: bw.fprime
        ? (_, __, i) => {
          const terms = [product(bw.h_grad[k][i], bw.fprime[k][i])];
          return expansion(`\\overline{r}_{${t},${i + 1}} = \\overline{h}_{${t},${i + 1}} \\cdot f'(r_{${t},${i + 1}})`, terms, bw.r_grad[k][i]);
        }
        : null,
    }));

    // What step t adds to each gradient, and the sums over T..t so far: [parameter, its symbol,
    // this step's part symbolically and as a tree].
    const step = trace.time_steps[k];
    const parts = [
      ['U', 'U', `${rBar} ${vec('x', t)}^{\\mathsf{T}}`, matmul(col(bw.r_grad[k]), row(xs[k]))],
      ['V', 'V', `${rBar} ${hPrevTex(t)}^{\\mathsf{T}}`, matmul(col(bw.r_grad[k]), row(hPrev(t)))],
      ['W', 'W', `${sBar} ${vec('h', t)}^{\\mathsf{T}}`, matmul(col(bw.s_grad[k]), row(fw.h[k]))],
      ...(bias ? [['b', '\\mathbf{b}', rBar, col(bw.r_grad[k])], ['c', '\\mathbf{c}', sBar, col(bw.s_grad[k])]] : []),
    ];
    const equations = [];
    for (const [name, symbol, , tree] of parts) {
      equations.push(equation(`${bar(symbol)}_{(${t})}`, tree, leafOf(step[K.grad(name)])));
      // The running sum: what steps T..t+1 added, plus this step's part.
      if (!last) {
        equations.push(equation(`${bar(symbol)}_{${t}..${T}}`,
          add(leafOf(trace.time_steps[k + 1][K.gradSum(name)]), leafOf(step[K.grad(name)])), leafOf(step[K.gradSum(name)])));
      }
    }
    steps.push(withTex({
      id: `accumulate${t}`, phase: 'backward', kind: 'accumulate', t, tag: 'accumulate',
      title: `\\overline{U}, \\overline{V}, \\overline{W} \\mathrel{+}=`,
      symbolic: parts.map(([, symbol, contribution]) => `${bar(symbol)} \\mathrel{+}= ${contribution}`).join(', \\quad '),
      equations,
      result: parts.map(([name, symbol]) => ({label: `${bar(symbol)} \\text{ (}t=${t}..${T}\\text{)}`, value: asRows(step[K.gradSum(name)])})),
      expand: (block, i, j) => {
        const [name] = parts[block];
        const pick = (value) => asRows(value)[i][j];
        const terms = [];
        for (let tau = t; tau <= T; tau++) terms.push(product(pick(trace.time_steps[tau - 1][K.grad(name)])));
        const index = K.biases.includes(name) ? `${j + 1}` : `${i + 1}${j + 1}`;
        return expansion(`\\overline{${name}}_{${index}} = \\sum_{\\tau=${t}}^{${T}} (\\text{${S.equations.contribution}} \\tau)`, terms, pick(step[K.gradSum(name)]));
      },
    }));
  }

  // ---- with regularization: each weight's gradient, its data part (the sum over time) and its
  // penalty
  const gradientOf = (name) => (reg.on ? trace.gradient_parts.data[K.grad(name)] : bw[K.grad(name)]);
  if (reg.on) {
    const blocks = K.weights.map((name) => gradientEquations({
      key: K.grad(name), data: [mat(trace.time_steps[0][K.gradSum(name)])], weight: p[name], trace, reg,
      grad: {symbol: name, of: (l) => `\\frac{\\partial ${l}}{\\partial ${name}}`}, total: bw[K.grad(name)],
    }));
    steps.push(withTex({
      id: 'penalty', phase: 'backward', kind: 'penalty', t: 0, tag: 'accumulate',
      title: `\\overline{\\theta}_{\\text{${S.equations.data}}} + ${penaltyTex(reg, '\\theta')}`,
      symbolic: `\\overline{\\theta} = \\overline{\\theta}_{\\text{${S.equations.data}}} + ${penaltyTex(reg, '\\theta')}, \\quad \\theta \\in \\{${K.weights.join(', ')}\\}`,
      equations: blocks.flatMap((b) => b.equations),
      result: blocks.flatMap((b) => b.result),
      expand: (block, i, j) => {
        const name = K.weights[Math.floor(block / 3)];
        const part = block % 3;
        const element = `${name}_{${i + 1}${j + 1}}`;
        const data = trace.time_steps.map((step) => product(step[K.grad(name)][i][j]));
        const penalty = penaltyTerms(reg, p[name][i][j]);
        const penaltySymbol = penaltyTex(reg, element);
        if (part === 0) return expansion(`\\overline{${element}}_{\\text{${S.equations.data}}} = \\sum_{t=1}^{${T}} (\\text{${S.equations.contribution}} t)`, data, trace.gradient_parts.data[K.grad(name)][i][j]);
        if (part === 1) return expansion(penaltyElementTex(reg, element), penalty, blocks[Math.floor(block / 3)].penalty[i][j]);
        return expansion(`\\overline{${element}} = \\overline{${element}}_{\\text{${S.equations.data}}} + ${penaltySymbol}`, [...data, ...penalty], bw[K.grad(name)][i][j]);
      },
    }));
  }

  // ---- the lesson's "naive" gradient: the last step alone, beside the sum over time
  const naive = trace.time_steps[T - 1].dW;
  const naiveLhs = `\\overline{W}_{\\text{${S.equations.naive}}}`;
  steps.push(withTex({
    id: 'naive', phase: 'backward', kind: 'naive', t: T, tag: 'naive',
    title: `\\overline{W}\\ \\text{${S.equations.naive}}`,
    symbolic: `${naiveLhs} = ${bar(vec('s', T))} ${vec('h', T)}^{\\mathsf{T}} \\quad\\text{vs.}\\quad \\overline{W} = \\sum_{t=1}^{${T}} ${bar(vec('s', 't'))} ${vec('h', 't')}^{\\mathsf{T}}`,
    equations: [
      equation(naiveLhs, matmul(col(bw.s_grad[T - 1]), row(fw.h[T - 1])), mat(naive)),
      equation('\\overline{W}', add(...trace.time_steps.map((s) => mat(s.dW))), mat(gradientOf('W'))),
    ],
    result: [
      {label: naiveLhs, value: naive},
      {label: '\\overline{W}', value: gradientOf('W')},
    ],
    expand: null,
  }));

  // ---- the update
  const {updateBiases} = optimizerSettings(scenario);
  const names = K.parameters(bias && updateBiases);
  const params = names.map((name) => ({
    key: name, symbol: K.biases.includes(name) ? `\\mathbf{${name}}` : name,
    element: (i, j) => (K.biases.includes(name) ? `${name}_{${j + 1}}` : `${name}_{${i + 1}${j + 1}}`),
    before: p[name], grad: bw[K.grad(name)], after: u[name],
  }));
  const update = optimizerUpdate(scenario, trace, params, {bold: '\\theta', plain: '\\theta', among: names.join(', ')});
  steps.push(withTex({
    id: 'update', phase: 'update', kind: 'update', t: 0, tag: 'update',
    title: 'U, V, W \\leftarrow',
    symbolic: update.symbolic,
    equations: update.equations,
    result: update.result,
    expand: update.expand,
  }));
  return steps;
}

