// Lesson 3 (#/avances, "Limitations and advances"): the page's own words. The lesson's text is
// content, in web/lessons/avances/.
import {formatNumber, formatPercent} from '../../format.js';
import {common} from './common.js';

const n = formatNumber;

export const avances = {
  title: 'Lesson 3 · Limitations and advances',
  labsLink: 'Labs',
  fullLesson: 'Open the full lesson',
  badLink: (names) => `The link had invalid values in ${names.map((x) => `“${x}”`).join(', ')}; the defaults are used.`,
  partLabel: (title) => `Experiment: ${title}`,
  // The optimizers' race (web/lessons/avances/race/).
  race: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {race: 'race', paths: 'paths'},
    heading: 'Optimizer race',
    surface: 'Surface',
    surfaces: {
      quadratic: 'Quadratic (elongated valley)',
      rosenbrock: 'Rosenbrock (curved valley)',
      saddle: 'Saddle point',
      network: 'Small network (two weights)',
    },
    surfaceNames: {quadratic: 'quadratic', rosenbrock: 'Rosenbrock', saddle: 'saddle-point', network: 'small-network loss'},
    condition: 'Condition number',
    eta: 'Learning rate η',
    etaValue: (v) => `η = ${n(v)}`,
    steps: 'Steps',
    optimizers: 'Optimizers',
    names: common.optimizers,
    start: (x, y) => `Start: (${n(x)}, ${n(y)})`,
    defaultStart: 'Start: the core’s',
    pickHint: 'Click the surface to choose the start, or focus it and use the arrow keys (Enter runs the race again).',
    replay: 'Replay the animation',
    run: 'Start the race',
    plotLabel: (surface) => `Contour lines of the ${surface} surface with the optimizers’ trajectories`,
    summary: ({surface, x, y, minimum, start}) =>
      `The ${surface} surface over x from ${n(x[0])} to ${n(x[1])} and y from ${n(y[0])} to ${n(y[1])}.` +
      (minimum ? ` Minimum at (${n(minimum[0])}, ${n(minimum[1])}).` : ' No minimum.') +
      ` Start at (${n(start[0])}, ${n(start[1])}).`,
    outcomes: {
      converged: 'converges',
      diverged: 'diverges',
      oscillating: 'oscillates',
      slow: 'slow: does not arrive',
      escaped: 'escapes',
    },
    pendingOutcome: '…',
    happened: (name, outcome) => `${name}: ${outcome}.`,
    table: 'Steps to the tolerance',
    tableCaption: (tolerance) => `Steps until f is within ${n(tolerance)} of the minimum, and each optimizer’s outcome.`,
    head: ['Optimizer', 'Outcome', 'Steps to the tolerance', 'Final f'],
    never: 'does not arrive',
    divergedAt: (step) => `diverges at step ${step}`,
    csvHeader: ['optimizer', 'eta', 'outcome', 'steps_to_tolerance', 'divergence_step', 'final_f'],
    pointsHeader: ['optimizer', 'step', 'x', 'y', 'f'],
    pointsCsv: 'Save CSV of the trajectories',
    pointsWhat: 'every point of every trajectory',
    pngWhat: 'the optimizer race',
    csvWhat: 'the steps to the tolerance',
    noRacers: 'Choose at least one optimizer.',
    startX: 'Start x', startY: 'Start y',
  },
  // Overfitting (web/lessons/avances/overfit/).
  overfit: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'overfitting', boundary: 'boundary', curves: 'curves', plain: 'without', regularized: 'with', noise: 'noise'},
    noise: 'Noise of the points',
    l2: 'L2 λ₂',
    dropout: 'Dropout p',
    epochs: 'Epochs',
    patience: 'Patience (epochs)',
    setup: 'Noisy circles, half of the points held out for validation (hollow), one hidden layer of 32 ReLU units, Adam. Press “Train” and compare the validation curves.',
    plain: 'Unregularized',
    regularized: 'Regularized',
    runNames: ['without', 'with'],
    early: {
      // Downloaded files' names: lowercase ASCII words joined by hyphens.
      fileNames: {name: 'early-stopping', boundary: 'boundary'},
      // Values written in the CSV files, same rule.
      csvValues: {training: 'training', validation: 'validation'},
      title: 'Early stopping',
      setup: 'The unregularized network, trained by the core with early stopping: the validation loss is measured at the end of every epoch, and training stops once it has gone “Patience” epochs without improving; the weights of the best epoch are kept.',
      run: 'Train with early stopping',
      step: 'Iteration',
      loss: 'Loss (cross-entropy)',
      training: 'Training (mini-batch loss)',
      validation: 'Validation',
      best: 'Best validation',
      chartLabel: 'Training and validation losses with early stopping',
      boundaryLabel: 'Boundary of the network with early stopping (the weights of the best validation)',
      pngBoundary: 'PNG boundary',
      pngCurves: 'PNG curves',
      csvCurves: 'CSV curves',
      summary: (stopped, best, loss) => `It stops at iteration ${stopped}; the best validation loss, ${loss}, was at iteration ${best}.`,
      notStopped: (best, loss) => `The validation loss never ran out of patience: training went to the end${best === null ? '' : `, and the weights of iteration ${best} are kept (validation ${loss})`}.`,
      csvHeader: ['series', 'iteration', 'loss'],
    },
    curvesHeader: ['network', 'epoch', 'iteration', 'training_loss', 'training_accuracy', 'validation_loss', 'validation_accuracy'],
    exports: {
      boundaryPlain: 'PNG boundary (without)',
      boundaryRegularized: 'PNG boundary (with)',
      lossPlain: 'PNG curves (without)',
      lossRegularized: 'PNG curves (with)',
      curves: 'CSV of the curves',
    },
  },
  // Batch normalization (web/lessons/avances/batchnorm/).
  batchnorm: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'batch-normalization', steps: 'steps'},
    // Values written in the CSV files, same rule.
    csvValues: {without: 'without', with: 'with'},
    eta: 'Learning rate η (SGD)',
    steps: 'Iterations',
    run: 'Train both networks',
    setup: 'A network of 6 hidden layers of 16 sigmoid units (Xavier initialization) on the circles, with SGD, without and with batch normalization in every hidden layer.',
    step: 'Iteration',
    loss: 'Loss (cross-entropy)',
    without: 'Without normalization',
    with: 'With batch normalization',
    chartLabel: 'Training loss of the deep sigmoid network, without and with batch normalization',
    summary: ([without, withBn]) => `Final loss: ${without} without normalization, ${withBn} with batch normalization.`,
    csvHeader: ['normalization', 'iteration', 'loss'],
    stepperLink: 'Open a small example with batch normalization in lesson 1’s stepper',
  },
  // Dead units (web/lessons/avances/relu/).
  relu: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'dead-neurons', steps: 'steps'},
    eta: 'Learning rate η (SGD)',
    steps: 'Iterations',
    run: 'Train both networks',
    setup: 'The same network (4 hidden layers of 16, He initialization) on the spiral, with ReLU and with Leaky ReLU, trained with SGD. Raise η and watch how many neurons die.',
    step: 'Iteration',
    share: 'Dead neurons',
    chartLabel: 'Share of dead hidden neurons during training',
    summary: (pairs) => `At the end: ${pairs.map(([name, share]) => `${name}, ${formatPercent(share, {digits: 0})} dead neurons`).join('; ')}.`,
    csvHeader: ['activation', 'iteration', 'dead_share', 'per_layer'],
  },
  // Initialisation (web/lessons/avances/init/).
  init: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'initialization', activations: 'activations', gradients: 'gradients', spread: 'spread'},
    heading: 'Layer-by-layer distributions',
    scheme: 'Initialization',
    schemes: {
      pequena: 'Small uniform U(±0.01)',
      grande: 'Large uniform U(±1)',
      xavier: 'Xavier (Glorot)',
      he: 'He',
    },
    activation: 'Activation',
    depth: 'Hidden layers',
    width: 'Units per layer',
    run: 'Compute',
    activations: 'Activations by layer',
    gradients: 'Gradients ∂L/∂W by layer',
    spread: 'Standard deviation by layer (logarithmic scale)',
    activationSeries: 'Activations',
    gradientSeries: 'Gradients',
    layer: 'Layer',
    value: 'Value',
    std: 'Standard deviation',
    boxLabel: (what) => `Box plot of ${what}: box from 25 % to 75 %, whiskers from 5 % to 95 %, median`,
    summary: ({first, last, ratio}) =>
      `Standard deviation of the activations: ${n(first.activation)} in layer 1 and ${n(last.activation)} in the last. ` +
      `Of the gradients: ${n(first.gradient)} in layer 1 and ${n(last.gradient)} in the last ` +
      `(the first layer gets ${n(ratio)} times that of the last).`,
    tableTitle: 'Statistics by layer',
    head: ['Layer', 'Mean of a', 'Std. dev. of a', 'Saturated', 'Zero', 'Std. dev. of ∂L/∂W'],
    csvHeader: ['layer', 'mean_a', 'std_a', 'saturated', 'zero', 'mean_grad', 'std_grad',
      'a_q0', 'a_q05', 'a_q25', 'a_q50', 'a_q75', 'a_q95', 'a_q100',
      'g_q0', 'g_q05', 'g_q25', 'g_q50', 'g_q75', 'g_q95', 'g_q100'],
    pngActivations: 'the activations by layer',
    pngGradients: 'the gradients by layer',
    pngSpread: 'the standard deviation by layer',
    csvWhat: 'the statistics by layer',
  },
};
