// The core's refusals as the workers hand them to the page, built in one place for both workers
// (web/core/worker.js, the lesson's training; web/labs/worker.js, the labs' jobs).
//
//   (a divergence is the core's own refusal: trainer.divergence(step, loss), web/core/core.js)
//   errorPayload(error) → {message, field, code, step}: what a worker posts for an error
//   errorFrom(payload) → CoreError with .step: the page's side, from what a worker posted
// The student reads a divergence in Spanish from its code and step (S.coreErrors.diverged(step)),
// never from the English message.
import {CoreError} from './core.js';

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
