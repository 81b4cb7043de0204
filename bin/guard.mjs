// The Node tool's safety net around the WebAssembly core (bin/backprop.mjs): whatever happens
// inside the core reaches the user as the native tool would say it, on one line.
// The native tool turns std::bad_alloc into a refusal naming the input (cpp/io/command.cpp,
// `refusing`): "data" for the data verb, "scenario" for the others. In WebAssembly, running out of
// memory may instead abort the module (a WebAssembly.RuntimeError "Aborted(…)"), and a result too
// long for a JavaScript string throws a RangeError: both are that same refusal, exit 2.
export function memoryRefusal(command) {
  const what = command === 'data' ? 'data' : 'scenario';
  return {code: 2, json: '', message: `${what}: too large for the memory available`, field: what};
}

// core.run(command, input) that never throws: {code, json, message, field}.
export function runGuarded(core, command, input) {
  try {
    return core.run(command, input);
  } catch {
    return memoryRefusal(command);
  }
}

// The Emscripten glue prints an abort's reason ("Aborted(…)") through print/printErr: the tool
// says one line of its own instead (pass these to loadCore).
export const silentModule = {print() {}, printErr() {}};
