// The printed worked example of lessons 1 and 2 (web/components/print-view.js): one iteration of
// the current scenario, its network, every step and one element's chain rule.
export const print = {
  button: 'Imprimir',
  buttonTitle: 'Imprimir esta iteración: la red, cada paso con sus números y una regla de la cadena',
  intro: 'Una iteración del ejemplo, paso a paso: cada ecuación, la misma ecuación con los números y su resultado.',
  network: 'La red y sus números',
  facts: 'Configuración',
  data: 'Datos',
  parameters: 'Parámetros al empezar la iteración',
  layers: 'Unidades por capa',
  activations: 'Activaciones',
  sizes: 'Tamaños (entrada, oculta, salida)',
  updateBiases: 'Se actualizan los sesgos',
  yes: 'sí',
  no: 'no',
  noTarget: 'sin objetivo',
  // Batch normalization and dropout: the hidden layers that have them.
  batchNormLayers: (layers) => `capa${layers.length > 1 ? 's' : ''} ${layers.join(', ')}`,
  dropoutAt: (l, p) => `capa ${l}: p = ${p}`,
  chainRule: 'Regla de la cadena de un elemento',
  chainRuleOf: (element, step) => `${element} (${step})`,
  chainRuleDefault:
    'No se ha elegido ningún elemento en la página, así que se muestra este. Pulsa un número de un resultado en la página para elegir otro.',
};
