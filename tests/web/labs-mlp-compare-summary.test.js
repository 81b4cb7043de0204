// The activaciones lab's findings: chosen by comparing the core's numbers of the three runs.
import {describe, expect, test} from 'vitest';
import {summarize} from '../../web/labs/activaciones/summary.js';

const row = (activation, reach, finalLoss, ratio) => ({activation, reach, finalLoss, ratio});

describe('summarize', () => {
  test('the fastest first, the clearly slower ones with how many times, the ones that never reach', () => {
    const findings = summarize([row('relu', 193, 0.009, 0.34), row('sigmoid', 1537, 0.067, 0.026), row('tanh', 365, 0.02, 0.2)], 0.1);
    expect(findings).toEqual([
      {key: 'fastest', activation: 'relu', epochs: 193},
      {key: 'slower', activation: 'tanh', epochs: 365, times: 365 / 193},
      {key: 'slower', activation: 'sigmoid', epochs: 1537, times: 1537 / 193},
    ]);
  });

  test('a run about as fast as the best is not called slower', () => {
    const findings = summarize([row('relu', 134, 0.005, 0.4), row('tanh', 141, 0.005, 0.2)], 0.1);
    expect(findings.map((f) => f.key)).toEqual(['fastest']);
  });

  test('the deep sigmoid network: vanishing gradient, stuck at chance, target never reached', () => {
    const findings = summarize([row('relu', 312, 1e-4, 0.016), row('sigmoid', null, 0.693, 3.4e-5), row('tanh', 186, 2e-4, 0.039)], 0.1);
    expect(findings).toContainEqual({key: 'notReached', activation: 'sigmoid', target: 0.1});
    expect(findings).toContainEqual({key: 'vanishing', activation: 'sigmoid', ratio: 3.4e-5});
    expect(findings).toContainEqual({key: 'stuck', activation: 'sigmoid'});
    expect(findings.filter((f) => f.key === 'vanishing')).toHaveLength(1);
    expect(findings[0]).toEqual({key: 'fastest', activation: 'tanh', epochs: 186});
  });

  test('none reached; nothing finished gives nothing', () => {
    expect(summarize([row('relu', null, 0.3, 0.5), row('tanh', null, 0.2, 0.5)], 0.01)).toEqual([{key: 'none', target: 0.01}]);
    expect(summarize([], 0.1)).toEqual([]);
  });

  test('a missing ratio (no gradient recorded) says nothing about vanishing', () => {
    expect(summarize([row('relu', 10, 0.05, null)], 0.1)).toEqual([{key: 'fastest', activation: 'relu', epochs: 10}]);
  });
});
