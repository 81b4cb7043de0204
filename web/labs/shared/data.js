// The data set the core draws for a lab's settings, kept while they stay the same: what the labs
// count on it (the rows or sequences the core keeps for training, after holding out the
// validation share) comes from the core's own split, never a copy of its rounding. Pure.
//
//   const drawn = lastData(core, dataSpec)   dataSpec(settings) → the core's data spec
//   drawn(settings) → core.data(dataSpec(settings)), drawn again only when the spec changes (a
//     form changes one field at a time; 20,000 time steps take tens of ms); a refusal throws
export function lastData(core, dataSpec) {
  let key = null;
  let data = null;
  return (settings) => {
    const spec = dataSpec(settings);
    const next = JSON.stringify(spec);
    if (next !== key) {
      data = core.data(spec);
      key = next;
    }
    return data;
  };
}
