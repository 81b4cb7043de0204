// The labs' worker pool (web/labs/jobs-client.js) over fake workers: queueing, cancel, errors,
// a worker that dies.
import {describe, expect, test} from 'vitest';
import {CoreError} from '../../web/core/core.js';
import {errorFrom, errorPayload} from '../../web/core/errors.js';
import {S, useTexts} from '../../web/strings/index.js';
import {JobFailure, createPool, describeJobError} from '../../web/labs/jobs-client.js';

await useTexts('labs');  // S.labs, as a lab's page asks for it (web/strings/index.js)

// A Worker stand-in: records what it is sent; the test answers for it.
class FakeWorker {
  constructor() {
    this.sent = [];
    this.listeners = {message: [], error: [], messageerror: []};
    this.terminated = false;
  }
  postMessage(data) {
    this.sent.push(data);
  }
  addEventListener(type, f) {
    this.listeners[type].push(f);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data) {
    for (const f of this.listeners.message) f({data});
  }
  fail(message) {
    for (const f of this.listeners.error) f({message, preventDefault() {}});
  }
  get running() {
    return this.sent.filter((m) => m.type === 'run').at(-1);
  }
}

function pool(size = 2) {
  const spawned = [];
  const p = createPool({size, spawn: () => {
    const w = new FakeWorker();
    spawned.push(w);
    return w;
  }});
  return {p, spawned};
}

const settled = async (promise) => {
  let state = 'pending';
  promise.then(() => (state = 'resolved'), () => (state = 'rejected'));
  await new Promise((r) => setTimeout(r, 0));
  return state;
};

describe('labs worker pool', () => {
  test('workers are made on first use, up to the pool size; extra jobs wait in order', async () => {
    const {p, spawned} = pool(2);
    expect(spawned).toHaveLength(0);
    const a = p.runJob('train', {n: 1});
    const b = p.runJob('train', {n: 2});
    const c = p.runJob('search', {n: 3});
    expect(spawned).toHaveLength(2);
    expect(spawned.map((w) => w.running.input.n)).toEqual([1, 2]);
    expect(p.queued).toBe(1);
    // Progress goes to its own job only.
    const seen = [];
    const d = p.runJob('train', {n: 4}, {onProgress: (x) => seen.push(x)});
    spawned[0].reply({type: 'progress', id: spawned[0].running.id, payload: {done: 5}});
    expect(seen).toEqual([]);
    // The first to finish takes the next job in the queue.
    spawned[1].reply({type: 'done', id: spawned[1].running.id, result: {r: 2}, elapsedMs: 3});
    expect((await b.promise)).toMatchObject({status: 'done', result: {r: 2}, elapsedMs: 3});
    expect(spawned[1].running).toMatchObject({kind: 'search', input: {n: 3}});
    spawned[0].reply({type: 'done', id: spawned[0].running.id, result: {r: 1}});
    expect((await a.promise).result).toEqual({r: 1});
    expect(spawned[0].running.input.n).toBe(4);
    spawned[0].reply({type: 'progress', id: spawned[0].running.id, payload: {done: 7}});
    expect(seen).toEqual([{done: 7}]);
    expect(spawned).toHaveLength(2);
    expect(await settled(c.promise)).toBe('pending');
    expect(await settled(d.promise)).toBe('pending');
  });

  test('a queued job cancelled is dropped at once; a running one asks its worker', async () => {
    const {p, spawned} = pool(1);
    const a = p.runJob('train', {n: 1});
    const b = p.runJob('train', {n: 2});
    b.cancel();
    expect(await b.promise).toEqual({status: 'cancelled'});
    expect(p.queued).toBe(0);
    a.cancel();
    const id = spawned[0].running.id;
    expect(spawned[0].sent.at(-1)).toEqual({type: 'cancel', id});
    // Progress that was already on its way is not delivered after a cancel.
    expect(await settled(a.promise)).toBe('pending');
    spawned[0].reply({type: 'cancelled', id});
    expect(await a.promise).toEqual({status: 'cancelled'});
    // The worker is free again.
    p.runJob('train', {n: 3});
    expect(spawned[0].running.input.n).toBe(3);
  });

  test('pause and resume tell the running worker; a queued job is paused as it starts; a paused job cancels', async () => {
    const {p, spawned} = pool(1);
    const seen = [];
    const a = p.runJob('train', {n: 1}, {onProgress: (x) => seen.push(x)});
    const b = p.runJob('train', {n: 2});
    const id = spawned[0].running.id;
    a.pause();
    a.pause();  // once is enough
    expect(a.paused).toBe(true);
    expect(spawned[0].sent.filter((m) => m.type === 'pause')).toEqual([{type: 'pause', id}]);
    // Progress already on its way still arrives while paused.
    spawned[0].reply({type: 'progress', id, payload: {done: 3}});
    expect(seen).toEqual([{done: 3}]);
    a.resume();
    expect(a.paused).toBe(false);
    expect(spawned[0].sent.at(-1)).toEqual({type: 'resume', id});
    a.resume();  // not paused: nothing sent
    expect(spawned[0].sent.filter((m) => m.type === 'resume')).toHaveLength(1);
    // A queued job asked to pause is told so right after its run message.
    b.pause();
    expect(spawned[0].sent.filter((m) => m.input?.n === 2)).toEqual([]);
    spawned[0].reply({type: 'done', id, result: {r: 1}});
    expect((await a.promise).result).toEqual({r: 1});
    const idB = spawned[0].running.id;
    expect(spawned[0].sent.slice(-2)).toEqual([{type: 'run', id: idB, kind: 'train', input: {n: 2}}, {type: 'pause', id: idB}]);
    // Cancelling a paused job asks the worker (which wakes the job); resume after it does nothing.
    b.cancel();
    expect(spawned[0].sent.at(-1)).toEqual({type: 'cancel', id: idB});
    b.resume();
    expect(spawned[0].sent.at(-1)).toEqual({type: 'cancel', id: idB});
    spawned[0].reply({type: 'cancelled', id: idB});
    expect(await b.promise).toEqual({status: 'cancelled'});
  });

  test('a refusal becomes a CoreError with its field; a worker that dies is replaced', async () => {
    const {p, spawned} = pool(1);
    const a = p.runJob('train', {});
    spawned[0].reply({type: 'error', id: spawned[0].running.id, message: 'optimizer.lr: must be > 0', field: 'optimizer.lr', code: 2, step: null});
    const refusal = await a.promise.catch((e) => e);
    expect(refusal).toBeInstanceOf(CoreError);
    expect(refusal).toMatchObject({field: 'optimizer.lr', code: 2});

    const b = p.runJob('train', {});
    const c = p.runJob('train', {});
    spawned[0].fail('boom');
    const failure = await b.promise.catch((e) => e);
    expect(failure).toBeInstanceOf(JobFailure);
    expect(describeJobError(failure)).toMatch(/Web Worker/);
    expect(spawned[0].terminated).toBe(true);
    expect(spawned).toHaveLength(2);  // a fresh worker took the queued job
    expect(spawned[1].running.id).toBeGreaterThan(0);
    // A core that trapped (fatal) is replaced too.
    spawned[1].reply({type: 'error', id: spawned[1].running.id, message: 'Aborted(OOM)', field: '', code: 0, fatal: true});
    expect(await c.promise.catch((e) => e)).toBeInstanceOf(JobFailure);
    expect(spawned[1].terminated).toBe(true);
    p.runJob('train', {});
    expect(spawned).toHaveLength(3);
  });

  test('errors read in Spanish', () => {
    const args = {step: '12', loss: 'NaN', lr: '1000'};
    const diverged = new CoreError({message: 'train: diverged at step 12', field: 'train', code: 3, reason: 'diverged', args});
    expect(describeJobError(diverged)).toMatch(/iteración 12/);
    // A divergence as the workers post it: read from its reason and arguments, whatever the English says.
    const posted = errorFrom(errorPayload(new CoreError({message: 'train: something', field: 'train', code: 3, reason: 'diverged', args: {...args, step: '7'}})));
    expect(posted).toBeInstanceOf(CoreError);
    expect([posted.field, posted.code, posted.step, posted.reason]).toEqual(['train', 3, 7, 'diverged']);
    expect(describeJobError(posted)).toBe(S.coreErrors.lossReasons.diverged({...args, step: '7'}));
    expect(describeJobError(new CoreError({message: 'nope: no such job', field: 'job', code: 2}))).toBe('el cálculo «nope» no existe.');
  });
});
