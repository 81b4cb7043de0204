// The WebAssembly core for JavaScript: scenario (object or JSON text) in, plain objects out.
// A refusal becomes a CoreError carrying the core's message, the field it names and the CLI's
// exit code (2 bad scenario, 3 non-finite loss). Works in the page, in a worker and in Node
// (pass {wasmBinary} there: the Emscripten 3.1.6 glue cannot fetch a file path under Node).
import createCore from './core.mjs';
import {spec} from './spec.js';

// .reason is the core's code for why ('between', 'diverged'; `backprop spec`, "reasons") and
// .args its arguments ({low, high, got}: strings), from which the page words the refusal; a
// divergence's .step (a number) is its args.step.
export class CoreError extends Error {
  constructor({message, field, code, reason = '', args = {}}) {
    super(message);
    this.name = 'CoreError';
    this.field = field;
    this.code = code;
    this.reason = reason;
    this.args = typeof args === 'string' ? JSON.parse(args) : args;
    this.step = this.args.step === undefined ? null : Number(this.args.step);
  }
}

// A scenario goes in as text: a string, its UTF-8 bytes (a Uint8Array, e.g. a file's contents,
// passed through unchanged), or an object to serialise.
const text = (scenario) =>
  typeof scenario === 'string' || scenario instanceof Uint8Array ? scenario : JSON.stringify(scenario);

// options: {wasmBinary} (Node), {module} (a compiled WebAssembly.Module, e.g. handed to a
// worker by the page), or nothing (the page: compile the core while it downloads).
export async function loadCore({module: compiled, ...options} = {}) {
  if (!compiled && !options.wasmBinary) compiled = await compile(new URL('./core.wasm', import.meta.url));
  if (compiled) {
    options.instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled));
      return {};
    };
  }
  const core = new Core(await createCore(options));
  core.wasmModule = compiled;
  return core;
}

// The page's one core: the first call loads it (web/boot-core.js, as the page starts), the next
// ones share that load (web/main.js).
let page = null;
export const pageCore = () => (page ??= loadCore());

async function compile(url) {
  try {
    return await WebAssembly.compileStreaming(fetch(url));
  } catch {
    // A host that does not send application/wasm: compile from the bytes.
    return WebAssembly.compile(await (await fetch(url)).arrayBuffer());
  }
}

export class Core {
  constructor(module) {
    this.module = module;
  }

  // The tool's verbs as they are: {code, json, message, field, reason, args}.
  run(command, scenario) {
    return this.module.run(command, text(scenario));
  }

  usage() {
    return this.module.usage();
  }

  #call(command, scenario) {
    const outcome = this.run(command, scenario);
    if (outcome.code !== 0) throw new CoreError(outcome);
    return JSON.parse(outcome.json);
  }

  trace(scenario) {
    return this.#call('trace', scenario);
  }

  train(scenario) {
    return this.#call('train', scenario);
  }

  gradcheck(scenario) {
    return this.#call('gradcheck', scenario);
  }

  // RNN: |dL/dh_t| and each time step's contribution to dU, dV, dW (docs/scenario.md).
  norms(scenario) {
    return this.#call('norms', scenario);
  }

  // A synthetic data set from a spec (docs/scenario.md, "Synthetic data"): points or sequences.
  data(spec) {
    return this.#call('data', spec);
  }

  // Optimizers racing on a two-parameter objective (docs/labs.md, "Verb surface"): {objective,
  // grid: {nx, ny, x, y, values, min, max}, trajectories: [{optimizer, points, outcome, …}]}.
  surface(spec) {
    return this.#call('surface', spec);
  }

  // A deep MLP at initialisation (docs/labs.md, "Verb init_stats"): {quantile_levels, layers: [{layer,
  // activation: {quantiles, mean, std, saturated, zero}, gradient, delta}]}.
  initStats(spec) {
    return this.#call('init_stats', spec);
  }

  // Outputs, data loss and accuracy of a scenario's model with its parameters, forward only.
  predict(scenario) {
    return this.#call('predict', scenario);
  }

  // The core's limits, option lists, ranges and defaults (docs/scenario.md, "The core's spec"),
  // as web/core/spec.js holds them.
  spec() {
    return spec();
  }

  // {scenario (every default filled in), parameter_count, work: {trace, train, gradcheck, …}}.
  resolve(scenario) {
    return this.#call('resolve', scenario);
  }

  // A model kept alive for long runs. Call delete() when done.
  trainer(scenario) {
    const handle = new this.module.Trainer(text(scenario));
    const error = handle.error();
    if (error.code !== 0) {
      handle.delete();
      throw new CoreError(error);
    }
    return new Trainer(handle);
  }
}

class Trainer {
  constructor(handle) {
    this.handle = handle;
  }

  // Runs up to n steps, stopping after a non-finite loss; returns each step's loss (a copy).
  // More steps in one call than the core's cost model allows (or n not a whole number ≥ 0) runs
  // none and throws the core's refusal (a CoreError, field run.steps).
  run(n) {
    const ran = this.handle.run(typeof n === 'number' ? n : NaN);
    if (ran < n || (ran === 0 && n !== 0)) {
      // Fewer steps than asked: a non-finite loss (no error), or a refusal (the core's time budget
      // stops a run that its numbers make too slow: what ran is lost with it).
      const error = this.handle.error();
      if (error.code !== 0) throw new CoreError(error);
    }
    return this.handle.losses().slice();
  }

  // The core's refusal (a CoreError, code 3, field train, with .step) of a run whose loss at
  // `step` became `loss` (NaN or ±∞): run() stops there without refusing.
  divergence(step, loss) {
    return new CoreError(this.handle.divergence(step, loss));
  }

  get stepsDone() {
    return this.handle.stepsDone();
  }

  fullLoss() {
    return this.handle.fullLoss();
  }

  validationLoss() {
    return this.handle.validationLoss();
  }

  parameters() {
    return JSON.parse(this.handle.parameters());
  }

  // Batch norm's running statistics {running_mean1, running_var1, …} ({} without batch norm).
  buffers() {
    return JSON.parse(this.handle.buffers());
  }

  // ['W1', 'b1', …] or ['U', 'V', 'W', …].
  parameterNames() {
    return this.handle.parameterNames();
  }

  // Frobenius norm of each parameter's gradient (penalty included) at the last step.
  gradientNorms() {
    return this.handle.gradientNorms().slice();
  }

  // {loss, accuracy, validationLoss, validationAccuracy} of the current parameters; null where
  // not defined.
  evaluate() {
    return this.handle.evaluate();
  }

  // Output `unit` of an MLP with two inputs at the centres of an nx × ny grid, row 0 at the top
  // (y1): value j·nx + i. Throws a CoreError (field grid.nx, grid.unit, model.layers[0], …) on a
  // refusal. Arguments that are not numbers are refused as such.
  grid(x0, x1, y0, y1, nx, ny, unit) {
    const number = (v) => (typeof v === 'number' ? v : NaN);
    const values = this.handle.grid(...[x0, x1, y0, y1, nx, ny, unit].map(number));
    if (values.length === 0) throw new CoreError(this.handle.error());
    return values.slice();
  }

  // RNN: [‖h̄_1‖ … ‖h̄_T‖] of the first sequence of the last step (empty for an MLP).
  hNorms() {
    return this.handle.hNorms().slice();
  }

  // Per hidden layer (an RNN: its one), the fraction of units dead with the current parameters:
  // f′(z) = 0 on every training row (a relu unit that outputs 0 everywhere).
  deadUnits() {
    return this.handle.deadUnits().slice();
  }

  delete() {
    this.handle.delete();
  }
}
