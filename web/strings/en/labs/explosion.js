// Lab 9 (RNN exercise 4): exploding and vanishing gradients against initialization and length.
export const explosion = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {loss: 'loss'},
  title: 'Exploding and vanishing gradients',
  exercise: 'Exercise 4 (RNN)',
  summary: 'How the initialization scale and the sequence length blow up or wash out the gradients.',
  statement:
    '**Exploring exploding and vanishing gradients.** Modify the RNN you implemented in exercise 2 to take input ' +
    'sequences of different lengths. Experiment with different initializations of the parameters and observe how ' +
    'they affect the magnitude of the gradients during training.',

  // ---- the lab's own texts (web/labs/explosion/); the training form's labels are lab 7's
  intro:
    'In BPTT the error at step $T$ reaches step $t$ multiplied by $V^{\\mathsf{T}} \\operatorname{diag}(f\'(r_k))$ once for ' +
    'every step in between: $\\bar h_t = W^{\\mathsf{T}} \\bar s_t + V^{\\mathsf{T}} \\bar r_{t+1}$ with $\\bar r_{t+1} = \\bar h_{t+1} \\circ f\'(r_{t+1})$. ' +
    'If those factors are smaller than 1, $\\lVert \\bar h_t \\rVert$ **vanishes** as it goes back; if they are larger, it **explodes**. ' +
    'Their size depends on the scale of the initial weights and on $f\'$; the number of factors, on the length $T$.',
  gridTitle: '1 · Initialization scale × sequence length',
  gridIntro:
    'Each cell is an RNN with random weights in $U(-s, s)$ and a sequence of length $T$ from the task, scored only at ' +
    'its last step. The number is $\\log_{10}\\big(\\lVert \\bar h_1 \\rVert / \\lVert \\bar h_T \\rVert\\big)$: how many orders ' +
    'of magnitude the gradient gains (red) or loses (blue) on its way back from step $T$ to step 1.',
  gridObserve:
    'What to look for: with a small $s$ the blue darkens towards the top, where the long sequences are (the longer the sequence, the more it vanishes); with ' +
    'a large $s$ and ReLU the red grows with $T$ until it leaves the representable numbers (∞). The white band is the ' +
    'scale at which the gradient travels without getting lost. Press a cell to see $\\lVert \\bar h_t \\rVert$ step by step.',
  grid: {
    gf: 'Activation f',
    gtask: 'Task inputs',
    ghidden: 'Hidden units',
    gscaleMin: 'Minimum scale s',
    gscaleMax: 'Maximum scale s',
    gscales: 'Number of scales',
    glengths: 'Lengths T',
    gseed: 'Seed',
  },
  lengthSets: {short: 'short (2 to 20)', long: 'long (5 to 200)'},
  scaleOrder: (label) => `${label}: must be smaller than the maximum scale.`,
  computeGrid: 'Compute the map',
  computing: 'Computing…',
  gridLabel: 'Heat map: log10 of the ratio of the gradient norm at t = 1 to that at t = T, by scale s (horizontal) and length T (vertical)',
  axisScale: 'initialization scale s (logarithmic)',
  axisLength: 'length T',
  legendVanish: 'vanishes',
  legendExplode: 'explodes',
  legendSpecial: {overflow: '∞: beyond the representable numbers', cut: '0: nothing reaches step 1', none: '—: the gradient at T is 0'},
  legendDecades: (d) => `${d > 0 ? '+' : d < 0 ? '−' : ''}${Math.abs(d)}`,
  gridHint: 'Press a cell (or use the arrow keys and Enter on the map).',
  cellTitle: (s, T) => `s = ${s}, T = ${T}`,
  cellVerdict: {
    vanishes: (d) => `The gradient vanishes: at t = 1 it is ${d} orders of magnitude smaller than at t = T.`,
    explodes: (d) => `The gradient explodes: at t = 1 it is ${d} orders of magnitude larger than at t = T.`,
    steady: 'The gradient reaches step 1 without vanishing or exploding (less than 3 orders of magnitude).',
    overflow: 'The gradient (or the loss) goes beyond the representable numbers: ∞ or NaN.',
    cut: 'None of the error reaches step 1: ‖h̄₁‖ is exactly 0.',
    none: 'The gradient at the last step is exactly 0 (the output already matches the target): there is nothing to compare.',
  },
  curveTitle: 'Gradient norm at each step',
  axisT: 'time step t',
  axisNorm: '‖∂L/∂hₜ‖ (log scale)',
  curveSeries: (s, T) => `‖∂L/∂hₜ‖, s = ${s}, T = ${T}`,
  gridCsv: ['scale', 'length', 'log10_ratio', 'norm_h1', 'norm_hT'],
  gridExport: 'explosion-map',
  curveCsv: ['scale', 'length', 't', 'norm_h'],
  lossCsv: ['iteration', 'batch_loss'],
  curveExport: 'explosion-curve',
  // part 2
  trainTitle: '2 · During training',
  trainIntro:
    'Now an RNN is trained with BPTT from weights in $U(-s, s)$, on sequences of fixed length $T$. Every so many ' +
    'iterations $\\lVert \\bar h_t \\rVert$ of the batch’s first sequence is recorded: the curves go from dark blue ' +
    '(at the start) to orange (at the end). On the right, the gradient norm of each parameter at every iteration.',
  trainObserve:
    'What to look for: with tanh and $s = 2$ the norms start out huge (hundreds) and jump from one iteration to the next: the ' +
    'loss stalls. With $s = 0.3$ the norms are moderate and the network learns the echo in a few iterations. ' +
    'With ReLU and $s = 2$ the gradients reach $10^{12}$. With longer sequences everything is more pronounced.',
  trainFields: {length: 'Length T', scale: 'Initial scale s'},
  train: 'Train',
  training: 'Training…',
  snapshotsTitle: '‖∂L/∂hₜ‖ over training',
  snapshot: (step) => `iteration ${step}`,
  gradientsTitle: 'Gradient norm of each parameter',
  axisStep: 'Iteration',
  axisGradient: 'norm (log scale)',
  axisLoss: 'batch loss (log scale)',
  lossTitle: 'Batch loss at each iteration',
  gradientSeries: (name) => `‖∂L/∂${name}‖`,
  divergedAt: (step) => `Training diverged at iteration ${step}: the loss became ∞ or NaN (explosion). The curves show what was recorded until then.`,
  snapshotsCsv: ['iteration', 't', 'norm_h'],
  gradientsCsv: ['iteration', 'U', 'V', 'W', 'b', 'c'],
  snapshotsExport: 'explosion-training-h',
  gradientsExport: 'explosion-training-gradients',
  fixFields: 'Fix the highlighted fields.',
  failed: (why) => `Could not compute: ${why}`,
};
