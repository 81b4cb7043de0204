// The editors' optimizer and regularization as pure edits, for both lessons: which optimizer, its
// hyper-parameters with the core's ranges and PyTorch's defaults (web/core/spec.js), λ₁ and λ₂.
// "SGD con momento" is offered as its own choice: SGD with a momentum above 0.
import {defaultLr, range, spec} from '../../core/spec.js';

export const MOMENTUM = 'momentum';
// The momentum "SGD con momento" starts from (PyTorch's default is 0: no momentum).
const MOMENTUM_START = 0.9;

const options = () => spec().scenario.optimizer;
const kindOf = (scenario) => scenario.optimizer?.kind ?? options().kind.default;

// The choices, in the core's order, momentum right after SGD.
export const optimizerChoices = () => options().kind.values.flatMap((kind) => (kind === 'sgd' ? [kind, MOMENTUM] : [kind]));

// The scenario's choice: its kind, or MOMENTUM for SGD with a momentum.
export function choiceOf(scenario) {
  const kind = kindOf(scenario);
  return kind === 'sgd' && (scenario.optimizer?.momentum ?? 0) > 0 ? MOMENTUM : kind;
}

// A new optimizer: its kind and the learning rate PyTorch starts it with (SGD and SGD with
// momentum keep the student's η); update_biases is kept.
export function setOptimizer(scenario, choice) {
  const next = structuredClone(scenario);
  const before = next.optimizer ?? {};
  const kind = choice === MOMENTUM ? 'sgd' : choice;
  const sgdFamily = kind === 'sgd' && kindOf(scenario) === 'sgd';
  next.optimizer = {
    kind,
    lr: sgdFamily ? (before.lr ?? defaultLr(kind)) : defaultLr(kind),
    ...(choice === MOMENTUM ? {momentum: MOMENTUM_START} : {}),
    ...(before.update_biases === undefined ? {} : {update_biases: before.update_biases}),
  };
  return next;
}

// The hyper-parameters a choice shows, in the spec's order: [{name, limits, read(scenario)}];
// plain SGD has no momentum box. The learning rate's range is the lesson's (spec().lesson.lr).
export function hyperParameters(choice) {
  const kind = choice === MOMENTUM ? 'sgd' : choice;
  const fields = options()[kind] ?? {};
  return Object.entries(fields)
    .filter(([name]) => !(choice === 'sgd' && name === 'momentum'))
    .map(([name, r]) => ({
      name,
      limits: name === 'lr' ? range(spec().lesson.lr) : range(r),
      read: (scenario) => scenario.optimizer?.[name] ?? (name === 'lr' ? defaultLr(kindOf(scenario)) : r.default),
    }));
}

export function setHyperParameter(scenario, name, value) {
  const next = structuredClone(scenario);
  next.optimizer = {kind: kindOf(scenario), ...(next.optimizer ?? {}), [name]: value};
  return next;
}

// λ₁ and λ₂: their ranges and values (the core's default when the scenario names none).
export const penaltyNames = () => Object.keys(spec().scenario.regularization);
export const penaltyLimits = (name) => range(spec().scenario.regularization[name]);
export const penaltyOf = (scenario, name) => scenario.regularization?.[name] ?? spec().scenario.regularization[name].default;

export function setPenalty(scenario, name, value) {
  const next = structuredClone(scenario);
  next.regularization = {...(next.regularization ?? {}), [name]: value};
  return next;
}
