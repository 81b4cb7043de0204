// Every job the labs' worker can run: the async functions exported by the other files of this
// folder, by name (`export async function train(input, api)` is the job 'train'). Add a job by
// adding a file; helpers a file exports that are not async functions are not jobs.
//
//   jobs: {name: async (input, api) → result}
//   api: {core, progress(payload, transfer?), cancelled() → bool, pause() → Promise}
const files = import.meta.glob(['./*.js', '!./index.js'], {eager: true});

const isAsync = (f) => typeof f === 'function' && f.constructor?.name === 'AsyncFunction';

export const jobs = {};
export const duplicates = [];  // [name, file] of a job name exported twice (the first one wins)
for (const [file, module] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
  for (const [name, value] of Object.entries(module)) {
    if (!isAsync(value)) continue;
    if (jobs[name]) duplicates.push([name, file]);
    else jobs[name] = value;
  }
}
