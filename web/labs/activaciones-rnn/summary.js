// Lab 10's summary of one run from what the `train` job reported: the last evaluation, the first
// evaluated step whose training loss is at or below the target, the wall time, and whether (and
// where) the loss stopped being finite. Pure: it compares the core's numbers, never computes one.

// run: {evaluations: [[step, {loss, accuracy, validationLoss, validationAccuracy}]…],
// wallMs, diverged: step | null, status: 'done' | 'cancelled' | 'failed' | 'running'}.
export function summarize(run, targetLoss) {
  const evaluations = run.evaluations ?? [];
  const last = evaluations.at(-1)?.[1] ?? null;
  let reached = null;
  for (const [step, e] of evaluations) {
    if (typeof e.loss === 'number' && Number.isFinite(e.loss) && e.loss <= targetLoss) {
      reached = step;
      break;
    }
  }
  return {
    finalLoss: last?.loss ?? null,
    accuracy: last?.accuracy ?? null,
    validationLoss: last?.validationLoss ?? null,
    validationAccuracy: last?.validationAccuracy ?? null,
    reached,
    wallMs: run.wallMs ?? null,
    diverged: run.diverged ?? null,
    status: run.status,
  };
}

// The activation that reached the target first (fewest steps; ties: none is singled out), or null.
export function fastest(summaries) {
  let best = null;
  let tie = false;
  for (const [name, s] of Object.entries(summaries)) {
    if (s.reached === null || s.diverged !== null) continue;
    if (best === null || s.reached < summaries[best].reached) {
      best = name;
      tie = false;
    } else if (s.reached === summaries[best].reached) tie = true;
  }
  return tie ? null : best;
}
