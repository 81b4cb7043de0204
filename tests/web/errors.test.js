// Refusals: the wasm core's CoreError carries the native tool's stderr line (message and field)
// and exit code, for bad scenarios, absurd work and non-finite losses.
import {beforeAll, describe, expect, test} from 'vitest';
import {CoreError} from '../../web/core/core.js';
import {translateCoreError} from '../../web/errors.js';
import {S} from '../../web/strings/index.js';
import {loadWasmCore, readJson, requireNative, runNative} from './support.js';

const english = /\b(must|one of|got|unknown|field|expected|nested|deeper|than|levels|appears|twice|its|object|not valid|required|scenario|parse|syntax|error|memory|diverged|became|step|loss|too|large|limit|above|rows?|values?|numbers?|undefined)\b/i;

let core;
beforeAll(async () => {
  requireNative();
  core = await loadWasmCore();
});

const classic = readJson('examples/classic.json');
const rnn = readJson('examples/lesson-rnn.json');
const edit = (base, change) => {
  const s = structuredClone(base);
  change(s);
  return JSON.stringify(s);
};

// [name, text, refused by the parser (so a Trainer refuses it too) rather than as too much work]
const bad = [
  ['empty', '', true],
  ['truncated', '{"model": {"kind": "mlp"', true],
  ['not an object', '[1, 2, 3]', true],
  ['deep nesting', '['.repeat(10000) + ']'.repeat(10000), true],
  ['NaN literal', '{"model": NaN}', true],
  ['no model', '{"data": {}}', true],
  ['unknown kind', edit(classic, (s) => (s.model.kind = 'cnn')), true],
  ['zero units', edit(classic, (s) => (s.model.layers[1] = 0)), true],
  ['fractional size', edit(classic, (s) => (s.model.layers[0] = 2.5)), true],
  ['unknown activation', edit(classic, (s) => (s.model.activations[1] = 'swish')), true],
  ['cross entropy without softmax', edit(classic, (s) => (s.model.loss = 'cross_entropy')), true],
  ['ragged matrix', edit(classic, (s) => (s.parameters.W2[1] = [0.5])), true],
  ['non-number weight', edit(classic, (s) => (s.parameters.W1[0][1] = '0.2')), true],
  ['input width', edit(classic, (s) => (s.data.inputs = [[0.05]])), true],
  ['negative learning rate', edit(classic, (s) => (s.optimizer.lr = -0.5)), true],
  ['momentum of adam', edit(classic, (s) => (s.optimizer = {kind: 'adam', momentum: 0.9})), true],
  ['record_every zero', edit(classic, (s) => (s.train.record_every = 0)), true],
  ['unknown top-level field', edit(classic, (s) => (s.optimiser = {})), true],
  ['too many parameters', edit(classic, (s) => {
    s.model.layers = [4096, 4096, 4096];
    delete s.parameters;
  }), true],
  ['steps beyond the limit', edit(classic, (s) => (s.train.steps = 1e12)), true],
  ['absurd work', edit(classic, (s) => {
    s.model.layers = [2, 1000, 2];
    delete s.parameters;
    s.train.steps = 1e7;
  }), false],
  ['absurd gradient check', edit(classic, (s) => {
    s.model.layers = [2, 500, 500, 2];
    s.model.activations = ['tanh', 'tanh', 'sigmoid'];
    delete s.parameters;
    s.train.steps = 1;
  }), false],
  ['rnn h0 length', edit(rnn, (s) => (s.parameters.h0 = [0, 0])), true],
  ['rnn targets per step', edit(rnn, (s) => (s.data.sequences[0].targets = [[0.5]])), true],
  ['rnn absurd steps', edit(rnn, (s) => {
    s.data.sequences = Array.from({length: 1}, () => ({inputs: Array(5000).fill([1, 2]), targets: Array(5000).fill([0, 0, 0, 0, 0])}));
    s.train.steps = 1e7;
  }), false],
];

// A Spanish refusal without the field it names (a path of English keys).
const withoutField = (message) => message.replace(/^Valor no válido en [^:]*: /, '');

// The native tool's refusal as {code, message, field}.
function nativeRefusal(verb, input) {
  const r = runNative([verb, '-'], input);
  expect(r.stdout.slice(0, 200)).toBe('');
  expect(r.stderr).toMatch(/^backprop: [^\n]+\n$/);
  const message = r.stderr.slice('backprop: '.length, -1);
  return {code: r.status, message, field: message.slice(0, message.indexOf(': '))};
}

// The wasm refusal as {code, message, field}; it must also carry a reason the core lists, which
// reads in Spanish with no English word.
function refusal(call) {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    expect(Object.keys(core.spec().reasons)).toContain(error.reason);
    expect(withoutField(translateCoreError(error))).not.toMatch(english);
    return {code: error.code, message: error.message, field: error.field};
  }
  throw new Error('no CoreError');
}

describe('a bad scenario: the same refusal as the native tool', () => {
  test.each(bad)('%s', (_, text, parser) => {
    let refused = 0;
    for (const verb of ['trace', 'train', 'gradcheck']) {
      if (!parser && runNative([verb, '-'], text).status === 0) {
        // Work that only some verbs refuse.
        expect(core.run(verb, text).code).toBe(0);
        continue;
      }
      const expected = nativeRefusal(verb, text);
      expect(expected.code).toBe(2);
      expect(refusal(() => core[verb](text))).toEqual(expected);
      ++refused;
      // A Trainer refuses what the parser refuses, with the same line.
      if (parser && verb === 'train') expect(refusal(() => core.trainer(text))).toEqual(expected);
    }
    expect(refused).toBe(parser ? 3 : 1);
  });
});

test('bytes that are not UTF-8 are refused as the native tool refuses them', () => {
  const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x22]);
  const expected = nativeRefusal('trace', Buffer.from(bytes));
  expect(refusal(() => core.trace(bytes))).toEqual(expected);
  expect(expected.message).toMatch(/^scenario: /);
});

test('a scenario passed as UTF-8 bytes, as text and as an object gives the same result', () => {
  const text = JSON.stringify(classic);
  const fromText = core.trace(text);
  expect(core.trace(new TextEncoder().encode(text))).toEqual(fromText);
  expect(core.trace(classic)).toEqual(fromText);
});

test('run() reports an unknown verb as the native tool does (exit 1)', () => {
  const r = runNative(['fly', '-'], '{}');
  expect(r.status).toBe(1);
  const outcome = core.run('fly', '{}');
  expect(`backprop: ${outcome.message}\n`).toBe(r.stderr);
  expect(outcome.code).toBe(1);
});

describe('a non-finite loss: code 3 and the native message', () => {
  const diverging = edit(classic, (s) => {
    s.model.activations = ['linear', 'linear'];
    s.optimizer.lr = 1000;
    s.train = {steps: 1000, record_every: 1};
  });
  const infinite = edit(classic, (s) => {
    s.model.activations = ['linear', 'linear'];
    s.parameters.W1 = [[1e200, 1e200], [1e200, 1e200]];
  });

  test('train diverges', () => {
    const expected = nativeRefusal('train', diverging);
    expect(expected.code).toBe(3);
    expect(expected.message).toMatch(/diverged at step \d+/);
    expect(refusal(() => core.train(diverging))).toEqual(expected);
  });

  test('a Trainer stops after the first non-finite loss', () => {
    const step = Number(nativeRefusal('train', diverging).message.match(/step (\d+)/)[1]);
    const trainer = core.trainer(diverging);
    try {
      const losses = trainer.run(1000);
      expect(losses.length).toBe(step + 1);
      expect(Number.isFinite(losses[step])).toBe(false);
      expect(losses.slice(0, step).every(Number.isFinite)).toBe(true);
    } finally {
      trainer.delete();
    }
  });

  test('trace with an infinite loss', () => {
    const expected = nativeRefusal('trace', infinite);
    expect(expected.code).toBe(3);
    expect(refusal(() => core.trace(infinite))).toEqual(expected);
  });
});

describe('every known refusal reaches the student in Spanish, no English word left', () => {
  const cases = [
    ['must be one of', edit(classic, (s) => (s.model.kind = 'cnn')), /^Valor no válido en model\.kind: debe ser uno de estos valores: mlp, rnn/],
    ['an activation not in the list', edit(classic, (s) => (s.model.activations[1] = 'swish')), /debe ser uno de estos valores/],
    ['unknown field', edit(classic, (s) => (s.optimiser = {})), /campo desconocido/],
    ['nested deeper than 64 levels', '['.repeat(100) + ']'.repeat(100), /anidado a más de 64 niveles/],
    ['a key given twice', '{"model": {"kind": "mlp", "kind": "rnn"}}', /aparece dos veces|Valor no válido en model\.kind/],
    ['not valid JSON', '{"model": ', /^Valor no válido en el escenario: no es un JSON válido \(falla cerca del byte 11\)\.$/],
    ['required', '{"model": {"kind": "mlp"}}', /es obligatorio/],
  ];
  test.each(cases)('%s', (_, text, spanish) => {
    let error;
    try {
      core.trace(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    const message = translateCoreError(error);
    expect(message).toMatch(spanish);
    expect(withoutField(message)).not.toMatch(english);
  });

  test('a reason with no Spanish: a Spanish sentence naming the field, not the core\'s English', () => {
    const message = translateCoreError(new CoreError({message: 'model.layers: frobnicates the widget', field: 'model.layers', code: 2}));
    expect(message).toBe('Valor no válido en model.layers: el núcleo no puede usar este valor.');
  });
});

describe('the Spanish words: one for every reason the core lists, from its arguments', () => {
  // The arguments each reason's English template names: {name} or {name|one|many}.
  const placeholders = (template) => [...template.matchAll(/\{([a-z_]+)(\|[^}]*)?\}/g)].map((m) => m[1]);

  test('every reason the core lists has its Spanish, and no other', () => {
    const {reasons, lossReasons} = S.coreErrors;
    const listed = Object.keys(core.spec().reasons).sort();
    expect([...Object.keys(reasons), ...Object.keys(lossReasons)].sort()).toEqual(listed);
  });

  requireNative();
  test.each(Object.entries(JSON.parse(runNative(['spec'], '').stdout).reasons))('%s', (code, template) => {
    const names = [...new Set(placeholders(template))];
    const args = Object.fromEntries(names.map((name, i) => [name, `‹${i}›`]));
    const error = new CoreError({message: `a.b: ${template}`, field: 'a.b', code: code in S.coreErrors.lossReasons ? 3 : 2, reason: code, args});
    const spanish = translateCoreError(error);
    expect(withoutField(spanish)).not.toMatch(english);
    for (const name of names.filter((n) => !['what', 'part', 'detail', 'type', 'items'].includes(n))) {
      // Every number and name the English quotes reaches the student (a few are worded instead).
      expect(spanish, name).toContain(args[name]);
    }
  });
});
