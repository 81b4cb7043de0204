// What the export needs from the core for a scenario: the scenario resolved (every default
// filled in), its initial parameters and running statistics (drawn by the core from init's seed
// when not given: the trace of iteration 1 holds them), and batch norm's eps and momentum.
import {pytorchExport} from './index.js';

export {notebookText} from './index.js';

export function exportInputs(core, scenario) {
  const resolved = core.resolve(scenario).scenario;
  const first = core.trace({...resolved, iteration: 1});
  return {
    scenario: resolved,
    initial: {parameters: first.parameters, buffers: first.buffers?.before ?? {}},
    batchNorm: core.spec().scenario.mlp.batch_norm,
  };
}

// The export of a scenario as the page runs it.
export function exportScenario(core, scenario, lang = 'es') {
  const {scenario: resolved, initial, batchNorm} = exportInputs(core, scenario);
  return pytorchExport(resolved, initial, {lang, batchNorm});
}
