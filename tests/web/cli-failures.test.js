// How bin/backprop.mjs fails, against the native build/backprop: running out of memory is a
// refusal on one line (exit 2), never Emscripten's "Aborted()" or a source line; a result that
// cannot be written is reported (exit 1).
import {closeSync, mkdtempSync, openSync, readFileSync, rmSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {memoryRefusal, runGuarded, silentModule} from '../../bin/guard.mjs';
import {loadCore} from '../../web/core/core.js';
import {nativeCli, nodeCli, requireNative, root, runNative, wasmPath} from './support.js';
import {readFile} from 'node:fs/promises';

let tmp;
beforeAll(() => {
  requireNative();
  tmp = mkdtempSync(join(tmpdir(), 'backprop-cli-failures-'));
});
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

// The native tool's wording for std::bad_alloc (cpp/io/command.cpp, `refusing`). Reproducing it
// natively takes a capped address space and minutes of parsing, so the wording is read from there.
const nativeSource = readFileSync(join(root, 'cpp/io/command.cpp'), 'utf8');

describe('out of memory: a refusal, as natively', () => {
  test('the wording is the native tool\'s', () => {
    expect(nativeSource).toContain('std::string(what) + ": too large for the memory available"');
    expect(nativeSource).toContain('refusing("data"');
  });

  // The core aborting inside wasm (Emscripten throws a WebAssembly.RuntimeError "Aborted(…)"),
  // or a result too long for a JavaScript string (RangeError).
  const failing = (error) => ({run() { throw error; }});
  test.each([
    ['an abort', new WebAssembly.RuntimeError('Aborted(OOM)')],
    ['a string too long', new RangeError('Invalid string length')],
  ])('%s inside the core becomes the refusal (exit 2, the input named)', (_, error) => {
    expect(runGuarded(failing(error), 'trace', '{}')).toEqual({
      code: 2, json: '', message: 'scenario: too large for the memory available', field: 'scenario',
    });
    expect(runGuarded(failing(error), 'data', '{}')).toEqual({
      code: 2, json: '', message: 'data: too large for the memory available', field: 'data',
    });
  });

  test('what the core answers passes through unchanged', async () => {
    const core = await loadCore({wasmBinary: await readFile(wasmPath), ...silentModule});
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
