// The three workloads of scripts/bench-wasm.mjs, as scenario objects the native core_bench
// (--step_scenario) and the WebAssembly core both run:
// - lesson: the lesson's PyTorch loop (examples/lesson-pytorch.json: 2-2-2 sigmoid, MSE, SGD 0.5);
// - playground: TensorFlow Playground's size, 2-8-8-1 tanh, MSE, SGD 0.03, batches of 10 in
//   order over two spirals of 250 points (bench/core_bench.cpp's formula, labels ±1);
// - lab5: one run of lab 5's search with its default settings (web/labs/hiperparametros/settings.js:
//   xor, 200 points, noise 0.2, validation 0.3, tanh, batch 10), hidden 16, lr 0.1; timed per epoch.
import {readFile} from 'node:fs/promises';
import {fields} from '../../web/labs/hiperparametros/settings.js';
import {buildScenario, dataSpec, stepsPerEpoch} from '../../web/labs/shared/plane-scenario.js';
import {generator} from '../../web/labs/shared/random.js';

export function playgroundScenario(n = 250) {
  const draw = generator(42);  // the spirals' jitter
  const inputs = [], targets = [];
  for (let i = 0; i < n; ++i) {
    const label = i % 2;
    const u = Math.floor(i / 2) / (n / 2);
    const angle = 1.75 * 2 * Math.PI * u + label * Math.PI;
    inputs.push([u * Math.sin(angle) + (draw() - 0.5) * 0.1, u * Math.cos(angle) + (draw() - 0.5) * 0.1]);
    targets.push([label ? 1 : -1]);
  }
  return {
    model: {kind: 'mlp', layers: [2, 8, 8, 1], activations: ['tanh', 'tanh', 'tanh'], loss: 'mse'},
    init: {scheme: 'pytorch_default', seed: 0},
    data: {inputs, targets},
    optimizer: {kind: 'sgd', lr: 0.03},
    train: {steps: 1, batch_size: 10},
  };
}

export function lab5Settings() {
  const names = ['shape', 'count', 'noise', 'validation', 'seed', 'activation', 'batch'];
  return Object.fromEntries(names.map((name) => [name, fields[name].default]));
}

// The workloads: {name, scenario, steps (per timed unit), unit}.
export async function workloads(core, root) {
  const lesson = JSON.parse(await readFile(`${root}examples/lesson-pytorch.json`, 'utf8'));
  const settings = lab5Settings();
  const data = core.data(dataSpec(settings));
  const lab5 = buildScenario(data, [], {...settings, hidden: 16, lr: 0.1, epochs: 1, optimizer: 'sgd'});
  return [
    {name: 'lesson', what: 'the lesson loop, 2-2-2 (examples/lesson-pytorch.json)', scenario: lesson, steps: 1, unit: 'step'},
    {name: 'playground', what: 'Playground size, 2-8-8-1 tanh, batch 10 of 250', scenario: playgroundScenario(), steps: 1, unit: 'step'},
    {name: 'lab5', what: `lab 5 search run, 2-16-2, ${data.inputs.length} points, batch ${settings.batch}`, scenario: lab5,
      steps: stepsPerEpoch(settings.batch, data.inputs.length), unit: 'epoch'},
  ];
}
