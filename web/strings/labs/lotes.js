// Lab 4 (MLP exercise 4): batch size, from one example at a time to the whole data set.
import {formatPercent} from '../../format.js';
export const lotes = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {lab: 'lotes', results: 'resultados', updates: 'actualizaciones', epochs: 'epocas'},
  title: 'Tamaños de lote',
  exercise: 'Ejercicio 4 (MLP)',
  summary: 'Descenso de gradiente estocástico, por minilotes y por lotes completos: estabilidad y velocidad.',
  statement:
    '**Experimentando con tamaños de lote (batch).** Implementa la retropropagación utilizando diferentes tamaños de ' +
    'lote: desde el descenso de gradiente estocástico (un ejemplo a la vez) hasta el descenso de gradiente por lotes ' +
    '(usando todo el conjunto de datos a la vez). Analiza cómo cambian la estabilidad y la velocidad de convergencia ' +
    'del entrenamiento con los diferentes tamaños de lote. Considera incluir una visualización de la disminución de la ' +
    'pérdida a lo largo de las iteraciones para cada tamaño de lote.',
};

// The lab's own texts (web/labs/lotes/).
Object.assign(lotes, {
  fields: {
    shape: 'Forma de los datos',
    count: 'Puntos',
    noise: 'Ruido',
    seed: 'Semilla',
    activation: 'Activación oculta',
    hidden: 'Neuronas ocultas',
    lr: 'Tasa de aprendizaje η',
    epochs: 'Épocas',
    batch: 'Tamaño del minilote',
    shuffle: 'Barajar en cada época',
    target: 'Pérdida objetivo',
  },
  shuffleOn: 'Sí',
  shuffleOff: 'No',
  groups: {data: 'Datos', network: 'Red', training: 'Entrenamiento'},
  run: 'Entrenar los tres',
  runs: {
    sgd: 'Estocástico (lote 1)',
    mini: (b) => `Minilote (${b})`,
    full: 'Lote completo',
  },
  runsShort: {sgd: 'lote 1', mini: (b) => `minilote ${b}`, full: 'lote completo'},
  setup: (n, val) => `${n} puntos de entrenamiento y ${val} de validación; la misma red, los mismos pesos iniciales y la misma η para los tres. Actualizaciones por época = ⌈n / tamaño del lote⌉.`,
  miniClamped: (b, n) => `El minilote (${b}) no es menor que el conjunto de entrenamiento (${n}): equivale al lote completo.`,
  badLink: (names) => `El enlace tenía valores no válidos (${names.join(', ')}); se usan los valores por defecto.`,
  invalidForm: 'Corrige los campos marcados para entrenar.',
  lookTitle: 'Qué observar',
  look: [
    'Los tres entrenamientos recorren los datos el mismo número de épocas; cambia cuántos ejemplos se usan para cada actualización de los pesos.',
    'Frente a las actualizaciones: con lote 1 cada paso usa el gradiente de un solo ejemplo, así que la pérdida del lote salta mucho (poca estabilidad); con el lote completo cada paso sigue el gradiente exacto y la curva es suave, pero hay una sola actualización por época.',
    'Frente a las épocas (pérdida sobre todo el conjunto de entrenamiento al final de cada época): los lotes pequeños hacen muchas más actualizaciones con los mismos datos y suelen bajar antes; el lote completo baja despacio con la misma η.',
    'El tiempo: cada actualización tiene un coste fijo, así que más actualizaciones por época cuestan más tiempo de cálculo; el minilote suele ser el equilibrio entre estabilidad, rapidez y coste.',
  ],
  updatesChart: 'Pérdida del lote en cada actualización',
  updatesChartWhat: 'la gráfica de pérdida por actualización',
  updatesCaption: 'La pérdida del lote con el que se da cada paso (lo que «ve» el optimizador), antes de la actualización. Eje horizontal logarítmico: el lote completo da tan pocos pasos que en escala lineal no se vería.',
  epochsChart: 'Pérdida de entrenamiento al final de cada época',
  epochsChartWhat: 'la gráfica de pérdida por época',
  epochsCaption: 'La pérdida sobre todo el conjunto de entrenamiento, evaluada por el núcleo al terminar cada época.',
  updateTitle: (i) => `Actualización ${i}`,
  axisUpdates: 'Actualizaciones (escala log.)',
  axisEpoch: 'Época',
  axisLoss: 'Pérdida (escala log.)',
  tableTitle: 'Resultados',
  tableWhat: 'la tabla de resultados',
  columns: {
    run: 'Entrenamiento',
    batch: 'Tamaño del lote',
    perEpoch: 'Actualizaciones por época',
    updates: 'Actualizaciones en total',
    reach: (target) => `Épocas hasta pérdida ≤ ${target}`,
    loss: 'Pérdida final',
    validationAccuracy: 'Exactitud (validación)',
    time: 'Tiempo de cálculo',
  },
  csvColumns: ['run', 'batch_size', 'updates_per_epoch', 'updates', 'epochs_to_target', 'target', 'final_loss', 'validation_accuracy', 'elapsed_ms'],
  notReached: 'no alcanzado',
  pending: '…',
  percent: (x) => formatPercent(x),
  timeNote: 'Los tres se entrenan uno tras otro en el mismo hilo de cálculo, para que sus tiempos sean comparables.',
  failed: (run, why) => `${run}: ${why}`,
});
