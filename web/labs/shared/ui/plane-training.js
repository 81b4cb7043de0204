// One `train` job as a lab shows it: the progress messages are gathered as they come and drawn
// once per animation frame (the newest grid, the new evaluations), so the page never falls behind.
// A pause holds the display where it is (what still arrives is drawn on resume).
//
// startTraining(runJob, input, {onFrame({done, grid, evaluations}), onEnd(outcome)}) →
//   {cancel(), pause(), resume(), done: Promise}; outcome {status: 'done', result, wallMs} |
//   {status: 'cancelled'} | {status: 'failed', error}. `evaluations` in onFrame are the new
//   ones since the last frame.
export function startTraining(runJob, input, {onFrame, onEnd}) {
  let pending = {done: 0, grid: null, evaluations: []};
  let frame = 0;
  let ended = false;
  let held = false;

  const flush = () => {
    frame = 0;
    const {done, grid, evaluations} = pending;
    pending = {done, grid: null, evaluations: []};
    if (grid || evaluations.length) onFrame({done, grid, evaluations});
  };
  const schedule = () => {
    if (!frame && !held && !ended) frame = requestAnimationFrame(flush);
  };

  const run = runJob('train', input, {
    onProgress(payload) {
      if (ended) return;
      pending.done = payload.done ?? pending.done;
      if (payload.grid) pending.grid = payload.grid;
      if (payload.evaluations?.length) pending.evaluations.push(...payload.evaluations);
      schedule();
    },
  });

  const done = run.promise.then(
    (outcome) => outcome,
    (error) => ({status: 'failed', error}),
  ).then((outcome) => {
    if (frame) cancelAnimationFrame(frame);
    if (outcome.status !== 'cancelled' || !held) flush();  // what arrived before the end is drawn first
    ended = true;
    onEnd(outcome);
    return outcome;
  });

  return {
    cancel: () => run.cancel(),
    pause() {
      held = true;
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      run.pause();
    },
    resume() {
      held = false;
      run.resume();
      schedule();
    },
    done,
  };
}
