// The labs' jobs: the registry (web/labs/jobs/index.js) and the `train` job against the real
// wasm core under Node, with a fake worker api (progress collected, no pause); then the worker
// itself (web/labs/worker.js) with its messages, pause and resume included.
import {beforeAll, describe, expect, test, vi} from 'vitest';
import {duplicates, jobs} from '../../web/labs/jobs/index.js';
import {train} from '../../web/labs/jobs/train.js';
import {CoreError} from '../../web/core/core.js';
import {readFile} from 'node:fs/promises';
import {loadWasmCore, wasmPath} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

const points = (seed = 1) => core.data({kind: 'points', shape: 'xor', count: 40, noise: 0.1, validation: 0.25, seed});

function mlp({lr = 0.5, seed = 3} = {}) {
  const data = points();
  return {
    model: {kind: 'mlp', layers: [2, 6, 2], activations: ['tanh', 'softmax'], loss: 'cross_entropy'},
    init: {scheme: 'uniform', scale: 0.5, seed},
    data: {inputs: data.inputs, targets: data.targets, validation: {inputs: data.validation.inputs, targets: data.validation.targets}},
    optimizer: {kind: 'sgd', lr},
  };
}

function fakeApi({cancelAfter = Infinity} = {}) {
  const messages = [];
  let pauses = 0;
  return {
    messages,
    api: {
      core,
      progress: (payload, transfer) => messages.push({payload, transfer}),
      cancelled: () => pauses >= cancelAfter,
      pause: async () => {
        pauses++;
      },
    },
  };
}

// Every progress message's lists, concatenated.
const gather = (messages, key) => messages.flatMap((m) => m.payload[key] ?? []);

describe('jobs registry', () => {
  test('collects the async functions of every job file by name, helpers excluded', () => {
    expect(jobs.train).toBe(train);
    for (const fn of Object.values(jobs)) expect(fn.constructor.name).toBe('AsyncFunction');
    expect(Object.keys(jobs)).not.toContain('normsScenario');  // a helper of norms-grid.js
    expect(duplicates).toEqual([]);
  });
});

describe('job train', () => {
  test('losses of every step, evaluations and gradient norms at their strides, the grid each message', async () => {
    const {api, messages} = fakeApi();
    const steps = 250;
    const result = await train({
      scenario: mlp(), steps, evaluateEvery: 50, normsEvery: 20, frameMs: 0,
      grid: {x0: -1.5, x1: 1.5, y0: -1.5, y1: 1.5, nx: 30, ny: 20, unit: 1},
    }, api);

    const losses = gather(messages, 'losses');
    expect(losses.map(([i]) => i)).toEqual([...Array(steps).keys()]);
    // The same run in one go gives the same losses: chunking changes nothing.
    const whole = core.trainer(mlp());
    const reference = whole.run(steps);
    expect(losses.map(([, loss]) => loss)).toEqual(Array.from(reference));

    const evaluations = gather(messages, 'evaluations');
    expect(evaluations.map(([i]) => i)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(evaluations.at(-1)[1]).toEqual(whole.evaluate());
    expect(result.evaluation).toEqual(whole.evaluate());
    expect(evaluations[0][1].loss).toBeGreaterThan(evaluations.at(-1)[1].loss);

    const norms = gather(messages, 'norms');
    expect(norms.map(([i]) => i)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200, 220, 240, 249]);
    expect(norms.at(-1)[1]).toEqual(whole.gradientNorms());
    expect(norms[0][1]).toBeInstanceOf(Float64Array);
    expect(norms[0][1].length).toBe(4);  // W1, b1, W2, b2
    expect(messages.some((m) => 'hNorms' in m.payload)).toBe(false);

    for (const {payload, transfer} of messages) {
      expect(payload.grid).toBeInstanceOf(Float32Array);
      expect(payload.grid.length).toBe(600);
      expect(transfer).toEqual([payload.grid.buffer]);
      expect(payload.steps).toBe(steps);
    }
    const lastGrid = whole.grid(-1.5, 1.5, -1.5, 1.5, 30, 20, 1);
    expect(Array.from(messages.at(-1).payload.grid)).toEqual(Array.from(Float32Array.from(lastGrid)));
    expect(messages[0].payload.done).toBe(0);
    expect(messages.at(-1).payload.done).toBe(steps);

    expect(result.steps).toBe(steps);
    expect(result.parameters).toEqual(whole.parameters());
    expect(result.elapsedMs).toEqual(expect.any(Number));  // reported; how long it took is a budget's
    whole.delete();
  });

  test('an RNN sends ‖h̄_t‖ beside the gradient norms', async () => {
    const data = core.data({kind: 'sequences', task: 'parity', count: 8, min_length: 3, max_length: 6, validation: 0.25, seed: 2});
    const scenario = {
      model: {kind: 'rnn', input_size: data.input_size, hidden_size: 4, output_size: data.output_size, hidden_activation: 'tanh', output_activation: 'sigmoid', loss: 'half_sse', bias: true},
      init: {scheme: 'uniform', scale: 0.5, seed: 1},
      data: {sequences: data.sequences, validation: data.validation},
      optimizer: {kind: 'sgd', lr: 0.1},
    };
    const {api, messages} = fakeApi();
    await train({scenario, steps: 30, evaluateEvery: 10, normsEvery: 10, grid: null, frameMs: 0}, api);
    const hNorms = gather(messages, 'hNorms');
    expect(hNorms.map(([i]) => i)).toEqual([0, 10, 20, 29]);
    expect(hNorms[0][1]).toBeInstanceOf(Float64Array);
    expect(hNorms[0][1].length).toBe(data.sequences[0].inputs.length);
    expect(gather(messages, 'norms').map(([i]) => i)).toEqual([0, 10, 20, 29]);
    expect(gather(messages, 'evaluations').map(([i]) => i)).toEqual([0, 10, 20, 30]);
  });

  test('a loss that becomes NaN or ∞ is refused as the core refuses it (field train, code 3), after what was recorded', async () => {
    const {api, messages} = fakeApi();
    const scenario = {...mlp({lr: 1e6}), model: {kind: 'mlp', layers: [2, 6, 1], activations: ['relu', 'linear'], loss: 'half_sse'}};
    scenario.data = {inputs: scenario.data.inputs, targets: scenario.data.targets.map(([a]) => [a * 1000])};
    const error = await train({scenario, steps: 1000, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 0}, api).catch((e) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.field).toBe('train');
    expect(error.code).toBe(3);
    expect(error.message).toMatch(/diverged at step \d+/);
    expect(error.message).toContain('optimizer.lr = 1e+06');
    // The very refusal of the core's own training (`backprop train` exits 3 with it).
    const own = (() => {
      try {
        core.train({...scenario, train: {steps: 1000}});
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect({message: error.message, field: error.field, code: error.code}).toEqual({message: own.message, field: own.field, code: own.code});
    const losses = gather(messages, 'losses');
    expect(losses.length).toBe(error.step);
    expect(losses.every(([, loss]) => Number.isFinite(loss))).toBe(true);
  });

  test('a cancel is seen at the next slice: the job stops and returns nothing', async () => {
    const {api, messages} = fakeApi({cancelAfter: 1});
    const result = await train({scenario: mlp(), steps: 1e6, evaluateEvery: 0, normsEvery: 0, grid: null, frameMs: 0}, api);
    expect(result).toBe(null);
    expect(messages.at(-1).payload.done).toBeLessThan(1e6);
  });

  test('a refused scenario rejects with the core\'s field', async () => {
    const {api} = fakeApi();
    const scenario = mlp();
    scenario.optimizer.lr = -1;
    const error = await train({scenario, steps: 10}, api).catch((e) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.field).toBe('optimizer.lr');
  });
});

// On a fake clock (setTimeout and performance.now), where the core's work takes no time: the
// spacing is the job's own doing, whatever the machine's load. The real spacing is a budget
// (scripts/budgets/jobs.mjs).
describe('job train at a pace', () => {
  test('maxStepsPerFrame and minFrameMs: at most so many steps per message, messages spaced out; the same run', async () => {
    const {api, messages} = fakeApi();
    const times = [];
    const timed = {...api, progress: (payload, transfer) => {
      times.push(performance.now());
      api.progress(payload, transfer);
    }};
    const steps = 60;
    vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout', 'performance']});
    let result;
    try {
      let settled = false;
      const running = train({scenario: mlp(), steps, evaluateEvery: 20, normsEvery: 0, grid: null,
        frameMs: 1e9, maxStepsPerFrame: 7, minFrameMs: 15}, timed).finally(() => (settled = true));
      while (!settled) await vi.advanceTimersByTimeAsync(1);
      result = await running;
    } finally {
      vi.useRealTimers();
    }
    // Every message but the first (the initial state) and the last holds exactly 7 new steps.
    const done = messages.map((m) => m.payload.done);
    expect(done).toEqual([0, 7, 14, 21, 28, 35, 42, 49, 56, 60]);
    // Each paced message waited minFrameMs after the one before (the last is the end, not paced).
    const gaps = times.slice(1, -1).map((t, k) => t - times[k]);
    expect(gaps).toHaveLength(8);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(15);
    // Evaluations at their own stride, whatever the pace; the result is the unpaced run's.
    expect(gather(messages, 'evaluations').map(([i]) => i)).toEqual([0, 20, 40, 60]);
    const plain = await train({scenario: mlp(), steps, evaluateEvery: 20, normsEvery: 0, grid: null, frameMs: 0}, fakeApi().api);
    expect(result.parameters).toEqual(plain.parameters);
    expect(gather(messages, 'losses').map(([i]) => i)).toEqual(Array.from({length: steps}, (_, i) => i));
  });
});

// The worker module under Node: `self` and `postMessage` stand in for the worker's globals.
describe('the labs worker: pause, resume, cancel', () => {
  let send;
  const inbox = [];
  const waiters = [];
  beforeAll(async () => {
    const listeners = [];
    globalThis.self = {addEventListener: (type, f) => type === 'message' && listeners.push(f)};
    globalThis.postMessage = (data) => {
      inbox.push(data);
      for (const w of waiters.splice(0)) w();
    };
    await import('../../web/labs/worker.js');
    send = (data) => listeners.forEach((f) => f({data}));
    send({type: 'init', module: await WebAssembly.compile(await readFile(wasmPath))});
  });
  // A hang guard, not a speed check.
  const next = (predicate, ms = 60_000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no such message')), ms);
    const look = () => {
      const found = inbox.find(predicate);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      } else waiters.push(look);
    };
    look();
  });
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const input = () => ({scenario: mlp(), steps: 3000, evaluateEvery: 500, normsEvery: 0, grid: null, frameMs: 0, maxStepsPerFrame: 50, minFrameMs: 2});

  test('a paused job sends nothing and keeps its state; resumed, it ends where an uninterrupted run does', async () => {
    send({type: 'run', id: 1, kind: 'train', input: input()});
    const answered = await next((m) => m.id === 1 && m.type === 'progress' && m.payload.done >= 100);
    send({type: 'pause', id: 1});
    await sleep(50);
    const count = inbox.filter((m) => m.id === 1).length;
    const at = inbox.filter((m) => m.id === 1 && m.type === 'progress').at(-1).payload.done;
    await sleep(150);
    expect(inbox.filter((m) => m.id === 1).length).toBe(count);  // it really waits
    // It stopped at its next pause point: at most one frame (maxStepsPerFrame) after the message
    // the pause answered, whatever the time the worker took.
    expect(at).toBeGreaterThanOrEqual(answered.payload.done);
    expect(at).toBeLessThanOrEqual(answered.payload.done + input().maxStepsPerFrame);
    send({type: 'pause', id: 2});  // another job's id: ignored
    send({type: 'resume', id: 1});
    const end = await next((m) => m.id === 1 && m.type === 'done');
    const progress = inbox.filter((m) => m.id === 1 && m.type === 'progress');
    expect(progress.filter((m) => m.payload.done > at).length).toBeGreaterThan(0);
    // No step lost or repeated: the losses of every step, once, in order.
    expect(progress.flatMap((m) => m.payload.losses.map(([i]) => i))).toEqual(Array.from({length: 3000}, (_, i) => i));
    const plain = await train(input(), fakeApi().api);
    expect(end.result.parameters).toEqual(plain.parameters);
    expect(end.result.evaluation).toEqual(plain.evaluation);
  });

  test('a paused job cancelled stops at once', async () => {
    send({type: 'run', id: 3, kind: 'train', input: input()});
    await next((m) => m.id === 3 && m.type === 'progress' && m.payload.done >= 50);
    send({type: 'pause', id: 3});
    await sleep(30);
    const paused = inbox.filter((m) => m.id === 3 && m.type === 'progress').at(-1).payload.done;
    send({type: 'cancel', id: 3});
    expect(await next((m) => m.id === 3 && (m.type === 'cancelled' || m.type === 'done'))).toMatchObject({type: 'cancelled'});
    // Not one more step: no progress after the pause, and no result.
    expect(inbox.filter((m) => m.id === 3 && m.type === 'progress').at(-1).payload.done).toBe(paused);
    expect(inbox.filter((m) => m.id === 3 && m.type === 'done')).toEqual([]);
  });
});

