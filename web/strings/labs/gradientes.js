// Lab 8 (RNN exercise 3): the core's gradients against finite differences.
// Texts with $…$ are rendered with KaTeX (web/math.js richText).
export const gradientes = {
  title: 'Comparación de gradientes',
  exercise: 'Ejercicio 3 (RNN)',
  summary: 'Compara los gradientes de BPTT de una RNN aleatoria con los de diferencias finitas, elemento a elemento.',
  statement:
    '**Comparación de gradientes.** Utiliza PyTorch para crear una RNN simple y compara los gradientes que calcula ' +
    'automáticamente con los que calculaste a mano en el ejercicio 1 o implementaste en el ejercicio 2.',

  intro:
    'En vez de PyTorch, comparamos BPTT con la definición misma de derivada: para cada peso $w$, el núcleo calcula ' +
    '$L(w + \\varepsilon)$ y $L(w - \\varepsilon)$ con un pase hacia adelante y los compara con lo que da BPTT. ' +
    'Si coinciden en todas las entradas de $U$, $V$ y $W$, la derivación es correcta.',
  look: [
    'Casi siempre todas las entradas quedan muy por debajo de $10^{-6}$ (entre $10^{-12}$ y $10^{-8}$): «¡Y son iguales!», como en la lección.',
    'Prueba ReLU con tamaños 8 y $T = 20$ y cambia de semilla: a veces alguna entrada supera el umbral. Busca los puntos rojos y las filas marcadas, y mira si es un codo o un gradiente diminuto.',
    'Ordena la tabla por error para ver primero las entradas que peor coinciden. Cada configuración es una RNN nueva y el enlace la reproduce.',
  ],
  lookTitle: 'Qué observar',

  // Settings.
  setupTitle: 'La RNN aleatoria',
  inputSize: 'Entrada',
  hiddenSize: 'Oculta',
  outputSize: 'Salida',
  steps: 'Pasos T',
  sizesLegend: 'Tamaños',
  hidden: 'Activación oculta f',
  output: 'Activación de salida g',
  lossLabel: 'Pérdida',
  losses: {half_sse: '½ suma de cuadrados', cross_entropy: 'entropía cruzada (softmax)'},
  bias: 'Con sesgos b y c',
  scale: 'Escala de inicialización',
  scaleHint: 'Pesos en U(−escala, escala)',
  seed: 'Semilla',
  seedHint: 'Pesos y datos salen de ella',
  another: 'Otra RNN aleatoria',
  badLink: (names) => `El enlace trae ${names.length === 1 ? 'un valor no válido' : 'valores no válidos'} (${names.join(', ')}); se usan los valores por defecto.`,
  invalid: 'Corrige los campos marcados para comprobar los gradientes.',
  summaryLine: (parameters, T) => `${parameters} parámetros, ${T} ${T === 1 ? 'paso' : 'pasos'} de tiempo.`,

  // The result.
  resultTitle: 'BPTT frente a diferencias finitas',
  equal: (max) => `¡Y son iguales! BPTT y las diferencias finitas coinciden en cada entrada: error relativo máximo ${max}, por debajo de 10⁻⁶.`,
  differ: (count, total, max) =>
    `${count === 1 ? 'Una entrada supera' : `${count} de ${total} entradas superan`} el umbral de 10⁻⁶ (error relativo máximo ${max}).`,
  kinks:
    'Con ReLU puede ser un «codo»: si alguna preactivación $r_t$ está a menos de $\\varepsilon$ de 0, ' +
    '$L(w+\\varepsilon)$ y $L(w-\\varepsilon)$ caen a lados distintos del codo y el cociente no mide la derivada; ' +
    'BPTT usa la derivada del lado en que está $r_t$ (y $f\'(0) = 0$). Los dos valores difieren sin que haya ningún error.',
  tiny:
    'Mira también el tamaño de esas entradas: el redondeo de $L(w\\pm\\varepsilon)$ deja en la diferencia finita un error ' +
    'absoluto de unos $10^{-16} \\cdot |L| / \\varepsilon \\approx 10^{-11}$; en un gradiente diminuto ($10^{-7}$ o $10^{-5}$) eso ya es ' +
    'un error relativo de $10^{-6}$ o más. No es BPTT el que se equivoca: es la diferencia finita la que pierde precisión.',
  tolerance:
    'Por qué $10^{-6}$ y no 0: la diferencia centrada tiene un error de truncamiento del orden de $\\varepsilon^2 = 10^{-10}$ ' +
    'y uno de redondeo del orden de $10^{-16} \\cdot |L| / \\varepsilon$; en doble precisión, dos gradientes correctos ' +
    'coinciden en unas 8 o 10 cifras, no en todas.',
  elapsed: (ms) => `Calculado por el núcleo en ${ms}.`,

  // The chart.
  chartTitle: 'Error relativo de cada entrada (escala logarítmica)',
  chartLabel: (n) => `Error relativo de las ${n} entradas, en escala logarítmica, agrupadas por parámetro; la línea discontinua es el umbral 10⁻⁶.`,
  threshold: 'umbral 10⁻⁶',
  chartWhat: 'el gráfico de errores',

  // The table.
  tableTitle: 'Entrada por entrada',
  sort: 'Ordenar',
  sorts: {position: 'por posición', error: 'por error (mayor primero)'},
  entry: 'Entrada',
  analytic: 'BPTT',
  numeric: 'Diferencias finitas',
  error: 'Error relativo',
  groupMax: (max) => `error máximo ${max}`,
  tableWhat: 'la tabla de gradientes',
  relativeError: 'error relativo',
  file: (s, ext) => `gradientes-${s.input}-${s.hidden}-${s.output}-T${s.T}-semilla${s.seed}.${ext}`,
  csvHeader: ['parametro', 'fila', 'columna', 'bptt', 'diferencias_finitas', 'error_relativo'],
};
