export const common = {
  // How numbers are written (web/format.js) and read (web/forms/number.js, which also takes the
  // other mark). The point, as in the lesson's code and PyTorch's output (and as the RAE's
  // Ortografía of 2010 recommends).
  numberFormat: {decimal: '.'},
  // The language switch in every top bar (web/components/language-switch.js): each language
  // named in its own tongue.
  languageSwitch: {
    label: 'Idioma',
    names: {es: 'Español', en: 'English'},
    short: {es: 'ES', en: 'EN'},
  },
  // The optimizers' names, as the lessons' editor and lesson 3's race show them.
  optimizers: {
    sgd: 'SGD',
    momentum: 'SGD con momento',
    adagrad: 'AdaGrad',
    rmsprop: 'RMSprop',
    adam: 'Adam',
    adadelta: 'Adadelta',
    adamax: 'AdaMax',
  },
  appTitle: 'Retropropagación interactiva',
  // The document's description and what shows without scripts (index.html holds the Spanish
  // as static HTML; tests/web/strings-languages.test.js keeps them equal).
  description: 'Lección interactiva de retropropagación y retropropagación a través del tiempo: cada ecuación con sus números.',
  noScript: 'Esta lección necesita JavaScript y WebAssembly.',
  loading: 'Cargando el núcleo de cálculo (WebAssembly)…',
  loadFailed: 'No se pudo cargar el núcleo de cálculo. Este navegador necesita WebAssembly.',
  notFound: 'Esta página no existe.',
  backHome: 'Volver al inicio',
  home: {
    title: 'Retropropagación interactiva',
    intro:
      'Una lección para recorrer la retropropagación ecuación a ecuación, con todos los valores intermedios a la vista. ' +
      'Cambia un peso y mira cómo se mueven los números; entrena, compara y experimenta.',
    lessons: [
      {
        href: '#/mlp',
        title: 'Lección 1 · Retropropagación en un perceptrón multicapa',
        text: 'La red 2-2-2 clásica, paso a paso: pase hacia adelante, pase hacia atrás y actualización.',
      },
      {
        href: '#/bptt',
        title: 'Lección 2 · Retropropagación a través del tiempo (BPTT)',
        text: 'La RNN de la lección desplegada en el tiempo: los mismos U, V, W en cada paso, los gradientes sumados sobre el tiempo y h̄ₜ con sus dos caminos.',
      },
      {
        href: '#/avances',
        title: 'Lección 3 · Limitaciones y avances',
        text: 'Tasa de aprendizaje y optimizadores en carrera sobre una superficie, inicialización capa a capa, sobreajuste, normalización por lotes y ReLU.',
      },
      {
        href: '#/labs',
        title: 'Laboratorios · Los diez ejercicios de las dos lecciones',
        text: 'Experimentos en la página: clasificar puntos, comparar activaciones, regularizar, tamaños de lote, búsqueda de hiperparámetros, BPTT a mano, explosión y desvanecimiento de gradientes…',
      },
    ],
    numbers:
      'Cada número que ves lo calcula el mismo núcleo en C++ (compilado a WebAssembly), comprobado contra PyTorch en doble precisión.',
  },
  // The activation functions' names, wherever a student picks or reads one.
  activations: {
    sigmoid: 'sigmoide',
    tanh: 'tanh',
    relu: 'ReLU',
    leaky_relu: 'Leaky ReLU',
    linear: 'lineal',
    softmax: 'softmax',
  },
  // Around every lesson's workbench.
  lessonPage: {
    fullLesson: 'Abrir la lección completa',
    badLink: (why) => `El enlace no contiene un escenario válido (${why}); se muestra el ejemplo de la lección.`,
    unreadableLink: 'no se puede leer',
    tooLongLink: 'es demasiado largo para esta lección',
    diagramLabel: 'Diagrama de la red',
    presetLabel: 'Cargar un ejemplo',
    presetPrompt: 'Cargar un ejemplo…',
    toText: 'Ver la explicación en el texto',
    toStep: 'Volver al paso',
  },
  // The stepper, shared by the lessons.
  phases: {forward: 'Pase hacia adelante', backward: 'Pase hacia atrás', update: 'Actualización'},
  stepper: {
    previous: 'Anterior',
    next: 'Siguiente',
    progress: (i, n) => `Paso ${i} de ${n}`,
    listLabel: 'Pasos de una iteración',
    keys: 'Usa ← y → para avanzar y retroceder.',
    symbolic: 'Ecuación',
    substituted: 'Con los números',
    result: 'Resultado',
    clickHint: 'Pulsa un elemento del resultado para ver su regla de la cadena.',
    expansion: 'Regla de la cadena, elemento a elemento',
    sample: (s) => `muestra ${s}`,
    scrollEquation: 'Desliza la ecuación hacia los lados para verla entera.',
    scrollResult: 'Desliza el resultado hacia los lados para ver todos sus números.',
  },
};
