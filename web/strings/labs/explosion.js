// Lab 9 (RNN exercise 4): exploding and vanishing gradients against initialisation and length.
export const explosion = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {loss: 'perdida'},
  title: 'Explosión y desvanecimiento de gradientes',
  exercise: 'Ejercicio 4 (RNN)',
  summary: 'Cómo la escala de la inicialización y la longitud de la secuencia agrandan o apagan los gradientes.',
  statement:
    '**Exploración de la explosión y el desvanecimiento de gradientes.** Modifica la RNN implementada en el ejercicio 2 ' +
    'para incluir secuencias de entrada de diferentes longitudes. Experimenta con distintas inicializaciones de los ' +
    'parámetros y observa cómo afectan a la magnitud de los gradientes durante el entrenamiento.',

  // ---- the lab's own texts (web/labs/explosion/); the training form's labels are lab 7's
  intro:
    'En BPTT el error del paso $T$ llega al paso $t$ multiplicado por $V^{\\mathsf{T}} \\operatorname{diag}(f\'(r_k))$ una vez por ' +
    'cada paso intermedio: $\\bar h_t = W^{\\mathsf{T}} \\bar s_t + V^{\\mathsf{T}} \\bar r_{t+1}$ con $\\bar r_{t+1} = \\bar h_{t+1} \\circ f\'(r_{t+1})$. ' +
    'Si esos factores son menores que 1, $\\lVert \\bar h_t \\rVert$ se **desvanece** al retroceder; si son mayores, **explota**. ' +
    'Su tamaño depende de la escala de los pesos iniciales y de $f\'$; el número de factores, de la longitud $T$.',
  gridTitle: '1 · Escala de la inicialización × longitud de la secuencia',
  gridIntro:
    'Cada casilla es una RNN con pesos al azar en $U(-s, s)$ y una secuencia de longitud $T$ de la tarea, puntuada solo en ' +
    'su último paso. El número es $\\log_{10}\\big(\\lVert \\bar h_1 \\rVert / \\lVert \\bar h_T \\rVert\\big)$: cuántos órdenes ' +
    'de magnitud gana (rojo) o pierde (azul) el gradiente al volver del paso $T$ al paso 1.',
  gridObserve:
    'Qué observar: con $s$ pequeña el azul se oscurece hacia arriba, donde están las secuencias largas (cuanto más larga la secuencia, más se desvanece); con ' +
    '$s$ grande y ReLU el rojo crece con $T$ hasta salirse de los números representables (∞). La franja blanca es la ' +
    'escala en la que el gradiente viaja sin perderse. Pulsa una casilla para ver $\\lVert \\bar h_t \\rVert$ paso a paso.',
  grid: {
    gf: 'Activación f',
    gtask: 'Entradas de la tarea',
    ghidden: 'Unidades ocultas',
    gscaleMin: 'Escala mínima s',
    gscaleMax: 'Escala máxima s',
    gscales: 'Número de escalas',
    glengths: 'Longitudes T',
    gseed: 'Semilla',
  },
  lengthSets: {short: 'cortas (2 a 20)', long: 'largas (5 a 200)'},
  scaleOrder: (label) => `${label}: debe ser menor que la escala máxima.`,
  computeGrid: 'Calcular el mapa',
  computing: 'Calculando…',
  gridLabel: 'Mapa de calor: log10 del cociente entre la norma del gradiente en t = 1 y en t = T, por escala s (horizontal) y longitud T (vertical)',
  axisScale: 'escala de la inicialización s (logarítmica)',
  axisLength: 'longitud T',
  legendVanish: 'se desvanece',
  legendExplode: 'explota',
  legendSpecial: {overflow: '∞: se sale de los números representables', cut: '0: no llega nada al paso 1', none: '—: el gradiente en T es 0'},
  legendDecades: (d) => `${d > 0 ? '+' : d < 0 ? '−' : ''}${Math.abs(d)}`,
  gridHint: 'Pulsa una casilla (o usa las flechas y Intro sobre el mapa).',
  cellTitle: (s, T) => `s = ${s}, T = ${T}`,
  cellVerdict: {
    vanishes: (d) => `El gradiente se desvanece: en t = 1 es ${d} órdenes de magnitud menor que en t = T.`,
    explodes: (d) => `El gradiente explota: en t = 1 es ${d} órdenes de magnitud mayor que en t = T.`,
    steady: 'El gradiente llega al paso 1 sin desvanecerse ni explotar (menos de 3 órdenes de magnitud).',
    overflow: 'El gradiente (o la pérdida) se sale de los números representables: ∞ o NaN.',
    cut: 'No llega nada del error al paso 1: ‖h̄₁‖ es exactamente 0.',
    none: 'El gradiente en el último paso es exactamente 0 (la salida ya coincide con el objetivo): no hay nada que comparar.',
  },
  curveTitle: 'Norma del gradiente en cada paso',
  axisT: 'paso de tiempo t',
  axisNorm: '‖∂L/∂hₜ‖ (escala log)',
  curveSeries: (s, T) => `‖∂L/∂hₜ‖, s = ${s}, T = ${T}`,
  gridCsv: ['escala', 'longitud', 'log10_cociente', 'norma_h1', 'norma_hT'],
  gridExport: 'explosion-mapa',
  curveCsv: ['escala', 'longitud', 't', 'norma_h'],
  lossCsv: ['iteracion', 'perdida_lote'],
  curveExport: 'explosion-curva',
  // part 2
  trainTitle: '2 · Durante el entrenamiento',
  trainIntro:
    'Ahora una RNN se entrena con BPTT desde pesos en $U(-s, s)$, con secuencias de longitud fija $T$. Cada cierto número ' +
    'de iteraciones se guarda $\\lVert \\bar h_t \\rVert$ de la primera secuencia del lote: las curvas van del azul oscuro ' +
    '(al principio) al naranja (al final). A la derecha, la norma del gradiente de cada parámetro en cada iteración.',
  trainObserve:
    'Qué observar: con tanh y $s = 2$ las normas empiezan enormes (cientos) y saltan de iteración en iteración: la ' +
    'pérdida se queda estancada. Con $s = 0.3$ las normas son moderadas y la red aprende el eco en pocas iteraciones. ' +
    'Con ReLU y $s = 2$ los gradientes llegan a $10^{12}$. Con secuencias más largas todo se acentúa.',
  trainFields: {length: 'Longitud T', scale: 'Escala inicial s'},
  train: 'Entrenar',
  training: 'Entrenando…',
  snapshotsTitle: '‖∂L/∂hₜ‖ a lo largo del entrenamiento',
  snapshot: (step) => `iteración ${step}`,
  gradientsTitle: 'Norma del gradiente de cada parámetro',
  axisStep: 'Iteración',
  axisGradient: 'norma (escala log)',
  axisLoss: 'pérdida del lote (escala log)',
  lossTitle: 'Pérdida del lote en cada iteración',
  gradientSeries: (name) => `‖∂L/∂${name}‖`,
  divergedAt: (step) => `El entrenamiento divergió en la iteración ${step}: la pérdida se volvió ∞ o NaN (explosión). Las curvas muestran lo registrado hasta entonces.`,
  snapshotsCsv: ['iteracion', 't', 'norma_h'],
  gradientsCsv: ['iteracion', 'U', 'V', 'W', 'b', 'c'],
  snapshotsExport: 'explosion-entrenamiento-h',
  gradientsExport: 'explosion-entrenamiento-gradientes',
  fixFields: 'Corrige los campos marcados.',
  failed: (why) => `No se pudo calcular: ${why}`,
};
