// A progress bar with a "Cancelar" button and a status line, for a job of the labs' worker.
//
//   const bar = createProgress({label?, onCancel?})   bar.node: append it where it belongs
//   bar.start(total?)         shows "Preparando…", enables Cancelar
//   bar.set(done, total)      the bar (role=progressbar, aria-valuenow in %) and "done de total"
//   bar.finish(text?)         full bar, Cancelar disabled; text or nothing
//   bar.cancelled()           "Cancelado."
//   bar.fail(message)         the message (Spanish) in the status line, marked as an error
//   bar.status(text)          any status text
//   bar.track(run, {total})   start(total), Cancelar → run.cancel(), and cancelled()/fail()
//                             when run.promise settles (done: finish with the wall time);
//                             returns run.promise. The caller still feeds set() from onProgress.
//   bar.hidden = true|false   hides/shows the whole piece
import {el} from '../../../dom.js';
import {S} from '../../../strings/index.js';
import {describeJobError} from '../../jobs-client.js';

export function createProgress({label, onCancel} = {}) {
  const P = S.labs.progress;
  let cancelHandler = onCancel ?? null;
  const fill = el('div', {class: 'lab-progress-fill'});
  const bar = el('div', {
    class: 'lab-progress-track',
    role: 'progressbar',
    'aria-label': label ?? P.label,
    'aria-valuemin': '0',
    'aria-valuemax': '100',
    'aria-valuenow': '0',
  }, fill);
  const text = el('span', {class: 'lab-progress-status', role: 'status', 'aria-live': 'polite'});
  const cancel = el('button', {type: 'button', class: 'lab-progress-cancel', disabled: true, onclick: () => cancelHandler?.()}, P.cancel);
  const node = el('div', {class: 'lab-progress'}, [bar, cancel, text]);

  function fraction(value) {
    const p = Math.max(0, Math.min(1, value));
    fill.style.transform = `scaleX(${p})`;  // CSSOM: allowed under style-src 'self'
    bar.setAttribute('aria-valuenow', String(Math.round(p * 100)));
  }

  const api = {
    node,
    start(total) {
      node.classList.remove('failed');
      fraction(0);
      bar.removeAttribute('aria-valuetext');
      text.textContent = P.starting;
      cancel.disabled = false;
      if (total) bar.setAttribute('aria-valuetext', P.running(0, total));
    },
    set(done, total) {
      fraction(total > 0 ? done / total : 0);
      const words = P.running(done, total);
      bar.setAttribute('aria-valuetext', words);
      text.textContent = words;
    },
    finish(words = '') {
      fraction(1);
      cancel.disabled = true;
      text.textContent = words;
    },
    cancelled() {
      cancel.disabled = true;
      text.textContent = P.cancelled;
    },
    fail(message) {
      cancel.disabled = true;
      node.classList.add('failed');
      text.textContent = P.failed(message);
    },
    status(words) {
      text.textContent = words;
    },
    onCancel(handler) {
      cancelHandler = handler;
    },
    track(run, {total} = {}) {
      api.start(total);
      cancelHandler = () => run.cancel();
      run.promise.then(
        (outcome) => (outcome.status === 'cancelled' ? api.cancelled() : api.finish(P.done(outcome.wallMs))),
        (error) => api.fail(describeJobError(error)),
      );
      return run.promise;
    },
    get hidden() {
      return node.hidden;
    },
    set hidden(value) {
      node.hidden = value;
    },
  };
  return api;
}
