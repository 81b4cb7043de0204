// Job `initStats` (lesson 3, part 2): the core's `init_stats` verb off the page's thread, one call
// (a deep network's forward and backward pass over one batch): input {spec}, the result the verb's.
export async function initStats({spec}, api) {
  return api.core.initStats(spec);
}
