// The regularization strength on a log slider that also reaches 0: position 0 is 0, then
// 1, 2, 5 × 10^k from 1e-5 to 1.
export const STRENGTHS = [0];
for (let k = -5; k <= 0; k++) for (const m of [1, 2, 5]) if (m * 10 ** k <= 1) STRENGTHS.push(Number((m * 10 ** k).toPrecision(1)));

export const MAX_STRENGTH = 1;

// Slider position → strength.
export const strengthAt = (position) => STRENGTHS[Math.max(0, Math.min(STRENGTHS.length - 1, Math.round(position)))];

// Strength → the nearest slider position (on a log scale; 0 only for 0).
export function positionOf(value) {
  if (!(value > 0)) return 0;
  let best = 1;
  for (let i = 1; i < STRENGTHS.length; i++) {
    if (Math.abs(Math.log(STRENGTHS[i] / value)) < Math.abs(Math.log(STRENGTHS[best] / value))) best = i;
  }
  return best;
}
