// Lesson 1 (#/mlp). The lesson's own text is in web/lessons/mlp/text.js.
export const mlp = {
  title: 'Lección 1 · Retropropagación',
  editorLabel: 'Editar el ejemplo',
  trainingLabel: 'Entrenamiento',
  gradcheckLabel: 'Comprobación del gradiente',
  limits: {
    kind: 'esta lección trata un perceptrón multicapa (model.kind "mlp")',
    layers: 'el paso a paso muestra de 1 a 3 capas ocultas de 1 a 8 unidades',
    samples: 'el paso a paso muestra un lote de hasta 8 muestras',
  },
  presets: {
    classic: 'Ejemplo clásico 2-2-2 (pesos fijos)',
    pytorch: 'Código PyTorch de la lección (MSELoss, inicialización aleatoria)',
  },
};
