// The page's side of the labs' worker: a small pool of module workers (min(2, cores), created on
// first use), one job per worker at a time, the others queued in order.
//
//   useCore(core)                  hand the page's compiled core (core.wasmModule) to the workers
//   const run = runJob(kind, input, {onProgress(payload)})
//   run.cancel()                   a queued job is dropped at once; a running one stops within
//                                  one slice of its work (a paused one too)
//   run.pause() / run.resume()     the job waits at its next api.pause() (within one slice) until
//                                  resumed, keeping its state and its worker; progress messages
//                                  already on their way still arrive. run.paused: asked to pause
//   await run.promise              {status: 'done', result, wallMs, elapsedMs} | {status: 'cancelled'}
//                                  rejects with a CoreError (message, field, code, .step) when the
//                                  core refuses, or a JobFailure when the worker died
//   describeJobError(error)        the error in Spanish, for the student
//   createPool({spawn, size})      the same over any Worker-like objects (tests)
import {CoreError} from '../core/core.js';
import {errorFrom} from '../core/errors.js';
import {translateCoreError} from '../errors.js';
import {S} from '../strings/index.js';

// The worker stopped (it failed to load, crashed, or the core trapped): its job cannot finish.
export class JobFailure extends Error {
  constructor(message) {
    super(message);
    this.name = 'JobFailure';
  }
}

export function describeJobError(error) {
  if (error instanceof CoreError) {
    if (error.field === 'job') return S.labs.jobs.unknownJob(error.message.split(':')[0]);
    return translateCoreError(error);
  }
  if (error instanceof JobFailure) return S.labs.jobs.workerDied;
  return String(error?.message ?? error);
}

// spawn() → a Worker-like object (postMessage, addEventListener, terminate), initialised.
export function createPool({spawn, size}) {
  const workers = [];  // {worker, job: the job it runs or null}
  const queue = [];    // jobs waiting for a worker
  let nextId = 1;

  function settle(slot, job, outcome) {
    slot.job = null;
    if (outcome.error) job.reject(outcome.error);
    else job.resolve(outcome.value);
    pump();
  }

  function onMessage(slot, {data}) {
    const job = slot.job;
    if (!job || data?.id !== job.id) return;
    if (data.type === 'progress') {
      if (!job.cancelRequested) job.onProgress?.(data.payload);
    } else if (data.type === 'done') {
      settle(slot, job, {value: {status: 'done', result: data.result, elapsedMs: data.elapsedMs, wallMs: performance.now() - job.t0}});
    } else if (data.type === 'cancelled') {
      settle(slot, job, {value: {status: 'cancelled'}});
    } else if (data.type === 'error') {
      if (data.fatal) replace(slot);
      if (job.cancelRequested && !data.fatal) return settle(slot, job, {value: {status: 'cancelled'}});
      const error = data.fatal
        ? new JobFailure(data.message)
        : errorFrom(data);
      settle(slot, job, {error});
    }
  }

  // The worker died: terminate it, make the slot free for a fresh one, fail its job.
  function onFailure(slot, event) {
    event?.preventDefault?.();
    const job = slot.job;
    replace(slot);
    if (job) settle(slot, job, {error: new JobFailure(event?.message || 'worker failed')});
  }

  function replace(slot) {
    slot.worker.terminate();
    const index = workers.indexOf(slot);
    if (index >= 0) workers.splice(index, 1);
  }

  function start() {
    const slot = {worker: spawn(), job: null};
    slot.worker.addEventListener('message', (event) => onMessage(slot, event));
    slot.worker.addEventListener('error', (event) => onFailure(slot, event));
    slot.worker.addEventListener('messageerror', (event) => onFailure(slot, event));
    workers.push(slot);
    return slot;
  }

  function pump() {
    while (queue.length) {
      const slot = workers.find((w) => !w.job) ?? (workers.length < size ? start() : null);
      if (!slot) return;
      const job = queue.shift();
      slot.job = job;
      job.t0 = performance.now();
      slot.worker.postMessage({type: 'run', id: job.id, kind: job.kind, input: job.input});
      if (job.paused) slot.worker.postMessage({type: 'pause', id: job.id});
    }
  }

  function runJob(kind, input, {onProgress} = {}) {
    const job = {id: nextId++, kind, input, onProgress, cancelRequested: false, paused: false};
    const tell = (type) => workers.find((w) => w.job === job)?.worker.postMessage({type, id: job.id});
    const promise = new Promise((resolve, reject) => Object.assign(job, {resolve, reject}));
    queue.push(job);
    pump();
    return {
      promise,
      cancel() {
        if (job.cancelRequested) return;
        job.cancelRequested = true;
        const waiting = queue.indexOf(job);
        if (waiting >= 0) {
          queue.splice(waiting, 1);
          job.resolve({status: 'cancelled'});
          return;
        }
        tell('cancel');
      },
      pause() {
        if (job.cancelRequested || job.paused) return;
        job.paused = true;
        tell('pause');  // a queued job is told when it starts
      },
      resume() {
        if (job.cancelRequested || !job.paused) return;
        job.paused = false;
        tell('resume');
      },
      get paused() {
        return job.paused;
      },
    };
  }

  return {
    runJob,
    get busy() {
      return workers.filter((w) => w.job).length;
    },
    get queued() {
      return queue.length;
    },
    get size() {
      return workers.length;
    },
    // Stops every worker; running and queued jobs resolve as cancelled.
    terminate() {
      for (const job of queue.splice(0)) job.resolve({status: 'cancelled'});
      for (const slot of workers.splice(0)) {
        slot.worker.terminate();
        slot.job?.resolve({status: 'cancelled'});
      }
    },
  };
}

// The page's pool.
let wasmModule;
let pool = null;

export function useCore(core) {
  wasmModule ??= core?.wasmModule;
}

function spawnWorker() {
  const worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'});
  worker.postMessage({type: 'init', module: wasmModule});
  return worker;
}

export function runJob(kind, input, options) {
  pool ??= createPool({spawn: spawnWorker, size: Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1))});
  return pool.runJob(kind, input, options);
}
