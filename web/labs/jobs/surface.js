// Jobs of lesson 3 (#/avances): one call of the core each, off the page's thread, so that the page
// keeps answering and a cancel drops the result.
//
//   surface({spec}) → the core's `surface` verb: the objective's grid and the optimizers' trajectories
//   initStats({spec}) → the core's `init_stats` verb: per-layer quantiles of a fresh network
import {CoreError} from '../../core/core.js';

// The core's method for a verb, or the verb through core.run (the same call, the same refusals).
function call(core, method, verb, spec) {
  if (typeof core[method] === 'function') return core[method](spec);
  const outcome = core.run(verb, JSON.stringify(spec));
  if (outcome.code !== 0) throw new CoreError(outcome);
  return JSON.parse(outcome.json);
}

export async function surface({spec}, api) {
  await api.pause();
  if (api.cancelled()) return null;
  return call(api.core, 'surface', 'surface', spec);
}

export async function initStats({spec}, api) {
  await api.pause();
  if (api.cancelled()) return null;
  return call(api.core, 'initStats', 'init_stats', spec);
}
