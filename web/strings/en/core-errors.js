// The core's refusals in English, worded from the reason code and the arguments the core sends
// (`backprop spec`, "reasons"; docs/scenario.md, "Errors"), with the same keys as the Spanish
// table. Whole numbers come grouped with commas ("1,000,000"), as English writes them.
import {common} from './common.js';

const n = (text) => String(text);
const types = {
  list: 'a list', object: 'an object', string: 'a string', number: 'a number', boolean: 'true/false',
  null: 'null', NaN: 'NaN',
};
const type = (code) => types[code] ?? code;
const items = {
  numbers: 'numbers', rows: 'rows (lists of numbers)', rows_or_null: 'rows (lists of numbers, or null)',
  sequences: 'sequences', layer_sizes: 'layer sizes', activation_names: 'activation names',
  points: 'points', strings: 'strings', optimizers: 'optimizers',
};
const loss = (code) => (code === 'infinite' ? 'infinite' : code);
const values = (count) => (count === '1' ? 'value' : 'values');

export const coreErrors = {
  invalid: (field, reason) => `Invalid value in ${field === 'scenario' ? 'the scenario' : field}: ${reason}.`,
  // A refusal whose reason has no wording here: the field alone.
  unknown: (field) => `Invalid value in ${field === 'scenario' ? 'the scenario' : field}: the core cannot use this value.`,
  // A refused value (exit 2): what follows "Invalid value in <field>:".
  reasons: {
    too_many_bytes: (a) => `it takes ${n(a.size)} bytes; at most ${n(a.limit)}`,
    nul_byte: (a) => `it is not valid JSON: it has a NUL byte at position ${a.offset}`,
    not_json: (a) => `it is not valid JSON${a.byte === undefined ? '' : ` (it fails near byte ${a.byte})`}`,
    too_deep: (a) => `it is nested more than ${a.limit} levels deep`,
    too_many_objects: (a) => `it contains more than ${n(a.limit)} JSON objects`,
    too_many_lists: (a) => `it contains more than ${n(a.limit)} JSON lists`,
    duplicate_key: () => 'it appears twice in the same object',
    not_object: (a) => `it must be an object, not ${type(a.type)}`,
    required: () => 'it is required',
    unknown_field: (a) => `unknown field (expected one of: ${a.expected})`,
    unknown_field_for: (a) => `unknown field when ${a.key} = ${a.value} (expected one of: ${a.expected})`,
    not_number: (a) => `it must be a number, not ${type(a.type)}`,
    not_finite: (a) => `it must be a finite number (got ${a.got})`,
    at_least: (a) => `it must be ≥ ${a.low} (got ${a.got})`,
    between: (a) => `it must be between ${a.low} and ${a.high} (got ${a.got})`,
    between_excluded: (a) => `it must be between ${a.low} and ${a.high}, below ${a.high} (got ${a.got})`,
    not_whole: (a) => `it must be a whole number (got ${a.got})`,
    not_count: (a) => `it must be a whole number ≥ 0 (got ${a.got})`,
    not_boolean: (a) => `it must be true or false, not ${type(a.type)}`,
    not_string: (a) => `it must be a string, not ${type(a.type)}`,
    not_one_of: (a) => `it must be one of these values: ${a.options} (got “${a.got}”)`,
    not_list: (a) => `it must be a list of ${items[a.items] ?? a.items}, not ${type(a.type)}`,
    wrong_length: (a) => `it must have ${a.count} ${values(a.count)} (it has ${a.got})`,
    empty: () => 'it cannot be empty',
    wrong_rows: (a) => `it must have ${n(a.count)} rows, one per row of ${a.per} (it has ${n(a.got)})`,
    wrong_steps: (a) => `it must have ${n(a.count)} rows, one per time step of inputs (it has ${n(a.got)})`,
    wrong_units: (a) => `it must have ${a.count} rows, one per unit of the layer (it has ${a.got})`,
    too_many_rows: (a) => `it has ${n(a.count)} rows; at most ${n(a.limit)}`,
    too_many_values: (a) => `it contains too many numbers; at most ${n(a.limit)}`,
    too_few_layers: (a) => `it needs at least 2 sizes, the input and the output (it has ${a.count})`,
    too_many_layers: (a) => `it has ${a.count} sizes; at most ${a.limit}`,
    too_many_parameters: (a) => `it gives ${n(a.count)} parameters; at most ${n(a.limit)}`,
    wrong_activations: (a) => `it must have ${a.count} names, one per layer after the input (it has ${a.got})`,
    cross_entropy_softmax: (a) =>
      `cross-entropy needs softmax in the output layer, but ${a.at} is ${common.activations[a.activation] ?? a.activation}`,
    no_target: () => 'at least one time step needs a target (null means that step has none)',
    no_sequence: () => 'it must contain at least one sequence',
    too_many_sequences: (a) => `it has ${n(a.count)} sequences; at most ${n(a.limit)}`,
    size_mismatch: (a) => `it must equal ${a.other} (${a.size}); it is ${a.got}`,
    all_held_out: (a) =>
      `it holds out all ${a.count} ${items[a.items] ?? a.items} for validation (round(${a.fraction} × ${a.count}) = ${a.held}); ` +
      'at least one must be left for training',
    max_below_min: (a) => `it must be at least ${a.other} (${a.min}); it is ${a.got}`,
    delay_too_long: (a) => `it must be less than ${a.other} (${a.min}) so that every sequence has a target; it is ${a.got}`,
    not_above: (a) => `it must be greater than ${a.other} (${a.min}); it is ${a.got}`,
    same_entry: (a) => `it names the same input as ${a.other} (${a.name}); choose two different ones`,
    too_many_entries: (a) => `it has ${n(a.count)} entries; at most ${n(a.limit)}`,
    needs_validation: (a) => `it needs a validation set to watch: ${a.other} is empty or missing`,
    too_much_work: (a) => `this request takes about ${n(a.work)} operations, above the limit of ${n(a.limit)}`,
    too_much_work_per_call: (a) =>
      `about ${n(a.work)} operations in a single call, above the limit of ${n(a.limit)}; run fewer steps per call`,
    too_much_memory: (a) => `this request needs ${n(a.memory)} of memory, above the limit of ${n(a.limit)}`,
    too_many_losses: (a) => `${n(a.count)} losses would be recorded, above the limit of ${n(a.limit)}`,
    too_many_outputs: (a) => `the result would have about ${n(a.count)} numbers, above the limit of ${n(a.limit)}`,
    too_many_steps: (a) => `${n(a.count)} steps in a single call exceed the limit of ${n(a.limit)}`,
    too_many_points: (a) => `nx·ny gives ${n(a.count)} points; at most ${n(a.limit)}`,
    grid_needs_mlp: () => 'a grid of outputs needs an MLP with two inputs, not an RNN',
    grid_needs_two_inputs: (a) => `a grid of outputs needs two inputs (there are ${a.got})`,
    norms_need_rnn: () => 'gradient norms over time need an RNN',
    norms_one_sequence: () => 'gradient norms follow a single sequence: use batch_size 1 or a single sequence',
    out_of_memory: () => 'it is too large for the available memory',
    not_binary: (a) => `it must be 0 or 1; it is ${a.got}`,
    batch_norm_one_row: (a) =>
      `batch normalization needs 2 rows or more in every training batch; with ${n(a.count)} ` +
      `${a.count === '1' ? 'row' : 'rows'} in batches of ${n(a.size)}, one batch has 1 row`,
    too_slow: (a) =>
      `it stopped after ${a.seconds} s, after ${n(a.done)} steps or evaluations: this machine computes these numbers too slowly ` +
      '(values below 2.2e-308 slow its arithmetic down)',
  },
  // A loss that is not a finite number (exit 3): whole sentences.
  lossReasons: {
    diverged: (a) =>
      `Training diverges at iteration ${a.step}: the loss becomes ${loss(a.loss)}. ` +
      `Try a learning rate smaller than η = ${a.lr}.`,
    diverged_penalty: (a) =>
      `Training diverges at iteration ${a.step}: the loss becomes ${loss(a.loss)}. ` +
      `Try a learning rate smaller than η = ${a.lr}, or a smaller regularization (λ₁, λ₂).`,
    diverged_at_start: (a) =>
      `The loss is already ${loss(a.loss)} at the first iteration, before anything is updated: ` +
      'the data, the parameters or the regularization are too large.',
    nonfinite_loss: (a) => `The loss is ${loss(a.loss)} with these parameters and data.`,
  },
  nonFinite: 'The loss stops being a finite number (NaN or ∞) with these values.',
};
