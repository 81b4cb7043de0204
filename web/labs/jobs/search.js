// Job `search` (lab 5): trains lab 1's network (one hidden layer, softmax + cross-entropy, SGD)
// once per run on the same points and evaluates it at each of the run's checkpoints (epochs), on
// the training and the validation sets. The page splits a search's runs between the two workers.
//
// input: {settings: {shape, count, noise, validation, seed, activation, batch}, runs: [{run, lr,
//         hidden, checkpoints: [epochs…]}], sliceMs}
// progress: {done, total (training steps of this job), rows: [row…] new since the last message}
//           after each slice of at most about sliceMs of work (and once at the start)
// result: {rows, trainingRows, validationRows, stepsPerEpoch}
// row: {run, lr, hidden, epochs, loss, accuracy, validationLoss, validationAccuracy, diverged}
//      (a run whose loss became NaN or ∞ gives rows with null measures and diverged: true)
import {buildScenario, dataSpec, stepsPerEpoch} from '../shared/plane-scenario.js';

const CHUNK_MS = 6;  // work per call into the core, so that a slice ends close to sliceMs

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

// The scenario of one run: lab 1's, trained by SGD up to the run's last checkpoint.
export function runScenario(data, settings, r) {
  return buildScenario(data, [], {
    ...settings, hidden: r.hidden, lr: r.lr, epochs: Math.max(...r.checkpoints), optimizer: 'sgd',
  });
}

export const divergedRow = (r, epochs) => ({
  run: r.run, lr: r.lr, hidden: r.hidden, epochs,
  loss: null, accuracy: null, validationLoss: null, validationAccuracy: null, diverged: true,
});

export async function search(input, api) {
  const {core} = api;
  const {settings, runs, sliceMs = 25} = input;
  const data = core.data(dataSpec(settings));
  const perEpoch = stepsPerEpoch(settings.batch, data.inputs.length);
  const total = runs.reduce((n, r) => n + Math.max(...r.checkpoints) * perEpoch, 0);
  const rows = [];
  let sent = 0;
  let done = 0;
  const flush = () => {
    api.progress({done, total, rows: rows.slice(sent)});
    sent = rows.length;
  };
  flush();

  let chunk = 32;  // a probe; then sized from the measured time per step
  let sliceStart = performance.now();
  for (const r of runs) {
    const checkpoints = [...r.checkpoints].sort((a, b) => a - b);
    const last = checkpoints.at(-1) * perEpoch;
    const trainer = core.trainer(runScenario(data, settings, r));
    try {
      let steps = 0;
      let diverged = false;
      for (const epochs of checkpoints) {
        const target = epochs * perEpoch;
        while (!diverged && steps < target) {
          const n = Math.min(chunk, target - steps);
          const t0 = performance.now();
          const losses = trainer.run(n);
          const t1 = performance.now();
          steps += losses.length;
          done += losses.length;
          if (losses.length < n || !finite(losses[losses.length - 1])) {
            diverged = true;
            done += last - steps;  // what this run would have trained
          }
          // Timer resolution may be coarse (0.1 ms): never trust less than that; grow at most 16×.
          chunk = Math.max(1, Math.min(chunk * 16, Math.floor(CHUNK_MS / (Math.max(t1 - t0, 0.1) / n))));
          if (t1 - sliceStart >= sliceMs) {
            flush();
            await api.pause();
            if (api.cancelled()) return null;
            sliceStart = performance.now();
          }
        }
        const evaluation = diverged ? null : trainer.evaluate();
        if (!evaluation || !finite(evaluation.loss) || !finite(evaluation.validationLoss)) {
          if (!diverged) done += last - steps;
          diverged = true;
          rows.push(divergedRow(r, epochs));
        } else {
          rows.push({run: r.run, lr: r.lr, hidden: r.hidden, epochs, ...pick(evaluation), diverged: false});
        }
      }
    } finally {
      trainer.delete();
    }
  }
  flush();
  return {rows, trainingRows: data.inputs.length, validationRows: data.validation?.inputs?.length ?? 0, stepsPerEpoch: perEpoch};
}

const pick = ({loss, accuracy, validationLoss, validationAccuracy}) => ({loss, accuracy, validationLoss, validationAccuracy});
