// The unrolled RNN diagram of lesson 2 (web/components/rnn-diagram.js).
export const rnnDiagram = {
  label: ({T, input, hidden, output}) =>
    `RNN unrolled over ${T} time ${T === 1 ? 'step' : 'steps'} (input ${input}, hidden ${hidden}, output ${output})`,
  time: (t) => `t = ${t}`,
  target: 'tgt.',
  loss: 'L =',
  phaseNote: {
    forward: {
      dense: 'Each column is a time step: xₜ at the bottom, hₜ in the middle (with rₜ) and yₜ at the top (with sₜ), beside its target.',
      single: 'Each column is a time step: xₜ at the bottom, hₜ in the middle and yₜ at the top, beside its target. rₜ and sₜ are in each cell’s tooltip.',
    },
    backward: {
      dense: 'Backward pass, from t = T to t = 1: h̄ₜ and r̄ₜ in the hidden boxes; ȳₜ and s̄ₜ in the outputs.',
      single: 'Backward pass, from t = T to t = 1: each box shows the gradient named in its header; the others are in each cell’s tooltip.',
    },
    update: 'The gradients U, V and W are updated with: the sum of what each time step contributes.',
  },
  stepNote: {
    hGradLast: (T) => `At $t = T = ${T}$ there is no next step: $\\bar h_{${T}} = W^{\\mathsf{T}} \\bar s_{${T}}$, only the path that comes through $W$.`,
    hGrad: (t) => `$\\bar h_{${t}} = W^{\\mathsf{T}} \\bar s_{${t}} + V^{\\mathsf{T}} \\bar r_{${t + 1}}$: two paths, from the output (through $W$) and from the next step (through $V$).`,
    accumulate: (t, T) => {
      const span = (a, b) => (a === b ? `step ${a}` : `steps ${a}…${b}`);
      const done = t < T ? `; ${span(t + 1, T)} ${t + 1 === T ? 'was' : 'were'} already added` : '';
      const rest = t > 1 ? `; ${span(1, t - 1)} ${t - 1 === 1 ? 'is' : 'are'} still to come` : '; with it, the gradients include every step';
      return `The contribution of step ${t} is added${done}${rest}.`;
    },
    naive: 'The “naive” gradient of $W$ uses only the last step, $\\bar W = \\bar s_T h_T^{\\mathsf{T}}$; the correct one sums the contribution of every step, $\\bar W = \\sum_t \\bar s_t h_t^{\\mathsf{T}}$.',
  },
  marks: {
    added: '✓ added',
    now: '+ this step',
    pending: 'pending',
    naive: 't = T only',
    addedTip: (t) => `The contribution of step ${t} is already added.`,
    nowTip: (t) => `This step adds the contribution of step ${t}.`,
    pendingTip: (t) => `The contribution of step ${t} has not been added yet.`,
  },
  paths: {
    output: (t) => `Wᵀs̄${t}`,
    next: (t) => `Vᵀr̄${t}`,
  },
  scroll: 'Swipe the figure sideways to see the rest of the steps.',
  hint: 'Click U, V or W (or h₀) to change their values. With the keyboard: Tab, ↑ ↓ to move between them, Enter to edit.',
  hintBias: 'Click U, V, W, b or c (or h₀) to change their values. With the keyboard: Tab, ↑ ↓ to move between them, Enter to edit.',
  legend: {
    label: 'Diagram legend',
    U: 'U: xₜ → hₜ',
    V: 'V: hₜ₋₁ → hₜ',
    W: 'W: hₜ → yₜ',
    b: 'b: bias of hₜ',
    c: 'c: bias of yₜ',
    shared: 'the same U, V, W at every step',
    sharedBias: 'the same U, V, W, b and c at every step',
    gradient: 'path of the gradient into h̄ₜ',
    current: 'what this step uses',
    added: 'already added',
  },
  // Tooltips (<title>) and accessible names.
  tip: {
    box: {
      h0: 'h₀: initial hidden state',
      h0grad: 'h̄₀: gradient with respect to the initial hidden state',
      hidden: (t) => `hidden state at t = ${t}`,
      output: (t) => `output at t = ${t}`,
      input: (t) => `input at t = ${t}`,
      target: (t) => `target at t = ${t}`,
      noTarget: (t) => `No target at t = ${t}: this step adds nothing to the loss.`,
    },
    component: (i) => `component ${i}`,
    target: 'target',
    loss: 'loss, summed over the time steps',
    pathOutput: 'gradient reaching h̄ₜ from the output',
    pathNext: 'gradient reaching h̄ₜ from the next step',
    matrix: {
      U: (t) => `U: from x${t} to h${t}. The same matrix at every step.`,
      V: (t, p) => `V: from h${p} to h${t}. The same matrix at every step.`,
      W: (t) => `W: from h${t} to y${t}. The same matrix at every step.`,
      b: (t) => `b: bias of h${t}. The same at every step.`,
      c: (t) => `c: bias of y${t}. The same at every step.`,
    },
    edit: 'Click (or Enter) to change its values.',
    editLabel: (name) => `${name}: Enter to change its values.`,
  },
  editor: {
    title: (name) => `New values of ${name}`,
    shape: (rows, cols) => (cols ? `${rows} × ${cols}` : `${rows} components`),
    cell: (name, i, j) => (j ? `${name}[${i},${j}]` : `${name}[${i}]`),
    apply: 'Apply',
    cancel: 'Cancel',
    notANumber: (cell) => `${cell}: type a number with a decimal point, for example 0.25 or -1.5 (a comma works too).`,
    notFinite: (cell) => `${cell}: the number is too large.`,
    refused: 'These values cannot be used.',
  },
};
