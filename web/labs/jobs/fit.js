// Job `fit` (lesson 3, part 3's early stopping): the core's `train` verb on a scenario, off the
// page's thread, in one call (a small network, a few thousand steps): input {scenario}, the result
// the verb's (with train.early_stopping: validation_losses and early_stopping).
export async function fit({scenario}, api) {
  return api.core.train(scenario);
}
