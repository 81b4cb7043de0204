// The core's refusals as the workers hand them to the page, built in one place for both workers
// (web/core/worker.js, the lesson's training; web/labs/worker.js, the labs' jobs).
//
//   (a divergence is the core's own refusal: trainer.divergence(step, loss), web/core/core.js)
//   errorPayload(error) → {message, field, code, reason, args}: what a worker posts for an error
//   errorFrom(payload) → CoreError: the page's side, from what a worker posted
// The student reads every refusal in Spanish from its reason and arguments (web/errors.js), never
// from the English message.
import {CoreError} from './core.js';

export const errorPayload = (error) => ({
  message: String(error?.message ?? error),
  field: error?.field ?? '',
  code: error instanceof CoreError ? error.code : 0,
  reason: error instanceof CoreError ? error.reason : '',
  args: error instanceof CoreError ? error.args : {},
});

export const errorFrom = ({message, field, code, reason, args}) => new CoreError({message, field, code, reason, args});
