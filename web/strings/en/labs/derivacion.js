// Lab 6 (RNN exercise 1): BPTT by hand for one hidden unit and three time steps.
// Texts with $…$ are rendered with KaTeX (web/math.js richText).

import {formatPercent} from '../../../format.js';
// A field's symbol as TeX and as plain text is the same in every language: one source.
import {derivacion as symbols} from '../../labs/derivacion.js';

const {fieldTex, fieldText} = symbols;
const GRADIENT_INLINE = {dU: '\\partial L/\\partial U', dV: '\\partial L/\\partial V', dW: '\\partial L/\\partial W'};
const inlineTex = ({kind, t}) => (t ? `\\overline{${kind}}_{${t}}` : GRADIENT_INLINE[kind]);
const m = (field) => `$${inlineTex(field)}$`;
const list = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const percent = (x) => formatPercent(x, {significant: 2});
const param = (kind) => kind.slice(1);

// The formula each wrong answer is reminded of.
const formulas = {
  s: ({t}) => `Remember: $\\overline{s}_{${t}} = \\overline{y}_{${t}}\\, g'(s_{${t}})$, with $\\overline{y}_{${t}} = y_{${t}} - t_{${t}}$ (the derivative of $\\tfrac12 (y_{${t}} - t_{${t}})^2$).`,
  h: ({t, T}) => (t === T
    ? `Remember: at the last step $\\overline{h}_{${t}} = W^{\\mathsf{T}} \\overline{s}_{${t}}$ (there is no next step).`
    : `Remember: $\\overline{h}_{${t}} = W^{\\mathsf{T}} \\overline{s}_{${t}} + V^{\\mathsf{T}} \\overline{r}_{${t + 1}}$: $h_{${t}}$ affects the output $s_{${t}}$ and the next step $r_{${t + 1}}$.`),
  r: ({t}) => `Remember: $\\overline{r}_{${t}} = \\overline{h}_{${t}}\\, f'(r_{${t}})$ and, with the sigmoid, $f'(r_{${t}}) = h_{${t}}(1 - h_{${t}})$.`,
  dU: ({T}) => `Remember: $\\overline{U} = \\sum_{t=1}^{${T}} \\overline{r}_t\\, x_t^{\\mathsf{T}}$: $U$ is shared by every step.`,
  dV: ({T}) => `Remember: $\\overline{V} = \\sum_{t=1}^{${T}} \\overline{r}_t\\, h_{t-1}^{\\mathsf{T}}$ (with $h_{t-1}$, the previous state, not $h_t$).`,
  dW: ({T}) => `Remember: $\\overline{W} = \\sum_{t=1}^{${T}} \\overline{s}_t\\, h_t^{\\mathsf{T}}$: $W$ is shared by every step.`,
};

export const derivacion = {
  title: 'Deriving BPTT by hand',
  exercise: 'Exercise 1 (RNN)',
  summary: 'An RNN with a single hidden unit and three time steps: derive the gradients of U, V and W and check them.',
  statement:
    '**Deriving BPTT by hand.** Given a simple RNN with one hidden layer and a sigmoid activation function, derive ' +
    'by hand the gradients of the parameters $U$, $V$ and $W$ using BPTT. Assume that the RNN has a single hidden ' +
    'unit and processes sequences of three time steps.',

  // What to do and what to look for.
  intro:
    'With a single hidden unit, $U$, $V$ and $W$ are numbers and every step of backpropagation is a sum you can do by hand. ' +
    'The forward pass is already done (the core computes it): work through the backward pass from $t = 3$ down to $t = 1$ and enter your values.',
  look: [
    'At $t = 3$, $\\overline{h}_3 = W \\overline{s}_3$; at $t = 2$ and $t = 1$, $\\overline{h}_t$ also receives $V \\overline{r}_{t+1}$: the path from the next step.',
    'Each gradient is the sum of the contributions of the three steps. Keeping only the last step’s is the “naive” gradient that the lesson calls wrong.',
    'If $h_0 = 0$, step 1 contributes nothing to $\\partial L/\\partial V$.',
  ],
  lookTitle: 'What to look for',

  // The exercise and its settings.
  setupTitle: 'The exercise',
  seed: 'Seed',
  seedHelp: 'The same seed gives the same numbers.',
  newExercise: 'New exercise',
  output: 'Output activation g',
  outputs: {sigmoid: 'sigmoid', linear: 'linear'},
  tolerance: 'Relative tolerance',
  toleranceHelp: 'Largest relative error accepted.',
  badLink: (names) => `The link has ${names.length === 1 ? 'an invalid value' : 'invalid values'} (${names.join(', ')}); the defaults are used instead.`,

  // The network and its numbers.
  networkTitle: 'The network',
  lossName: 'loss: ½ sum of squares',
  parametersLabel: 'Parameters',
  forwardTitle: 'Forward pass (computed by the core)',
  forwardCaption: 'Inputs, targets and forward-pass values at each time step',
  step: 'Step',
  target: 'target',
  lossLabel: 'Loss',
  forwardWhat: 'the forward pass',
  forwardHeader: ['t', 'x', 'target', 'r', 'h', 's', 'y'],
  forwardFile: (seed, g) => `derivation-seed${seed}-${g}-forward.csv`,

  // The student's answers.
  answersTitle: 'Your answers: the backward pass',
  answersHelp:
    'Enter at least four significant figures (a decimal point or a decimal comma both work). $\\overline{s}_t$ is optional, but it helps the hints. ' +
    'Each field is checked when you leave it.',
  timeStep: (t) => `Step t = ${t}`,
  gradients: 'Gradients of the parameters',
  optional: 'optional',
  check: 'Check',
  clear: 'Clear answers',
  right: 'Correct',
  wrong: 'Incorrect',
  score: (right, answered, total) => `${right} of ${total} correct${answered > right ? ` · ${answered - right} to review` : ''}.`,
  allRight: 'All correct! You have derived BPTT by hand: the same numbers as the core.',
  nothingToCheck: 'There is no answer to check yet: enter a value in any field (for example, h̄₃) and press “Check” again.',
  fieldTex,
  fieldText,

  // Hints for a wrong answer (hints.js picks the id).
  hints: {
    close: (h) => `Almost: it is ${percent(h.error)} off the right value. Did you round an intermediate value too much? Use more digits.`,
    sign: (h) => (h.kind === 's'
      ? `The sign is flipped: $\\overline{y}_{${h.t}} = y_{${h.t}} - t_{${h.t}}$, not $t_{${h.t}} - y_{${h.t}}$.`
      : `The value is right except for the sign. Check the sign of $\\overline{y}_t = y_t - t_t$ or of one of the terms.`),
    'missing-gprime': (h) => `You still need to multiply by $g'(s_{${h.t}})$: you wrote $\\overline{y}_{${h.t}} = y_{${h.t}} - t_{${h.t}}$.`,
    'only-gprime': (h) => `That is $g'(s_{${h.t}})$ alone: you still need to multiply it by $\\overline{y}_{${h.t}} = y_{${h.t}} - t_{${h.t}}$.`,
    'missing-next': (h) => `The term $V^{\\mathsf{T}} \\overline{r}_{${h.t + 1}}$ (the path from the next step) is missing: you wrote only $W^{\\mathsf{T}} \\overline{s}_{${h.t}}$.`,
    'missing-output': (h) => `The term $W^{\\mathsf{T}} \\overline{s}_{${h.t}}$ (the path through the output of step ${h.t}) is missing: you wrote only $V^{\\mathsf{T}} \\overline{r}_{${h.t + 1}}$.`,
    'missing-w': (h) => `That is $\\overline{s}_{${h.t}}$: you still need to multiply it by $W^{\\mathsf{T}}$${h.t < h.T ? ` (and add $V^{\\mathsf{T}} \\overline{r}_{${h.t + 1}}$)` : ''}.`,
    'h-is-r': (h) => `That value is $\\overline{r}_{${h.t}}$: $\\overline{h}_{${h.t}}$ is the gradient before multiplying by $f'(r_{${h.t}})$.`,
    'missing-fprime': (h) => `You still need to multiply by $f'(r_{${h.t}})$: you wrote $\\overline{h}_{${h.t}}$.`,
    'only-fprime': (h) => `That is $f'(r_{${h.t}})$ alone: you still need to multiply it by $\\overline{h}_{${h.t}}$.`,
    naive: (h) => `That is the “naive” gradient: only the contribution of the last step, $t = ${h.T}$. Since $${param(h.kind)}$ is shared by every step, you have to add up the contributions from $t = 1$ to $${h.T}$.`,
    'partial-sum': (h) => `You added the contributions from $t = ${h.from}$ to $${h.T}$: those of the earlier steps (from $t = 1$ to $${h.from - 1}$) are missing.`,
    'one-step': (h) => `That is only the contribution of step $t = ${h.step}$; $\\partial L/\\partial ${param(h.kind)}$ adds up the contributions of every step.`,
    'other-gradient': (h) => `That value is $\\partial L/\\partial ${param(h.other)}$, not $\\partial L/\\partial ${param(h.kind)}$.`,
    upstream: (h) => `Your ${m(h)} carries the error of your ${list(h.from.map(m))}: it is consistent with ${h.from.length === 1 ? 'that value, which is not right' : 'those values, which are not right'}. Fix ${h.from.length === 1 ? 'that one' : 'those'} first.`,
    'other-step': (h) => `That value is $${inlineTex({kind: h.kind, t: h.step})}$, the one of step ${h.step}: have you mixed up the time steps?`,
    formula: (h) => formulas[h.kind](h),
  },

  // The solution, from the core's trace.
  showSolution: 'Show the solution',
  hideSolution: 'Hide the solution',
  solutionLabel: 'Core’s value',
};
