// Lab 7 (RNN exercise 2): an RNN trained on sequences of varied length.
import {formatPercent} from '../../format.js';
export const secuencias = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {accuracy: 'aciertos'},
  title: 'BPTT desde cero con secuencias de longitud variable',
  exercise: 'Ejercicio 2 (RNN)',
  summary: 'Entrena una RNN con secuencias de longitudes distintas y mira sus predicciones paso a paso.',
  statement:
    '**Implementación de BPTT desde cero.** Implementa una RNN simple en Python sin usar bibliotecas de aprendizaje ' +
    'profundo como TensorFlow o PyTorch. Tu RNN debe incluir métodos de propagación hacia adelante (forward) y hacia ' +
    'atrás (backward), y debe ser capaz de procesar secuencias de longitud variable.',

  // ---- the lab's own texts (web/labs/secuencias/)
  intro:
    'Una RNN como la de la lección ($h_t = f(U x_t + V h_{t-1} + b)$, $\\hat y_t = g(W h_t + c)$) aprende una tarea ' +
    'con secuencias de longitudes distintas: los mismos $U$, $V$, $W$ sirven para cualquier $T$, y BPTT suma los ' +
    'gradientes de todos los pasos. Entrena y mira en la tira de abajo qué predice en cada paso.',
  observe:
    'Qué observar: con el eco de retardo 2 la red tiene que **recordar** la entrada de dos pasos atrás. Antes de entrenar ' +
    'acierta más o menos la mitad (al azar); en unos segundos la pérdida cae y acierta casi todos los pasos, en ' +
    'secuencias de cualquier longitud. Prueba un retardo mayor o la paridad con secuencias largas: cuanto más lejos está ' +
    'lo que hay que recordar, más le cuesta (el gradiente tiene que viajar más pasos hacia atrás).',
  tasks: {
    echo: 'Eco con retardo d',
    parity: 'Paridad',
    running_sum: 'Suma acumulada',
  },
  taskHelp: {
    echo: 'Entrada $x_t \\in \\{0, 1\\}$; objetivo en el paso $t$: la entrada $x_{t-d}$ (sin objetivo en los $d$ primeros pasos). Salida softmax con dos clases y entropía cruzada.',
    parity: 'Entrada $x_t \\in \\{0, 1\\}$; objetivo en cada paso: la paridad de $x_1 + \\dots + x_t$ (clase 0 par, 1 impar). Salida softmax y entropía cruzada.',
    running_sum: 'Entrada $x_t$ al azar en $[0, 1)$; objetivo: $(x_1 + \\dots + x_t)/T_{\\max}$. Una salida, $g$ lineal o sigmoide, y ½ suma de cuadrados.',
  },
  classNames: {echo: ['0', '1'], parity: ['par', 'impar'], running_sum: ['']},
  groups: {data: 'Datos', model: 'Red', training: 'Entrenamiento'},
  form: {
    labels: {
      task: 'Tarea',
      delay: 'Retardo d del eco',
      count: 'Número de secuencias',
      minLength: 'Longitud mínima',
      maxLength: 'Longitud máxima',
      validation: 'Fracción de validación',
      dataSeed: 'Semilla de los datos',
      hidden: 'Unidades ocultas',
      f: 'Activación f (capa oculta)',
      g: 'Salida g',
      optimizer: 'Optimizador',
      lr: 'Tasa de aprendizaje η',
      batch: 'Secuencias por lote',
      steps: 'Iteraciones',
      seed: 'Semilla (pesos y orden)',
    },
    activations: {tanh: 'tanh', sigmoid: 'sigmoide', relu: 'ReLU', linear: 'lineal'},
    optimizers: {adam: 'Adam', sgd: 'SGD'},
    reasons: {
      empty: (label) => `${label}: escribe un valor.`,
      notNumber: (label) => `${label}: no es un número.`,
      notInteger: (label, min, max) => `${label}: escribe un número entero entre ${min} y ${max}.`,
      range: (label, min, max) => `${label}: debe estar entre ${min} y ${max}.`,
      choice: (label) => `${label}: elige una de las opciones.`,
      lengths: (label) => `${label}: no puede ser mayor que la longitud máxima.`,
      echo: (label) => `${label}: con el eco, cada secuencia debe ser más larga que el retardo d (si no, no tiene ningún objetivo).`,
      batch: (label, n) => `${label}: el conjunto de entrenamiento solo tiene ${n} secuencias.`,
      size: (label) => `${label}: con tantas secuencias tan largas los datos pasan de 20 000 pasos; reduce el número o la longitud máxima.`,
    },
    badLink: (names) => `El enlace traía valores no válidos (${names}); se usan los valores por defecto.`,
    epochs: (steps, perEpoch) => `≈ ${Number((steps / perEpoch).toPrecision(3))} épocas de ${perEpoch} ${perEpoch === 1 ? 'iteración' : 'iteraciones'}`,
  },
  run: 'Entrenar',
  running: 'Entrenando…',
  fixFields: 'Corrige los campos marcados para entrenar.',
  dataFailed: (why) => `No se pudieron generar los datos: ${why}`,
  cancelled: (done) => `Entrenamiento cancelado en la iteración ${done}.`,
  // results
  lossTitle: 'Pérdida durante el entrenamiento',
  accuracyTitle: 'Aciertos por paso',
  axisStep: 'Iteración',
  axisLoss: 'Pérdida',
  axisAccuracy: 'Aciertos (fracción)',
  seriesLoss: 'Entrenamiento',
  seriesValidation: 'Validación',
  summaryTitle: 'Resultado',
  resultLabels: {
    loss: 'Pérdida de entrenamiento',
    validationLoss: 'Pérdida de validación',
    accuracy: 'Aciertos en entrenamiento',
    validationAccuracy: 'Aciertos en validación',
    steps: 'Iteraciones',
    time: 'Tiempo',
  },
  percent: (x) => formatPercent(x),
  milliseconds: (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`),
  noAccuracy: 'no aplica (regresión)',
  // the prediction strip
  stripTitle: 'Predicciones paso a paso',
  stripBefore: 'Antes de entrenar (pesos iniciales):',
  stripAfter: (steps) => `Después de ${steps} iteraciones:`,
  sequenceLabel: 'Secuencia de validación',
  sequenceOf: (i, n, T) => `n.º ${i} de ${n} (T = ${T})`,
  previous: 'Anterior',
  next: 'Siguiente',
  stripTally: (right, scored) => `${right} de ${scored} pasos acertados`,
  stripNoTally: 'La suma acumulada no se puntúa como acierto o fallo: compara la barra de ŷ con la de y.',
  strip: {
    target: 'y',
    noTarget: '—',
    probability: (name, p) => `P(${name}) = ${p}`,
    targetValue: (y) => `objetivo y = ${y}`,
    outputValue: (y) => `predicción ŷ = ${y}`,
    topProbability: 'probabilidad de la clase más probable',
    marks: {right: 'acierto', wrong: 'fallo', none: 'sin objetivo'},
  },
  stripHint: 'Cada columna es un paso de tiempo: la entrada x, el objetivo y (— si ese paso no tiene) y la salida ŷ (una barra por clase; la más alta es la predicción).',
  stripFailed: (why) => `No se pudieron calcular las predicciones: ${why}`,
  // exports
  exportLoss: 'perdida-secuencias',
  exportStrip: 'predicciones-secuencia',
  csvStrip: ['t', 'x', 'objetivo', 'prediccion', 'acierto'],
  csvCurves: ['iteracion', 'perdida', 'aciertos', 'perdida_validacion', 'aciertos_validacion'],
};
