// Lesson 1 (#/mlp). The lesson's own text is in web/lessons/mlp/.
export const mlp = {
  title: 'Lesson 1 · Backpropagation',
  editorLabel: 'Edit the example',
  trainingLabel: 'Training',
  gradcheckLabel: 'Gradient check',
  limits: {
    kind: 'this lesson is about a multilayer perceptron (model.kind "mlp")',
    layers: (depth, units) =>
      `the stepper shows ${depth.min} to ${depth.max} hidden layers of ${units.min} to ${units.max} units`,
    layersList: 'model.layers must be a list of numbers',
    softmaxHidden: 'softmax only in the output layer',
    validation: (max) => `the link may hold up to ${max} validation rows`,
    samples: (max) => `the stepper shows a batch of up to ${max} samples`,
  },
  presets: {
    classic: 'Classic 2-2-2 example (fixed weights)',
    pytorch: 'The lesson’s PyTorch code (MSELoss, random initialization)',
    batch_norm: 'Batch normalization (2-3-2, batch of 4 samples)',
    dropout: 'Dropout with a given mask (2-3-2, p = 0.5)',
  },
};
