// Texts shared by every lab: the index, the shell around a lab, and the shared pieces
// (web/labs/shared/ui/: progress, export, charts; web/forms/: fields) and the labs' worker's failures.

// 10000 → "10 000" (a thin no-break space groups the thousands, as Spanish typography does).
const count = (n) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
// Plain decimal with a point, as formatNumber writes them elsewhere (a limit in a message).
const plain = (x) => String(x).replace(/-/g, '−');
const ms = (t) => (t < 10 ? `${t.toFixed(1)} ms` : t < 10_000 ? `${Math.round(t)} ms` : `${(t / 1000).toFixed(1)} s`);

export const common = {
  // #/labs
  index: {
    title: 'Laboratorios',
    intro:
      'Los diez ejercicios de la lección convertidos en experimentos en la página. Cada número lo calcula el ' +
      'mismo núcleo en C++ (WebAssembly) que las lecciones, en segundo plano; cada experimento usa una semilla y ' +
      'su enlace lo reproduce.',
    groups: {
      mlp: 'Perceptrón multicapa (lección 1)',
      rnn: 'Redes recurrentes y BPTT (lección 2)',
    },
    lessonLink: 'Lección 3 · Limitaciones y avances: optimizadores, inicialización, sobreajuste y normalización por lotes',
    preparing: 'En preparación',
    preparingLabel: (title) => `${title} (en preparación)`,
  },
  // The shell around a lab (#/labs/<name>).
  shell: {
    home: 'Retropropagación interactiva',
    index: 'Laboratorios',
    statementLabel: 'Enunciado del ejercicio',
    statementSource: 'Enunciado de la lección',
    unknown: (name) => `No existe ningún laboratorio llamado «${name}».`,
    backToIndex: 'Ver todos los laboratorios',
    preparing: 'Este laboratorio está en preparación. Vuelve pronto.',
    loadFailed: 'No se pudo cargar este laboratorio. Recarga la página para intentarlo de nuevo.',
  },
  // web/labs/shared/ui/progress.js
  progress: {
    label: 'Progreso',
    cancel: 'Cancelar',
    starting: 'Preparando…',
    running: (done, total) => `${count(done)} de ${count(total)}`,
    percent: (p) => `${Math.round(p)} %`,
    done: (wallMs) => `Terminado en ${ms(wallMs)}.`,
    cancelled: 'Cancelado.',
    failed: (why) => `No se pudo completar: ${why}`,
  },
  // web/labs/shared/ui/export.js
  export: {
    png: 'Guardar PNG',
    csv: 'Guardar CSV',
    // After the button's words, for assistive technology: "Guardar PNG (la frontera de decisión)".
    what: (what) => ` (${what})`,
  },
  // web/forms/fields.js and settings-form.js: inline validation, naming the field (by reason code).
  fields: {
    empty: (label) => `«${label}»: escribe un valor.`,
    notNumber: (label, text) => `«${label}»: «${text}» no es un número.`,
    notInteger: (label) => `«${label}»: debe ser un número entero.`,
    range: (label, min, max) => `«${label}»: debe estar entre ${plain(min)} y ${plain(max)}.`,
    choice: (label) => `«${label}»: elige una de las opciones.`,
    invalidCount: (n) => (n === 1 ? 'Hay un campo con un valor no válido.' : `Hay ${n} campos con valores no válidos.`),
  },
  // web/labs/shared/ui/line-chart.js
  chart: {
    scale: 'Escala vertical',
    linear: 'Lineal',
    log: 'Logarítmica',
    step: 'Iteración',
    loss: 'Pérdida',
  },
  // web/labs/shared/ui/heatmap.js
  heatmap: {
    label: 'Mapa de calor de la salida de la red en el plano',
    classes: ['Clase 0', 'Clase 1'],
  },
  // The labs' worker (web/labs/jobs-client.js) as the student reads it.
  jobs: {
    workerDied: 'el hilo de cálculo (Web Worker) se detuvo inesperadamente; vuelve a intentarlo.',
    unknownJob: (kind) => `el cálculo «${kind}» no existe.`,
  },
  count,
  ms,
};
