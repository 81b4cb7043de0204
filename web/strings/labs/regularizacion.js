// Lab 3 (MLP exercise 3): L2 or L1 regularisation on noisy data.
export const regularizacion = {
  // Downloaded files' names: lowercase ASCII words joined by hyphens.
  fileNames: {boundaryWithout: 'frontera-sin', boundaryWith: 'frontera-con', lossWithout: 'perdida-sin', lossWith: 'perdida-con', weights: 'pesos', curves: 'curvas'},
  title: 'Retropropagación con regularización',
  exercise: 'Ejercicio 3 (MLP)',
  summary: 'Añade regularización L2 o L1 con datos ruidosos y compara la pérdida de entrenamiento y la de validación.',
  statement:
    '**Retropropagación con regularización.** Añade regularización L2 (ridge) o L1 (lasso) a la red neuronal que ' +
    'creaste en el ejercicio 1. Entrena la red con un conjunto de datos más complejo que introduzca algo de ruido y ' +
    'observa si la regularización ayuda a mejorar la generalización del modelo.',

  // Lab 3's page (web/labs/regularizacion/).
  regularization: 'Regularización',
  l1: 'L1 (lasso) λ₁',
  l2: 'L2 (ridge) λ₂',
  strengthHint: 'Desliza (escala logarítmica, 0 a la izquierda) o escribe el valor.',
  penalty: 'Penalización: λ₁·Σ|W| + ½·λ₂·ΣW², solo sobre los pesos.',
  without: 'Sin regularización',
  with: (l1, l2) => `Con regularización (${[l1 > 0 ? `L1 = ${l1}` : null, l2 > 0 ? `L2 = ${l2}` : null].filter(Boolean).join(', ') || 'λ = 0'})`,
  withShort: 'Con regularización',
  gap: 'Brecha de pérdida (validación − entrenamiento)',
  nearZero: 'Pesos casi nulos (|w| < 0.001)',
  histogramTitle: 'Histograma de los pesos finales (W⁽¹⁾ y W⁽²⁾)',
  histogramEmpty: 'Aparece cuando terminan los dos entrenamientos.',
  axisWeight: 'Valor del peso',
  axisCount: 'Número de pesos',
  histogramName: 'el histograma de pesos',
  histogramHeader: ['desde', 'hasta', 'sin_regularizacion', 'con_regularizacion'],
  curvesHeader: ['red', 'epoca', 'iteracion', 'perdida_entrenamiento', 'exactitud_entrenamiento', 'perdida_validacion', 'exactitud_validacion'],
  runNames: ['sin', 'con'],
  runColumn: 'Red',
  // The export buttons, one per chart or table (seven look-alike buttons otherwise).
  exports: {
    boundaryWithout: 'Guardar PNG: frontera sin regularización',
    boundaryWith: 'Guardar PNG: frontera con regularización',
    lossWithout: 'Guardar PNG: pérdida sin regularización',
    lossWith: 'Guardar PNG: pérdida con regularización',
    histogram: 'Guardar PNG: histograma de pesos',
    curves: 'Guardar CSV: curvas',
    histogramCsv: 'Guardar CSV: histograma',
  },
  lookTitle: 'Qué observar',
  look: [
    'Con pocos puntos de entrenamiento, mucho ruido y 32 neuronas ocultas, la red sin regularizar memoriza el ruido: su pérdida de entrenamiento sigue bajando mientras la de validación sube. Esa brecha es el sobreajuste.',
    'Con regularización la pérdida de entrenamiento queda más alta, pero la de validación más baja: la brecha se cierra y la frontera es más suave, sin islas alrededor de puntos sueltos.',
    'En el histograma, L2 encoge todos los pesos hacia 0 (campana estrecha); L1 lleva muchos exactamente a 0 (un pico en el centro): la red usa menos conexiones.',
    'Demasiada regularización (λ cerca de 1) impide aprender: las dos pérdidas quedan altas y la frontera casi recta. Busca el valor intermedio que da la menor pérdida de validación.',
  ],
};
