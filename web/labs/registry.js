// The ten labs: route name, texts' key (web/strings/labs/<name>.js), group and exercise number,
// and each lab's module (web/labs/<name>/lab.js) loaded lazily when it exists.
//
//   LABS: [{name, key, group: 'mlp' | 'rnn', number}] in the lesson's order
//   findLab(name) → an entry of LABS, or null
//   hasModule(name) → bool: web/labs/<name>/lab.js exists (else the lab is "en preparación")
//   loadLab(name) → Promise<module {mountLab(root, ctx) → {destroy()}}> or Promise<null>
//
// Modules are found with import.meta.glob at build time: a lab whose file does not exist yet is
// simply absent, and appears with the next build once its file is there.
const modules = import.meta.glob('./*/lab.js');

export const LABS = [
  {name: 'clasificacion', key: 'clasificacion', group: 'mlp', number: 1},
  {name: 'activaciones', key: 'activaciones', group: 'mlp', number: 2},
  {name: 'regularizacion', key: 'regularizacion', group: 'mlp', number: 3},
  {name: 'lotes', key: 'lotes', group: 'mlp', number: 4},
  {name: 'hiperparametros', key: 'hiperparametros', group: 'mlp', number: 5},
  {name: 'derivacion', key: 'derivacion', group: 'rnn', number: 1},
  {name: 'secuencias', key: 'secuencias', group: 'rnn', number: 2},
  {name: 'gradientes', key: 'gradientes', group: 'rnn', number: 3},
  {name: 'explosion', key: 'explosion', group: 'rnn', number: 4},
  {name: 'activaciones-rnn', key: 'activacionesRnn', group: 'rnn', number: 5},
];

export const GROUPS = ['mlp', 'rnn'];

export function findLab(name) {
  return LABS.find((lab) => lab.name === name) ?? null;
}

export function hasModule(name) {
  return Boolean(modules[`./${name}/lab.js`]);
}

export async function loadLab(name) {
  const load = modules[`./${name}/lab.js`];
  return load ? load() : null;
}
