// What both parts of lab 9 share: a panel with its title, introduction and what to observe; the
// settings form (every field, the button, the progress bar with "Cancelar", a status line); the
// results below it; one job at a time from the button.
//
//   const part = createPart({E, form, names, className, title, intro, observe, idle, busy,
//                            run(values) → Promise, results: [node…]})
//   part.node; part.status (the status line); part.track(job, total) (the bar follows the job,
//   "Cancelar" stops it); part.destroy()
// run(values) gets the form's values once they all are valid, with the button busy until it ends.
import {el} from '../../dom.js';
import {richText} from '../../math.js';
import {createProgress} from '../ui/progress.js';
import {createRunButton} from '../secuencias/run-button.js';

export function createPart({E, form, names, className, title, intro, observe, idle, busy, run, results}) {
  let job = null;
  const runner = createRunButton({idle, busy});
  const status = el('p', {class: 'seq-status', role: 'status'});
  const progress = createProgress({onCancel: () => job?.cancel()});

  const submit = () => runner.run(async () => {
    const {ok, values} = form.read();
    status.textContent = ok ? '' : E.fixFields;
    if (!ok) return;
    try {
      await run(values);
    } finally {
      job = null;
    }
  });

  const controls = el('form', {class: className, novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    submit();
  }}, [
    el('div', {class: 'exp-fields'}, names.map((n) => form.node(n))),
    el('div', {class: 'exp-actions'}, [runner.button, progress.node]),
    status,
  ]);
  const node = el('section', {class: 'seq-panel exp-part'}, [
    el('h2', {}, title),
    el('p', {}, richText(intro)),
    el('p', {class: 'seq-observe'}, richText(observe)),
    controls,
    ...results,
  ]);

  return {
    node,
    status,
    track(next, total) {
      job = next;
      progress.track(job, {total});
      return job;
    },
    set: (done, total) => progress.set(done, total),
    destroy() {
      job?.cancel();
    },
  };
}
