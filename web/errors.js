// The core's refusals in Spanish for the student, from the reason code and arguments the core
// sends with each one (web/strings/core-errors.js), never from its English message.
import {S} from './strings/index.js';

export function translateCoreError(error) {
  const {coreErrors} = S;
  const args = error.args ?? {};
  const sentence = coreErrors.lossReasons[error.reason];
  if (sentence) return sentence(args);
  if (error.code === 3) return coreErrors.nonFinite;
  const reason = coreErrors.reasons[error.reason];
  return reason ? coreErrors.invalid(error.field, reason(args)) : coreErrors.unknown(error.field);
}
