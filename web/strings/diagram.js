// The network diagram (web/components/diagram.js).
import {common} from './common.js';
export const diagram = {
  label: (sizes) => `Diagrama de la red ${sizes.join('-')}`,
  columns: {
    input: 'Entrada',
    hidden: (l) => `Oculta ${l}`,
    output: 'Salida',
    target: 'Objetivo',
  },
  activations: common.activations,
  phaseNote: {
    forward: 'Cada conexión dibuja su peso w.',
    backward: 'Cada conexión dibuja su gradiente ∂L/∂w.',
    update: 'Cada conexión dibuja el gradiente ∂L/∂w con el que se actualiza su peso.',
  },
  sample: (batch) => `Valores de la muestra 1 (de ${batch}).`,
  scroll: 'Desliza la figura hacia un lado para ver el resto de la red.',
  hint: 'Pulsa una conexión o un sesgo para cambiar su valor. Con el teclado: Tab, ↑ ↓ para recorrerlos, Intro para editar.',
  legend: {
    label: 'Leyenda del diagrama',
    weightPositive: 'peso > 0',
    weightNegative: 'peso < 0',
    weightWidth: 'grosor ∝ |w|',
    gradientPositive: '∂L/∂w > 0',
    gradientNegative: '∂L/∂w < 0',
    gradientWidth: 'grosor ∝ |∂L/∂w|, relativo al mayor de su capa',
    current: 'lo que usa este paso',
  },
  // A value the stepper has not computed yet (z⁽²⁾ at step 1, δ⁽¹⁾ while δ⁽²⁾ is computed).
  pending: '?',
  // Tooltips (<title>) and accessible names.
  tip: {
    pending: 'aún sin calcular en este paso',
    sample: 'muestra 1',
    input: 'entrada',
    target: (name) => `objetivo ${name}`,
    loss: 'pérdida de la iteración',
    edge: (name, from, to) => `${name}: de ${from} a ${to}`,
    bias: (name, unit) => `${name}: sesgo de ${unit}`,
    value: 'valor',
    gradient: 'gradiente',
    updated: 'tras la actualización',
    edit: 'Pulsa (o Intro) para cambiarlo.',
    weightLabel: (name, value) => `Peso ${name} = ${value}. Intro para cambiarlo.`,
    biasLabel: (name, shown) => `Sesgo ${name}: ${shown}. Intro para cambiarlo.`,
  },
  editor: {
    title: (name) => `Nuevo valor de ${name}`,
    current: (value) => `ahora: ${value}`,
    apply: 'Aplicar',
    cancel: 'Cancelar',
    notANumber: 'Escribe un número con punto decimal, por ejemplo 0.25 o -1.5 (también vale la coma).',
    notFinite: 'El número es demasiado grande.',
    refused: 'Este valor no se puede usar.',
  },
};
