// Lesson 2 (#/bptt). The lesson's own text is in web/lessons/bptt/.
export const bptt = {
  title: 'Lesson 2 · Backpropagation through time (BPTT)',
  editorLabel: 'Edit the network and the sequence',
  gradcheckLabel: 'Gradient check',
  explorerLabel: 'Vanishing and exploding gradients',
  trainingLabel: 'Training',
  // The lesson's words when its hand-written BPTT matched autograd.
  equal: (max) => `And they are equal! BPTT and finite differences agree on every entry of U, V and W (largest relative error ${max}).`,
  limits: {
    kind: 'this lesson is about a recurrent network (model.kind "rnn")',
    sizes: (size) => `the stepper shows sizes from ${size.min} to ${size.max}`,
    softmaxHidden: 'softmax only in the output layer',
    validation: (count, steps) => `the link may hold up to ${count} validation sequences of up to ${steps} steps`,
    sequence: (steps) => `the stepper walks through a single sequence of ${steps.min} to ${steps.max} time steps`,
  },
  presets: {
    lesson: 'The lesson’s RNN: input 2, hidden 4, output 5, T = 3',
    softmax: 'Classification: tanh, softmax and cross-entropy, with biases',
    exercise: 'Exercise 1: one hidden unit, three steps',
  },
};
