// Long runs leave the wasm heap as they found it: the same size (module.HEAP8.length) and the
// same high-water mark, after a warm-up. The mark is where a 1 MiB block lands: above every
// block in use when no free block is that large, and pushed up by anything that stays allocated.
import {beforeAll, describe, expect, test} from 'vitest';
import {loadWasmCore, readJson} from './support.js';

let core;
let module;
beforeAll(async () => {
  core = await loadWasmCore();
  module = core.module;
});

const PROBE = 1 << 20;

function heap() {
  const size = module.HEAP8.length;
  const mark = module._malloc(PROBE);
  module._free(mark);
  expect(mark).not.toBe(0);
  expect(module.HEAP8.length).toBe(size); // the probe fits: it measures, it does not grow
  return {size, mark};
}

const lesson = readJson('examples/lesson-pytorch.json');
const classic = readJson('examples/classic.json');
const rnn = readJson('examples/lesson-rnn.json');
const report = (what, before, after) =>
  console.log(`${what}: heap ${before.size} -> ${after.size} bytes, mark ${before.mark} -> ${after.mark}`);

describe('a Trainer', () => {
  test.each([
    ['the lesson loop', 100_000, lesson],
    ['the RNN example', 20_000, rnn],
  ])('%s: %d steps in chunks of 1,000', (name, steps, scenario) => {
    const trainer = core.trainer(scenario);
    try {
      trainer.run(1000);
      trainer.run(1000);
      const before = heap();
      let last;
      for (let done = 0; done < steps; done += 1000) {
        const losses = trainer.run(1000);
        expect(losses.length).toBe(1000);
        last = losses[999];
      }
      const after = heap();
      report(`${name}, ${steps} steps`, before, after);
      expect(after).toEqual(before);
      expect(trainer.stepsDone).toBe(steps + 2000);
      expect(Number.isFinite(last)).toBe(true);
    } finally {
      trainer.delete();
    }
  });

  test('created and deleted 1,000 times, refused 1,000 times', () => {
    const bad = {...classic, optimizer: {kind: 'sgd', lr: -1}};
    const cycle = () => {
      const trainer = core.trainer(classic);
      trainer.run(10);
      trainer.parameters();
      trainer.delete();
      expect(() => core.trainer(bad)).toThrow('optimizer.lr');
    };
    for (let i = 0; i < 100; ++i) cycle();
    const before = heap();
    for (let i = 0; i < 1000; ++i) cycle();
    const after = heap();
    report('1,000 trainers', before, after);
    expect(after).toEqual(before);
  });
});

describe('the verbs', () => {
  test('10,000 traces', () => {
    const text = JSON.stringify(classic);
    for (let i = 0; i < 100; ++i) core.trace(text);
    const before = heap();
    let loss;
    for (let i = 0; i < 10_000; ++i) loss = core.trace(text).loss;
    const after = heap();
    report('10,000 traces', before, after);
    expect(after).toEqual(before);
    expect(loss).toBeCloseTo(0.298371109, 9);
  });

  test('10,000 refusals (a C++ exception each) and 1,000 trainings and gradient checks', () => {
    const bad = JSON.stringify({...classic, model: {...classic.model, layers: [2, 0, 2]}});
    const short = JSON.stringify({...lesson, train: {steps: 100, record_every: 10}});
    const calls = (n) => {
      for (let i = 0; i < n; ++i) {
        expect(core.run('trace', bad).code).toBe(2);
        if (i % 10 === 0) {
          core.train(short);
          core.gradcheck(short);
        }
      }
    };
    calls(100);
    const before = heap();
    calls(10_000);
    const after = heap();
    report('10,000 refusals', before, after);
    expect(after).toEqual(before);
  });
});

test('the high-water mark sees a leak (32 bytes a call, 10,000 calls)', () => {
  const before = heap();
  for (let i = 0; i < 10_000; ++i) module._malloc(32);
  const after = heap();
  expect(after.size).toBe(before.size);
  expect(after.mark).toBeGreaterThan(before.mark);
});
