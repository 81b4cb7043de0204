// Job `fit` (lesson 3, part 3's early stopping): the core's `train` verb on a scenario, off the
// page's thread, in one call (a small network, a few thousand steps): input {scenario, grid?}, the
// result the verb's (with train.early_stopping: validation_losses and early_stopping); with `grid`
// ({x0, x1, y0, y1, nx, ny, unit}, as job `train`'s) also `grid`: the trained network's output
// there (Float32Array, row 0 at y1), from a Trainer holding the result's parameters.
export async function fit({scenario, grid = null}, api) {
  const result = api.core.train(scenario);
  if (!grid) return result;
  const trainer = api.core.trainer({...scenario, parameters: result.parameters});
  try {
    return {...result, grid: Float32Array.from(trainer.grid(grid.x0, grid.x1, grid.y0, grid.y1, grid.nx, grid.ny, grid.unit ?? 0))};
  } finally {
    trainer.delete();
  }
}
