export const common = {
  // How numbers are written (web/format.js) and read (web/forms/number.js, which also takes the
  // other mark): the decimal point.
  numberFormat: {decimal: '.'},
  // The language switch in every top bar (web/components/language-switch.js): each language
  // named in its own tongue.
  languageSwitch: {
    label: 'Language',
    names: {es: 'Español', en: 'English'},
    short: {es: 'ES', en: 'EN'},
  },
  // The optimizers' names, as the lessons' editor and lesson 3's race show them.
  optimizers: {
    sgd: 'SGD',
    momentum: 'SGD with momentum',
    adagrad: 'AdaGrad',
    rmsprop: 'RMSprop',
    adam: 'Adam',
    adadelta: 'Adadelta',
    adamax: 'AdaMax',
  },
  appTitle: 'Interactive backpropagation',
  // The document's description and what shows without scripts (index.html holds the Spanish).
  description: 'An interactive lesson on backpropagation and backpropagation through time: every equation with its numbers.',
  noScript: 'This lesson needs JavaScript and WebAssembly.',
  loading: 'Loading the computing core (WebAssembly)…',
  loadFailed: 'The computing core could not be loaded. This browser needs WebAssembly.',
  notFound: 'This page does not exist.',
  backHome: 'Back to the start',
  home: {
    title: 'Interactive backpropagation',
    intro:
      'A lesson that walks through backpropagation one equation at a time, with every intermediate value in view. ' +
      'Change a weight and watch the numbers move; train, compare and experiment.',
    lessons: [
      {
        href: '#/mlp',
        title: 'Lesson 1 · Backpropagation in a multilayer perceptron',
        text: 'The classic 2-2-2 network, step by step: forward pass, backward pass and update.',
      },
      {
        href: '#/bptt',
        title: 'Lesson 2 · Backpropagation through time (BPTT)',
        text: 'The lesson’s RNN unrolled in time: the same U, V, W at every step, the gradients summed over time, and h̄ₜ with its two paths.',
      },
      {
        href: '#/avances',
        title: 'Lesson 3 · Limitations and advances',
        text: 'Learning rate and optimizers racing on a surface, layer-by-layer initialization, overfitting, batch normalization and ReLU.',
      },
      {
        href: '#/labs',
        title: 'Labs · The ten exercises of the two lessons',
        text: 'Experiments in the page: classifying points, comparing activations, regularizing, batch sizes, hyperparameter search, BPTT by hand, exploding and vanishing gradients…',
      },
    ],
    numbers:
      'Every number you see is computed by the same C++ core (compiled to WebAssembly), checked against PyTorch in double precision.',
  },
  // The activation functions' names, wherever a student picks or reads one.
  activations: {
    sigmoid: 'sigmoid',
    tanh: 'tanh',
    relu: 'ReLU',
    leaky_relu: 'Leaky ReLU',
    linear: 'linear',
    softmax: 'softmax',
  },
  // Around every lesson's workbench.
  lessonPage: {
    fullLesson: 'Open the full lesson',
    badLink: (why) => `The link does not hold a valid scenario (${why}); the lesson’s example is shown instead.`,
    unreadableLink: 'it cannot be read',
    tooLongLink: 'it is too long for this lesson',
    diagramLabel: 'Network diagram',
    presetLabel: 'Load an example',
    presetPrompt: 'Load an example…',
    toText: 'See the explanation in the text',
    toStep: 'Back to the step',
  },
  // The stepper, shared by the lessons.
  phases: {forward: 'Forward pass', backward: 'Backward pass', update: 'Update'},
  stepper: {
    previous: 'Previous',
    next: 'Next',
    progress: (i, n) => `Step ${i} of ${n}`,
    listLabel: 'Steps of one iteration',
    keys: 'Use ← and → to move forward and back.',
    symbolic: 'Equation',
    substituted: 'With the numbers',
    result: 'Result',
    clickHint: 'Click an element of the result to see its chain rule.',
    expansion: 'Chain rule, element by element',
    sample: (s) => `sample ${s}`,
    scrollEquation: 'Swipe the equation sideways to see all of it.',
    scrollResult: 'Swipe the result sideways to see all its numbers.',
  },
};
