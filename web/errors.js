// The core's refusals ("field: reason", English) in Spanish for the student.
import {S} from './strings/index.js';

export function translateCoreError(error) {
  const {coreErrors} = S;
  if (error.code === 3) {
    if (Number.isInteger(error.step)) return coreErrors.diverged(error.step);
    // core.train()'s refusal carries its step in the message only (the CLI's line).
    const diverged = /diverged at step (\d+)/.exec(error.message);
    return diverged ? coreErrors.diverged(Number(diverged[1])) : coreErrors.nonFinite;
  }
  const reason = error.message.slice(error.field.length + 2);
  for (const [pattern, spanish] of coreErrors.reasons) {
    const match = pattern.exec(reason);
    if (match) return coreErrors.invalid(error.field, typeof spanish === 'function' ? spanish(match) : spanish);
  }
  return coreErrors.unknown(error.field);
}
