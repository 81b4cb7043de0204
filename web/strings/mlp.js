// Lesson 1 (#/mlp). The lesson's own text is in web/lessons/mlp/text.js.
export const mlp = {
  title: 'Lección 1 · Retropropagación',
  editorLabel: 'Editar el ejemplo',
  trainingLabel: 'Entrenamiento',
  gradcheckLabel: 'Comprobación del gradiente',
  limits: {
    kind: 'esta lección trata un perceptrón multicapa (model.kind "mlp")',
    layers: (depth, units) =>
      `el paso a paso muestra de ${depth.min} a ${depth.max} capas ocultas de ${units.min} a ${units.max} unidades`,
    layersList: 'model.layers debe ser una lista de números',
    softmaxHidden: 'softmax solo en la capa de salida',
    validation: (max) => `el enlace puede llevar hasta ${max} filas de validación`,
    samples: (max) => `el paso a paso muestra un lote de hasta ${max} muestras`,
  },
  presets: {
    classic: 'Ejemplo clásico 2-2-2 (pesos fijos)',
    pytorch: 'Código PyTorch de la lección (MSELoss, inicialización aleatoria)',
    batch_norm: 'Normalización por lotes (2-3-2, lote de 4 muestras)',
    dropout: 'Dropout con máscara dada (2-3-2, p = 0.5)',
  },
};
