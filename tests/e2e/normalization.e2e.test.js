// Lesson 1 with batch normalization and dropout, in headless Chromium under the strict CSP: a
// scenario opened through the address shows μ_B, σ²_B, x̂, ∂L/∂γ, ∂L/∂β and ∂L/∂W as PyTorch
// computes them (tests/fixtures/pytorch/normalization.json, float64, generate_normalization.py),
// and the editor switches both on.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {lessonHarness, screenshots} from './browser.js';
import {encodeScenario} from '../../web/share.js';
import {buildSteps} from '../../web/lessons/mlp/steps.js';
import {presets} from '../../web/lessons/mlp/presets.js';
import {loadWasmCore, root} from '../web/support.js';

const harness = lessonHarness();
const {open, cells} = harness;
const fixtures = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/pytorch/normalization.json'), 'utf8')).cases;
let core;

beforeAll(async () => {
  core = await loadWasmCore();
  await harness.start();
});

afterAll(() => harness.stop());

// Where the stepper shows the trace entry `id` (the steps as the page builds them).
const indexOf = (scenario, id) => buildSteps(scenario, core.trace(JSON.stringify(scenario))).findIndex((s) => s.id === id);
const numbers = (texts) => texts.map((t) => Number(t.replace(/−/g, '-')));
// A value shown with 8 significant digits against PyTorch's float64: within half a unit of its
// last digit (and the core's 1e-9 to PyTorch).
function expectShown(shown, expected) {
  const flat = expected.flat();
  expect(shown.length).toBe(flat.length);
  shown.forEach((x, k) => {
    const half = x === 0 ? 1e-12 : 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(x))) - 7);
    expect(Math.abs(x - flat[k])).toBeLessThanOrEqual(half * (1 + 1e-6) + 1e-9 * Math.abs(flat[k]));
  });
}

describe('lesson 1: batch normalization and dropout', () => {
  test('a batch-norm scenario through the address shows PyTorch\'s numbers, step by step', async () => {
    const {scenario, expected} = fixtures.find((c) => c.name === 'trace_bn_one_layer_sgd');
    const hash = encodeScenario(scenario);
    for (const [id, section] of [['mu1', 'forward'], ['var1', 'forward'], ['xhat1', 'forward'], ['dgamma1', 'backward'],
      ['dbeta1', 'backward'], ['delta1', 'backward'], ['dW1', 'backward']]) {
      const index = indexOf(scenario, id);
      expect(index, id).toBeGreaterThanOrEqual(0);
      const page = await open(`#/mlp?s=${hash}&step=${index}`);
      await expect.poll(() => page.locator('.stepper .result .cell').count()).toBeGreaterThan(0);
      expectShown(numbers(await cells(page)), expected[section][id]);
      if (id === 'delta1') await page.screenshot({path: path.join(screenshots, 'mlp-batch-norm-delta.png')});
      expect(await harness.problems(page)).toEqual({violations: [], problems: []});
      await page.close();
    }
  });

  test('the dropout preset shows its mask and the scaled activations', async () => {
    const scenario = presets.dropout;
    const page = await open(`#/mlp?s=${encodeScenario(scenario)}&step=${indexOf(scenario, 'a_drop1')}`);
    await expect.poll(() => page.locator('.stepper .result .cell').count()).toBeGreaterThan(0);
    const trace = core.trace(JSON.stringify(scenario));
    const shown = numbers(await cells(page));
    const mask = scenario.model.dropout_masks[1].flat();
    expect(shown.slice(0, mask.length)).toEqual(mask);
    expectShown(shown.slice(mask.length), trace.forward.a_drop1);
    await page.close();
  });

  test('the editor switches batch normalization on, and the steps follow', async () => {
    const page = await open(`#/mlp?s=${encodeScenario(presets.batch_norm)}&step=0`);
    const box = page.getByRole('checkbox', {name: /Normalización por lotes: Oculta 1/});
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.uncheck();
    await expect.poll(() => page.locator('.progress-text').textContent()).toMatch(/de 13$/);
    await box.check();
    const withNorm = buildSteps(presets.batch_norm, core.trace(JSON.stringify(presets.batch_norm))).length;
    await expect.poll(() => page.locator('.progress-text').textContent()).toMatch(new RegExp(`de ${withNorm}$`));
    const dropout = page.getByRole('textbox', {name: /Probabilidad de dropout: Oculta 1/});
    await dropout.fill('1.5');
    await dropout.press('Enter');
    // Refused beside its box, in Spanish, and the steps stay as they were.
    await expect.poll(() => dropout.getAttribute('aria-invalid')).toBe('true');
    const message = await page.locator(`#${await dropout.getAttribute('aria-describedby')}`).textContent();
    expect(message).toMatch(/Oculta 1: .*menor que 1/);
    expect(await dropout.inputValue()).toBe('1.5');
    expect(await page.locator('.progress-text').textContent()).toMatch(new RegExp(`de ${withNorm}$`));
    expect(await harness.problems(page)).toEqual({violations: [], problems: []});
    await page.close();
  });
});
