// Lab 3 (MLP exercise 3): L2 or L1 regularization on noisy data.
export const regularizacion = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {boundaryWithout: 'boundary-without', boundaryWith: 'boundary-with', lossWithout: 'loss-without', lossWith: 'loss-with', weights: 'weights', curves: 'curves'},
  title: 'Backpropagation with regularization',
  exercise: 'Exercise 3 (MLP)',
  summary: 'Add L2 or L1 regularization on noisy data and compare the training loss with the validation loss.',
  statement:
    '**Backpropagation with regularization.** Add L2 (ridge) or L1 (lasso) regularization to the neural network you ' +
    'built in exercise 1. Train the network on a more complex data set that introduces some noise and observe ' +
    'whether regularization helps the model generalize better.',

  // Lab 3's page (web/labs/regularizacion/).
  regularization: 'Regularization',
  l1: 'L1 (lasso) λ₁',
  l2: 'L2 (ridge) λ₂',
  strengthHint: 'Drag (log scale, 0 at the left end) or type the value.',
  penalty: 'Penalty: λ₁·Σ|W| + ½·λ₂·ΣW², on the weights only.',
  without: 'Without regularization',
  with: (l1, l2) => `With regularization (${[l1 > 0 ? `L1 = ${l1}` : null, l2 > 0 ? `L2 = ${l2}` : null].filter(Boolean).join(', ') || 'λ = 0'})`,
  withShort: 'With regularization',
  gap: 'Loss gap (validation − training)',
  nearZero: 'Near-zero weights (|w| < 0.001)',
  histogramTitle: 'Histogram of the final weights (W⁽¹⁾ and W⁽²⁾)',
  histogramEmpty: 'Shown once both trainings have finished.',
  axisWeight: 'Weight value',
  axisCount: 'Number of weights',
  histogramName: 'the weight histogram',
  histogramHeader: ['from', 'to', 'without_regularization', 'with_regularization'],
  curvesHeader: ['network', 'epoch', 'iteration', 'train_loss', 'train_accuracy', 'validation_loss', 'validation_accuracy'],
  runNames: ['without', 'with'],
  runColumn: 'Network',
  // The export buttons, one per chart or table (seven look-alike buttons otherwise).
  exports: {
    boundaryWithout: 'Save PNG: boundary without regularization',
    boundaryWith: 'Save PNG: boundary with regularization',
    lossWithout: 'Save PNG: loss without regularization',
    lossWith: 'Save PNG: loss with regularization',
    histogram: 'Save PNG: weight histogram',
    curves: 'Save CSV: curves',
    histogramCsv: 'Save CSV: histogram',
  },
  lookTitle: 'What to look for',
  look: [
    'With few training points, a lot of noise and 32 hidden units, the unregularized network memorizes the noise: its training loss keeps falling while its validation loss rises. That gap is overfitting.',
    'With regularization the training loss stays higher but the validation loss ends lower: the gap closes and the boundary is smoother, without islands around stray points.',
    'In the histogram, L2 (weight decay) shrinks every weight towards 0 (a narrow bell); L1 drives many of them to exactly 0 (a spike in the middle): the network uses fewer connections.',
    'Too much regularization (λ close to 1) stops the network from learning: both losses stay high and the boundary is almost straight. Look for the value in between that gives the lowest validation loss.',
  ],
};
