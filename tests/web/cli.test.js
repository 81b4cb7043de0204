// bin/backprop.mjs (the wasm core under Node) against the native build/backprop: the same
// stdout, stderr and exit status for the same command line and input.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {readJson, requireNative, resultMismatches, gradcheckMismatches, runNative, runNode} from './support.js';

let tmp;
beforeAll(() => {
  requireNative();
  tmp = mkdtempSync(join(tmpdir(), 'backprop-cli-'));
});
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

const classic = readJson('examples/classic.json');
const text = (change) => {
  const s = structuredClone(classic);
  change(s);
  return JSON.stringify(s);
};
const diverging = text((s) => {
  s.model.activations = ['linear', 'linear'];
  s.optimizer.lr = 1000;
  s.train = {steps: 1000, record_every: 1};
});

function same(args, input) {
  const native = runNative(args, input);
  const node = runNode(args, input);
  expect(node).toEqual(native);
  return native;
}

describe('byte for byte the same (MLP: no transcendental differences between the libms here)', () => {
  const files = ['examples/classic.json', 'examples/lesson-pytorch.json'];
  test.each(files.flatMap((f) => ['trace', 'train', 'gradcheck'].map((verb) => [verb, f])))('%s %s', (verb, file) => {
    expect(same([verb, file]).status).toBe(0);
  });

  test('a scenario on standard input', () => {
    expect(same(['train', '-'], JSON.stringify(classic)).status).toBe(0);
  });
});

describe('the RNN example: the same status and stderr, the same numbers', () => {
  test.each(['trace', 'train', 'gradcheck'])('%s', (verb) => {
    const native = runNative([verb, 'examples/lesson-rnn.json']);
    const node = runNode([verb, 'examples/lesson-rnn.json']);
    expect([node.status, node.stderr]).toEqual([0, '']);
    expect([native.status, native.stderr]).toEqual([0, '']);
    const [a, b] = [JSON.parse(native.stdout), JSON.parse(node.stdout)];
    if (verb === 'gradcheck') {
      const {loss} = JSON.parse(runNative(['trace', 'examples/lesson-rnn.json']).stdout);
      expect(gradcheckMismatches(a, b, loss)).toEqual([]);
    } else {
      expect(resultMismatches(a, b)).toEqual([]);
    }
  });
});

describe('refusals and usage errors: the same line and status', () => {
  const cases = [
    ['a bad scenario', ['train', '-'], text((s) => (s.model.layers[1] = 0)), 2],
    ['malformed JSON', ['trace', '-'], '{"model": ', 2],
    ['bytes that are not UTF-8', ['trace', '-'], Buffer.from([0x7b, 0xff, 0xfe]), 2],
    ['empty input', ['gradcheck', '-'], '', 2],
    ['a diverging training', ['train', '-'], diverging, 3],
    ['an infinite loss in a trace', ['trace', '-'], text((s) => {
      s.model.activations = ['linear', 'linear'];
      s.parameters.W1 = [[1e200, 1e200], [1e200, 1e200]];
    }), 3],
    ['--help', ['--help'], '', 0],
    ['-h', ['-h'], '', 0],
    ['no arguments', [], '', 1],
    ['one argument', ['trace'], '', 1],
    ['three arguments', ['trace', 'examples/classic.json', 'extra'], '', 1],
    ['--help with a file', ['--help', 'examples/classic.json'], '', 1],
    ['an unknown verb', ['fly', 'examples/classic.json'], '', 1],
    ['a long unknown verb', ['x'.repeat(100), '-'], '{}', 1],
    ['a missing file', ['trace', 'no/such/scenario.json'], '', 1],
    ['an unknown verb and a missing file', ['fly', 'no/such/scenario.json'], '', 1],
    ['a directory', ['trace', 'examples'], '', 1],
  ];
  test.each(cases)('%s', (_, args, input, status) => {
    const r = same(args, input);
    expect(r.status).toBe(status);
    if (status !== 0) expect(r.stdout).toBe('');
    if (status >= 2) expect(r.stderr).toMatch(/^backprop: [^\n]+\n$/);
  });

  test('an input over 64 MiB is refused with its size as read (limit + 1 bytes)', () => {
    const file = join(tmp, 'big.json');
    writeFileSync(file, ' '.repeat(64 * 1024 * 1024 + 100));
    const r = same(['trace', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('backprop: scenario: is 67108865 bytes; at most 67108864\n');
  });
});
