// TeX read out as text (web/tex-text.js): the names of the stepper's steps, matrices and vectors
// in Spanish words, and, on every step of both lessons' presets (traces of the wasm core), the
// numbers of the substituted equation read out as the steps module wrote them.
import {beforeAll, describe, expect, test} from 'vitest';
import {texNumber} from '../../web/format.js';
import {buildSteps as mlpSteps} from '../../web/lessons/mlp/steps.js';
import {presets as mlpPresets} from '../../web/lessons/mlp/presets.js';
import {buildSteps as rnnSteps} from '../../web/lessons/bptt/steps.js';
import {presets as rnnPresets} from '../../web/lessons/bptt/presets.js';
import {texText} from '../../web/tex-text.js';
import {loadWasmCore} from './support.js';

let core;
beforeAll(async () => {
  core = await loadWasmCore();
});

describe('texText', () => {
  test('symbols, scripts, accents and fractions as Unicode', () => {
    expect(texText('\\frac{\\partial L}{\\partial \\mathbf{W}^{(2)}}')).toBe('∂L/∂W⁽²⁾');
    expect(texText('\\hat{\\mathbf{y}}')).toBe('ŷ');
    expect(texText('\\overline{\\mathbf{s}_{3}}')).toBe('s̄₃');
    expect(texText('\\boldsymbol{\\delta}^{(1)} = (\\mathbf{W}^{(2)})^{T} \\boldsymbol{\\delta}^{(2)} \\circ \\sigma\'(\\mathbf{z}^{(1)})'))
      .toBe('δ⁽¹⁾ = (W⁽²⁾)ᵀ δ⁽²⁾ ∘ σ′(z⁽¹⁾)');
    expect(texText('W^{\\mathsf{T}} \\overline{s}_t')).toBe('Wᵀ s̄ₜ');
    expect(texText('\\overline{W}_{\\text{ingenuo}}')).toBe('W̄ ingenuo');
    expect(texText('L = \\frac{1}{2}\\sum_{i=1}^{2} (y_{i} - \\hat{y}_{i})^2')).toBe('L = 1/2 Σᵢ₌₁² (yᵢ − ŷᵢ)²');
    expect(texText('\\mathbf{W} \\leftarrow \\mathbf{W} - \\eta \\frac{\\partial L}{\\partial \\mathbf{W}}, \\quad \\eta = 0.5'))
      .toBe('W ← W − η ∂L/∂W, η = 0.5');
    expect(texText('1.2345678 \\times 10^{-5}')).toBe('1.2345678 × 10⁻⁵');
    expect(texText('e^{0.5}')).toBe('e^(0.5)');
    expect(texText('\\unknown{x}')).toBe('unknownx');
  });

  test('matrices and vectors in words; aligned rows joined by ";"', () => {
    expect(texText('\\begin{bmatrix}0.15 & 0.2 \\\\ 0.25 & 0.3\\end{bmatrix}')).toBe('matriz de 2 por 2 (fila 1: 0.15, 0.2; fila 2: 0.25, 0.3)');
    expect(texText('\\begin{bmatrix}0.05 \\\\ -0.1\\end{bmatrix}')).toBe('vector (0.05, −0.1)');
    expect(texText('\\begin{bmatrix}0.05 & 0.1\\end{bmatrix}')).toBe('vector fila (0.05, 0.1)');
    expect(texText('\\begin{bmatrix}7\\end{bmatrix}')).toBe('7');
    expect(texText('\\begin{aligned} a &= 1 \\\\ b &= 2 \\end{aligned}')).toBe('a = 1; b = 2');
  });
});

describe('the steps read out', () => {
  test('lesson 1, the classic example: the step names', () => {
    const steps = mlpSteps(mlpPresets.classic, core.trace(mlpPresets.classic));
    expect(steps.map((s) => texText(s.title))).toEqual(
      ['z⁽¹⁾', 'a⁽¹⁾', 'z⁽²⁾', 'ŷ', 'L', 'δ⁽²⁾', '∂L/∂W⁽²⁾', '∂L/∂b⁽²⁾', 'δ⁽¹⁾', '∂L/∂W⁽¹⁾', '∂L/∂b⁽¹⁾', 'W ←', 'b ←']);
  });

  // Every number of a step's result, as the TeX writes it, is in the text read out.
  const cases = [
    ...Object.entries(mlpPresets).map(([name, scenario]) => [`mlp ${name}`, mlpSteps, scenario]),
    ...Object.entries(rnnPresets).map(([name, scenario]) => [`bptt ${name}`, rnnSteps, scenario]),
  ];
  test.each(cases)('%s: each substituted equation reads out its result', (_, build, scenario) => {
    const steps = build(scenario, core.trace(scenario));
    for (const step of steps) {
      const text = texText(step.substituted);
      expect(text, step.id).not.toMatch(/\\|[{}&]/);  // no TeX left
      // The last block of a step is what its equation ends with (the running sums of lesson 2's
      // accumulation and the naive gradient's pair are written in full beside it).
      const last = step.result.at(-1);
      if (['accumulate', 'naive'].includes(step.kind)) continue;
      for (const value of last.value.flat()) expect(text, step.id).toContain(texText(texNumber(value)));
    }
  });
});
