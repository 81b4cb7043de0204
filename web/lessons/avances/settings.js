// Lesson 3's settings as they live in the address (#/avances?…), one group per interactive part.
// Ranges, option lists and defaults that are the core's are read from its spec when asked
// (core-spec.js); the rest are the lesson's own choices. Pure: no DOM.
//
//   raceFields, initFields   field specs (web/forms/settings.js)
//   FIELDS                   every field of the page, by address key
//   readSettings(params) → {values, invalid: [names]}   (web/forms/settings.js readParams)
//   settingsQuery(values) → {name: text}                the address's query, unset starts left out
//   ETA_STOPS, etaAt(position), etaPosition(value)      η's log slider: 1, 2, 5 × 10^k
import {choice, fieldText, int, num, parseNumberText, readParams} from '../../forms/settings.js';
import {coreChoice, coreRange, fromCore, LR} from '../../labs/shared/fields.js';
import {bounds, initSpec, surfaceSpec} from './core-spec.js';
import {RACER_IDS} from './race/optimizers.js';

// A number field over a core range with its default (a spec entry {min, max, default}).
const coreNumber = (kind, read) => fromCore({kind}, {
  min: (s) => bounds(read(s)).min, max: (s) => bounds(read(s)).max, default: (s) => read(s).default,
});

// A list of optimizers, in the race's order, each at most once: "sgd,adam".
const racersField = {
  kind: 'list',
  default: RACER_IDS,
  parse(text) {
    const ids = String(text ?? '').split(',').filter(Boolean);
    if (ids.some((id) => !RACER_IDS.includes(id))) return {ok: false, reason: 'choice'};
    return {ok: true, value: RACER_IDS.filter((id) => ids.includes(id))};
  },
};

// A point's coordinate: a number in the core's range, or absent (the core's default start).
const coordinate = fromCore({kind: 'number', default: null, parse: (text, field) => parseNumberText(text, field)}, {
  min: () => surfaceSpec().objective.coordinate.min, max: () => surfaceSpec().objective.coordinate.max,
});

export const raceFields = {
  sup: coreChoice(() => surfaceSpec().objective.kind.values, 'quadratic'),
  cond: coreNumber('number', () => surfaceSpec().objective.condition),
  eta: num(LR.min, LR.max, 0.05),
  x: coordinate,
  y: coordinate,
  pasos: coreNumber('int', () => surfaceSpec().steps),
  opt: racersField,
};

// The four initialisations the part compares: the core's schemes, U(±scale) at two scales.
export const INIT_SCHEMES = {
  pequena: {scheme: 'uniform', scale: 0.01},
  grande: {scheme: 'uniform', scale: 1},
  xavier: {scheme: 'xavier_uniform'},
  he: {scheme: 'he_uniform'},
};
export const INIT_ACTIVATIONS = ['tanh', 'sigmoid', 'relu'];

export const initFields = {
  ini: choice(Object.keys(INIT_SCHEMES), 'xavier'),
  act: choice(INIT_ACTIVATIONS, 'tanh'),
  capas: coreNumber('int', () => initSpec().depth),
  ancho: coreNumber('int', () => initSpec().width),
};

// Part 3: the points' noise, L2's strength (the lesson's range), dropout's p where the core has
// model.dropout (the lesson's range, inside the core's [0, 1)), the epochs, early stopping's
// patience where the core has train.early_stopping (in epochs: one evaluation an epoch; the core's range).
export const overfitFields = {
  ruido: coreRange('number', (s) => s.data.points.noise, 0.35),
  l2: num(0, 1, 0.01),
  dropout: num(0, 0.9, 0.3),
  epocas: int(1, 2000, 500),
  paciencia: coreRange('int', (s) => s.scenario.train.early_stopping.patience, 20),
};

// Part 4: plain SGD's η and the steps (the lesson's choices).
export const bnFields = {
  bn_eta: num(LR.min, LR.max, 0.5),
  bn_pasos: int(10, 5000, 1500),
};

// Part 5: plain SGD's η (the lesson's learning rates) and the steps (the lesson's choice: a run
// of a few seconds at most).
export const reluFields = {
  relu_eta: num(LR.min, LR.max, 0.5),
  relu_pasos: int(10, 5000, 1000),
};

export const FIELDS = {...raceFields, ...initFields};

export const readSettings = (params, fields = FIELDS) => readParams(fields, params);

export function settingsQuery(values, fields = FIELDS) {
  const out = {};
  for (const name of Object.keys(fields)) {
    if (values[name] !== null && values[name] !== undefined) out[name] = fieldText(values[name]);
  }
  return out;
}

// η on a log slider: 1, 2, 5 × 10^k inside the lesson's learning rates.
export const ETA_STOPS = [];
for (let k = Math.round(Math.log10(LR.min)); k <= Math.round(Math.log10(LR.max)); k++) {
  for (const m of [1, 2, 5]) {
    const v = Number((m * 10 ** k).toPrecision(1));
    if (v >= LR.min && v <= LR.max) ETA_STOPS.push(v);
  }
}
export const etaAt = (position) => ETA_STOPS[Math.max(0, Math.min(ETA_STOPS.length - 1, Math.round(position)))];
export function etaPosition(value) {
  let best = 0;
  for (let i = 1; i < ETA_STOPS.length; i++) {
    if (Math.abs(Math.log(ETA_STOPS[i] / value)) < Math.abs(Math.log(ETA_STOPS[best] / value))) best = i;
  }
  return best;
}
