// The page's side of the training worker: one worker, reused, one run at a time.
//
//   const result = await start(scenario, {steps, recordEvery, onProgress});
//   result: {status: 'done', steps, losses, curve, finalLoss, validationLoss, parameters,
//            elapsedMs (in the worker), wallMs (start() to result)}
//        or {status: 'cancelled', done, losses, curve}
//   a refusal or a divergence rejects with a CoreError (plus .step, .losses, .curve: what was
//   recorded before it); onProgress({done, steps, losses, curve}) gets the new points only.
//   cancel() stops the run in progress; starting another run cancels the previous one.
import {errorFrom} from './errors.js';

let worker = null;
let nextId = 1;
const runs = new Map();  // id → {resolve, reject, onProgress, losses, curve, steps, t0}
let latest = 0;          // the id of the newest run

function onMessage({data}) {
  const run = runs.get(data.id);
  if (!run) return;
  if (data.type === 'progress') {
    run.losses.push(...data.losses);
    run.curve.push(...data.curve);
    run.onProgress?.({done: data.done, steps: run.steps, losses: data.losses, curve: data.curve});
    return;
  }
  runs.delete(data.id);
  if (data.type === 'done') {
    run.resolve({...data, status: 'done', wallMs: performance.now() - run.t0});
  } else if (data.type === 'cancelled') {
    run.resolve({status: 'cancelled', done: data.done, losses: run.losses, curve: run.curve});
  } else if (data.type === 'error') {
    const error = errorFrom(data);
    error.losses = run.losses.concat(data.losses);
    error.curve = run.curve.concat(data.curve);
    run.reject(error);
  }
}

function onFailure(event) {
  // The worker itself failed (it could not load the core): drop it, the next start makes another.
  event.preventDefault?.();
  worker?.terminate();
  worker = null;
  const failed = [...runs.values()];
  runs.clear();
  for (const run of failed) run.reject(new Error(event.message || 'training worker failed'));
}

let wasmModule;  // the page's compiled core, handed to the worker

// Creates the worker ahead of the first run; it instantiates the page's compiled core (`module`,
// a WebAssembly.Module) rather than fetching its own.
export function warm(module = wasmModule) {
  wasmModule = module;
  if (worker) return;
  worker = new Worker(new URL('./worker.js', import.meta.url), {type: 'module'});
  worker.postMessage({type: 'init', module: wasmModule});
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onFailure);
  worker.addEventListener('messageerror', onFailure);
}

export function start(scenario, {steps, recordEvery = 1, onProgress} = {}) {
  cancel();
  warm();
  return new Promise((resolve, reject) => {
    const id = nextId++;
    latest = id;
    runs.set(id, {resolve, reject, onProgress, losses: [], curve: [], steps, t0: performance.now()});
    worker.postMessage({type: 'train', id, scenario, steps, recordEvery});
  });
}

// Stops the newest run; its promise resolves with status 'cancelled' once the worker stops.
export function cancel() {
  if (runs.has(latest)) worker?.postMessage({type: 'cancel', id: latest});
}

export function isRunning() {
  return runs.size > 0;
}
