// Lab 6 (RNN exercise 1): BPTT by hand for one hidden unit and three time steps.
// Texts with $…$ are rendered with KaTeX (web/math.js richText).

import {sub as plainSub} from '../../components/diagram-kit/text.js';
import {formatPercent} from '../../format.js';

// Symbols of a field, as TeX and as plain text (for messages naming a field).
const BAR = {s: 's̄', h: 'h̄', r: 'r̄'};
const GRADIENT_TEX = {dU: '\\dfrac{\\partial L}{\\partial U}', dV: '\\dfrac{\\partial L}{\\partial V}', dW: '\\dfrac{\\partial L}{\\partial W}'};
const GRADIENT_INLINE = {dU: '\\partial L/\\partial U', dV: '\\partial L/\\partial V', dW: '\\partial L/\\partial W'};
const fieldTex = ({kind, t}) => (t ? `\\overline{${kind}}_{${t}}` : GRADIENT_TEX[kind]);
const inlineTex = ({kind, t}) => (t ? `\\overline{${kind}}_{${t}}` : GRADIENT_INLINE[kind]);
const fieldText = ({kind, t}) => (t ? `${BAR[kind]}${plainSub(t)}` : `∂L/∂${kind.slice(1)}`);
const m = (field) => `$${inlineTex(field)}$`;
const list = (items) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`);
const percent = (x) => formatPercent(x, {significant: 2});
const param = (kind) => kind.slice(1);

// The formula each wrong answer is reminded of.
const formulas = {
  s: ({t}) => `Recuerda: $\\overline{s}_{${t}} = \\overline{y}_{${t}}\\, g'(s_{${t}})$, con $\\overline{y}_{${t}} = y_{${t}} - t_{${t}}$ (la derivada de $\\tfrac12 (y_{${t}} - t_{${t}})^2$).`,
  h: ({t, T}) => (t === T
    ? `Recuerda: en el último paso $\\overline{h}_{${t}} = W^{\\mathsf{T}} \\overline{s}_{${t}}$ (no hay paso siguiente).`
    : `Recuerda: $\\overline{h}_{${t}} = W^{\\mathsf{T}} \\overline{s}_{${t}} + V^{\\mathsf{T}} \\overline{r}_{${t + 1}}$: $h_{${t}}$ influye en la salida $s_{${t}}$ y en el paso siguiente $r_{${t + 1}}$.`),
  r: ({t}) => `Recuerda: $\\overline{r}_{${t}} = \\overline{h}_{${t}}\\, f'(r_{${t}})$ y, con la sigmoide, $f'(r_{${t}}) = h_{${t}}(1 - h_{${t}})$.`,
  dU: ({T}) => `Recuerda: $\\overline{U} = \\sum_{t=1}^{${T}} \\overline{r}_t\\, x_t^{\\mathsf{T}}$: $U$ se comparte en todos los pasos.`,
  dV: ({T}) => `Recuerda: $\\overline{V} = \\sum_{t=1}^{${T}} \\overline{r}_t\\, h_{t-1}^{\\mathsf{T}}$ (con $h_{t-1}$, el estado anterior, no $h_t$).`,
  dW: ({T}) => `Recuerda: $\\overline{W} = \\sum_{t=1}^{${T}} \\overline{s}_t\\, h_t^{\\mathsf{T}}$: $W$ se comparte en todos los pasos.`,
};

export const derivacion = {
  title: 'Derivación manual de BPTT',
  exercise: 'Ejercicio 1 (RNN)',
  summary: 'Una RNN con una sola unidad oculta y tres pasos de tiempo: deriva los gradientes de U, V y W y compruébalos.',
  statement:
    '**Derivación manual de BPTT.** Dada una RNN simple con una capa oculta y una función de activación sigmoide, ' +
    'realiza la derivación manual de los gradientes de los parámetros $U$, $V$ y $W$ utilizando BPTT. Supón que la RNN ' +
    'tiene una sola unidad oculta y procesa secuencias de tres pasos de tiempo.',

  // What to do and what to look for.
  intro:
    'Con una sola unidad oculta, $U$, $V$ y $W$ son números y cada paso de la retropropagación es una cuenta que se hace a mano. ' +
    'El pase hacia adelante ya está hecho (lo calcula el núcleo): recorre el pase hacia atrás de $t = 3$ a $t = 1$ y escribe tus valores.',
  look: [
    'En $t = 3$, $\\overline{h}_3 = W \\overline{s}_3$; en $t = 2$ y $t = 1$, $\\overline{h}_t$ recibe además $V \\overline{r}_{t+1}$: el camino desde el paso siguiente.',
    'Cada gradiente es la suma de los aportes de los tres pasos. Quedarse con el del último paso es el gradiente «ingenuo» que la lección llama incorrecto.',
    'Si $h_0 = 0$, el paso 1 no aporta nada a $\\partial L/\\partial V$.',
  ],
  lookTitle: 'Qué observar',

  // The exercise and its settings.
  setupTitle: 'El ejercicio',
  seed: 'Semilla',
  seedHelp: 'La misma semilla da los mismos números.',
  newExercise: 'Nuevo ejercicio',
  output: 'Activación de salida g',
  outputs: {sigmoid: 'sigmoide', linear: 'lineal'},
  tolerance: 'Tolerancia relativa',
  toleranceHelp: 'Error relativo máximo aceptado.',
  badLink: (names) => `El enlace trae ${names.length === 1 ? 'un valor no válido' : 'valores no válidos'} (${names.join(', ')}); se usan los valores por defecto.`,

  // The network and its numbers.
  networkTitle: 'La red',
  lossName: 'pérdida: ½ suma de cuadrados',
  parametersLabel: 'Parámetros',
  forwardTitle: 'Pase hacia adelante (calculado por el núcleo)',
  forwardCaption: 'Entradas, objetivos y valores del pase hacia adelante en cada paso de tiempo',
  step: 'Paso',
  target: 'objetivo',
  lossLabel: 'Pérdida',
  forwardWhat: 'el pase hacia adelante',
  forwardHeader: ['t', 'x', 'objetivo', 'r', 'h', 's', 'y'],
  forwardFile: (seed, g) => `derivacion-semilla${seed}-${g}-adelante.csv`,

  // The student's answers.
  answersTitle: 'Tus respuestas: el pase hacia atrás',
  answersHelp:
    'Escribe al menos cuatro cifras significativas (vale la coma o el punto decimal). $\\overline{s}_t$ es opcional, pero ayuda a las pistas. ' +
    'Cada campo se comprueba al salir de él.',
  timeStep: (t) => `Paso t = ${t}`,
  gradients: 'Gradientes de los parámetros',
  optional: 'opcional',
  check: 'Comprobar',
  clear: 'Borrar respuestas',
  right: 'Correcto',
  wrong: 'Incorrecto',
  score: (right, answered, total) => `${right} de ${total} correctas${answered > right ? ` · ${answered - right} por revisar` : ''}.`,
  allRight: '¡Todo correcto! Has derivado BPTT a mano: los mismos números que el núcleo.',
  nothingToCheck: 'Aún no hay ninguna respuesta que comprobar: escribe un valor en algún campo (por ejemplo, h̄₃) y vuelve a pulsar «Comprobar».',
  fieldTex,
  fieldText,

  // Hints for a wrong answer (hints.js picks the id).
  hints: {
    close: (h) => `Casi: difiere en un ${percent(h.error)} del valor correcto. ¿Has redondeado demasiado algún valor intermedio? Usa más cifras.`,
    sign: (h) => (h.kind === 's'
      ? `El signo está invertido: $\\overline{y}_{${h.t}} = y_{${h.t}} - t_{${h.t}}$, no $t_{${h.t}} - y_{${h.t}}$.`
      : `El valor es correcto salvo el signo. Revisa el signo de $\\overline{y}_t = y_t - t_t$ o el de algún término.`),
    'missing-gprime': (h) => `Falta multiplicar por $g'(s_{${h.t}})$: has escrito $\\overline{y}_{${h.t}} = y_{${h.t}} - t_{${h.t}}$.`,
    'only-gprime': (h) => `Eso es $g'(s_{${h.t}})$ solo: falta multiplicarlo por $\\overline{y}_{${h.t}} = y_{${h.t}} - t_{${h.t}}$.`,
    'missing-next': (h) => `Falta el término $V^{\\mathsf{T}} \\overline{r}_{${h.t + 1}}$ (el camino desde el paso siguiente): has escrito solo $W^{\\mathsf{T}} \\overline{s}_{${h.t}}$.`,
    'missing-output': (h) => `Falta el término $W^{\\mathsf{T}} \\overline{s}_{${h.t}}$ (el camino por la salida del paso ${h.t}): has escrito solo $V^{\\mathsf{T}} \\overline{r}_{${h.t + 1}}$.`,
    'missing-w': (h) => `Eso es $\\overline{s}_{${h.t}}$: falta multiplicarlo por $W^{\\mathsf{T}}$${h.t < h.T ? ` (y sumar $V^{\\mathsf{T}} \\overline{r}_{${h.t + 1}}$)` : ''}.`,
    'h-is-r': (h) => `Ese valor es $\\overline{r}_{${h.t}}$: $\\overline{h}_{${h.t}}$ es el gradiente antes de multiplicar por $f'(r_{${h.t}})$.`,
    'missing-fprime': (h) => `Falta multiplicar por $f'(r_{${h.t}})$: has escrito $\\overline{h}_{${h.t}}$.`,
    'only-fprime': (h) => `Eso es $f'(r_{${h.t}})$ solo: falta multiplicarlo por $\\overline{h}_{${h.t}}$.`,
    naive: (h) => `Ese es el gradiente «ingenuo»: solo el aporte del último paso, $t = ${h.T}$. Como $${param(h.kind)}$ se comparte en todos los pasos, hay que sumar los aportes de $t = 1$ a $${h.T}$.`,
    'partial-sum': (h) => `Has sumado los aportes de $t = ${h.from}$ a $${h.T}$: faltan los de los pasos anteriores (de $t = 1$ a $${h.from - 1}$).`,
    'one-step': (h) => `Ese es solo el aporte del paso $t = ${h.step}$; $\\partial L/\\partial ${param(h.kind)}$ suma los aportes de todos los pasos.`,
    'other-gradient': (h) => `Ese valor es $\\partial L/\\partial ${param(h.other)}$, no $\\partial L/\\partial ${param(h.kind)}$.`,
    upstream: (h) => `Tu ${m(h)} arrastra el error de tu ${list(h.from.map(m))}: es coherente con ${h.from.length === 1 ? 'ese valor, que no es correcto' : 'esos valores, que no son correctos'}. Corrige primero ${h.from.length === 1 ? 'ese' : 'esos'}.`,
    'other-step': (h) => `Ese valor es $${inlineTex({kind: h.kind, t: h.step})}$, el del paso ${h.step}: ¿has mezclado los pasos de tiempo?`,
    formula: (h) => formulas[h.kind](h),
  },

  // The solution, from the core's trace.
  showSolution: 'Mostrar la solución',
  hideSolution: 'Ocultar la solución',
  solutionLabel: 'Valor del núcleo',
};
