// Lab 2 (MLP exercise 2): the same network with ReLU, sigmoid and tanh in the hidden layer.
import {formatPercent} from '../../format.js';
export const activaciones = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {lab: 'activaciones', loss: 'perdida', gradients: 'gradientes', layers: 'capas'},
  title: 'Comparación de funciones de activación',
  exercise: 'Ejercicio 2 (MLP)',
  summary: 'La misma red con ReLU, sigmoide y tanh: rapidez de convergencia y tamaño de los gradientes.',
  statement:
    '**Comparación de funciones de activación.** Modifica la red del ejercicio 1 para probar diferentes funciones de ' +
    'activación (ReLU, sigmoide, tanh) en la capa oculta. Compara el rendimiento del entrenamiento con cada función de ' +
    'activación. Observa cómo cambia la rapidez de convergencia y si alguna configuración es particularmente propensa a ' +
    'problemas como el desvanecimiento o la explosión de gradientes.',
};

// The lab's own texts (web/labs/activaciones/).
Object.assign(activaciones, {
  shapes: {linear: 'Lineal (separable)', xor: 'XOR', circles: 'Círculos', spiral: 'Espiral'},
  groups: {data: 'Datos', network: 'Red', training: 'Entrenamiento'},
  fields: {
    shape: 'Forma de los datos',
    count: 'Puntos',
    noise: 'Ruido',
    seed: 'Semilla',
    layers: 'Capas ocultas',
    hidden: 'Neuronas por capa',
    lr: 'Tasa de aprendizaje η',
    epochs: 'Épocas',
    target: 'Pérdida objetivo',
  },
  deep: 'Variante profunda (4 capas de 8)',
  shallow: 'Variante de una capa oculta (8)',
  deepHint: 'Con 4 capas ocultas el gradiente tiene que atravesar más derivadas σ′ ≤ 0.25 antes de llegar a W⁽¹⁾.',
  run: 'Entrenar las tres',
  setup: (n, val) => `${n} puntos de entrenamiento y ${val} de validación; descenso de gradiente con todo el conjunto en cada época (una actualización por época), la misma semilla y los mismos pesos iniciales para las tres.`,
  badLink: (names) => `El enlace tenía valores no válidos (${names.join(', ')}); se usan los valores por defecto.`,
  invalidForm: 'Corrige los campos marcados para entrenar.',
  lookTitle: 'Qué observar',
  look: [
    'Las tres redes parten de los mismos pesos y ven los mismos datos: solo cambia la activación de las capas ocultas.',
    'Curvas de pérdida (escala logarítmica): cuántas épocas tarda cada una en bajar. Sigmoide suele quedarse en una meseta cerca de ln 2 ≈ 0.693 (la pérdida de adivinar al azar) antes de despegar.',
    'Normas del gradiente: si ‖∂L/∂W⁽¹⁾‖ (línea continua) queda muy por debajo de ‖∂L/∂W⁽ᴸ⁾‖ (discontinua), el gradiente se desvanece al retropropagarse: cada capa multiplica por f′(z), y σ′(z) ≤ 0.25. Pulsa «Variante profunda» para verlo con claridad.',
    'Un gradiente que crece sin control (explosión) se vería como normas que suben década a década y una pérdida que salta; prueba una η grande.',
  ],
  lossChart: 'Pérdida de entrenamiento por época',
  lossChartWhat: 'la gráfica de pérdidas',
  normsChart: 'Norma del gradiente de la primera y la última capa',
  normsChartWhat: 'la gráfica de normas del gradiente',
  profileChart: 'Norma del gradiente de cada capa al empezar',
  profileChartWhat: 'la gráfica de normas por capa',
  profileCaption: 'En la primera época: ‖∂L/∂W⁽ˡ⁾‖ de cada capa l. Si baja al ir hacia la capa 1, el gradiente se desvanece.',
  axisEpoch: 'Época',
  axisLoss: 'Pérdida (escala log.)',
  axisNorm: 'Norma (escala log.)',
  axisLayer: 'Capa',
  layerTick: (l, last) => (l === last ? `${l} (salida)` : String(l)),
  seriesFirst: (act) => `${act}: ‖∂L/∂W⁽¹⁾‖`,
  seriesLast: (act, l) => `${act}: ‖∂L/∂W⁽${l}⁾‖`,
  tableTitle: 'Resultados',
  tableWhat: 'la tabla de resultados',
  columns: {
    activation: 'Activación',
    reach: (target) => `Épocas hasta pérdida ≤ ${target}`,
    loss: 'Pérdida final',
    accuracy: 'Exactitud (entrenamiento)',
    validationAccuracy: 'Exactitud (validación)',
    ratio: '‖∂L/∂W⁽¹⁾‖ / ‖∂L/∂W⁽ᴸ⁾‖ al empezar',
    time: 'Tiempo',
  },
  csvColumns: ['activation', 'epochs_to_target', 'target', 'final_loss', 'train_accuracy', 'validation_accuracy', 'first_last_gradient_ratio', 'elapsed_ms'],
  notReached: 'no alcanzado',
  pending: '…',
  percent: (x) => formatPercent(x),
  summaryTitle: 'Lo que muestra esta ejecución',
  findings: {
    fastest: (act, epochs) => `La más rápida en llegar a la pérdida objetivo: ${act} (${epochs} épocas).`,
    slower: (act, epochs, times) => `${act} necesita ${epochs} épocas (${times} veces más).`,
    none: (target) => `Ninguna llega a una pérdida de ${target} en estas épocas: prueba más épocas o una η mayor.`,
    notReached: (act, target, epochs) => `${act} no llega a ${target} en ${epochs} épocas.`,
    vanishing: (act, ratio) => `Con ${act}, al empezar, el gradiente de W⁽¹⁾ es ${ratio} veces menor que el de la última capa: se desvanece hacia las primeras capas.`,
    stuck: (act) => `La pérdida de ${act} sigue cerca de ln 2 ≈ 0.693: la red apenas ha aprendido (acierta como al azar).`,
  },
  failed: (act, why) => `${act}: ${why}`,
});
