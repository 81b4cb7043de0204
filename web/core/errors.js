// The core's refusals as the workers hand them to the page, built in one place for both workers
// (web/core/worker.js, the lesson's training; web/labs/worker.js, the labs' jobs).
//
//   divergence(step, loss, scenario) → CoreError: a training whose loss became NaN or ±∞ at `step`,
//     as the core itself refuses it (`backprop train` exits 3 with `train: diverged at step 37: the
//     loss became infinite (optimizer.lr = 1000 may be too large)`): field 'train', code 3, .step.
//     For the workers that train step by step through a Trainer, which stops without a refusal.
//   errorPayload(error) → {message, field, code, step}: what a worker posts for an error
//   errorFrom(payload) → CoreError with .step: the page's side, from what a worker posted
// The student reads a divergence in Spanish from its code and step (S.coreErrors.diverged(step)),
// never from the English message.
import {CoreError} from './core.js';
import {defaultLr} from './spec.js';

// C's printf %g, as the core writes the learning rate: 6 significant digits, 1e+06, 0.0001, 1e-05.
function printfG(x) {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const exponent = Number(x.toExponential(5).split('e')[1]);
  const trim = (text) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);
  if (exponent < -4 || exponent >= 6) {
    const [mantissa] = x.toExponential(5).split('e');
    return `${trim(mantissa)}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return trim(x.toFixed(Math.max(0, 5 - exponent)));
}

export function divergence(step, loss, scenario) {
  const what = Number.isNaN(loss) ? 'NaN' : 'infinite';
  const lr = scenario.optimizer?.lr ?? defaultLr(scenario.optimizer?.kind);
  const error = new CoreError({
    message: `train: diverged at step ${step}: the loss became ${what} (optimizer.lr = ${printfG(lr)} may be too large)`,
    field: 'train',
    code: 3,
  });
  error.step = step;
  return error;
}

export const errorPayload = (error) => ({
  message: String(error?.message ?? error),
  field: error?.field ?? '',
  code: error instanceof CoreError ? error.code : 0,
  step: error?.step ?? null,
});

export function errorFrom({message, field, code, step}) {
  const error = new CoreError({message, field, code});
  error.step = step ?? null;
  return error;
}
