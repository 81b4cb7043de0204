// Lesson 1 (#/mlp): the stepper and the page around it. The lesson's own text is in
// web/lessons/mlp/text.js.
export const mlp = {
  title: 'Lección 1 · Retropropagación',
  phases: {forward: 'Pase hacia adelante', backward: 'Pase hacia atrás', update: 'Actualización'},
  stepper: {
    previous: 'Anterior',
    next: 'Siguiente',
    progress: (i, n) => `Paso ${i} de ${n}`,
    listLabel: 'Pasos de una iteración',
    keys: 'Usa ← y → para avanzar y retroceder.',
    symbolic: 'Ecuación',
    substituted: 'Con los números',
    result: 'Resultado',
    clickHint: 'Pulsa un elemento del resultado para ver su regla de la cadena.',
    expansion: 'Regla de la cadena, elemento a elemento',
    sample: (s) => `muestra ${s}`,
  },
  fullLesson: 'Abrir la lección completa',
  badLink: (why) => `El enlace no contiene un escenario válido (${why}); se muestra el ejemplo clásico.`,
  unreadableLink: 'no se puede leer',
  diagramLabel: 'Diagrama de la red',
  editorLabel: 'Editar el ejemplo',
  trainingLabel: 'Entrenamiento',
  gradcheckLabel: 'Comprobación del gradiente',
  presetLabel: 'Cargar un ejemplo',
  presetPrompt: 'Cargar un ejemplo…',
  presets: {
    classic: 'Ejemplo clásico 2-2-2 (pesos fijos)',
    pytorch: 'Código PyTorch de la lección (MSELoss, inicialización aleatoria)',
  },
};
