// Every PyTorch reference case through the wasm core, as tests/tools/check_fixtures.py does.
import {beforeAll, describe, expect, test} from 'vitest';
import {fixtureCases, fixtureMismatches, loadWasmCore} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

const cases = fixtureCases();

test('the fixtures are there', () => {
  expect(cases.length).toBeGreaterThanOrEqual(100);
});

describe.each([...new Set(cases.map((c) => c.file))])('%s', (file) => {
  test.each(cases.filter((c) => c.file === file).map((c) => [c.name, c]))('%s', (_, c) => {
    const run = {trace: core.trace, predict: core.predict}[c.command] ?? core.train;
    const got = run.call(core, c.scenario);
    expect(fixtureMismatches(c.expected, got)).toEqual([]);
  });
});
