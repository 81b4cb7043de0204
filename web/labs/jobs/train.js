// Job `train` (docs/labs.md): a scenario trained in chunks in the worker, with the loss of every
// step, evaluations, gradient norms (and ‖h̄_t‖ for an RNN) and the output over a grid, sent
// about every frameMs as far as they are new.
//
// input: {scenario, steps, evaluateEvery, normsEvery, deadUnitsEvery?, grid: {x0, x1, y0, y1, nx, ny,
//         unit} | null, frameMs = 50, lossEvery = 1, maxStepsPerFrame?, minFrameMs = 0}
//   frameMs: a progress message once this long has passed since the last one (work goes on);
//   maxStepsPerFrame: also one as soon as this many steps were done since the last one (a pace a
//   student can watch: steps per frame); minFrameMs: never two messages closer than this (the job
//   waits). E.g. {maxStepsPerFrame: 28, minFrameMs: 33}: 28 steps every 33 ms at most.
// progress: {done, steps, losses: [[i, loss]…], evaluations: [[i, {loss, accuracy, validationLoss,
//   validationAccuracy}]…], norms: [[i, Float64Array]…], hNorms: [[i, Float64Array]…] (RNN),
//   deadUnits: [[i, Float64Array]…] (with deadUnitsEvery: per hidden layer, the fraction of dead units),
//   grid: Float32Array (nx·ny, row 0 at y1; transferred) when input.grid}
//   losses[i]: the loss of step i (before update i), for i % lossEvery == 0 and the last step;
//   evaluations[i], deadUnits[i]: the parameters after i steps (i = 0 the initial ones, i = steps the last);
//   norms[i], hNorms[i]: the gradient of step i, for i % normsEvery == 0 and the last step.
// result: {steps, parameters, evaluation, elapsedMs}
// A non-finite loss rejects with the core's own refusal of a diverged training (web/core/errors.js:
// field 'train', code 3, .step); what was recorded up to it is sent as progress first.

const CHUNK_MS = 8;  // work per call into the core: a cancel is seen within a slice

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const every = (n) => (Number.isFinite(n) && n >= 1 ? Math.floor(n) : 0);  // 0: never
const copy = (values) => Float64Array.from(values);

export async function train(input, api) {
  const {scenario, grid = null} = input;
  const steps = Math.max(0, Math.floor(input.steps ?? 0));
  const evaluateEvery = every(input.evaluateEvery);
  const normsEvery = every(input.normsEvery);
  const deadEvery = every(input.deadUnitsEvery);
  const lossEvery = every(input.lossEvery ?? 1) || 1;
  const frameMs = input.frameMs ?? 50;
  const maxStepsPerFrame = every(input.maxStepsPerFrame);
  const minFrameMs = Math.max(0, Number(input.minFrameMs) || 0);
  const rnn = scenario.model?.kind === 'rnn';
  const start = performance.now();
  const trainer = api.core.trainer(scenario);
  try {
    let done = 0;
    const empty = () => ({losses: [], evaluations: [], norms: [], hNorms: [], ...(deadEvery ? {deadUnits: []} : {})});
    let pending = empty();
    const flush = (withGrid = true) => {
      const payload = {done, steps, ...pending};
      if (!rnn) delete payload.hNorms;
      const transfer = [];
      if (grid && withGrid) {
        payload.grid = Float32Array.from(trainer.grid(grid.x0, grid.x1, grid.y0, grid.y1, grid.nx, grid.ny, grid.unit ?? 0));
        transfer.push(payload.grid.buffer);
      }
      api.progress(payload, transfer);
      pending = empty();
    };
    const recordNorms = (i) => {
      pending.norms.push([i, copy(trainer.gradientNorms())]);
      if (rnn) pending.hNorms.push([i, copy(trainer.hNorms())]);
    };

    if (evaluateEvery) pending.evaluations.push([0, trainer.evaluate()]);
    if (deadEvery) pending.deadUnits.push([0, copy(trainer.deadUnits())]);
    flush();  // the initial state (grid, evaluation) before the first step

    let chunk = 16;  // a probe; then sized from the measured time per step
    let lastFrame = performance.now();
    let sinceFrame = 0;  // steps since the last progress message
    while (done < steps) {
      // Stop at the next evaluation (after step k·evaluateEvery) and after each recorded gradient.
      let n = Math.min(chunk, steps - done);
      if (maxStepsPerFrame) n = Math.min(n, maxStepsPerFrame - sinceFrame);
      if (evaluateEvery) n = Math.min(n, evaluateEvery - (done % evaluateEvery));
      if (deadEvery) n = Math.min(n, deadEvery - (done % deadEvery));
      if (normsEvery) n = Math.min(n, done % normsEvery === 0 ? 1 : normsEvery - (done % normsEvery) + 1);
      const t0 = performance.now();
      const batch = trainer.run(n);
      const t1 = performance.now();
      for (let j = 0; j < batch.length; j++) {
        const i = done + j;
        if (!Number.isFinite(batch[j])) {
          done = i;
          flush(false);  // the output of diverged parameters says nothing
          throw trainer.divergence(i, batch[j]);
        }
        if (i % lossEvery === 0 || i === steps - 1) pending.losses.push([i, batch[j]]);
      }
      done += batch.length;
      sinceFrame += batch.length;
      const last = done - 1;
      if (normsEvery && (last % normsEvery === 0 || done === steps)) recordNorms(last);
      if (evaluateEvery && (done % evaluateEvery === 0 || done === steps)) pending.evaluations.push([done, trainer.evaluate()]);
      if (deadEvery && (done % deadEvery === 0 || done === steps)) pending.deadUnits.push([done, copy(trainer.deadUnits())]);
      // Timer resolution may be coarse (0.1 ms): never trust less than that; grow at most 16×.
      const perStep = Math.max(t1 - t0, 0.1) / n;
      chunk = Math.max(1, Math.min(chunk * 16, Math.floor(CHUNK_MS / perStep)));
      if (done < steps && (t1 - lastFrame >= frameMs || (maxStepsPerFrame && sinceFrame >= maxStepsPerFrame))) {
        // A timer may fire a little early: wait until the spacing really holds.
        for (let wait; (wait = minFrameMs - (performance.now() - lastFrame)) > 0;) await sleep(wait);
        if (api.cancelled()) return null;
        lastFrame = performance.now();  // frames are timed from one message to the next
        sinceFrame = 0;
        flush();
        await api.pause();
        if (api.cancelled()) return null;
      }
    }
    flush();
    return {steps: done, parameters: trainer.parameters(), evaluation: trainer.evaluate(), elapsedMs: performance.now() - start};
  } finally {
    trainer.delete();
  }
}
