// The run button of the sequence labs (7, 9 and 10): one run at a time, the button disabled and
// saying so while it lasts.
//
//   const runner = createRunButton({idle, busy}); runner.button (type submit)
//   runner.run(task) → Promise: task() unless a run is on; the button is busy until task settles
import {el} from '../../../dom.js';

export function createRunButton({idle, busy}) {
  const button = el('button', {type: 'submit', class: 'seq-run'}, idle);
  let running = false;
  return {
    button,
    async run(task) {
      if (running) return;
      running = true;
      button.disabled = true;
      button.textContent = busy;
      try {
        await task();
      } finally {
        running = false;
        button.disabled = false;
        button.textContent = idle;
      }
    },
  };
}
