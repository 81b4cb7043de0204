// Job `deadUnits` (lesson 3, part 5): several scenarios trained in turn, each reading the share
// of its hidden units that are dead (the core's Trainer deadUnits(): per hidden layer, the share
// of units whose output is 0 on every training input) every `every` steps.
//
// input: {scenarios: [scenario…], steps, every}
// progress: {run, done, total, rows: [[step, share, [per layer…]]…]} (the new rows of run `run`)
// result: {runs: [[[step, share, [per layer…]]…]…]}; share: the mean over the hidden layers
// A non-finite loss rejects with the core's refusal of a diverged training (as job `train`).
const CHUNK_MS = 8;

const mean = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export async function deadUnits({scenarios, steps, every}, api) {
  const runs = [];
  for (let run = 0; run < scenarios.length; run++) {
    const trainer = api.core.trainer(scenarios[run]);
    const all = [];
    runs.push(all);
    let sent = 0;
    const send = (done) => {
      api.progress({run, done, total: steps, rows: all.slice(sent)});
      sent = all.length;
    };
    try {
      const record = (step) => {
        const layers = Array.from(trainer.deadUnits());
        all.push([step, mean(layers), layers]);
      };
      record(0);
      let done = 0;
      let last = performance.now();
      while (done < steps) {
        const n = Math.min(every, steps - done);
        const losses = trainer.run(n);
        done += losses.length;
        if (losses.length < n || !Number.isFinite(losses.at(-1))) {
          throw trainer.divergence(done - 1, losses.at(-1));
        }
        record(done);
        if (performance.now() - last >= CHUNK_MS) {
          send(done);
          last = performance.now();
          await api.pause();
          if (api.cancelled()) return null;
        }
      }
      send(done);
    } finally {
      trainer.delete();
    }
  }
  return {runs};
}
