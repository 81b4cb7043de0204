// Lesson 2's editor (web/components/rnn-editor.js). Messages and activation names are lesson 1's.
import {editor} from './editor.js';
import {sub} from '../../components/diagram-kit/text.js';

export const rnnEditor = {
  sections: {
    architecture: 'Architecture',
    sequence: 'Sequence',
    parameters: 'Parameters',
    training: 'Training',
  },
  hint: editor.hint,
  // Architecture
  part: 'Layer',
  size: 'Size',
  activation: 'Activation',
  input: 'Input xₜ',
  hidden: 'Hidden hₜ',
  output: 'Output yₜ',
  sizeOf: (name) => `Size: ${name}`,
  hiddenActivation: 'Activation f of the hidden layer',
  outputActivation: 'Activation g of the output',
  f: 'f',
  g: 'g',
  steps: 'Time steps T',
  loss: 'Loss',
  bias: 'Biases b and c',
  activations: editor.activations,
  losses: {
    half_sse: editor.losses.half_sse,
    cross_entropy: editor.losses.cross_entropy,
  },
  crossEntropyHint: 'Cross-entropy is offered when g is softmax.',
  resizeNote:
    'When sizes change, whatever still fits is kept; the parameters that no longer fit are drawn at random ' +
    'with the scenario’s initialization. New time steps start at zero.',
  // Sequence
  h0Legend: 'Initial state h₀ (not trained)',
  h0Row: 'h₀',
  h0Cell: (i) => `component ${i} of h₀`,
  h0CellLabel: (i) => `Initial state h₀, component ${i}`,
  sequenceCaption: (T, I, O) =>
    `One row per time step: the inputs form a ${T} × ${I} table; the targets, ${T} × ${O}.`,
  timeStep: 't',
  inputs: 'Input xₜ',
  targets: 'Target of yₜ',
  component: (j) => String(j),
  componentTitle: (j) => `component ${j}`,
  inputCell: (t, j) => `x${sub(j)} at t = ${t}`,
  targetCell: (t, j) => `target of y${sub(j)} at t = ${t}`,
  targetPresent: (t) => `Step t = ${t} has a target (it adds to the loss)`,
  presentTitle: 'Checked: the step has a target and adds to the loss',
  presentHeader: 'Has target',
  noTarget: 'no target: adds nothing to the loss',
  crossEntropyTargets: 'With cross-entropy, each step’s target is a distribution, e.g. one-hot (a 1 and the rest 0).',
  firstSequenceOnly: 'The scenario has several sequences; only the first one is edited here.',
  // Parameters
  matrices: {
    U: (rows, cols) => `U (${rows} × ${cols}): input → hidden`,
    V: (rows, cols) => `V (${rows} × ${cols}): hidden → hidden`,
    W: (rows, cols) => `W (${rows} × ${cols}): hidden → output`,
  },
  biases: (H, O) => `Biases b (${H}) and c (${O})`,
  columnTitle: (j) => `column ${j}`,
  matrixCell: (name, i, j) => `${name.toLowerCase()}${sub(i)}${sub(j)}`,
  matrixCellLabel: (name, i, j) => `${name}, row ${i}, column ${j}`,
  vectorCell: (name, i) => `${name}${sub(i)}`,
  vectorCellLabel: (name, i) => `Bias ${name}, component ${i}`,
  // {scheme, scale, seed}: the scenario's initialisation with the core's defaults filled in.
  drawn: (names, {scheme, scale, seed}) =>
    `${names.join(', ')}: drawn at random (${scheme}${scheme === 'uniform' ? `, scale ${scale}` : ''}, ` +
    `seed ${seed}). Editing any value fixes them all.`,
  // Training
  learningRate: 'Learning rate η',
  // Messages
  errors: editor.errors,
  tooBig: editor.tooBig,
  notRnn: 'This editor only works for recurrent networks.',
};
