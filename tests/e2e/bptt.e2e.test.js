// Lesson 2 (BPTT) in headless Chromium, built and served under the strict CSP. The numbers the
// page shows are checked against the native `backprop` tool on the same scenario.
import {execFileSync} from 'node:child_process';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {lessonHarness, screenshots} from './browser.js';
import {formatNumber, texNumber} from '../../web/format.js';
import {encodeScenario} from '../../web/share.js';
import {presets} from '../../web/lessons/bptt/presets.js';

const harness = lessonHarness();
const {open, cells} = harness;

beforeAll(async () => {
  await mkdir(screenshots, {recursive: true});
  await harness.start();
});

afterAll(() => harness.stop());

const native = (verb, scenario) =>
  JSON.parse(execFileSync('build/backprop', [verb, '-'], {input: JSON.stringify(scenario)}).toString());

async function expectClean(page) {
  expect(await harness.problems(page)).toEqual({violations: [], problems: []});
}

describe('lesson 2: stepping through BPTT', () => {
  test('forward, the loss, and h̄_t with its two parts, as the core computes them', async () => {
    const scenario = presets.exercise;
    const trace = native('trace', scenario);
    const page = await open(`#/bptt?s=${encodeScenario(scenario)}`);
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 1 de 27');
    expect(await cells(page)).toEqual([formatNumber(trace.forward.r[0][0])]);
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    expect(await cells(page)).toEqual([formatNumber(trace.loss)]);
    // Backward: s̄₃, h̄₃ (no future part at t = T), r̄₃, accumulate, then h̄₂ with both parts.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await cells(page)).toEqual([formatNumber(trace.backward.h_grad_output[2][0]), '0', formatNumber(trace.backward.h_grad[2][0])]);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 19 de 27');
    expect(await cells(page)).toEqual([
      formatNumber(trace.backward.h_grad_output[1][0]),
      formatNumber(trace.backward.h_grad_next[1][0]),
      formatNumber(trace.backward.h_grad[1][0]),
    ]);
    await page.screenshot({path: path.join(screenshots, 'bptt-h-grad.png')});
    // The naive gradient (the last step alone) beside the sum over time.
    await page.locator('.step-list-box summary').click();
    await page.locator('.step-list button').nth(25).click();
    expect(await cells(page)).toEqual([formatNumber(trace.time_steps[2].dW[0][0]), formatNumber(trace.backward.dW[0][0])]);
    expect(formatNumber(trace.time_steps[2].dW[0][0])).not.toBe(formatNumber(trace.backward.dW[0][0]));
    await expectClean(page);
    await page.close();
  });

  test('the diagram\'s tooltips follow the step: "?" until the step computes a number, then every digit of the core\'s', async () => {
    const scenario = presets.exercise;
    const trace = native('trace', scenario);
    const page = await open(`#/bptt?s=${encodeScenario(scenario)}`);
    // h₁'s box (after h₀'s), its first component: r₁ is computed at step 1, h₁ at step 2.
    const tip = () => page.locator('.rnn-diagram g.rd-hidden:not(.rd-first) g.rd-cell title').first().textContent();
    const digits = (x) => String(x).replace('-', '−');
    expect(await tip()).toContain(`(r₁)₁ = ${digits(trace.forward.r[0][0])}`);
    expect(await tip()).toContain('(h₁)₁ = ?');
    await page.keyboard.press('ArrowRight');
    expect(await tip()).toContain(`(h₁)₁ = ${digits(trace.forward.h[0][0])}`);
    await page.keyboard.press('ArrowLeft');
    expect(await tip()).toContain('(h₁)₁ = ?');
    await expectClean(page);
    await page.close();
  });

  test('the accumulation of Ū over time, element by element', async () => {
    const trace = native('trace', presets.lesson);
    const page = await open('#/bptt?step=20');  // accumulate at t = 2 for the lesson's RNN (T = 3)
    expect(await page.locator('.stepper .step-title').textContent()).toMatch(/U/);
    await page.locator('.stepper .result .cell').first().click();
    const expansion = await page.locator('.expansion').textContent();
    // (the expansion's TeX source is in its text, beside the rendering)
    expect(expansion).toContain(texNumber(trace.time_steps[1].dU[0][0]));
    expect(expansion).toContain(texNumber(trace.time_steps[2].dU[0][0]));
    expect(expansion).toContain(texNumber(trace.time_steps[1].dU_sum[0][0]));
    await page.screenshot({path: path.join(screenshots, 'bptt-accumulate.png')});
    await expectClean(page);
    await page.close();
  });

  test('the gradient check agrees: "¡Y son iguales!"', async () => {
    const page = await open('#/bptt');
    await page.locator('.gradcheck-run').click();
    await page.locator('.gradcheck-verdict').waitFor({state: 'visible'});
    expect(await page.locator('.gradcheck-verdict').textContent()).toContain('¡Y son iguales!');
    await expectClean(page);
    await page.close();
  });

  test('a scenario the stepper cannot show is refused with a message', async () => {
    const long = structuredClone(presets.exercise);
    long.data.sequences[0].inputs = Array.from({length: 20}, () => [1]);
    long.data.sequences[0].targets = Array.from({length: 20}, () => [0.5]);
    const page = await open(`#/bptt?s=${encodeScenario(long)}`);
    expect(await page.locator('.notice').textContent()).toContain('12 pasos');
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 1 de 27');  // the lesson's RNN instead
    await page.close();
  });

  test('embed mode', async () => {
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({width: 720, height: 800});
    await page.goto(`${harness.site.url}#/bptt?embed=1&step=14`);
    await page.waitForSelector('.stepper .step-title .katex');
    expect(await page.locator('.lesson-text').count()).toBe(0);
    expect(await page.locator('.diagram-panel').isVisible()).toBe(true);
    await page.screenshot({path: path.join(screenshots, 'bptt-embed.png'), fullPage: true});
    await expectClean(page);
    await page.close();
  });
});

describe('lesson 2: editing and exploring', () => {
  test('U edited in the editor changes the trace; an invalid value changes nothing', async () => {
    const page = await open('#/bptt');
    const before = await cells(page);
    const u11 = page.getByLabel('U, fila 1, columna 1');
    await u11.fill('abc');
    await u11.press('Enter');
    await expect.poll(() => page.locator('.editor-error:visible').count()).toBeGreaterThan(0);
    expect(await u11.inputValue()).toBe('abc');
    expect(await cells(page)).toEqual(before);
    await u11.fill('0,5');
    await u11.press('Enter');
    await expect.poll(() => cells(page)).not.toEqual(before);
    await expectClean(page);
    await page.close();
  });

  test('the explorer plots how far the gradient reaches back', async () => {
    const page = await open('#/bptt');
    await page.locator('.explorer-panel').scrollIntoViewIfNeeded();
    const verdict = page.locator('.explorer-verdict');
    await expect.poll(() => verdict.textContent()).toMatch(/\S/);
    expect(await page.locator('.explorer-chart canvas').isVisible()).toBe(true);
    await page.locator('.explorer-steps-number').fill('200');
    await page.locator('.explorer-steps-number').press('Enter');
    await page.locator('.explorer select').selectOption('sigmoid');
    await expect.poll(() => verdict.textContent()).toMatch(/desvanece/);
    await page.locator('.explorer-panel').screenshot({path: path.join(screenshots, 'bptt-explorer.png')});
    await expectClean(page);
    await page.close();
  });
});

describe('lesson 2: links it must bound (issue 10)', () => {
  test('thousands of validation sequences are refused in Spanish', async () => {
    const s = structuredClone(presets.exercise);
    s.data.validation = {sequences: Array.from({length: 2000}, () => structuredClone(s.data.sequences[0]))};
    const page = await open(`#/bptt?s=${encodeScenario(s)}`);
    await expect.poll(() => page.locator('.notice').textContent()).toContain('secuencias de validación');
    await page.close();
  });

  test('step=1e9 opens the last step', async () => {
    const page = await open(`#/bptt?step=1e9`);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Paso 27 de 27');
    await page.close();
  });
});
