// Lesson 2's editor (web/components/rnn-editor.js). Messages and activation names are lesson 1's.
import {editor} from './editor.js';
import {sub} from '../components/diagram-kit/text.js';

export const rnnEditor = {
  sections: {
    architecture: 'Arquitectura',
    sequence: 'Secuencia',
    parameters: 'Parámetros',
    training: 'Entrenamiento',
  },
  hint: editor.hint,
  // Architecture
  part: 'Capa',
  size: 'Tamaño',
  activation: 'Activación',
  input: 'Entrada xₜ',
  hidden: 'Oculta hₜ',
  output: 'Salida yₜ',
  sizeOf: (name) => `Tamaño: ${name}`,
  hiddenActivation: 'Activación f de la capa oculta',
  outputActivation: 'Activación g de la salida',
  f: 'f',
  g: 'g',
  steps: 'Pasos de tiempo T',
  loss: 'Pérdida',
  bias: 'Sesgos b y c',
  activations: editor.activations,
  losses: {
    half_sse: editor.losses.half_sse,
    cross_entropy: editor.losses.cross_entropy,
  },
  crossEntropyHint: 'La entropía cruzada se ofrece cuando g es softmax.',
  resizeNote:
    'Al cambiar tamaños se conserva lo que aún encaja; los parámetros que ya no encajan se generan al azar ' +
    'con la inicialización del escenario. Los pasos de tiempo nuevos empiezan en cero.',
  // Sequence
  h0Legend: 'Estado inicial h₀ (no se entrena)',
  h0Row: 'h₀',
  h0Cell: (i) => `componente ${i} de h₀`,
  h0CellLabel: (i) => `Estado inicial h₀, componente ${i}`,
  sequenceCaption: (T, I, O) =>
    `Una fila por paso de tiempo: las entradas forman una tabla ${T} × ${I}; los objetivos, ${T} × ${O}.`,
  timeStep: 't',
  inputs: 'Entrada xₜ',
  targets: 'Objetivo de yₜ',
  component: (j) => String(j),
  componentTitle: (j) => `componente ${j}`,
  inputCell: (t, j) => `x${sub(j)} en t = ${t}`,
  targetCell: (t, j) => `objetivo de y${sub(j)} en t = ${t}`,
  targetPresent: (t) => `El paso t = ${t} tiene objetivo (suma a la pérdida)`,
  presentTitle: 'Marcado: el paso tiene objetivo y suma a la pérdida',
  presentHeader: 'Con objetivo',
  noTarget: 'sin objetivo: no suma a la pérdida',
  crossEntropyTargets: 'Con entropía cruzada, el objetivo de cada paso es una distribución, p. ej. one-hot (un 1 y el resto 0).',
  firstSequenceOnly: 'El escenario tiene varias secuencias; aquí se edita solo la primera.',
  // Parameters
  matrices: {
    U: (rows, cols) => `U (${rows} × ${cols}): entrada → oculta`,
    V: (rows, cols) => `V (${rows} × ${cols}): oculta → oculta`,
    W: (rows, cols) => `W (${rows} × ${cols}): oculta → salida`,
  },
  biases: (H, O) => `Sesgos b (${H}) y c (${O})`,
  columnTitle: (j) => `columna ${j}`,
  matrixCell: (name, i, j) => `${name.toLowerCase()}${sub(i)}${sub(j)}`,
  matrixCellLabel: (name, i, j) => `${name}, fila ${i}, columna ${j}`,
  vectorCell: (name, i) => `${name}${sub(i)}`,
  vectorCellLabel: (name, i) => `Sesgo ${name}, componente ${i}`,
  // {scheme, scale, seed}: the scenario's initialisation with the core's defaults filled in.
  drawn: (names, {scheme, scale, seed}) =>
    `${names.join(', ')}: generados al azar (${scheme}${scheme === 'uniform' ? `, escala ${scale}` : ''}, ` +
    `semilla ${seed}). Al editar cualquier valor, todos quedan fijados.`,
  // Training
  learningRate: 'Tasa de aprendizaje η',
  // Messages
  errors: editor.errors,
  tooBig: editor.tooBig,
  notRnn: 'Este editor solo sirve para redes recurrentes.',
};
