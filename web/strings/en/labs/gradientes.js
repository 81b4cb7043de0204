// Lab 8 (RNN exercise 3): the core's gradients against finite differences.
// Texts with $…$ are rendered with KaTeX (web/math.js richText).
export const gradientes = {
  title: 'Comparing gradients',
  exercise: 'Exercise 3 (RNN)',
  summary: 'Compare the BPTT gradients of a random RNN with finite differences, entry by entry.',
  statement:
    '**Comparing gradients.** Use PyTorch to build a simple RNN and compare the gradients it computes automatically ' +
    'with the ones you derived by hand in exercise 1 or implemented in exercise 2.',

  intro:
    'Instead of PyTorch, we compare BPTT with the very definition of the derivative: for each weight $w$, the core computes ' +
    '$L(w + \\varepsilon)$ and $L(w - \\varepsilon)$ with a forward pass and compares them with what BPTT gives. ' +
    'If they agree on every entry of $U$, $V$ and $W$, the derivation is correct.',
  look: [
    'Almost always every entry stays far below $10^{-6}$ (between $10^{-12}$ and $10^{-8}$): “And they are equal!”, as in the lesson.',
    'Try ReLU with sizes 8 and $T = 20$ and change the seed: now and then an entry goes over the threshold. Look for the red dots and the highlighted rows, and see whether it is a kink or a tiny gradient.',
    'Sort the table by error to see first the entries that agree worst. Each configuration is a new RNN, and its link reproduces it.',
  ],
  lookTitle: 'What to look for',

  // Settings.
  setupTitle: 'The random RNN',
  inputSize: 'Input',
  hiddenSize: 'Hidden',
  outputSize: 'Output',
  steps: 'Steps T',
  sizesLegend: 'Sizes',
  hidden: 'Hidden activation f',
  output: 'Output activation g',
  lossLabel: 'Loss',
  losses: {half_sse: '½ sum of squares', cross_entropy: 'cross-entropy (softmax)'},
  bias: 'With biases b and c',
  scale: 'Initialization scale',
  scaleHint: 'Weights in U(−scale, scale)',
  seed: 'Seed',
  seedHint: 'Weights and data come from it',
  another: 'Another random RNN',
  badLink: (names) => `The link has ${names.length === 1 ? 'an invalid value' : 'invalid values'} (${names.join(', ')}); the defaults are used instead.`,
  invalid: 'Fix the highlighted fields to check the gradients.',
  summaryLine: (parameters, T) => `${parameters} parameters, ${T} time ${T === 1 ? 'step' : 'steps'}.`,

  // The result.
  resultTitle: 'BPTT against finite differences',
  equal: (max) => `And they are equal! BPTT and finite differences agree on every entry: largest relative error ${max}, below 10⁻⁶.`,
  differ: (count, total, max) =>
    `${count === 1 ? 'One entry goes' : `${count} of ${total} entries go`} over the 10⁻⁶ threshold (largest relative error ${max}).`,
  kinks:
    'With ReLU it may be a “kink”: if some pre-activation $r_t$ is within $\\varepsilon$ of 0, ' +
    '$L(w+\\varepsilon)$ and $L(w-\\varepsilon)$ fall on different sides of the kink and the quotient does not measure the derivative; ' +
    'BPTT uses the derivative of the side $r_t$ is on (and $f\'(0) = 0$). The two values differ without anything being wrong.',
  tiny:
    'Look at the size of those entries too: rounding $L(w\\pm\\varepsilon)$ leaves the finite difference with an absolute ' +
    'error of about $10^{-16} \\cdot |L| / \\varepsilon \\approx 10^{-11}$; on a tiny gradient ($10^{-7}$ or $10^{-5}$) that is already ' +
    'a relative error of $10^{-6}$ or more. It is not BPTT that is wrong: it is the finite difference that loses precision.',
  tolerance:
    'Why $10^{-6}$ and not 0: the central difference has a truncation error of the order of $\\varepsilon^2 = 10^{-10}$ ' +
    'and a rounding error of the order of $10^{-16} \\cdot |L| / \\varepsilon$; in double precision, two correct gradients ' +
    'agree to about 8 or 10 digits, not to all of them.',
  elapsed: (ms) => `Computed by the core in ${ms}.`,

  // The chart.
  chartTitle: 'Relative error of each entry (log scale)',
  chartLabel: (n) => `Relative error of the ${n} entries, on a log scale, grouped by parameter; the dashed line is the 10⁻⁶ threshold.`,
  threshold: '10⁻⁶ threshold',
  chartWhat: 'the error chart',

  // The table.
  tableTitle: 'Entry by entry',
  sort: 'Sort',
  sorts: {position: 'by position', error: 'by error (largest first)'},
  entry: 'Entry',
  analytic: 'BPTT',
  numeric: 'Finite differences',
  error: 'Relative error',
  groupMax: (max) => `largest error ${max}`,
  tableWhat: 'the gradients table',
  relativeError: 'relative error',
  file: (s, ext) => `gradients-${s.input}-${s.hidden}-${s.output}-T${s.T}-seed${s.seed}.${ext}`,
  csvHeader: ['parameter', 'row', 'column', 'bptt', 'finite_differences', 'relative_error'],
};
