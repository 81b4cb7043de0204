// The network diagram (web/components/diagram.js).
import {common} from './common.js';
export const diagram = {
  label: (sizes) => `Diagram of the ${sizes.join('-')} network`,
  columns: {
    input: 'Input',
    hidden: (l) => `Hidden ${l}`,
    output: 'Output',
    target: 'Target',
  },
  activations: common.activations,
  phaseNote: {
    forward: 'Each connection draws its weight w.',
    backward: 'Each connection draws its gradient ∂L/∂w.',
    update: 'Each connection draws the gradient ∂L/∂w its weight is updated with.',
  },
  sample: (batch) => `Values of sample 1 (of ${batch}).`,
  scroll: 'Swipe the figure sideways to see the rest of the network.',
  hint: 'Click a connection or a bias to change its value. With the keyboard: Tab, ↑ ↓ to move between them, Enter to edit.',
  legend: {
    label: 'Diagram legend',
    weightPositive: 'weight > 0',
    weightNegative: 'weight < 0',
    weightWidth: 'width ∝ |w|',
    gradientPositive: '∂L/∂w > 0',
    gradientNegative: '∂L/∂w < 0',
    gradientWidth: 'width ∝ |∂L/∂w|, relative to the largest in its layer',
    current: 'what this step uses',
  },
  // A value the stepper has not computed yet (z⁽²⁾ at step 1, δ⁽¹⁾ while δ⁽²⁾ is computed).
  pending: '?',
  // Tooltips (<title>) and accessible names.
  tip: {
    pending: 'not computed yet at this step',
    sample: 'sample 1',
    input: 'input',
    target: (name) => `target ${name}`,
    loss: 'loss of the iteration',
    edge: (name, from, to) => `${name}: from ${from} to ${to}`,
    bias: (name, unit) => `${name}: bias of ${unit}`,
    value: 'value',
    gradient: 'gradient',
    updated: 'after the update',
    edit: 'Click (or Enter) to change it.',
    weightLabel: (name, value) => `Weight ${name} = ${value}. Enter to change it.`,
    biasLabel: (name, shown) => `Bias ${name}: ${shown}. Enter to change it.`,
  },
  editor: {
    title: (name) => `New value of ${name}`,
    current: (value) => `now: ${value}`,
    apply: 'Apply',
    cancel: 'Cancel',
    notANumber: 'Type a number with a decimal point, for example 0.25 or -1.5 (a comma works too).',
    notFinite: 'The number is too large.',
    refused: 'This value cannot be used.',
  },
};
