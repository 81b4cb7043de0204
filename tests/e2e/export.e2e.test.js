// "Exportar a PyTorch" in headless Chromium under the strict CSP: on lesson 1 (#/mlp) and on
// lab 1 (#/labs/clasificacion), the control's buttons download, by Blob and a download link, the
// script and the notebook that web/export/pytorch/ generates for the page's scenario (computed
// here again with the wasm core under Node); the keyboard reaches them; the control fits 390 px.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots, violations} from './browser.js';
import {loadWasmCore} from '../web/support.js';
import {exportScenario} from '../../web/export/pytorch/from-core.js';
import {notebookText} from '../../web/export/pytorch/index.js';
import {presets} from '../../web/lessons/mlp/presets.js';
import {presets as bpttPresets} from '../../web/lessons/bptt/presets.js';
import {regularizationFields} from '../../web/labs/regularizacion/settings.js';
import {classificationFields} from '../../web/labs/shared/plane-settings.js';
import {readParams} from '../../web/forms/settings.js';
import {buildScenario, dataSpec} from '../../web/labs/shared/plane-scenario.js';

const h = labHarness();
let core;
beforeAll(async () => {
  core = await loadWasmCore();
  await h.start();
});
afterAll(h.stop);

async function expectClean(page) {
  expect({violations: await violations(page), problems: h.browser.problems}).toEqual({violations: [], problems: []});
}

// Both downloads of the page's control against the generator's output for `scenario`.
async function expectDownloads(page, control, scenario) {
  const expected = exportScenario(core, scenario);
  await control.locator('.pytorch-export-script').focus();
  const script = await h.downloaded(page, () => page.keyboard.press('Enter'));
  expect(script.name).toBe(`${expected.name}.py`);
  expect(script.text).toBe(expected.script);
  const notebook = await h.downloaded(page, () => control.locator('.pytorch-export-notebook').click());
  expect(notebook.name).toBe(`${expected.name}.ipynb`);
  expect(notebook.text).toBe(notebookText(expected.notebook));
  expect(JSON.parse(notebook.text).nbformat).toBe(4);
}

describe('Exportar a PyTorch', () => {
  test('lesson 1: the script and the notebook of the classic example, at the iteration shown', async () => {
    const page = await h.open('#/mlp', '.stepper .step-title .katex');
    const control = page.locator('.pytorch-export');
    expect(await control.getAttribute('role')).toBe('group');
    expect(await page.locator(`#${await control.getAttribute('aria-labelledby')}`).textContent()).toBe('Exportar a PyTorch');
    expect(await control.locator('button').evaluateAll((bs) => bs.map((b) => b.textContent)))
      .toEqual(['Script .py: exportar a PyTorch como script de Python', 'Cuaderno .ipynb: exportar a PyTorch como cuaderno de Jupyter']);
    await expectDownloads(page, control, presets.classic);
    // iteration 2 (past the last step): the script shows update 2
    await page.goto(`${h.site.url}#/mlp?it=2&step=0`);
    await page.waitForSelector('.stepper .step-title .katex');
    const second = await h.downloaded(page, () => page.locator('.pytorch-export-script').click());
    expect(second.text).toBe(exportScenario(core, {...presets.classic, iteration: 2}).script);
    expect(second.text).toContain('for _ in range(1):');
    await expectClean(page);
    await page.close();
  });

  test('lab 1: the scenario its settings resolve to', async () => {
    const page = await h.open('#/labs/clasificacion', '.pytorch-export');
    const {values: settings} = readParams(classificationFields, new URLSearchParams());
    const scenario = buildScenario(core.data(dataSpec(settings)), [], settings);
    await expectDownloads(page, page.locator('.pytorch-export'), scenario);
    await expectClean(page);
    await page.close();
  });

  test('lesson 2: the lesson\'s RNN', async () => {
    const page = await h.open('#/bptt', '.stepper .step-title .katex');
    await expectDownloads(page, page.locator('.pytorch-export'), bpttPresets.lesson);
    await expectClean(page);
    await page.close();
  });

  test('lab 3: one control per network, without and with regularization', async () => {
    const page = await h.open('#/labs/regularizacion', '.pytorch-export');
    const controls = page.locator('.pytorch-export');
    expect(await controls.count()).toBe(2);
    const {values: settings} = readParams(regularizationFields, new URLSearchParams());
    const data = core.data(dataSpec(settings));
    await expectDownloads(page, controls.nth(0), buildScenario(data, [], settings));
    await expectDownloads(page, controls.nth(1), buildScenario(data, [], settings, {l1: settings.l1, l2: settings.l2}));
    await expectClean(page);
    await page.close();
  });

  test('the control fits a phone and a laptop', async () => {
    for (const [width, height, hash, ready] of [[390, 844, '#/mlp', '.stepper .step-title .katex'], [1366, 800, '#/mlp', '.stepper .step-title .katex'],
      [390, 844, '#/labs/secuencias', '.pytorch-export'], [390, 844, '#/labs/regularizacion', '.pytorch-export']]) {
      const page = await h.open(hash, ready);
      await page.setViewportSize({width, height});
      const control = page.locator('.pytorch-export').first();
      await control.scrollIntoViewIfNeeded();
      const box = await control.boundingBox();
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await control.screenshot({path: path.join(screenshots, `pytorch-export-${hash.replace(/\W+/g, '-')}-${width}.png`)});
      await page.screenshot({path: path.join(screenshots, `pytorch-export-page-${hash.replace(/\W+/g, '-')}-${width}.png`)});
      await page.close();
    }
  });
});
