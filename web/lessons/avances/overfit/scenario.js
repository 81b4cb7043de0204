// Part 3's data and networks: noisy circles with half the points held out for validation, a wide
// hidden layer (room to memorise the noise), and the same network with L2 and, where the core has
// it, dropout on its hidden layer (model.dropout). Pure.
//
//   overfitSettings(values) → the plane labs' settings (web/labs/shared/plane-scenario.js)
//   overfitScenarios(data, values) → [plain, regularized] scenarios
import {buildScenario} from '../../../labs/shared/plane-scenario.js';

// The lesson's choices: what makes the gap between training and validation plain to see.
export const OVERFIT_SETUP = {shape: 'circles', count: 100, validation: 0.5, seed: 1, hidden: 32,
  activation: 'relu', optimizer: 'adam', lr: 0.01, batch: 10};

export const overfitSettings = (values) => ({...OVERFIT_SETUP, noise: values.ruido, epochs: values.epocas});

export function overfitScenarios(data, values) {
  const settings = overfitSettings(values);
  const plain = buildScenario(data, [], settings);
  const regularized = buildScenario(data, [], settings, {l2: values.l2});
  if (values.dropout > 0) regularized.model.dropout = [values.dropout];
  return [plain, regularized];
}
