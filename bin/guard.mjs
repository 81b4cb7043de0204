// The Node tool's safety net around the WebAssembly core (bin/backprop.mjs): whatever happens
// inside the core reaches the user as the native tool would say it, on one line.
// The native tool turns std::bad_alloc into a refusal naming the input (cpp/io/command.cpp,
// `refusing`): "data" for the data verb, "scenario" for the others. In WebAssembly, running out of
// memory may instead abort the module (a WebAssembly.RuntimeError "Aborted(…)"), and a result too
// long for a JavaScript string throws a RangeError: both are that same refusal, exit 2.
export function memoryRefusal(command, english) {
  const what = command === 'data' ? 'data' : 'scenario';
  return {code: 2, json: '', message: `${what}: ${english}`, field: what, reason: 'out_of_memory', args: '{}'};
}

// core.run(command, input) that never throws: {code, json, message, field, reason, args}. The
// refusal's words are the core's (its spec, read before anything can fail).
export function runGuarded(core, command, input) {
  const english = core.spec().reasons.out_of_memory;
  try {
    return core.run(command, input);
  } catch {
    return memoryRefusal(command, english);
  }
}

// The Emscripten glue prints an abort's reason ("Aborted(…)") through print/printErr: the tool
// says one line of its own instead (pass these to loadCore).
export const silentModule = {print() {}, printErr() {}};
