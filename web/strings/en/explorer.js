// Lesson 2's vanishing/exploding-gradient explorer (web/components/gradient-explorer.js,
// explorer-chart.js). The axis labels and the ratio are written the same in both languages:
// they are the Spanish module's.
import {common} from './common.js';
import {explorer as es} from '../explorer.js';

const times = (n) => (n === 1 ? '1 step' : `${n} steps`);

export const explorer = {
  title: 'Vanishing and exploding gradients',
  intro:
    'An RNN with random weights and a long sequence: how much of the last step’s error reaches the ' +
    'first ones? Move the controls and watch the norm of the gradient change as it goes back in time.',
  // controls
  steps: 'Sequence length $T$',
  stepsNumber: 'Sequence length T (number)',
  scale: 'Initialization scale $s$',
  scaleHint: 'weights and biases drawn from $U(-s,\\, s)$; the control’s scale is logarithmic',
  scaleValue: (s) => `s = ${s}`,
  activation: 'Activation $f$ of the hidden layer',
  activations: {...common.activations, leaky_relu: 'Leaky ReLU (slope 0.01)', linear: 'linear (identity)'},
  hidden: 'Hidden layer size',
  seed: 'Seed',
  integerInvalid: (min, max) => `Type a whole number between ${min} and ${max}.`,
  seedInvalid: 'Type a non-negative whole number (up to 2⁵³ − 1).',
  // why this scenario
  setup:
    'The input is the same at every step, $x_t = (1, 1)$, so that only the weights decide how the ' +
    'gradient travels; and only the last step has a target, $y_T = (0, 0)$, so ' +
    '$\\lVert \\partial L/\\partial h_t \\rVert$ measures how far back the error of step $T$ reaches.',
  // the chart (canvas text: no TeX)
  chartLabel: 'Norm of the gradient with respect to hₜ and each step’s contribution to V̄, on a logarithmic scale, by step t',
  axisT: 'Time step t',
  axisNorm: 'Norm (logarithmic scale)',
  seriesH: '‖∂L/∂hₜ‖',
  seriesV: '‖what step t adds to V̄‖',
  tooltipTitle: (t) => `t = ${t}`,
  zeroValue: '0 (gap in the curve)',
  // an axis label m·10^e: 10⁻⁷ on an axis of whole decades; on a short one (m = 1, 2, 5) 2·10⁻⁷ or 0.05
  tick: es.tick,
  // the caption
  ratioTex: '\\dfrac{\\lVert \\partial L/\\partial h_1 \\rVert}{\\lVert \\partial L/\\partial h_T \\rVert}',
  ratio: es.ratio,
  verdicts: {
    vanishes: 'The gradient vanishes: the error of step T barely reaches the first steps (ratio below 10⁻³).',
    explodes: 'The gradient explodes: it grows as it goes back in time (ratio above 10³).',
    steady: 'The gradient holds: it reaches the start of the sequence without vanishing or exploding (ratio between 10⁻³ and 10³).',
    cut: 'The gradient vanishes completely: nothing reaches the first step (‖∂L/∂h₁‖ is exactly 0).',
    undefined: 'There is no ratio: ‖∂L/∂h_T‖ is exactly 0.',
  },
  zeros: {
    intro: 'An exact 0 does not fit on a logarithmic axis: those values are left as gaps in the curve.',
    h: (n) => `‖∂L/∂hₜ‖ is 0 at ${times(n)}.`,
    v: (n) => `What step t adds to V̄ is 0 at ${times(n)}.`,
    first: 'At t = 1 that contribution is always 0: it is r̄₁ h₀ᵀ and h₀ = 0.',
    relu: 'With ReLU, a unit with a negative pre-activation has derivative 0 and blocks the gradient (a “dead” neuron).',
    other:
      'A value is also 0 when it is too small to be represented (below about 10⁻³²⁴) ' +
      'or when a saturated unit has a derivative that rounds to 0.',
  },
  // instead of the chart
  nonFinite:
    'The gradient explodes beyond the numbers the computer can represent (∞ or NaN), so ' +
    'there is nothing to draw. Lower the scale s, shorten the sequence or try another activation.',
  failed: (why) => `The gradient could not be computed: ${why}`,
  chartFailed: 'The chart could not be loaded.',
};
