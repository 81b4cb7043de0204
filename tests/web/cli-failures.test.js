// How bin/backprop.mjs fails, against the native build/backprop: running out of memory is a
// refusal on one line (exit 2), never Emscripten's "Aborted()" or a source line; a result that
// cannot be written is reported (exit 1).
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {runGuarded, silentModule} from '../../bin/guard.mjs';
import {loadCore} from '../../web/core/core.js';
import {nativeCli, nodeCli, requireNative, root, runNative, wasmPath} from './support.js';
import {readFile} from 'node:fs/promises';

let tmp;
beforeAll(() => {
  requireNative();
  tmp = mkdtempSync(join(tmpdir(), 'backprop-cli-failures-'));
});
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

// The native tool refuses std::bad_alloc with the reason out_of_memory (cpp/io/command.cpp,
// `refusing`). Reproducing it natively takes a capped address space and minutes of parsing, so the
// source says it, and the words are the spec's, the same natively and in wasm.
const nativeSource = readFileSync(join(root, 'cpp/io/command.cpp'), 'utf8');

describe('out of memory: a refusal, as natively', () => {
  let core;
  beforeAll(async () => {
    core = await loadCore({wasmBinary: await readFile(wasmPath), ...silentModule});
  });

  test('the wording is the native tool\'s', () => {
    expect(nativeSource).toContain('refused(2, ScenarioError(what, Reason::out_of_memory))');
    expect(nativeSource).toContain('refusing("data"');
    expect(JSON.parse(runNative(['spec'], '').stdout).reasons.out_of_memory).toBe(core.spec().reasons.out_of_memory);
  });

  // The core aborting inside wasm (Emscripten throws a WebAssembly.RuntimeError "Aborted(…)"),
  // or a result too long for a JavaScript string (RangeError).
  const failing = (error) => ({spec: () => core.spec(), run() { throw error; }});
  test.each([
    ['an abort', new WebAssembly.RuntimeError('Aborted(OOM)')],
    ['a string too long', new RangeError('Invalid string length')],
  ])('%s inside the core becomes the refusal (exit 2, the input named)', (_, error) => {
    const words = core.spec().reasons.out_of_memory;
    const refusal = (field) => ({code: 2, json: '', message: `${field}: ${words}`, field, reason: 'out_of_memory', args: '{}'});
    expect(runGuarded(failing(error), 'trace', '{}')).toEqual(refusal('scenario'));
    expect(runGuarded(failing(error), 'data', '{}')).toEqual(refusal('data'));
  });

  test('what the core answers passes through unchanged', () => {
    for (const [verb, input] of [['trace', '{"model": 1}'], ['fly', '{}'], ['data', '{"kind": "points", "shape": "xor", "count": 4}']])
      expect(runGuarded(core, verb, input)).toEqual(core.run(verb, input));
  });
});

describe('a result that cannot be written: exit 1 and one line, as natively', () => {
  // stdout on /dev/full: every write fails (ENOSPC).
  function full(command, args) {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(command, args, {cwd: root, encoding: 'utf8', stdio: ['ignore', fd, 'pipe']});
      return {status: r.status, stderr: r.stderr};
    } finally {
      closeSync(fd);
    }
  }
  test.each([
    ['a result', ['trace', 'examples/classic.json'], 1],
    ['the spec', ['spec'], 1],
    ['--help', ['--help'], 0],
    ['a refusal (nothing to write)', ['trace', 'package.json'], 2],
  ])('%s', (_, args, status) => {
    const native = full(nativeCli, args);
    expect(full(process.execPath, [nodeCli, ...args])).toEqual(native);
    expect(native.status).toBe(status);
    if (args[0] === 'trace' && status === 1) expect(native.stderr).toBe('backprop: cannot write the result\n');
  });
});

test('the Node tool prints nothing of Emscripten\'s own (a refusal is its one line)', () => {
  const r = spawnSync(process.execPath, [nodeCli, 'trace', '-'], {cwd: root, input: '{"model": ', encoding: 'utf8'});
  expect(r.stderr).toBe(runNative(['trace', '-'], '{"model": ').stderr);
  expect(r.stderr).toMatch(/^backprop: [^\n]+\n$/);
});
