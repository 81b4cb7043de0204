// Regularization and the optimizers' state in both lessons, in headless Chromium under the strict
// CSP: scenarios opened through the address (web/share.js), stepped through two iterations with
// the keys. At each iteration the page shows ∂L/∂W's data part, penalty and total, the parameters
// after the update and the optimizer's state, each equal to the wasm core's trace of that
// iteration (formatted as the page formats them); → at the last step goes on to iteration 2, ←
// at its first step comes back, and a link with it=2 opens there.
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {lessonHarness, screenshots} from './browser.js';
import {formatNumber} from '../../web/format.js';
import {encodeScenario} from '../../web/share.js';
import {presets} from '../../web/lessons/mlp/presets.js';
import {presets as rnnPresets} from '../../web/lessons/bptt/presets.js';
import {loadWasmCore} from '../web/support.js';

const harness = lessonHarness();
const {open, cells} = harness;
let core;

beforeAll(async () => {
  await mkdir(screenshots, {recursive: true});
  core = await loadWasmCore();
  await harness.start();
});

afterAll(() => harness.stop());

const progress = (page) => page.locator('.progress-text').textContent();
const iteration = (page) => page.locator('.stepper .iteration').textContent();
const param = (page, name) => page.evaluate((key) => new URLSearchParams(location.hash.split('?')[1]).get(key), name);
const flat = (blocks) => blocks.flatMap((value) => (Array.isArray(value[0]) ? value.flat() : value)).map(formatNumber);

async function expectClean(page) {
  expect(await harness.problems(page)).toEqual({violations: [], problems: []});
}

// Presses → until the progress reads step `n` (1-based) of `total`.
async function stepTo(page, n, total) {
  for (let guard = 0; guard < 2 * total && (await progress(page)) !== `Paso ${n} de ${total}`; guard++) {
    await page.keyboard.press('ArrowRight');
  }
  expect(await progress(page)).toBe(`Paso ${n} de ${total}`);
}

// What lesson 1's ∂L/∂W⁽²⁾ step (7 of 13) and W's update (12 of 13) must show for a trace.
function expectedMlp(trace) {
  const parts = trace.gradient_parts;
  const dW2 = parts ? [parts.data.dW2, parts.penalty.dW2, trace.backward.dW2] : [trace.backward.dW2];
  const state = Object.values(trace.optimizer.after).flatMap((buffer) => [buffer.W1, buffer.W2]);
  return {dW2: flat(dW2), updateW: flat([trace.updated.W1, trace.updated.W2, ...state])};
}

const withSettings = (settings) => ({...structuredClone(presets.classic), ...settings});
const cases = {
  'L2 with SGD': withSettings({optimizer: {kind: 'sgd', lr: 0.5}, regularization: {l2: 0.01}}),
  'L1': withSettings({optimizer: {kind: 'sgd', lr: 0.5}, regularization: {l1: 0.005}}),
  'momentum': withSettings({optimizer: {kind: 'sgd', lr: 0.5, momentum: 0.9}}),
  'Adam': withSettings({optimizer: {kind: 'adam', lr: 0.1}}),
  'AdaGrad': withSettings({optimizer: {kind: 'adagrad', lr: 0.1, lr_decay: 0.1}}),
  'RMSprop with L2': withSettings({optimizer: {kind: 'rmsprop', lr: 0.01}, regularization: {l2: 0.02}}),
};

describe('lesson 1: two iterations under each optimizer', () => {
  for (const [name, scenario] of Object.entries(cases)) {
    test(name, async () => {
      const traces = [1, 2].map((k) => core.trace({...scenario, iteration: k}));
      const page = await open(`#/mlp?s=${encodeScenario(scenario)}`);
      expect(await iteration(page)).toBe('Iteración 1');
      for (const [k, trace] of traces.entries()) {
        const expected = expectedMlp(trace);
        await stepTo(page, 7, 13);
        expect(await cells(page), `${name}, iteration ${k + 1}: ∂L/∂W⁽²⁾`).toEqual(expected.dW2);
        if (trace.gradient_parts) expect(await page.locator('.stepper .substituted').textContent()).toContain('datos');
        await stepTo(page, 12, 13);
        expect(await cells(page), `${name}, iteration ${k + 1}: W and the optimizer's state`).toEqual(expected.updateW);
        await stepTo(page, 13, 13);
        if (k === 0) {
          // → at the last step: iteration 2, its first step, in the address too.
          await page.keyboard.press('ArrowRight');
          await expect.poll(() => iteration(page)).toBe('Iteración 2');
          expect(await progress(page)).toBe('Paso 1 de 13');
          await expect.poll(() => param(page, 'it')).toBe('2');
          expect(await cells(page)).toEqual(flat([traces[1].forward.z1]));  // z⁽¹⁾ from the updated weights
        }
      }
      // The button too goes on (to iteration 3), and ← at its first step comes back to 2's last.
      await page.locator('.next').click();
      await expect.poll(() => iteration(page)).toBe('Iteración 3');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => iteration(page)).toBe('Iteración 2');
      expect(await progress(page)).toBe('Paso 13 de 13');
      await expectClean(page);
      await page.close();
    });
  }

  test('a link with it=2 opens iteration 2; ← from its first step is iteration 1\'s last', async () => {
    const scenario = cases.Adam;
    const second = core.trace({...scenario, iteration: 2});
    const page = await open(`#/mlp?s=${encodeScenario(scenario)}&it=2&step=11`);
    expect(await iteration(page)).toBe('Iteración 2');
    expect(await cells(page)).toEqual(expectedMlp(second).updateW);
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowLeft');
    expect(await progress(page)).toBe('Paso 1 de 13');
    expect(await page.locator('.previous').isDisabled()).toBe(false);
    await page.locator('.previous').click();
    await expect.poll(() => iteration(page)).toBe('Iteración 1');
    expect(await progress(page)).toBe('Paso 13 de 13');
    await expect.poll(() => param(page, 'it')).toBe(null);
    await page.locator('.previous').click();
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowLeft');
    expect(await page.locator('.previous').isDisabled()).toBe(true);  // nothing before iteration 1
    await expectClean(page);
    await page.close();
  });

  test('an Adam update step, its scalar update and its state: screenshots at 390×844 and 1366×800', async () => {
    const scenario = withSettings({optimizer: {kind: 'adam', lr: 0.1}, regularization: {l2: 0.01}});
    const trace = core.trace({...scenario, iteration: 2});
    for (const [width, height] of [[390, 844], [1366, 800]]) {
      const page = await open(`#/mlp?s=${encodeScenario(scenario)}&it=2&step=11`);
      await page.setViewportSize({width, height});
      await page.locator('.stepper .result .cell').first().click();
      const expansion = await page.locator('.expansion').textContent();
      // W⁽¹⁾₁₁ before, m̂ and the result (all above 10⁻³: written without an exponent).
      for (const x of [trace.parameters.W1[0][0], trace.optimizer.after.exp_avg_hat.W1[0][0], trace.updated.W1[0][0]]) {
        expect(expansion).toContain(formatNumber(x));
      }
      await page.locator('.stepper .iteration').scrollIntoViewIfNeeded();
      await page.screenshot({path: path.join(screenshots, `optimizers-adam-update-${width}x${height}.png`)});
      await page.locator('.expansion').scrollIntoViewIfNeeded();
      await page.screenshot({path: path.join(screenshots, `optimizers-adam-expansion-${width}x${height}.png`)});
      await expectClean(page);
      await page.close();
    }
  });
});

describe('the editor: the optimizer, its hyper-parameters and λ', () => {
  test('Adam chosen with its PyTorch defaults, β₁ = 1 refused inline, λ₂ shown as its own term', async () => {
    const page = await open('#/mlp?step=4');  // the loss
    await page.getByLabel('Optimizador').selectOption('adam');
    const beta1 = page.getByLabel('β₁ (media del gradiente)');
    await expect.poll(() => beta1.inputValue()).toBe(formatNumber(core.spec().scenario.optimizer.adam.beta1.default));
    const before = await cells(page);
    await beta1.fill('1');
    await beta1.press('Enter');
    const message = page.locator('.editor-error:visible').first();
    await expect.poll(() => message.textContent()).toBe('Debe ser al menos 0 y menor que 1.');
    expect(await beta1.inputValue()).toBe('1');  // what the student typed stays
    expect(await cells(page)).toEqual(before);
    await beta1.press('Escape');
    const l2 = page.getByLabel('Regularización L2 λ₂');
    await l2.fill('0,01');
    await l2.press('Enter');
    const scenario = {...structuredClone(presets.classic), optimizer: {kind: 'adam', lr: core.spec().scenario.optimizer.adam.lr.default},
      regularization: {l2: 0.01}};
    const trace = core.trace(scenario);
    await expect.poll(() => cells(page)).toEqual([trace.loss_parts.data, trace.loss_parts.l2, trace.loss].map(formatNumber));
    expect(await page.locator('.stepper .substituted').textContent()).toContain('datos');
    await expectClean(page);
    await page.close();
  });
});

describe('lesson 2: the optimizer\'s state and the penalty step', () => {
  test('Adam with L2 on exercise 1, two iterations', async () => {
    const scenario = {...structuredClone(rnnPresets.exercise), optimizer: {kind: 'adam', lr: 0.05}, regularization: {l2: 0.01}};
    const traces = [1, 2].map((k) => core.trace({...scenario, iteration: k}));
    const page = await open(`#/bptt?s=${encodeScenario(scenario)}`);
    const total = 8 * 3 + 4;  // with the penalty step
    for (const [k, trace] of traces.entries()) {
      expect(await iteration(page)).toBe(`Iteración ${k + 1}`);
      await stepTo(page, total - 2, total);  // Ū, V̄, W̄: data part, penalty and total
      const parts = ['dU', 'dV', 'dW'].flatMap((key) => [trace.gradient_parts.data[key], trace.gradient_parts.penalty[key], trace.backward[key]]);
      expect(await cells(page)).toEqual(flat(parts));
      await stepTo(page, total, total);
      const names = ['U', 'V', 'W'];
      const state = Object.values(trace.optimizer.after).flatMap((buffer) => names.map((n) => buffer[n]));
      expect(await cells(page)).toEqual(flat([...names.map((n) => trace.updated[n]), ...state]));
      if (k === 0) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => iteration(page)).toBe('Iteración 2');
        await expect.poll(() => param(page, 'it')).toBe('2');
      }
    }
    await expectClean(page);
    await page.close();
  });
});
