// The printed worked example of lessons 1 and 2 (web/components/print-view.js): one iteration of
// the current scenario, its network, every step and one element's chain rule.
export const print = {
  button: 'Print',
  buttonTitle: 'Print this iteration: the network, every step with its numbers and one chain rule',
  intro: 'One iteration of the example, step by step: each equation, the same equation with the numbers and its result.',
  network: 'The network and its numbers',
  facts: 'Settings',
  data: 'Data',
  parameters: 'Parameters as the iteration starts',
  layers: 'Units per layer',
  activations: 'Activations',
  sizes: 'Sizes (input, hidden, output)',
  updateBiases: 'Biases are updated',
  yes: 'yes',
  no: 'no',
  noTarget: 'no target',
  // Batch normalization and dropout: the hidden layers that have them.
  batchNormLayers: (layers) => `layer${layers.length > 1 ? 's' : ''} ${layers.join(', ')}`,
  dropoutAt: (l, p) => `layer ${l}: p = ${p}`,
  chainRule: 'The chain rule of one element',
  chainRuleOf: (element, step) => `${element} (${step})`,
  chainRuleDefault:
    'No element has been chosen on the page, so this one is shown. Press a number of a result on the page to choose another.',
};
