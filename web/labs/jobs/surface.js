// Job 'surface': the core's `surface` verb in a worker (docs/labs.md, "Verb surface"). One call,
// bounded by the core's cost model (well under 100 ms natively for 7 optimizers × 2,000 steps on
// 200 × 200), so no slices: input is the surface spec, the result the verb's JSON.
export async function surface(input, api) {
  return api.core.surface(input);
}
