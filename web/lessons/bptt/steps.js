// One BPTT iteration of the lesson's RNN as a list of steps: forward t = 1..T, the loss, backward
// t = T..1 (s̄_t, h̄_t with its two parts, r̄_t, and what step t adds to Ū, V̄, W̄), the "naive"
// gradient beside the right one, and the update. Every number comes from the scenario or the
// trace (docs/web.md); nothing here computes a value. An expansion also carries its numbers as
// data (`terms` or `activation`, see ../mlp/tex.js), from which its TeX is written:
// tests/web/steps-bptt.test.js checks that they give its value.
import {texNumber as n} from '../../format.js';
import {rnnKeys as K} from '../../core/trace-keys.js';
import {activationTex, column, expansion, factor, matrix, minus, product, sumTex, transpose} from '../mlp/tex.js';

const bar = (symbol) => `\\overline{${symbol}}`;
const vec = (name, t) => `\\mathbf{${name}}_{${t}}`;
const ent = (name, t, i) => `${name}_{${t},${i}}`;

// At most `keep` terms of a long sum, the rest elided (presentation only).
function terms(list, keep = 12) {
  return list.length <= keep ? list.join(' + ') : `${list.slice(0, keep - 2).join(' + ')} + \\cdots + ${list.slice(-2).join(' + ')}`;
}

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
  const steps = [];
  const hPrev = (t) => (t === 1 ? p.h0 : fw.h[t - 2]);
  const hPrevTex = (t) => (t === 1 ? '\\mathbf{h}_{0}' : vec('h', t - 1));
  const plusB = bias ? ' + \\mathbf{b}' : '';
  const plusC = bias ? ' + \\mathbf{c}' : '';

  // ---- forward, t = 1..T
  for (let t = 1; t <= T; t++) {
    const k = t - 1;
    steps.push({
      id: `r${t}`, phase: 'forward', kind: 'r', t, tag: 'rnn-forward',
      title: vec('r', t),
      symbolic: `${vec('r', t)} = U ${vec('x', t)} + V ${hPrevTex(t)}${plusB}`,
      substituted: `${matrix(p.U)} ${column(xs[k])} + ${matrix(p.V)} ${column(hPrev(t))}${bias ? ` + ${column(p.b)}` : ''} = ${column(fw.r[k])}`,
      result: [{label: vec('r', t), value: [fw.r[k]]}],
      expand: (_, __, i) => {
        const terms = [
          ...p.U[i].map((w, j) => product(w, xs[k][j])),
          ...p.V[i].map((w, j) => product(w, hPrev(t)[j])),
          ...(bias ? [product(p.b[i])] : []),
        ];
        return expansion(`${ent('r', t, i + 1)} = \\sum_j U_{${i + 1}j} ${ent('x', t, 'j')} + \\sum_k V_{${i + 1}k} ${ent('h', t - 1, 'k')}${bias ? ` + b_{${i + 1}}` : ''}`, terms, fw.r[k][i]);
      },
    });
    steps.push({
      id: `h${t}`, phase: 'forward', kind: 'h', t, tag: 'rnn-forward',
      title: vec('h', t),
      symbolic: `${vec('h', t)} = f(${vec('r', t)}) = ${f}(${vec('r', t)})`,
      substituted: `${f}\\left(${column(fw.r[k])}\\right) = ${column(fw.h[k])}`,
      result: [{label: vec('h', t), value: [fw.h[k]]}],
      expand: (_, __, i) => ({
        symbolic: `${ent('h', t, i + 1)} = ${f}(${ent('r', t, i + 1)})`,
        numbers: `${f}(${n(fw.r[k][i])})`,
        activation: {name: fName, z: [fw.r[k][i]], i: 0},
        value: fw.h[k][i],
      }),
    });
    steps.push({
      id: `s${t}`, phase: 'forward', kind: 's', t, tag: 'rnn-forward',
      title: vec('s', t),
      symbolic: `${vec('s', t)} = W ${vec('h', t)}${plusC}`,
      substituted: `${matrix(p.W)} ${column(fw.h[k])}${bias ? ` + ${column(p.c)}` : ''} = ${column(fw.s[k])}`,
      result: [{label: vec('s', t), value: [fw.s[k]]}],
      expand: (_, __, i) => {
        const terms = [...p.W[i].map((w, j) => product(w, fw.h[k][j])), ...(bias ? [product(p.c[i])] : [])];
        return expansion(`${ent('s', t, i + 1)} = \\sum_j W_{${i + 1}j} ${ent('h', t, 'j')}${bias ? ` + c_{${i + 1}}` : ''}`, terms, fw.s[k][i]);
      },
    });
    steps.push({
      id: `y${t}`, phase: 'forward', kind: 'y', t, tag: 'rnn-forward',
      title: vec('y', t),
      symbolic: `${vec('y', t)} = g(${vec('s', t)}) = ${g}(${vec('s', t)})`,
      substituted: `${g}\\left(${column(fw.s[k])}\\right) = ${column(fw.y[k])}`,
      result: [{label: vec('y', t), value: [fw.y[k]]}],
      expand: softmaxOut ? null : (_, __, i) => ({
        symbolic: `${ent('y', t, i + 1)} = ${g}(${ent('s', t, i + 1)})`,
        numbers: `${g}(${n(fw.s[k][i])})`,
        activation: {name: gName, z: [fw.s[k][i]], i: 0},
        value: fw.y[k][i],
      }),
    });
  }

  // ---- the loss, summed over time (steps without a target add nothing)
  const lossTerms = [];
  targets.forEach((target, k) => {
    if (!target) return;
    target.forEach((value, i) => lossTerms.push(loss === 'cross_entropy'
      ? `${factor(value)} \\log ${n(fw.y[k][i])}`
      : `(${n(fw.y[k][i])} - ${n(value)})^2`));
  });
  steps.push({
    id: 'loss', phase: 'forward', kind: 'loss', t: 0, tag: 'rnn-loss',
    title: 'L',
    symbolic: loss === 'cross_entropy'
      ? `L = -\\sum_{t=1}^{${T}} \\sum_i t_{t,i} \\log y_{t,i}`
      : `L = \\frac{1}{2} \\sum_{t=1}^{${T}} \\sum_i (y_{t,i} - t_{t,i})^2`,
    substituted: loss === 'cross_entropy'
      ? `L = -\\left[${terms(lossTerms)}\\right] = ${n(trace.loss)}`
      : `L = \\frac{1}{2}\\left[${terms(lossTerms)}\\right] = ${n(trace.loss)}`,
    result: [{label: 'L', value: [[trace.loss]]}],
    expand: null,
  });

  // ---- backward, t = T..1
  for (let t = T; t >= 1; t--) {
    const k = t - 1;
    const sBar = bar(vec('s', t));
    const hasFprime = Boolean(bw.fprime);
    let sSymbolic;
    let sSubstituted;
    if (softmaxOut && loss === 'cross_entropy') {
      sSymbolic = `${sBar} = ${vec('y', t)} - ${vec('t', t)}`;
      sSubstituted = `${sBar} = ${column(bw.s_grad[k])}`;
    } else if (softmaxOut) {
      sSymbolic = `${sBar} = \\left(\\frac{\\partial ${vec('y', t)}}{\\partial ${vec('s', t)}}\\right)^{\\!\\mathsf{T}} ${bar(vec('y', t))}`;
      sSubstituted = `${sBar} = ${column(bw.s_grad[k])}`;
    } else {
      sSymbolic = `${sBar} = ${bar(vec('y', t))} \\circ g'(${vec('s', t)})`;
      sSubstituted = `${column(bw.y_grad[k])} \\circ ${column(bw.gprime[k])} = ${column(bw.s_grad[k])}`;
    }
    steps.push({
      id: `s_grad${t}`, phase: 'backward', kind: 's_grad', t, tag: 's-grad',
      title: sBar,
      symbolic: sSymbolic,
      substituted: sSubstituted,
      result: [{label: sBar, value: [bw.s_grad[k]]}],
      expand: bw.gprime && !softmaxOut
        ? (_, __, i) => {
          const terms = [product(bw.y_grad[k][i], bw.gprime[k][i])];
          return expansion(`\\overline{s}_{${t},${i + 1}} = \\overline{y}_{${t},${i + 1}} \\cdot g'(s_{${t},${i + 1}})`, terms, bw.s_grad[k][i]);
        }
        : null,
    });

    const hBar = bar(vec('h', t));
    const last = t === T;
    steps.push({
      id: `h_grad${t}`, phase: 'backward', kind: 'h_grad', t, tag: 'h-grad',
      title: hBar,
      symbolic: last
        ? `${hBar} = W^{\\mathsf{T}} ${sBar} + \\mathbf{0} \\quad (t = T)`
        : `${hBar} = W^{\\mathsf{T}} ${sBar} + V^{\\mathsf{T}} ${bar(vec('r', t + 1))}`,
      substituted: last
        ? `${matrix(transpose(p.W))} ${column(bw.s_grad[k])} + \\mathbf{0} = ${column(bw.h_grad[k])}`
        : `${matrix(transpose(p.W))} ${column(bw.s_grad[k])} + ${matrix(transpose(p.V))} ${column(bw.r_grad[k + 1])} = ${column(bw.h_grad_output[k])} + ${column(bw.h_grad_next[k])} = ${column(bw.h_grad[k])}`,
      result: [
        {label: `W^{\\mathsf{T}} ${sBar}`, value: [bw.h_grad_output[k]]},
        {label: last ? `\\text{(desde } t+1\\text{)}` : `V^{\\mathsf{T}} ${bar(vec('r', t + 1))}`, value: [bw.h_grad_next[k]]},
        {label: hBar, value: [bw.h_grad[k]]},
      ],
      expand: (block, __, i) => {
        const fromOutput = p.W.map((row, j) => product(row[i], bw.s_grad[k][j]));
        const fromNext = last ? [] : p.V.map((row, j) => product(row[i], bw.r_grad[k + 1][j]));
        const parts = [
          expansion(`\\sum_j W_{j${i + 1}} \\overline{s}_{${t},j}`, fromOutput, bw.h_grad_output[k][i]),
          {symbolic: last ? '0' : `\\sum_j V_{j${i + 1}} \\overline{r}_{${t + 1},j}`, numbers: last ? null : sumTex(fromNext), terms: fromNext, value: bw.h_grad_next[k][i]},
        ];
        if (block < 2) return {...parts[block], symbolic: `${block === 0 ? '(W^{\\mathsf{T}}\\overline{\\mathbf{s}})' : '(V^{\\mathsf{T}}\\overline{\\mathbf{r}})'}_{${t},${i + 1}} = ${parts[block].symbolic}`};
        const terms = [...fromOutput, ...fromNext];
        return expansion(`\\overline{h}_{${t},${i + 1}} = ${parts[0].symbolic} + ${parts[1].symbolic}`, terms, bw.h_grad[k][i]);
      },
    });

    const rBar = bar(vec('r', t));
    steps.push({
      id: `r_grad${t}`, phase: 'backward', kind: 'r_grad', t, tag: 'r-grad',
      title: rBar,
      symbolic: `${rBar} = ${hBar} \\circ f'(${vec('r', t)})`,
      substituted: hasFprime
        ? `${column(bw.h_grad[k])} \\circ ${column(bw.fprime[k])} = ${column(bw.r_grad[k])}`
        : `${rBar} = ${column(bw.r_grad[k])}`,
      result: [{label: rBar, value: [bw.r_grad[k]]}],
      expand: hasFprime
        ? (_, __, i) => {
          const terms = [product(bw.h_grad[k][i], bw.fprime[k][i])];
          return expansion(`\\overline{r}_{${t},${i + 1}} = \\overline{h}_{${t},${i + 1}} \\cdot f'(r_{${t},${i + 1}})`, terms, bw.r_grad[k][i]);
        }
        : null,
    });

    // What step t adds to each gradient, and the sums over T..t so far: [parameter, its symbol,
    // this step's part symbolically and with numbers].
    const step = trace.time_steps[k];
    const parts = [
      ['U', 'U', `${rBar} ${vec('x', t)}^{\\mathsf{T}}`, `${column(bw.r_grad[k])} ${matrix([xs[k]])}`],
      ['V', 'V', `${rBar} ${hPrevTex(t)}^{\\mathsf{T}}`, `${column(bw.r_grad[k])} ${matrix([hPrev(t)])}`],
      ['W', 'W', `${sBar} ${vec('h', t)}^{\\mathsf{T}}`, `${column(bw.s_grad[k])} ${matrix([fw.h[k]])}`],
      ...(bias ? [['b', '\\mathbf{b}', rBar, column(bw.r_grad[k])], ['c', '\\mathbf{c}', sBar, column(bw.s_grad[k])]] : []),
    ];
    const asRows = (value) => (Array.isArray(value[0]) ? value : [value]);
    steps.push({
      id: `accumulate${t}`, phase: 'backward', kind: 'accumulate', t, tag: 'accumulate',
      title: `\\overline{U}, \\overline{V}, \\overline{W} \\mathrel{+}=`,
      symbolic: parts.map(([, symbol, contribution]) => `${bar(symbol)} \\mathrel{+}= ${contribution}`).join(', \\quad '),
      substituted: `\\begin{aligned}${parts.map(([name, symbol, , numbers]) =>
        `${bar(symbol)}_{(${t})} &= ${numbers} = ${matrix(asRows(step[K.grad(name)]))}`).join(' \\\\ ')}\\end{aligned}`,
      result: parts.map(([name, symbol]) => ({label: `${bar(symbol)} \\text{ (}t=${t}..${T}\\text{)}`, value: asRows(step[K.gradSum(name)])})),
      expand: (block, i, j) => {
        const [name] = parts[block];
        const pick = (value) => asRows(value)[i][j];
        const terms = [];
        for (let tau = t; tau <= T; tau++) terms.push(product(pick(trace.time_steps[tau - 1][K.grad(name)])));
        const index = K.biases.includes(name) ? `${j + 1}` : `${i + 1}${j + 1}`;
        return expansion(`\\overline{${name}}_{${index}} = \\sum_{\\tau=${t}}^{${T}} (\\text{aporte de } \\tau)`, terms, pick(step[K.gradSum(name)]));
      },
    });
  }

  // ---- the lesson's "naive" gradient: the last step alone, beside the sum over time
  const naive = trace.time_steps[T - 1].dW;
  steps.push({
    id: 'naive', phase: 'backward', kind: 'naive', t: T, tag: 'naive',
    title: `\\overline{W}\\ \\text{ingenuo}`,
    symbolic: `\\overline{W}_{\\text{ingenuo}} = ${bar(vec('s', T))} ${vec('h', T)}^{\\mathsf{T}} \\quad\\text{vs.}\\quad \\overline{W} = \\sum_{t=1}^{${T}} ${bar(vec('s', 't'))} ${vec('h', 't')}^{\\mathsf{T}}`,
    substituted: `${matrix(naive)} \\quad\\text{vs.}\\quad ${matrix(bw.dW)}`,
    result: [
      {label: `\\overline{W}_{\\text{ingenuo}}`, value: naive},
      {label: '\\overline{W}', value: bw.dW},
    ],
    expand: null,
  });

  // ---- the update
  const {kind = 'sgd', lr = 1e-3, momentum = 0, update_biases: updateBiases = true} = scenario.optimizer ?? {};
  const plainSgd = kind === 'sgd' && !momentum;
  const names = K.parameters(bias && updateBiases);
  const show = (name, value) => (K.biases.includes(name) ? column(value) : matrix(value));
  steps.push({
    id: 'update', phase: 'update', kind: 'update', t: 0, tag: 'update',
    title: 'U, V, W \\leftarrow',
    symbolic: plainSgd
      ? `\\theta \\leftarrow \\theta - \\eta\\, \\overline{\\theta}, \\quad \\theta \\in \\{${names.join(', ')}\\},\\ \\eta = ${n(lr)}`
      : `\\theta \\leftarrow \\text{${kind}}(\\theta, \\overline{\\theta})`,
    substituted: `\\begin{aligned}${names.map((name) => plainSgd
      ? `${name} &= ${show(name, p[name])} - ${n(lr)} ${show(name, bw[K.grad(name)])} = ${show(name, u[name])}`
      : `${name} &= ${show(name, u[name])}`).join(' \\\\ ')}\\end{aligned}`,
    result: names.map((name) => ({label: name, value: Array.isArray(u[name][0]) ? u[name] : [u[name]]})),
    expand: plainSgd
      ? (block, i, j) => {
        const name = names[block];
        const vector = !Array.isArray(u[name][0]);
        const at = (value) => (vector ? value[j] : value[i][j]);
        const terms = [product(at(p[name])), minus(lr, at(bw[K.grad(name)]))];
        return expansion(`${name}_{${vector ? j + 1 : `${i + 1}${j + 1}`}} \\leftarrow ${name} - \\eta\\, \\overline{${name}}`, terms, at(u[name]));
      }
      : null,
  });
  return steps;
}
