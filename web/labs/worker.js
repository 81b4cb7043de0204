// The labs' module worker: instantiates the page's compiled core and runs one job at a time
// (the jobs of web/labs/jobs/, by name). The pool in jobs-client.js never sends a second job
// before the first one has answered.
//
// In:  {type: 'init', module} · {type: 'run', id, kind, input} · {type: 'cancel', id}
//      {type: 'pause', id} · {type: 'resume', id}  (a paused job waits inside api.pause())
// Out: {type: 'progress', id, payload}       (payload as the job sends it; transfer honoured)
//      {type: 'done', id, result, elapsedMs}
//      {type: 'cancelled', id}
//      {type: 'error', id, message, field, code, step, fatal}
//      fatal: the core could not load or aborted (a wasm trap): the page replaces this worker.
import {CoreError} from '../core/core.js';
import {errorPayload} from '../core/errors.js';
import {workerCore} from '../core/worker-core.js';
import {jobs} from './jobs/index.js';

const cores = workerCore();
let current = null;  // {id, cancelled, paused, wake}

// Lets queued messages (a cancel, a pause) in between two slices of work; while the job is
// paused, waits until it is resumed or cancelled.
async function pauseOf(job) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  while (job.paused && !job.cancelled) await new Promise((resolve) => (job.wake = resolve));
  job.wake = null;
}

function wake(job) {
  job.wake?.();
  job.wake = null;
}

async function run({id, kind, input}) {
  const job = {id, cancelled: false, paused: false, wake: null};
  current = job;
  const start = performance.now();
  try {
    const fn = jobs[kind];
    if (!fn) throw new CoreError({message: `${kind}: no such job`, field: 'job', code: 2});
    const core = await cores.ready().catch((error) => {
      throw Object.assign(new Error(`core: ${error?.message ?? error}`), {fatal: true});
    });
    const api = {
      core,
      progress(payload, transfer = []) {
        if (!job.cancelled) postMessage({type: 'progress', id, payload}, transfer);
      },
      cancelled: () => job.cancelled,
      pause: () => pauseOf(job),
    };
    const result = await fn(input, api);
    if (job.cancelled) postMessage({type: 'cancelled', id});
    else postMessage({type: 'done', id, result, elapsedMs: performance.now() - start});
  } catch (error) {
    postMessage({
      type: 'error', id, ...errorPayload(error),
      fatal: Boolean(error?.fatal) || error instanceof WebAssembly.RuntimeError || /^Aborted\(/.test(String(error?.message)),
    });
  } finally {
    if (current === job) current = null;
  }
}

self.addEventListener('message', ({data}) => {
  if (data?.type === 'init') cores.init(data.module);
  else if (data?.type === 'run') run(data);
  else if (!current || current.id !== data?.id) return;
  else if (data.type === 'cancel') {
    current.cancelled = true;
    wake(current);
  } else if (data.type === 'pause') current.paused = true;
  else if (data.type === 'resume') {
    current.paused = false;
    wake(current);
  }
});
