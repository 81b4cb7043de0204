// Lesson 1 (#/mlp). The lesson's own text is in web/lessons/mlp/text.js.
export const mlp = {
  title: 'Lección 1 · Retropropagación',
  editorLabel: 'Editar el ejemplo',
  trainingLabel: 'Entrenamiento',
  gradcheckLabel: 'Comprobación del gradiente',
  presets: {
    classic: 'Ejemplo clásico 2-2-2 (pesos fijos)',
    pytorch: 'Código PyTorch de la lección (MSELoss, inicialización aleatoria)',
  },
};
