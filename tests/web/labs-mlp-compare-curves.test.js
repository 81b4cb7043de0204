// The labs' pure curve helpers: when a curve first reaches a target loss (activaciones, lotes),
// the min/max envelope that thins a long curve for drawing and the decades of a log axis (charts).
import {describe, expect, test} from 'vitest';
import {firstReach} from '../../web/labs/shared/curves.js';
import {decadeLabel, envelope, power} from '../../web/labs/shared/ui/line-chart.js';
import {decadeBounds, decadeTicks} from '../../web/components/chart-base.js';

describe('firstReach', () => {
  test('the x of the first point at or below the target', () => {
    const curve = [[0, 0.7], [1, 0.5], [2, 0.3], [3, 0.31], [4, 0.1]];
    expect(firstReach(curve, 0.3)).toBe(2);
    expect(firstReach(curve, 0.7)).toBe(0);
    expect(firstReach(curve, 0.2)).toBe(4);
  });

  test('null when the target is never reached, and NaN or ∞ never count', () => {
    expect(firstReach([[0, 0.7], [1, 0.5]], 0.1)).toBeNull();
    expect(firstReach([], 1)).toBeNull();
    expect(firstReach([[0, NaN], [5, -Infinity], [9, 0.05]], 0.1)).toBe(9);
  });
});

describe('envelope', () => {
  const noisy = Array.from({length: 10_000}, (_, i) => [i, i % 97 === 0 ? 5 : 1 / (1 + i) + (i % 2) * 0.01]);

  test('short curves are kept whole', () => {
    const short = [[0, 1], [1, 2], [2, 3]];
    expect(envelope(short, 10)).toEqual(short);
    expect(envelope(short, 10)).not.toBe(short);
  });

  test('a long curve is thinned to at most maxPoints, first and last kept, x increasing', () => {
    const thin = envelope(noisy, 500);
    expect(thin.length).toBeLessThanOrEqual(500);
    expect(thin.length).toBeGreaterThan(400);
    expect(thin[0]).toEqual(noisy[0]);
    expect(thin.at(-1)).toEqual(noisy.at(-1));
    for (let i = 1; i < thin.length; i++) expect(thin[i][0]).toBeGreaterThan(thin[i - 1][0]);
  });

  test('the spikes and the lowest values survive the thinning', () => {
    const thin = envelope(noisy, 500);
    const values = thin.map(([, v]) => v);
    const all = noisy.map(([, v]) => v);
    expect(Math.max(...values)).toBe(Math.max(...all));
    expect(Math.min(...values)).toBe(Math.min(...all));
    // every spike of the original (one every 97 points) lands in some bucket: about 100 of them
    expect(values.filter((v) => v === 5).length).toBeGreaterThan(90);
  });
});

describe('decadeBounds', () => {
  const values = (series) => series.flatMap((points) => points.map(([, v]) => v));

  test('whole decades around every positive value of every series', () => {
    expect(decadeBounds(values([[[0, 0.69], [1, 0.003]], [[0, 2]]]))).toEqual({min: 0.001, max: 10});
    expect(decadeBounds(values([[[0, 0.5], [1, 0.2]]]))).toEqual({min: 0.1, max: 1});
    expect(decadeBounds([1])).toEqual({min: 1, max: 10});
    expect(decadeBounds([1], {around: true})).toEqual({min: 0.1, max: 10});
  });

  test('zeros, NaN and ∞ are left out; nothing positive gives a default; beyond a double, the values', () => {
    expect(decadeBounds([0, NaN, Infinity])).toEqual({min: 0.1, max: 10});
    expect(decadeBounds([0, 0.05])).toEqual({min: 0.01, max: 0.1});
    expect(decadeBounds([1e-320, 1e300])).toEqual({min: 1e-321, max: 1e300});
    expect(decadeBounds([3e-324])).toEqual({min: 3e-324, max: 1e-323});
    expect(decadeBounds([1, 5e307])).toEqual({min: 1, max: 1e308});
    expect(decadeBounds([1, 1.5e308])).toEqual({min: 1, max: 1.5e308});
  });
});

describe('log axis ticks', () => {
  test('at most eight powers of ten over a wide span, labelled 10ᵉ far from 1', () => {
    const scale = {min: 1e-98, max: 1e10};
    decadeTicks(scale);
    expect(scale.ticks.length).toBeLessThanOrEqual(9);
    expect(scale.ticks.every((t) => t.m === 1 && t.e % 14 === 0)).toBe(true);
    expect(scale.ticks.map((t) => decadeLabel(t.value, t.e, t.m))).toContain('10⁻⁹⁸');
    expect(power(-98)).toBe('10⁻⁹⁸');
    expect(power(0)).toBe('1');
  });

  test('over two decades, also 2 and 5 times them', () => {
    const scale = {min: 0.1, max: 10};
    decadeTicks(scale);
    expect(scale.ticks.map((t) => t.value)).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    expect(decadeLabel(0.5, -1, 5)).toBe('0.5');
  });
});
