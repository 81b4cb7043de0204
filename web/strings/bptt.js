// Lesson 2 (#/bptt). The lesson's own text is in web/lessons/bptt/text.js.
export const bptt = {
  title: 'Lección 2 · Retropropagación a través del tiempo (BPTT)',
  editorLabel: 'Editar la red y la secuencia',
  gradcheckLabel: 'Comprobación del gradiente',
  explorerLabel: 'Gradientes que se desvanecen o explotan',
  trainingLabel: 'Entrenamiento',
  // The lesson's words when its hand-written BPTT matched autograd.
  equal: (max) => `¡Y son iguales! BPTT y las diferencias finitas coinciden en cada entrada de U, V y W (error relativo máximo ${max}).`,
  limits: {
    kind: 'esta lección trata una red recurrente (model.kind "rnn")',
    sizes: (size) => `el paso a paso muestra tamaños de ${size.min} a ${size.max}`,
    softmaxHidden: 'softmax solo en la capa de salida',
    validation: (count, steps) => `el enlace puede llevar hasta ${count} secuencias de validación de hasta ${steps} pasos`,
    sequence: (steps) => `el paso a paso recorre una sola secuencia de ${steps.min} a ${steps.max} pasos de tiempo`,
  },
  presets: {
    lesson: 'La RNN de la lección: entrada 2, oculta 4, salida 5, T = 3',
    softmax: 'Clasificación: tanh, softmax y entropía cruzada, con sesgos',
    exercise: 'Ejercicio 1: una unidad oculta, tres pasos',
  },
};
