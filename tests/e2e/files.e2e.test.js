// Scenario files on lessons 1 and 2 in headless Chromium under the strict CSP: "Guardar escenario"
// after an edit, "Abrir escenario" on a fresh page by the picker and by a dropped file (the same
// numbers at every step), and refused files (not JSON, the other lesson's kind, too large, a field
// the core refuses): a Spanish message, and nothing changes.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';
import {MAX_LINK_CHARS} from '../../web/share.js';
import {presets} from '../../web/lessons/mlp/presets.js';

const h = labHarness();
beforeAll(h.start);
afterAll(h.stop);

const READY = '.stepper .step-title .katex';
const cells = (page) => page.locator('.stepper .result .cell').allTextContents();
const progress = (page) => page.locator('.progress-text').textContent();
const status = (page) => page.locator('.lesson-file-status').textContent();

// Every step's result, from the first to the last, with → (then back to the first).
async function allCells(page, steps) {
  await page.locator('.step-list-box summary').click();
  await page.locator('.step-list button').first().click();
  const out = [];
  for (let i = 0; i < steps; i++) {
    await expect.poll(() => progress(page)).toBe(`Paso ${i + 1} de ${steps}`);
    out.push(await cells(page));
    if (i < steps - 1) await page.locator('.step-nav .next').click();
  }
  return out;
}

const file = (name, text, mimeType = 'application/json') => ({name, mimeType, buffer: Buffer.from(text)});

async function pick(page, {name, mimeType, buffer}) {
  await page.locator('.file-bar .file-input').setInputFiles({name, mimeType, buffer});
}

// A file dropped onto the page, as a browser delivers it (dragenter shows the hint, then drop).
async function drop(page, target, {name, mimeType, buffer}) {
  const transfer = await page.evaluateHandle(([n, type, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], n, {type}));
    return data;
  }, [name, mimeType, buffer.toString('utf8')]);
  await page.dispatchEvent(target, 'dragenter', {dataTransfer: transfer});
  expect(await page.locator('.file-drop-hint').isVisible()).toBe(true);
  await page.dispatchEvent(target, 'drop', {dataTransfer: transfer});
  expect(await page.locator('.file-drop-hint').isVisible()).toBe(false);
}

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

describe('lesson 1: scenario files', () => {
  test('saved after an edit, opened on a fresh page by the picker and by a drop: the same trace', async () => {
    const page = await h.open('#/mlp?step=6', READY);
    const classic = await cells(page);
    const w5 = page.getByLabel('Peso W⁽²⁾, fila 1, columna 1');
    await w5.fill('0.9');
    await w5.press('Enter');
    await expect.poll(() => cells(page)).not.toEqual(classic);
    const edited = await allCells(page, 13);
    const saved = await h.downloaded(page, () => page.getByRole('button', {name: 'Guardar escenario'}).click());
    expect(saved.name).toBe('escenario-mlp-2-2-2.json');
    expect(saved.text).toMatch(/^\{\n {2}"model": \{\n/);  // pretty-printed
    const scenario = JSON.parse(saved.text);
    expect(scenario.parameters.W2[0][0]).toBe(0.9);
    expect(scenario.optimizer).toEqual({kind: 'sgd', lr: 0.5, momentum: 0, update_biases: true});  // resolved: every default
    expect(scenario.iteration).toBe(1);
    expect(await status(page)).toBe('Guardado como «escenario-mlp-2-2-2.json».');
    await expectClean(page);
    await page.close();

    for (const how of ['picker', 'drop']) {
      const fresh = await h.open('#/mlp?step=4', READY);
      const before = fresh.url();
      const opened = file(saved.name, saved.text);
      if (how === 'picker') await pick(fresh, opened);
      else await drop(fresh, '.lesson', opened);
      await expect.poll(() => status(fresh)).toBe('Abierto «escenario-mlp-2-2-2.json».');
      expect(await progress(fresh)).toBe('Paso 1 de 13');
      expect(await fresh.getByLabel('Peso W⁽²⁾, fila 1, columna 1').inputValue()).toBe('0.9');
      await expect.poll(() => fresh.url()).not.toBe(before);  // the address follows, as after an edit
      expect(new URLSearchParams(fresh.url().split('?')[1]).get('step')).toBe('0');
      expect(await allCells(fresh, 13), how).toEqual(edited);
      await expectClean(fresh);
      await fresh.close();
    }
  });

  test('a refused file changes nothing: not the scenario, the step, nor what the student typed', async () => {
    const page = await h.open('#/mlp?step=6', READY);
    const w5 = page.getByLabel('Peso W⁽²⁾, fila 1, columna 1');
    await w5.fill('0,7x');  // typed, refused by the editor, kept
    await w5.press('Enter');
    const before = {cells: await cells(page), url: page.url(), progress: await progress(page)};
    const unchanged = async () => {
      expect(await cells(page)).toEqual(before.cells);
      expect(page.url()).toBe(before.url);
      expect(await progress(page)).toBe(before.progress);
      expect(await w5.inputValue()).toBe('0,7x');
    };
    const {classic} = presets;
    const cases = [
      [file('roto.json', '{"model": {'), /^No se pudo abrir «roto\.json»: no es un archivo JSON.*Nada ha cambiado\.$/],
      [file('rnn.json', JSON.stringify({model: {kind: 'rnn', input_size: 1, hidden_size: 1, output_size: 1}})), /es un escenario de red recurrente \(lección 2\), y esta lección abre escenarios de perceptrón multicapa/],
      [file('ajustes.json', JSON.stringify({lab: 'clasificacion', settings: {}})), /guarda los ajustes de un laboratorio/],
      [file('w2.json', JSON.stringify({...classic, parameters: {W2: [[0.4]]}})), /parameters\.W2/],
      [file('lr.json', JSON.stringify({...classic, optimizer: {kind: 'sgd', lr: -1}})), /optimizer\.lr/],
      [file('enorme.json', ' '.repeat(MAX_LINK_CHARS + 1)), /ocupa 257 KiB y el máximo es 256 KiB/],
    ];
    for (const [bad, message] of cases) {
      await pick(page, bad);
      await expect.poll(() => status(page), bad.name).toMatch(message);
      expect(await page.locator('.lesson-file-status').evaluate((node) => node.classList.contains('error'))).toBe(true);
      await unchanged();
    }
    // The field the core refuses is named, in Spanish, and so is the rest of the refusal.
    await pick(page, cases[4][0]);
    await expect.poll(() => status(page)).toMatch(/optimizer\.lr/);
    for (const [width, height] of [[1366, 800], [390, 844]]) {
      await page.setViewportSize({width, height});
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({path: path.join(screenshots, `files-refused-${width}x${height}.png`)});
    }
    await unchanged();
    await expectClean(page);
    await page.close();
  });
});

describe('lesson 2: scenario files', () => {
  test('saved at iteration 2 and opened again: the same numbers, the same iteration', async () => {
    const page = await h.open('#/bptt?it=2&step=3', READY);
    const shown = await cells(page);
    const saved = await h.downloaded(page, () => page.getByRole('button', {name: 'Guardar escenario'}).click());
    expect(saved.name).toBe('escenario-rnn-2-4-5-T3.json');
    expect(JSON.parse(saved.text).iteration).toBe(2);
    const fresh = await h.open('#/bptt', READY);
    await pick(fresh, file(saved.name, saved.text));
    await expect.poll(() => status(fresh)).toBe(`Abierto «${saved.name}».`);
    await expect.poll(() => new URLSearchParams(fresh.url().split('?')[1]).get('it')).toBe('2');
    await fresh.locator('.step-list-box summary').click();
    await fresh.locator('.step-list button').nth(3).click();
    expect(await cells(fresh)).toEqual(shown);
    // An MLP file on lesson 2 is refused by its kind.
    const mlp = JSON.stringify({model: {kind: 'mlp', layers: [2, 2, 2]}});
    await pick(fresh, file('mlp.json', mlp));
    await expect.poll(() => status(fresh)).toMatch(/es un escenario de perceptrón multicapa \(lección 1\)/);
    expect(await cells(fresh)).toEqual(shown);
    for (const [width, height] of [[1366, 800], [390, 844]]) {
      await fresh.setViewportSize({width, height});
      await fresh.evaluate(() => scrollTo(0, 0));
      await fresh.screenshot({path: path.join(screenshots, `files-bptt-${width}x${height}.png`)});
    }
    await expectClean(fresh);
    await fresh.close();
    await page.close();
  });
});
