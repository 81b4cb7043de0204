// Lab 10 (RNN exercise 5): ReLU, tanh and sigmoid in the RNN's hidden state.
import {formatPercent} from '../../format.js';
export const activacionesRnn = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {loss: 'perdida', accuracy: 'aciertos'},
  title: 'BPTT con diferentes funciones de activación',
  exercise: 'Ejercicio 5 (RNN)',
  summary: 'La misma RNN con ReLU, tanh y sigmoide en el estado oculto, entrenada con datos sintéticos.',
  statement:
    '**BPTT con diferentes funciones de activación.** Implementa varias funciones de activación (ReLU, tanh, sigmoide) ' +
    'en tu RNN del ejercicio 2. Entrena tu modelo con un conjunto de datos de prueba simple (puede generarse ' +
    'sintéticamente) y compara cómo afecta la elección de la función de activación al rendimiento.',

  // ---- the lab's own texts (web/labs/activaciones-rnn/); the form's are lab 7's
  intro:
    'La misma RNN, con los mismos datos y los mismos pesos iniciales (la misma semilla), entrenada tres veces: ' +
    'solo cambia la activación $f$ de la capa oculta, $h_t = f(U x_t + V h_{t-1} + b)$. BPTT multiplica en cada paso ' +
    'hacia atrás por $f\'(r_t)$: con la sigmoide ese factor es como mucho 0.25, con tanh como mucho 1, con ReLU 0 o 1.',
  observe:
    'Qué observar: con la paridad de secuencias de 10 a 20 pasos, la sigmoide tarda más en despegar (sus derivadas ' +
    'pequeñas apagan el gradiente a lo largo del tiempo) y ReLU suele ser la más rápida. Sube la tasa de aprendizaje ' +
    '(por ejemplo SGD con η = 3): ReLU no acota $h_t$ y puede **divergir** (la pérdida se vuelve ∞ o NaN); tanh y la ' +
    'sigmoide, acotadas, aguantan más.',
  targetLabel: 'Pérdida objetivo',
  run: 'Entrenar las tres',
  running: 'Entrenando…',
  fixFields: 'Corrige los campos marcados para entrenar.',
  dataFailed: (why) => `No se pudieron generar los datos: ${why}`,
  progressLabel: (name) => `Progreso con ${name}`,
  lossTitle: 'Pérdida de entrenamiento',
  accuracyTitle: 'Aciertos en validación',
  axisStep: 'Iteración',
  axisLoss: 'Pérdida',
  axisAccuracy: 'Aciertos (fracción)',
  tableTitle: 'Resumen',
  columns: {
    activation: 'f',
    loss: 'Pérdida',
    validationLoss: 'Pérdida (val.)',
    accuracy: 'Aciertos',
    validationAccuracy: 'Aciertos (val.)',
    reached: (target) => `Iteraciones hasta pérdida ≤ ${target}`,
    time: 'Tiempo',
    state: 'Estado',
  },
  tableNote: 'Pérdida y aciertos de la última evaluación, en todo el conjunto de entrenamiento y en el de validación (val.). Las iteraciones hasta la pérdida objetivo se miden en las evaluaciones (cada 1 % del entrenamiento). El tiempo es de reloj, desde que cada entrenamiento empieza en su hilo (dos corren a la vez).',
  targetGroup: 'Comparación',
  notReached: 'no alcanzado',
  states: {
    waiting: 'en cola',
    running: 'entrenando',
    done: 'terminado',
    cancelled: 'cancelado',
    diverged: (step) => `divergió en la iteración ${step}`,
    failed: (why) => `error: ${why}`,
  },
  divergedNote: (name, step) =>
    `Con ${name} la pérdida se volvió ∞ o NaN en la iteración ${step}: los valores de $h_t$ y los gradientes crecieron sin ` +
    'límite (explosión). La curva se corta ahí; prueba una tasa de aprendizaje menor o una escala de inicialización más pequeña.',
  fastest: (name) => `La más rápida en llegar a la pérdida objetivo: **${name}**.`,
  noneReached: 'Ninguna llegó a la pérdida objetivo en estas iteraciones.',
  percent: (x) => formatPercent(x),
  milliseconds: (ms) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`),
  noAccuracy: 'no aplica',
  exportName: 'activaciones-rnn',
  csvHeader: ['activacion', 'perdida_final', 'perdida_validacion', 'aciertos', 'aciertos_validacion', 'iteraciones_hasta_objetivo', 'tiempo_ms', 'diverge_en'],
};
