// A lesson page in a frame (docs/embed.md): posts backprop:step at every step shown and
// backprop:completed once every step of the iteration has been shown; follows backprop:goto from
// the parent. Nothing outside a frame.
import {framed, listenToParent, post, readGoto} from './messages.js';

// ctx: the lesson page's {store, setStep}; route: '/mlp' or '/bptt'.
// → null outside a frame, else {start() (after backprop:ready: the first step), destroy()}
export function mountLessonBridge(ctx, route) {
  if (!framed) return null;
  let started = false;
  let last = '';
  let seen = new Set();
  let total = 0;
  let completed = false;

  function report({steps, step}) {
    if (!started) return;
    if (steps.length !== total) {  // another shape of network: another iteration to go through
      total = steps.length;
      seen = new Set();
      completed = false;
    }
    const id = steps[step]?.id;
    const sign = `${step}|${id}|${total}`;
    if (sign === last) return;  // the store changed something else (a selection, a notice)
    last = sign;
    post('step', {route, index: step, id, total});
    seen.add(step);
    if (!completed && seen.size === total) {
      completed = true;
      post('completed', {route, total});
    }
  }

  const unsubscribe = ctx.store.subscribe(report);
  const stopListening = listenToParent((data) => {
    const step = readGoto(data, ctx.store.get().steps.length);
    if (step !== null) ctx.setStep(step);
  });
  return {
    start() {
      started = true;
      report(ctx.store.get());
    },
    destroy() {
      unsubscribe();
      stopListening();
    },
  };
}
