// Module worker for long training runs: loads its own core and trains one scenario at a time.
//
// In:  {type: 'train', id, scenario, steps, recordEvery} · {type: 'cancel', id}
// Out: {type: 'progress', id, done, losses, curve}   (only what is new since the last message)
//      {type: 'done', id, steps, losses, curve, finalLoss, validationLoss, parameters, elapsedMs}
//      {type: 'cancelled', id, done}
//      {type: 'error', id, message, field, code, step, losses, curve}
// `losses` are [i, loss] for i % recordEvery == 0, the loss of step i before update i (as the
// core's train records them); `curve` is the same for every stride-th step (≤ ~1,000 points, the
// last step included), for the chart.
import {errorPayload} from './errors.js';
import {workerCore} from './worker-core.js';

const SLICE_MS = 50;    // work between two progress messages (~20 per second)
const CHUNK_MS = 8;     // work per call into the core; cancel is seen within a slice
const CURVE_POINTS = 1000;

// A short run at start-up makes the engine optimise the training loop before the first real run
// (measured cold: 20–90 ms for the first 10,000 steps of the lesson's net without it).
const WARM_UP = {
  model: {kind: 'mlp', layers: [2, 2, 2], activations: ['sigmoid', 'sigmoid'], loss: 'half_sse'},
  data: {inputs: [[0.05, 0.1]], targets: [[0.01, 0.99]]},
  optimizer: {kind: 'sgd', lr: 0.5},
};
const WARM_UP_STEPS = 5000;

// The page sends its compiled WebAssembly.Module first ({type: 'init', module}).
const cores = workerCore((core) => {
  try {
    const trainer = core.trainer(WARM_UP);
    trainer.run(WARM_UP_STEPS);
    trainer.delete();
  } catch {
    // only a warm-up
  }
});
let current = null;  // the run in progress: {id, cancelled}

// Lets queued messages (a cancel) through between slices.
const yieldToEvents = () => new Promise((resolve) => setTimeout(resolve, 0));

async function train({id, scenario, steps, recordEvery}) {
  const run = {id, cancelled: false};
  if (current) current.cancelled = true;
  current = run;

  const losses = [];
  const curve = [];
  let sentLosses = 0;
  let sentCurve = 0;
  let done = 0;
  let trainer = null;
  let lastLoss = NaN;  // the loss of step done − 1
  const progress = () => {
    postMessage({type: 'progress', id, done, losses: losses.slice(sentLosses), curve: curve.slice(sentCurve)});
    sentLosses = losses.length;
    sentCurve = curve.length;
  };

  try {
    const core = await cores.ready();
    const start = performance.now();
    const every = Math.max(1, Math.floor(recordEvery));
    const stride = Math.max(1, Math.ceil(steps / CURVE_POINTS));
    trainer = core.trainer(scenario);
    let chunk = 64;  // a probe; then sized from the measured time per step
    let sliceStart = start;
    while (done < steps) {
      if (run.cancelled) {
        postMessage({type: 'cancelled', id, done});
        return;
      }
      const n = Math.min(chunk, steps - done);
      const t0 = performance.now();
      const batch = trainer.run(n);
      const t1 = performance.now();
      for (let j = 0; j < batch.length; j++) {
        const i = done + j;
        const loss = batch[j];
        if (!Number.isFinite(loss)) {
          // The curve ends with the last finite loss, so the blow-up shows on the chart.
          if (i > 0 && curve.at(-1)?.[0] !== i - 1) curve.push([i - 1, batch[j - 1] ?? lastLoss]);
          throw trainer.divergence(i, loss);
        }
        if (i % every === 0) losses.push([i, loss]);
        if (i % stride === 0 || i === steps - 1) curve.push([i, loss]);
      }
      done += batch.length;
      lastLoss = batch[batch.length - 1];
      // Timer resolution may be coarse (0.1 ms): never trust less than that, grow at most 16×.
      const perStep = Math.max(t1 - t0, 0.1) / n;
      chunk = Math.max(1, Math.min(chunk * 16, Math.floor(CHUNK_MS / perStep)));
      if (done < steps && t1 - sliceStart >= SLICE_MS) {
        progress();
        await yieldToEvents();
        sliceStart = performance.now();
      }
    }
    const finalLoss = trainer.fullLoss();
    if (!Number.isFinite(finalLoss)) throw trainer.divergence(steps, finalLoss);
    const hasValidation = scenario.data?.validation !== undefined;
    const validationLoss = hasValidation ? trainer.validationLoss() : null;
    const parameters = trainer.parameters();
    const elapsedMs = performance.now() - start;
    postMessage({type: 'done', id, steps, losses, curve, finalLoss, validationLoss, parameters, elapsedMs});
  } catch (error) {
    postMessage({type: 'error', id, ...errorPayload(error), losses: losses.slice(sentLosses), curve: curve.slice(sentCurve)});
  } finally {
    trainer?.delete();
    if (current === run) current = null;
  }
}

self.addEventListener('message', ({data}) => {
  if (data?.type === 'init') cores.init(data.module);
  else if (data?.type === 'train') train(data);
  else if (data?.type === 'cancel' && current && current.id === data.id) current.cancelled = true;
});
