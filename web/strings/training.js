// The training panel and the gradient check (web/components/training.js, gradcheck.js).

// 10000 → "10 000" (a thin no-break space groups the thousands, as Spanish typography does).
const count = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
const ms = (t) => `${t < 10 ? t.toFixed(1) : Math.round(t)} ms`;

export const training = {
  title: 'Entrenamiento',
  intro:
    'Repite la iteración del paso a paso muchas veces con el ejemplo actual (datos, pesos, optimizador y ' +
    'tasa de aprendizaje), en segundo plano, y sigue la pérdida.',
  steps: 'Iteraciones',
  stepsHint: ({min, max}) => `entre ${count(min)} y ${count(max)}`,
  stepsInvalid: ({min, max}) => `Escribe un número entero de iteraciones entre ${count(min)} y ${count(max)}.`,
  train: 'Entrenar',
  cancel: 'Cancelar',
  progress: (done, total) => `Iteración ${count(done)} de ${count(total)}`,
  starting: 'Preparando…',
  cancelled: (done) => `Entrenamiento cancelado tras ${count(done)} iteraciones.`,
  failed: (why) => `No se pudo entrenar: ${why}`,
  workerFailed: 'el hilo de entrenamiento (Web Worker) no pudo cargar el núcleo de cálculo.',
  chartLabel: 'Pérdida según la iteración',
  chartCaption: (stride) =>
    stride > 1 ? `Pérdida en cada iteración (se dibuja una de cada ${count(stride)}).` : 'Pérdida en cada iteración.',
  axisStep: 'Iteración',
  axisLoss: 'Pérdida',
  scale: 'Escala vertical',
  linear: 'Lineal',
  log: 'Logarítmica',
  tableCaption: (every) => `La pérdida cada ${count(every)} iteraciones, como la imprime el código de la lección.`,
  tableCaptionCoarse: (every, asked) =>
    `La pérdida cada ${count(every)} iteraciones (el ejemplo pide cada ${count(asked)}; se reduce la tabla a unas 1000 filas).`,
  epoch: 'Época',
  iteration: 'Iteración',
  loss: 'Pérdida',
  validationRow: 'Validación',
  finalLoss: 'Pérdida final (con los pesos entrenados)',
  validationLoss: 'Pérdida de validación',
  prediction: (x) => `Predicción para la entrada de validación x = ${x}`,
  target: (y) => `objetivo y = ${y}`,
  timing: (n, wall) => `${count(n)} iteraciones en ${ms(wall)}`,
  timingDetail: (core) => `(de ellos, ${ms(core)} de cálculo en el núcleo)`,
  useWeights: 'Usar los pesos entrenados',
  useWeightsHint: 'El paso a paso mostrará la iteración siguiente, partiendo de estos pesos.',
  usedWeights: (n) =>
    `Se cargaron los pesos tras ${count(n)} iteraciones: el paso a paso muestra la iteración siguiente.`,
  count,
};

export const gradcheck = {
  title: 'Comprobar el gradiente',
  intro:
    'Compara el gradiente de la retropropagación con una estimación numérica por diferencias finitas ' +
    'centrales: se mueve cada parámetro ±ε, sin tocar los demás, y se recalcula la pérdida del primer lote.',
  run: 'Comprobar el gradiente',
  rerun: 'Volver a comprobar',
  auto: 'Se recalcula solo al cambiar el ejemplo.',
  manual: (n) => `La red tiene ${count(n)} parámetros: pulsa el botón para comprobarlos (puede tardar).`,
  relativeError: 'error relativo',
  epsilon: 'Paso',
  entry: 'Elemento',
  analytic: 'Retropropagación',
  numeric: 'Diferencias finitas',
  error: 'Error relativo',
  maxFor: 'error relativo máximo',
  more: (n) => `… y ${count(n)} elementos más (el máximo de arriba los incluye).`,
  agree: (e) => `Coinciden: error relativo máximo ${e}.`,
  disagree: (e, limit) => `No coinciden del todo: error relativo máximo ${e} (por encima de ${limit}).`,
  kinks:
    'La red usa ReLU o leaky ReLU: si una preactivación queda a menos de ε de 0, la función tiene ahí un ' +
    'pliegue (su derivada salta) y las diferencias finitas promedian las dos pendientes. En esos elementos ' +
    'la discrepancia es esperable y no indica un error de la retropropagación.',
  noKinks:
    'Con activaciones suaves esto no debería pasar salvo con gradientes diminutos (cerca de 10⁻⁷), donde ' +
    'el redondeo domina la diferencia; revisa los elementos marcados.',
  failed: (why) => `No se pudo comprobar: ${why}`,
};
