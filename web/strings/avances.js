// Lesson 3 (#/avances, "Limitaciones y avances"): the page's own words. The lesson's text is
// content, in web/lessons/avances/text.js.
import {formatNumber, formatPercent} from '../format.js';
import {common} from './common.js';

const n = formatNumber;

export const avances = {
  title: 'Lección 3 · Limitaciones y avances',
  labsLink: 'Laboratorios',
  fullLesson: 'Abrir la lección completa',
  badLink: (names) => `El enlace tenía valores no válidos en ${names.map((x) => `«${x}»`).join(', ')}; se usan los valores por defecto.`,
  partLabel: (title) => `Experimento: ${title}`,
  // The optimizers' race (web/lessons/avances/race/).
  race: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {race: 'carrera', paths: 'trayectorias'},
    heading: 'Carrera de optimizadores',
    surface: 'Superficie',
    surfaces: {
      quadratic: 'Cuadrática (valle alargado)',
      rosenbrock: 'Rosenbrock (valle curvo)',
      saddle: 'Punto de silla',
      network: 'Red pequeña (dos pesos)',
    },
    surfaceNames: {quadratic: 'cuadrática', rosenbrock: 'de Rosenbrock', saddle: 'de punto de silla', network: 'de la pérdida de una red pequeña'},
    condition: 'Número de condición',
    eta: 'Tasa de aprendizaje η',
    etaValue: (v) => `η = ${n(v)}`,
    steps: 'Pasos',
    optimizers: 'Optimizadores',
    names: common.optimizers,
    start: (x, y) => `Salida: (${n(x)}, ${n(y)})`,
    defaultStart: 'Salida: la del núcleo',
    pickHint: 'Haz clic en la superficie para elegir la salida, o enfócala y usa las flechas (Intro vuelve a lanzar la carrera).',
    replay: 'Repetir la animación',
    run: 'Lanzar la carrera',
    plotLabel: (surface) => `Curvas de nivel de la superficie ${surface} con las trayectorias de los optimizadores`,
    summary: ({surface, x, y, minimum, start}) =>
      `Superficie ${surface} en x de ${n(x[0])} a ${n(x[1])} e y de ${n(y[0])} a ${n(y[1])}.` +
      (minimum ? ` Mínimo en (${n(minimum[0])}, ${n(minimum[1])}).` : ' Sin mínimo.') +
      ` Salida en (${n(start[0])}, ${n(start[1])}).`,
    outcomes: {
      converged: 'converge',
      diverged: 'diverge',
      oscillating: 'oscila',
      slow: 'lenta: no llega',
      escaped: 'escapa',
    },
    pendingOutcome: '…',
    happened: (name, outcome) => `${name}: ${outcome}.`,
    table: 'Pasos hasta la tolerancia',
    tableCaption: (tolerance) => `Pasos hasta que f queda a menos de ${n(tolerance)} del mínimo, y el resultado de cada optimizador.`,
    head: ['Optimizador', 'Resultado', 'Pasos hasta la tolerancia', 'f al final'],
    never: 'no llega',
    divergedAt: (step) => `diverge en el paso ${step}`,
    csvHeader: ['optimizador', 'eta', 'resultado', 'pasos_hasta_tolerancia', 'paso_divergencia', 'f_final'],
    pointsHeader: ['optimizador', 'paso', 'x', 'y', 'f'],
    pointsCsv: 'Guardar CSV de las trayectorias',
    pointsWhat: 'cada punto de cada trayectoria',
    pngWhat: 'la carrera de optimizadores',
    csvWhat: 'los pasos hasta la tolerancia',
    noRacers: 'Elige al menos un optimizador.',
    startX: 'Salida x', startY: 'Salida y',
  },
  // Overfitting (web/lessons/avances/overfit/).
  overfit: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'sobreajuste', boundary: 'frontera', curves: 'curvas', plain: 'sin', regularized: 'con', noise: 'ruido'},
    noise: 'Ruido de los puntos',
    l2: 'L2 λ₂',
    dropout: 'Dropout p',
    epochs: 'Épocas',
    patience: 'Paciencia (épocas)',
    setup: 'Círculos con ruido, la mitad de los puntos apartados para validación (huecos), una capa oculta de 32 ReLU, Adam. Pulsa «Entrenar» y compara las curvas de validación.',
    plain: 'Sin regularizar',
    regularized: 'Con regularización',
    runNames: ['sin', 'con'],
    early: {
      // Downloaded files' names: lowercase ASCII words joined by hyphens.
      fileNames: {name: 'parada-temprana', boundary: 'frontera'},
      // Values written in the CSV files, same rule.
      csvValues: {training: 'entrenamiento', validation: 'validacion'},
      title: 'Parada temprana',
      setup: 'La red sin regularizar, entrenada por el núcleo con parada temprana: la pérdida de validación se mide al final de cada época, y el entrenamiento se detiene cuando lleva «Paciencia» épocas sin mejorar; se conservan los pesos de la mejor.',
      run: 'Entrenar con parada temprana',
      step: 'Iteración',
      loss: 'Pérdida (entropía cruzada)',
      training: 'Entrenamiento (pérdida del minilote)',
      validation: 'Validación',
      best: 'Mejor validación',
      chartLabel: 'Pérdidas de entrenamiento y de validación con parada temprana',
      boundaryLabel: 'Frontera de la red con parada temprana (los pesos de la mejor validación)',
      pngBoundary: 'PNG frontera',
      pngCurves: 'PNG curvas',
      csvCurves: 'CSV curvas',
      summary: (stopped, best, loss) => `Se detiene en la iteración ${stopped}; la mejor pérdida de validación, ${loss}, fue en la iteración ${best}.`,
      notStopped: (best, loss) => `La pérdida de validación no llegó a agotar la paciencia: el entrenamiento llegó al final${best === null ? '' : `, y se conservan los pesos de la iteración ${best} (validación ${loss})`}.`,
      csvHeader: ['serie', 'iteracion', 'perdida'],
    },
    curvesHeader: ['red', 'epoca', 'iteracion', 'perdida_entrenamiento', 'exactitud_entrenamiento', 'perdida_validacion', 'exactitud_validacion'],
    exports: {
      boundaryPlain: 'PNG frontera (sin)',
      boundaryRegularized: 'PNG frontera (con)',
      lossPlain: 'PNG curvas (sin)',
      lossRegularized: 'PNG curvas (con)',
      curves: 'CSV de las curvas',
    },
  },
  // Batch normalization (web/lessons/avances/batchnorm/).
  batchnorm: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'normalizacion', steps: 'pasos'},
    // Values written in the CSV files, same rule.
    csvValues: {without: 'sin', with: 'con'},
    eta: 'Tasa de aprendizaje η (SGD)',
    steps: 'Iteraciones',
    run: 'Entrenar las dos redes',
    setup: 'Una red de 6 capas ocultas de 16 sigmoides (inicialización de Xavier) sobre los círculos, con SGD, sin y con normalización por lotes en cada capa oculta.',
    step: 'Iteración',
    loss: 'Pérdida (entropía cruzada)',
    without: 'Sin normalización',
    with: 'Con normalización por lotes',
    chartLabel: 'Pérdida de entrenamiento de la red sigmoide profunda, sin y con normalización por lotes',
    summary: ([without, withBn]) => `Pérdida al final: ${without} sin normalización, ${withBn} con normalización por lotes.`,
    csvHeader: ['normalizacion', 'iteracion', 'perdida'],
    stepperLink: 'Abrir en el paso a paso de la lección 1 un ejemplo pequeño con normalización por lotes',
  },
  // Dead units (web/lessons/avances/relu/).
  relu: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'neuronas-muertas', steps: 'pasos'},
    eta: 'Tasa de aprendizaje η (SGD)',
    steps: 'Iteraciones',
    run: 'Entrenar las dos redes',
    setup: 'La misma red (4 capas ocultas de 16, inicialización de He) sobre la espiral, con ReLU y con Leaky ReLU, entrenada con SGD. Sube η y mira cuántas neuronas mueren.',
    step: 'Iteración',
    share: 'Neuronas muertas',
    chartLabel: 'Proporción de neuronas ocultas muertas durante el entrenamiento',
    summary: (pairs) => `Al final: ${pairs.map(([name, share]) => `${name}, ${formatPercent(share, {digits: 0})} de neuronas muertas`).join('; ')}.`,
    csvHeader: ['activacion', 'iteracion', 'proporcion_muertas', 'por_capa'],
  },
  // Initialisation (web/lessons/avances/init/).
  init: {
    // Downloaded files' names: lowercase ASCII words joined by hyphens.
    fileNames: {name: 'inicializacion', activations: 'activaciones', gradients: 'gradientes', spread: 'dispersion'},
    heading: 'Distribuciones capa a capa',
    scheme: 'Inicialización',
    schemes: {
      pequena: 'Uniforme pequeña U(±0.01)',
      grande: 'Uniforme grande U(±1)',
      xavier: 'Xavier (Glorot)',
      he: 'He',
    },
    activation: 'Activación',
    depth: 'Capas ocultas',
    width: 'Unidades por capa',
    run: 'Calcular',
    activations: 'Activaciones por capa',
    gradients: 'Gradientes ∂L/∂W por capa',
    spread: 'Desviación típica por capa (escala logarítmica)',
    activationSeries: 'Activaciones',
    gradientSeries: 'Gradientes',
    layer: 'Capa',
    value: 'Valor',
    std: 'Desviación típica',
    boxLabel: (what) => `Diagrama de cajas de ${what}: caja del 25 % al 75 %, bigotes del 5 % al 95 %, mediana`,
    summary: ({first, last, ratio}) =>
      `Desviación típica de las activaciones: ${n(first.activation)} en la capa 1 y ${n(last.activation)} en la última. ` +
      `De los gradientes: ${n(first.gradient)} en la capa 1 y ${n(last.gradient)} en la última ` +
      `(la primera capa recibe ${n(ratio)} veces el de la última).`,
    tableTitle: 'Estadísticas por capa',
    head: ['Capa', 'Media de a', 'Desv. típica de a', 'Saturadas', 'Nulas', 'Desv. típica de ∂L/∂W'],
    csvHeader: ['capa', 'media_a', 'std_a', 'saturadas', 'nulas', 'media_grad', 'std_grad',
      'a_q0', 'a_q05', 'a_q25', 'a_q50', 'a_q75', 'a_q95', 'a_q100',
      'g_q0', 'g_q05', 'g_q25', 'g_q50', 'g_q75', 'g_q95', 'g_q100'],
    pngActivations: 'las activaciones por capa',
    pngGradients: 'los gradientes por capa',
    pngSpread: 'la desviación típica por capa',
    csvWhat: 'las estadísticas por capa',
  },
};
