// Job 'initStats': the core's `init_stats` verb in a worker (docs/labs.md, "Verb init_stats"). One
// call, bounded by the core's cost model (20 layers of 128 on a batch of 256: a few tens of ms).
export async function initStats(input, api) {
  return api.core.initStats(input);
}
