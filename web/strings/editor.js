// The example's editor (web/components/editor.js).
import {common} from './common.js';
import {sub, sup} from '../components/diagram-kit/text.js';

export const editor = {
  sections: {
    architecture: 'Arquitectura',
    data: 'Datos',
    parameters: 'Pesos y sesgos',
    training: 'Entrenamiento',
  },
  hint: 'Escribe un valor y pulsa Intro (o sal de la casilla). Vale el punto o la coma decimal; Esc deshace.',
  hiddenLayers: 'Capas ocultas',
  layer: 'Capa',
  units: 'Unidades',
  activation: 'Activación',
  input: 'Entrada x',
  hidden: (l) => `Oculta ${l}`,
  output: 'Salida ŷ',
  unitsOf: (name) => `Unidades: ${name}`,
  activationOf: (name) => `Activación: ${name}`,
  loss: 'Pérdida',
  activations: common.activations,
  losses: {
    half_sse: '½·suma de cuadrados',
    mse: 'error cuadrático medio (MSE)',
    cross_entropy: 'entropía cruzada',
  },
  crossEntropyHint: 'La entropía cruzada se ofrece cuando la salida es softmax.',
  resizeNote: 'Al cambiar tamaños, los pesos que ya no encajan se generan al azar con la inicialización del escenario.',
  // Data
  sample: 'Muestra',
  inputs: 'Entradas X',
  targets: 'Objetivos Y',
  dataCaption: (b, nx, ny) => `Una fila por muestra: X es ${b} × ${nx}, Y es ${b} × ${ny}.`,
  inputColumn: (j) => `x${sub(j)}`,
  targetColumn: (j) => `y${sub(j)}`,
  inputCell: (s, j) => `x${sub(j)} de la muestra ${s}`,
  targetCell: (s, j) => `y${sub(j)} de la muestra ${s}`,
  addSample: 'Añadir muestra',
  removeSample: (s) => `Quitar la muestra ${s}`,
  samplesMax: (n) => `Como máximo ${n} muestras.`,
  // Parameters
  layerParameters: (l, rows, cols) => `Capa ${l}: W⁽${sup(l)}⁾ (${rows} × ${cols}) y b⁽${sup(l)}⁾`,
  weights: (l) => `W⁽${sup(l)}⁾`,
  biases: (l) => `b⁽${sup(l)}⁾`,
  rowHeader: (i) => `fila ${i}`,
  columnHeader: (j) => `columna ${j}`,
  weightCell: (l, i, j) => `w${sub(i)}${sub(j)}⁽${sup(l)}⁾`,
  weightCellLabel: (l, i, j) => `Peso W⁽${sup(l)}⁾, fila ${i}, columna ${j}`,
  biasCell: (l, i) => `b${sub(i)}⁽${sup(l)}⁾`,
  biasCellLabel: (l, i) => `Sesgo b⁽${sup(l)}⁾, componente ${i}`,
  drawn: (names, scheme, seed) =>
    `${names.join(', ')}: generados al azar (${scheme}, semilla ${seed}). Al editar cualquier valor, todos quedan fijados.`,
  // Training
  learningRate: 'Tasa de aprendizaje η',
  // Messages, by the parser's reason code (web/forms/number.js, web/forms/refusal.js).
  errors: {
    empty: 'Escribe un número.',
    notNumber: (text) => `«${text}» no es un número. Usa cifras con punto decimal (también vale la coma), p. ej. 0.5 o 1e-3.`,
    notInteger: 'Debe ser un número entero.',
    range: (min, max) => `Debe estar entre ${min} y ${max}.`,
    cell: (name, message) => `${name}: ${message}`,
  },
  tooBig: 'Este escenario es demasiado grande para editarlo aquí.',
  notMlp: 'Este editor solo sirve para perceptrones multicapa.',
};
