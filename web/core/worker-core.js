// A worker's core, started once: from the page's compiled WebAssembly.Module when the page sends
// it ({type: 'init', module}), instead of downloading and compiling the core a second time; else
// downloaded on first use. Both workers start theirs so (web/core/worker.js, the lesson's
// training; web/labs/worker.js, the labs' jobs).
//
//   const core = workerCore(prepare?)   prepare(core): once, before the first use (e.g. a warm-up)
//   core.init(module)     on the page's 'init' message
//   await core.ready()    the core (started now if the page sent no module)
import {loadCore} from './core.js';

export function workerCore(prepare) {
  let ready = null;
  const start = (module) => (ready ??= loadCore({module}).then((core) => {
    prepare?.(core);
    return core;
  }));
  return {init: (module) => start(module), ready: () => start()};
}
