// Lesson 2's vanishing/exploding-gradient explorer (web/components/gradient-explorer.js,
// explorer-chart.js).
import {common} from './common.js';

const SUPERSCRIPTS = {'-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹'};
// 10^e as text: 10⁻⁷ (1 for e = 0).
const power = (e) => (e === 0 ? '1' : `10${String(e).replace(/./g, (c) => SUPERSCRIPTS[c])}`);

// A ratio given by its log10 (it may not fit in a double): 5.06 × 10⁻⁷, 0.25, 3.2 × 10⁴⁰.
function ratio(log10) {
  if (log10 === -Infinity) return '0';
  let exponent = Math.floor(log10);
  let mantissa = Number((10 ** (log10 - exponent)).toPrecision(3));
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  if (exponent >= -2 && exponent <= 3) return String(Number((10 ** log10).toPrecision(3)));
  return `${mantissa} × ${power(exponent)}`;
}

const times = (n) => (n === 1 ? '1 paso' : `${n} pasos`);

export const explorer = {
  title: 'Gradientes que se desvanecen o explotan',
  intro:
    'Una RNN con pesos al azar y una secuencia larga: ¿cuánto del error del último paso llega a los ' +
    'primeros? Mueve los controles y mira cómo cambia la norma del gradiente al retroceder en el tiempo.',
  // controls
  steps: 'Longitud de la secuencia $T$',
  stepsNumber: 'Longitud de la secuencia T (número)',
  scale: 'Escala de la inicialización $s$',
  scaleHint: 'pesos y sesgos al azar en $U(-s,\\, s)$; la escala del control es logarítmica',
  scaleValue: (s) => `s = ${s}`,
  activation: 'Activación $f$ de la capa oculta',
  activations: {...common.activations, leaky_relu: 'Leaky ReLU (pendiente 0.01)', linear: 'lineal (identidad)'},
  hidden: 'Tamaño de la capa oculta',
  seed: 'Semilla',
  integerInvalid: (min, max) => `Escribe un número entero entre ${min} y ${max}.`,
  seedInvalid: 'Escribe un número entero no negativo (hasta 2⁵³ − 1).',
  // why this scenario
  setup:
    'La entrada es la misma en cada paso, $x_t = (1, 1)$, para que solo los pesos decidan cómo viaja el ' +
    'gradiente; y solo el último paso tiene objetivo, $y_T = (0, 0)$, así que ' +
    '$\\lVert \\partial L/\\partial h_t \\rVert$ mide hasta dónde llega hacia atrás el error del paso $T$.',
  // the chart (canvas text: no TeX)
  chartLabel: 'Norma del gradiente respecto de hₜ y aportación de cada paso a V̄, en escala logarítmica, según el paso t',
  axisT: 'Paso de tiempo t',
  axisNorm: 'Norma (escala logarítmica)',
  seriesH: '‖∂L/∂hₜ‖',
  seriesV: '‖lo que el paso t suma a V̄‖',
  tooltipTitle: (t) => `t = ${t}`,
  zeroValue: '0 (hueco en la curva)',
  // an axis label m·10^e: 10⁻⁷ on an axis of whole decades; on a short one (m = 1, 2, 5) 2·10⁻⁷ or 0.05
  tick: (m, e, short) => {
    if (!short) return power(e);
    if (e >= -2 && e <= 2) return String(Number((m * 10 ** e).toPrecision(1)));
    return m === 1 ? power(e) : `${m}·${power(e)}`;
  },
  // the caption
  ratioTex: '\\dfrac{\\lVert \\partial L/\\partial h_1 \\rVert}{\\lVert \\partial L/\\partial h_T \\rVert}',
  ratio,
  verdicts: {
    vanishes: 'El gradiente se desvanece: el error del paso T apenas llega a los primeros pasos (cociente por debajo de 10⁻³).',
    explodes: 'El gradiente explota: crece al retroceder en el tiempo (cociente por encima de 10³).',
    steady: 'El gradiente se mantiene: llega al principio de la secuencia sin desvanecerse ni explotar (cociente entre 10⁻³ y 10³).',
    cut: 'El gradiente se desvanece del todo: no llega nada al primer paso (‖∂L/∂h₁‖ es exactamente 0).',
    undefined: 'No hay cociente: ‖∂L/∂h_T‖ es exactamente 0.',
  },
  zeros: {
    intro: 'Un 0 exacto no cabe en un eje logarítmico: esos valores se dejan como huecos en la curva.',
    h: (n) => `‖∂L/∂hₜ‖ es 0 en ${times(n)}.`,
    v: (n) => `Lo que el paso t suma a V̄ es 0 en ${times(n)}.`,
    first: 'En t = 1 esa aportación siempre es 0: es r̄₁ h₀ᵀ y h₀ = 0.',
    relu: 'Con ReLU, una unidad con preactivación negativa tiene derivada 0 y corta el paso del gradiente (una neurona «muerta»).',
    other:
      'Un valor también es 0 cuando es demasiado pequeño para representarse (por debajo de unos 10⁻³²⁴) ' +
      'o cuando una unidad saturada tiene una derivada que redondea a 0.',
  },
  // instead of the chart
  nonFinite:
    'El gradiente explota hasta salirse de los números que el ordenador puede representar (∞ o NaN), así ' +
    'que no hay nada que dibujar. Baja la escala s, acorta la secuencia o prueba otra activación.',
  failed: (why) => `No se pudo calcular el gradiente: ${why}`,
  chartFailed: 'No se pudo cargar el gráfico.',
};
