// The core's refusals in Spanish, worded from the reason code and the arguments the core sends
// (`backprop spec`, "reasons"; docs/scenario.md, "Errors"), never from its English text.
// Arguments are strings as the core writes them; whole numbers come grouped with commas
// ("1,000,000"), shown here with thin spaces.
import {common} from './common.js';

const n = (text) => String(text).replace(/(\d),(?=\d{3}(\D|$))/g, '$1\u202f');
const types = {
  list: 'una lista', object: 'un objeto', string: 'un texto', number: 'un número', boolean: 'true/false',
  null: 'null', NaN: 'NaN',
};
const type = (code) => types[code] ?? code;
const items = {
  numbers: 'números', rows: 'filas (listas de números)', rows_or_null: 'filas (listas de números, o null)',
  sequences: 'secuencias', layer_sizes: 'tamaños de capa', activation_names: 'nombres de activación',
  points: 'puntos', strings: 'textos', optimizers: 'optimizadores',
};
const loss = (code) => (code === 'infinite' ? 'infinita' : code);
const values = (count) => (count === '1' ? 'valor' : 'valores');

export const coreErrors = {
  invalid: (field, reason) => `Valor no válido en ${field === 'scenario' ? 'el escenario' : field}: ${reason}.`,
  // A refusal whose reason has no wording here: the field alone, never the core's English.
  unknown: (field) => `Valor no válido en ${field === 'scenario' ? 'el escenario' : field}: el núcleo no puede usar este valor.`,
  // A refused value (exit 2): what follows "Valor no válido en <campo>:".
  reasons: {
    too_many_bytes: (a) => `ocupa ${n(a.size)} bytes; como máximo ${n(a.limit)}`,
    nul_byte: (a) => `no es un JSON válido: tiene un byte NUL en la posición ${a.offset}`,
    not_json: (a) => `no es un JSON válido${a.byte === undefined ? '' : ` (falla cerca del byte ${a.byte})`}`,
    too_deep: (a) => `está anidado a más de ${a.limit} niveles`,
    too_many_objects: (a) => `contiene más de ${n(a.limit)} objetos JSON`,
    too_many_lists: (a) => `contiene más de ${n(a.limit)} listas JSON`,
    duplicate_key: () => 'aparece dos veces en el mismo objeto',
    not_object: (a) => `debe ser un objeto, no ${type(a.type)}`,
    required: () => 'es obligatorio',
    unknown_field: (a) => `campo desconocido (se esperaba uno de: ${a.expected})`,
    unknown_field_for: (a) => `campo desconocido cuando ${a.key} = ${a.value} (se esperaba uno de: ${a.expected})`,
    not_number: (a) => `debe ser un número, no ${type(a.type)}`,
    not_finite: (a) => `debe ser un número finito (se recibió ${a.got})`,
    at_least: (a) => `debe ser ≥ ${a.low} (se recibió ${a.got})`,
    between: (a) => `debe estar entre ${a.low} y ${a.high} (se recibió ${a.got})`,
    between_excluded: (a) => `debe estar entre ${a.low} y ${a.high}, sin llegar a ${a.high} (se recibió ${a.got})`,
    not_whole: (a) => `debe ser un número entero (se recibió ${a.got})`,
    not_count: (a) => `debe ser un número entero ≥ 0 (se recibió ${a.got})`,
    not_boolean: (a) => `debe ser true o false, no ${type(a.type)}`,
    not_string: (a) => `debe ser un texto, no ${type(a.type)}`,
    not_one_of: (a) => `debe ser uno de estos valores: ${a.options} (se recibió «${a.got}»)`,
    not_list: (a) => `debe ser una lista de ${items[a.items] ?? a.items}, no ${type(a.type)}`,
    wrong_length: (a) => `debe tener ${a.count} ${values(a.count)} (tiene ${a.got})`,
    empty: () => 'no puede estar vacío',
    wrong_rows: (a) => `debe tener ${n(a.count)} filas, una por fila de ${a.per} (tiene ${n(a.got)})`,
    wrong_steps: (a) => `debe tener ${n(a.count)} filas, una por paso de tiempo de inputs (tiene ${n(a.got)})`,
    wrong_units: (a) => `debe tener ${a.count} filas, una por unidad de la capa (tiene ${a.got})`,
    too_many_rows: (a) => `tiene ${n(a.count)} filas; como máximo ${n(a.limit)}`,
    too_many_values: (a) => `contiene demasiados números; como máximo ${n(a.limit)}`,
    too_few_layers: (a) => `necesita al menos 2 tamaños, la entrada y la salida (tiene ${a.count})`,
    too_many_layers: (a) => `tiene ${a.count} tamaños; como máximo ${a.limit}`,
    too_many_parameters: (a) => `da ${n(a.count)} parámetros; como máximo ${n(a.limit)}`,
    wrong_activations: (a) => `debe tener ${a.count} nombres, uno por capa después de la entrada (tiene ${a.got})`,
    cross_entropy_softmax: (a) =>
      `la entropía cruzada necesita softmax en la capa de salida, pero ${a.at} es ${common.activations[a.activation] ?? a.activation}`,
    no_target: () => 'al menos un paso de tiempo necesita un objetivo (null significa que ese paso no tiene)',
    no_sequence: () => 'debe contener al menos una secuencia',
    too_many_sequences: (a) => `tiene ${n(a.count)} secuencias; como máximo ${n(a.limit)}`,
    size_mismatch: (a) => `debe ser igual a ${a.other} (${a.size}); es ${a.got}`,
    all_held_out: (a) =>
      `reserva para validación los ${a.count} ${items[a.items] ?? a.items} (round(${a.fraction} × ${a.count}) = ${a.held}); ` +
      'al menos uno debe quedar para entrenar',
    max_below_min: (a) => `debe ser al menos ${a.other} (${a.min}); es ${a.got}`,
    delay_too_long: (a) => `debe ser menor que ${a.other} (${a.min}) para que cada secuencia tenga un objetivo; es ${a.got}`,
    not_above: (a) => `debe ser mayor que ${a.other} (${a.min}); es ${a.got}`,
    same_entry: (a) => `nombra la misma entrada que ${a.other} (${a.name}); elige dos distintas`,
    too_many_entries: (a) => `tiene ${n(a.count)} entradas; como máximo ${n(a.limit)}`,
    needs_validation: (a) => `necesita un conjunto de validación que vigilar: ${a.other} está vacío o no existe`,
    too_much_work: (a) => `esta petición supone unas ${n(a.work)} operaciones, por encima del límite de ${n(a.limit)}`,
    too_much_work_per_call: (a) =>
      `unas ${n(a.work)} operaciones en una sola llamada, por encima del límite de ${n(a.limit)}; ejecuta menos pasos por llamada`,
    too_much_memory: (a) => `esta petición necesita ${n(a.memory)} de memoria, por encima del límite de ${n(a.limit)}`,
    too_many_losses: (a) => `se registrarían ${n(a.count)} pérdidas, por encima del límite de ${n(a.limit)}`,
    too_many_outputs: (a) => `el resultado tendría unos ${n(a.count)} números, por encima del límite de ${n(a.limit)}`,
    too_many_steps: (a) => `${n(a.count)} pasos en una sola llamada superan el límite de ${n(a.limit)}`,
    too_many_points: (a) => `nx·ny da ${n(a.count)} puntos; como máximo ${n(a.limit)}`,
    grid_needs_mlp: () => 'una rejilla de salidas necesita un MLP con dos entradas, no una RNN',
    grid_needs_two_inputs: (a) => `una rejilla de salidas necesita dos entradas (hay ${a.got})`,
    norms_need_rnn: () => 'las normas del gradiente en el tiempo necesitan una RNN',
    norms_one_sequence: () => 'las normas del gradiente siguen una sola secuencia: usa batch_size 1 o una sola secuencia',
    out_of_memory: () => 'es demasiado grande para la memoria disponible',
    not_binary: (a) => `debe ser 0 o 1; es ${a.got}`,
    batch_norm_one_row: (a) =>
      `la normalización por lotes necesita 2 filas o más en cada lote de entrenamiento; con ${n(a.count)} ` +
      `${a.count === '1' ? 'fila' : 'filas'} en lotes de ${n(a.size)}, un lote tiene 1 fila`,
    too_slow: (a) =>
      `se detuvo a los ${a.seconds} s, tras ${n(a.done)} pasos o evaluaciones: este equipo calcula estos números demasiado despacio ` +
      '(los valores por debajo de 2.2e-308 ralentizan su aritmética)',
  },
  // A loss that is not a finite number (exit 3): whole sentences.
  lossReasons: {
    diverged: (a) =>
      `El entrenamiento diverge en la iteración ${a.step}: la pérdida se vuelve ${loss(a.loss)}. ` +
      `Prueba una tasa de aprendizaje menor que η = ${a.lr}.`,
    diverged_penalty: (a) =>
      `El entrenamiento diverge en la iteración ${a.step}: la pérdida se vuelve ${loss(a.loss)}. ` +
      `Prueba una tasa de aprendizaje menor que η = ${a.lr}, o una regularización (λ₁, λ₂) menor.`,
    diverged_at_start: (a) =>
      `La pérdida ya es ${loss(a.loss)} en la primera iteración, antes de actualizar nada: ` +
      'los datos, los parámetros o la regularización son demasiado grandes.',
    nonfinite_loss: (a) => `La pérdida es ${loss(a.loss)} con estos parámetros y datos.`,
  },
  nonFinite: 'La pérdida deja de ser un número finito (NaN o ∞) con estos valores.',
};
