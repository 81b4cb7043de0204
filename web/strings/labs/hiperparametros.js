// Lab 5 (MLP exercise 5): a grid or random search over the learning rate and the epochs.
import {formatPercent} from '../../format.js';

// 10000 → "10 000" (a thin no-break space groups the thousands).
const count = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');

export const hiperparametros = {
  title: 'Optimización de hiperparámetros',
  exercise: 'Ejercicio 5 (MLP)',
  summary: 'Búsqueda en cuadrícula o aleatoria de la tasa de aprendizaje y el número de épocas, evaluada en validación.',
  statement:
    '**Optimización de hiperparámetros.** Utiliza la red neuronal del ejercicio 1 y experimenta con diferentes tasas ' +
    'de aprendizaje y números de épocas de entrenamiento. Implementa una búsqueda en cuadrícula o aleatoria para ' +
    'encontrar la combinación óptima de tasa de aprendizaje y número de épocas. Evalúa el rendimiento del modelo en un ' +
    'conjunto de validación para determinar la mejor configuración de hiperparámetros.',
  // ---- the lab's own texts (web/labs/hiperparametros/)
  intro:
    'La red del ejercicio 1 (una capa oculta, salida softmax con dos clases y entropía cruzada, SGD) se entrena una vez ' +
    'por cada combinación de tasa de aprendizaje $\\eta$ y tamaño de la capa oculta, y se evalúa en el conjunto de ' +
    '**validación** después de varias cantidades de épocas, sin volver a entrenar para cada una: se leen en el camino.',
  observe: {
    grid:
      'Qué observar: con $\\eta$ pequeña la red apenas aprende en pocas épocas (casillas oscuras a la izquierda); mueve ' +
      'el deslizador de épocas y verás que sí aprende, pero necesita muchas más. Con $\\eta$ demasiado grande la pérdida ' +
      'de validación se dispara. Con una o dos neuronas ocultas la frontera es casi recta y no basta para el XOR, los ' +
      'círculos o la espiral. En algunas casillas la pérdida de validación baja y luego **sube** al seguir entrenando ' +
      '(sobreajuste): por eso el número de épocas también es un hiperparámetro. La mejor configuración se elige en ' +
      'validación, no en entrenamiento: compara las dos pérdidas en la tabla.',
    random:
      'Qué observar: la búsqueda aleatoria sortea $\\eta$ en escala logarítmica, el tamaño oculto y las épocas. Con el ' +
      'mismo número de entrenamientos prueba muchos más valores distintos de $\\eta$ que la cuadrícula, que repite siempre los ' +
      'mismos: compara la mejor configuración de las dos búsquedas con el mismo presupuesto de entrenamientos.',
  },
  groups: {data: 'Datos', model: 'Red y entrenamiento', search: 'Búsqueda'},
  form: {
    labels: {
      shape: 'Forma de los datos',
      count: 'Número de puntos',
      noise: 'Ruido',
      validation: 'Fracción de validación',
      seed: 'Semilla (datos, pesos y orden)',
      activation: 'Activación de la capa oculta',
      batch: 'Tamaño del lote',
      mode: 'Tipo de búsqueda',
      lrMin: 'η mínima',
      lrMax: 'η máxima',
      lrScale: 'Escala de η',
      lrCount: 'Número de valores de η',
      hidden: 'Neuronas ocultas',
      epochs: 'Épocas (máximo)',
      checkpoints: 'Puntos de control',
      trials: 'Número de pruebas',
      searchSeed: 'Semilla de la búsqueda',
    },
    hints: {
      hidden: 'Lista (1, 2, 4, 8) o intervalo (2-6), de 1 a 32.',
      batch: (steps, rows) => `${count(steps)} ${steps === 1 ? 'iteración' : 'iteraciones'} por época (${count(rows)} puntos de entrenamiento).`,
      checkpoints: (list) => `Épocas evaluadas: ${list}.`,
    },
    options: {
      shape: {linear: 'Linealmente separables', xor: 'XOR', circles: 'Círculos', spiral: 'Espiral'},
      activation: {tanh: 'tanh', relu: 'ReLU', sigmoid: 'sigmoide'},
      mode: {grid: 'En cuadrícula', random: 'Aleatoria'},
      lrScale: {log: 'Logarítmica', linear: 'Lineal'},
    },
    reasons: {
      tooMany: (label) => `«${label}»: como mucho 12 tamaños distintos.`,
      hiddenRange: (label) => `«${label}»: cada tamaño debe ser un entero entre 1 y 32 (un intervalo, de menor a mayor).`,
      lrOrder: (label) => `«${label}»: no puede ser menor que η mínima.`,
    },
    badLink: (names) => `El enlace traía valores no válidos (${names}); se usan los valores por defecto.`,
  },
  plan: (runs, configurations, steps) =>
    `${runs === 1 ? '1 entrenamiento' : `${count(runs)} entrenamientos`}, ` +
    `${configurations === 1 ? '1 configuración evaluada' : `${count(configurations)} configuraciones evaluadas`}, ` +
    `${count(steps)} iteraciones en total.`,
  run: 'Buscar',
  progress: (done, total) => `${count(done)} de ${count(total)} configuraciones evaluadas`,
  fixFields: 'Corrige los campos marcados para buscar.',
  stale: 'Los ajustes ya no son los de los resultados de abajo: pulsa «Buscar» para repetir la búsqueda con los nuevos.',
  failed: (why) => `La búsqueda se detuvo: ${why}`,
  cancelled: (done, total) => `Búsqueda cancelada: ${count(done)} de ${count(total)} configuraciones evaluadas (se muestran abajo).`,
  // results
  empty: 'Pulsa «Buscar» para entrenar todas las configuraciones.',
  best: {
    title: 'Mejor configuración (menor pérdida de validación)',
    line: (lr, hidden, epochs) => `η = ${lr}, ${hidden} ${hidden === 1 ? 'neurona oculta' : 'neuronas ocultas'}, ${epochs} ${epochs === 1 ? 'época' : 'épocas'}`,
    measures: (validationLoss, accuracy, loss) =>
      `pérdida de validación ${validationLoss} (exactitud ${accuracy}), pérdida de entrenamiento ${loss}`,
    load: 'Cargar en el laboratorio 1',
    none: 'Ninguna configuración terminó sin divergir: prueba valores de η más pequeños.',
  },
  map: {
    title: 'Pérdida de validación según η y el tamaño de la capa oculta',
    titleRandom: 'Pérdida de validación de cada prueba',
    label: (epochs) => `Mapa de calor de la pérdida de validación después de ${epochs} épocas; la tabla de abajo tiene los mismos valores.`,
    epochs: 'Épocas',
    epochsValue: (epochs) => `${count(epochs)} ${epochs === 1 ? 'época' : 'épocas'}`,
    all: 'Todas las pruebas',
    xAxis: 'Tasa de aprendizaje η',
    xAxisLog: 'Tasa de aprendizaje η (escala logarítmica)',
    yAxis: 'Neuronas ocultas',
    legend: 'Pérdida de validación',
    diverged: 'diverge',
    bestMark: 'mejor',
    hover: (lr, hidden, epochs, validationLoss, accuracy) =>
      `η = ${lr}, ${hidden} ocultas, ${epochs} épocas: pérdida de validación ${validationLoss}, exactitud ${accuracy}`,
    hoverDiverged: (lr, hidden, epochs) => `η = ${lr}, ${hidden} ocultas, ${epochs} épocas: la pérdida se hizo infinita (diverge)`,
    hint: 'Pasa el ratón por una casilla (o selecciona el mapa y usa las flechas) para ver sus valores. La casilla con borde grueso es la mejor para esas épocas.',
    hintRandom: 'Cada punto es una prueba; pasa el ratón por encima (o selecciona el mapa y usa las flechas) para ver sus valores. El punto con anillo es la mejor de las mostradas.',
    what: 'el mapa de calor',
    file: 'busqueda-hiperparametros.png',
  },
  table: {
    title: 'Todas las configuraciones',
    caption: 'Haz clic en una columna para ordenar la tabla.',
    columns: {
      lr: 'η',
      hidden: 'Neuronas ocultas',
      epochs: 'Épocas',
      loss: 'Pérdida de entrenamiento',
      validationLoss: 'Pérdida de validación',
      validationAccuracy: 'Exactitud de validación',
      open: 'Laboratorio 1',
    },
    open: 'Abrir',
    openLabel: (lr, hidden, epochs) => `Abrir η = ${lr}, ${hidden} ocultas, ${epochs} épocas en el laboratorio 1`,
    diverged: 'diverge',
    bestLabel: 'Mejor configuración',
    previous: '← Anteriores',
    next: 'Siguientes →',
    page: (from, to, total) => `Filas ${count(from)}–${count(to)} de ${count(total)}`,
    what: 'la tabla de configuraciones',
    file: 'busqueda-hiperparametros.csv',
  },
  percent: (x) => formatPercent(x, {trim: true}),
};
