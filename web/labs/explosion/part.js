// What both parts of lab 9 share: a panel with its title, introduction and what to observe; the
// settings form (every field, the button, the progress bar with "Cancelar", a status line); the
// results below it, redrawn at most once a frame; one job at a time from the button.
//
//   const part = createPart({E, form, names, className, title, intro, observe, idle, busy,
//                            run(values) → Promise, results: [node…], draw(), owned: [{destroy()}…]})
//   part.node; part.status (the status line); part.track(job, total) (the bar follows the job,
//   "Cancelar" stops it); part.schedule() (draw() on the next frame, once); part.destroyed;
//   part.destroy() (stops the job and the frame, destroys what the part owns: charts, views)
// run(values) gets the form's values once they all are valid, with the button busy until it ends.
import {el} from '../../dom.js';
import {richText} from '../../math.js';
import {createProgress} from '../shared/ui/progress.js';
import {createRunButton} from '../shared/ui/run-button.js';

export function createPart({E, form, names, className, title, intro, observe, idle, busy, run, results, draw, owned = []}) {
  let job = null;
  let frame = 0;
  let destroyed = false;
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
    schedule() {
      if (!frame && !destroyed) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          draw();
        });
      }
    },
    get destroyed() {
      return destroyed;
    },
    destroy() {
      destroyed = true;
      job?.cancel();
      if (frame) cancelAnimationFrame(frame);
      owned.forEach((o) => o.destroy());
    },
  };
}
