// Labs 7 (secuencias), 9 (explosion) and 10 (activaciones-rnn) in headless Chromium, built and
// served under the strict CSP: training runs in the labs' worker, every number from the core.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';

const harness = labHarness();
beforeAll(harness.start);
afterAll(harness.stop);

const openLab = harness.open;
const downloaded = harness.downloaded;

async function expectClean(page) {
  expect(await harness.problems(page)).toEqual({violations: [], problems: []});
}

const number = (text) => Number(text.replace('−', '-').replace(/\s*%$/, ''));

describe('lab 7: an RNN on sequences of varied length', () => {
  test('training succeeds: the loss falls, validation accuracy near 100 %, the strip marks every step right', async () => {
    const page = await openLab('#/labs/secuencias', '.seq-strip .seq-step');
    // Before training: the initial weights guess (about half right).
    expect(await page.locator('.seq-when').textContent()).toMatch(/Antes de entrenar/);
    const before = await page.locator('.seq-step-right').count();
    const scored = await page.locator('.seq-step-right, .seq-step-wrong').count();
    expect(scored).toBeGreaterThan(0);
    await page.locator('.seq-run').click();
    await page.locator('.seq-when', {hasText: 'Después de'}).waitFor();
    const summary = Object.fromEntries(await page.locator('.seq-summary dd').evaluateAll(
      (dds) => dds.map((dd) => [dd.dataset.value, dd.textContent])));
    expect(number(summary.validationAccuracy)).toBeGreaterThanOrEqual(95);
    expect(number(summary.loss)).toBeLessThan(0.05);
    expect(await page.locator('.seq-step-wrong').count()).toBe(0);
    expect(await page.locator('.seq-step-right').count()).toBe(scored);
    expect(before).toBeLessThan(scored);
    // Another validation sequence, with the arrows.
    await page.locator('.seq-picker button').nth(1).click();
    expect(await page.locator('.seq-index').inputValue()).toBe('2');
    expect(await page.locator('.seq-step-wrong').count()).toBe(0);
    await page.screenshot({path: path.join(screenshots, 'lab-secuencias.png'), fullPage: true});

    // Exports: the loss chart as PNG, the curves and the strip as CSV.
    const png = await downloaded(page, () => page.locator('.seq-run-panel .lab-save-png').first().click());
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const curves = await downloaded(page, () => page.locator('.seq-result .lab-save-csv').click());
    const lines = curves.text.trim().split('\r\n');
    expect(lines[0]).toBe('iteracion,perdida,aciertos,perdida_validacion,aciertos_validacion');
    expect(lines.length).toBeGreaterThan(50);
    const losses = lines.slice(1).map((l) => Number(l.split(',')[1]));
    expect(losses.at(-1)).toBeLessThan(losses[0] / 10);
    const strip = await downloaded(page, () => page.locator('.seq-strip-panel .lab-save-csv').click());
    const rows = strip.text.trim().split('\r\n');
    expect(rows[0]).toBe('t,x,objetivo,prediccion,acierto');
    expect(rows.length - 1).toBe(await page.locator('.seq-step').count());
    await expectClean(page);
    await page.close();
  });

  test('the address holds the settings; a bad value gets a Spanish message and stays as typed', async () => {
    const page = await openLab('#/labs/secuencias?task=parity&hidden=99', '.seq-strip .seq-step');
    expect(await page.locator('.seq-notice').textContent()).toMatch(/Unidades ocultas/);
    expect(await page.locator('select[name=task]').inputValue()).toBe('parity');
    expect(await page.locator('input[name=hidden]').inputValue()).toBe('16');
    await page.locator('input[name=lr]').fill('rápido');
    const message = page.locator('.seq-field-lr .seq-field-message');
    await expect.poll(() => message.textContent()).toMatch(/Tasa de aprendizaje η: no es un número/);
    expect(await page.locator('input[name=lr]').inputValue()).toBe('rápido');
    await page.locator('.seq-run').click();
    expect(await page.locator('.seq-status').textContent()).toMatch(/Corrige/);
    await page.locator('input[name=lr]').fill('0.02');
    await page.locator('input[name=hidden]').fill('8');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/hidden=8/);
    await page.locator('.seq-index').fill('3');
    await expect.poll(() => page.locator('.seq-of').textContent()).toMatch(/^n\.º 3 de \d+/);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/seq=3/);
    await page.locator('.seq-index').fill('x');
    expect(await page.locator('.seq-picker .seq-field-message').textContent()).toMatch(/Secuencia de validación: escribe un número entero/);
    expect(await page.locator('.seq-index').inputValue()).toBe('x');
    expect(await page.evaluate(() => location.hash)).toMatch(/task=parity/);
    expect(await page.evaluate(() => location.hash)).toMatch(/lr=0\.02/);
    await expectClean(page);
    await page.close();
  });

  test('a long run can be cancelled', async () => {
    const page = await openLab('#/labs/secuencias?steps=100000&count=300&minLength=40&maxLength=60&batch=64', '.seq-strip .seq-step');
    await page.locator('.seq-run').click();
    await page.locator('.lab-progress-cancel:not([disabled])').waitFor();
    await expect.poll(() => page.locator('.seq-run-panel .lab-progress-status').textContent()).toMatch(/^[1-9][\d.,\s]* de /);
    await page.locator('.lab-progress-cancel').click();
    await expect.poll(() => page.locator('.lab-progress-status').textContent()).toMatch(/cancelado/i);
    expect(await page.locator('.seq-run').isDisabled()).toBe(false);
    expect(await page.locator('.seq-when').textContent()).toMatch(/Antes de entrenar/);
    await expectClean(page);
    await page.close();
  });
});

describe('lab 10: tanh, sigmoid and ReLU on the same task', () => {
  const cells = (page) => page.locator('.cmp-table tbody tr').evaluateAll((rows) => rows.map((row) => ({
    f: row.dataset.f, state: row.dataset.state,
    ...Object.fromEntries([...row.querySelectorAll('td')].map((td) => [td.dataset.key, td.dataset.value ?? td.textContent])),
  })));

  test('three runs from the same seed: curves, a table with steps to the target, exports', async () => {
    const page = await openLab('#/labs/activaciones-rnn', '.cmp-table');
    await page.locator('.seq-run').click();
    await expect.poll(async () => (await cells(page)).map((r) => r.state).join(',')).toBe('done,done,done');
    const rows = await cells(page);
    expect(rows.map((r) => r.f)).toEqual(['tanh', 'sigmoid', 'relu']);
    for (const row of rows) {
      expect(number(row.loss)).toBeLessThan(0.1);
      expect(number(row.validationAccuracy)).toBeGreaterThan(95);
      expect(Number(row.reached)).toBeGreaterThan(0);
    }
    // Same seed, different f: the sigmoid's small derivatives make it the slowest to the target.
    const reached = Object.fromEntries(rows.map((r) => [r.f, Number(r.reached)]));
    expect(reached.sigmoid).toBeGreaterThan(reached.relu);
    expect(await page.locator('.cmp-verdict').textContent()).toMatch(/más rápida/);
    await page.screenshot({path: path.join(screenshots, 'lab-activaciones-rnn.png'), fullPage: true});
    const csv = await downloaded(page, () => page.locator('.cmp-lab .lab-save-csv').click());
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('activacion,perdida_final,perdida_validacion,aciertos,aciertos_validacion,iteraciones_hasta_objetivo,tiempo_ms,diverge_en');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['tanh', 'sigmoid', 'relu']);
    const png = await downloaded(page, () => page.locator('.cmp-lab .lab-save-png').first().click());
    expect(png.name).toBe('activaciones-rnn-perdida.png');
    await expectClean(page);
    await page.close();
  });

  test('each run can be cancelled; the table says so', async () => {
    const page = await openLab('#/labs/activaciones-rnn?steps=100000&count=400&minLength=30&maxLength=40', '.cmp-table');
    await page.locator('.seq-run').click();
    await expect.poll(async () => (await cells(page)).map((r) => r.state).join(',')).toMatch(/running/);
    for (const f of ['tanh', 'sigmoid', 'relu']) await page.locator(`.cmp-bar-${f} .lab-progress-cancel`).click();
    await expect.poll(async () => (await cells(page)).map((r) => r.state).join(',')).toBe('cancelled,cancelled,cancelled');
    expect(await page.locator('.seq-run').isDisabled()).toBe(false);
    await expectClean(page);
    await page.close();
  });

  test('ReLU diverging with a large learning rate shows in the table, the others finish', async () => {
    const page = await openLab('#/labs/activaciones-rnn?optimizer=sgd&lr=3', '.cmp-table');
    await page.locator('.seq-run').click();
    await expect.poll(async () => (await cells(page)).map((r) => r.state).join(',')).toMatch(/^done,done,diverged$/);
    const relu = (await cells(page))[2];
    expect(relu.state).toBe('diverged');
    expect(await page.locator('.cmp-diverged').textContent()).toMatch(/ReLU.*iteración \d+/);
    await page.screenshot({path: path.join(screenshots, 'lab-activaciones-rnn-diverge.png'), fullPage: true});
    // Problems: none but the divergence itself, which is no console error.
    await expectClean(page);
    await page.close();
  });
});

describe('lab 9: exploding and vanishing gradients', () => {
  const csvLines = (text) => text.trim().split('\r\n');

  test('the scale × length map: vanishing grows with T at small s, ReLU explodes at large s; a cell shows its curve', async () => {
    const page = await openLab('#/labs/explosion?gf=relu', '.exp-grid-canvas');
    await page.locator('.exp-part').first().locator('.seq-run').click();
    await page.locator('.exp-curve:not([hidden])').waitFor();
    const csv = await downloaded(page, () => page.locator('.exp-map .lab-save-csv').click());
    const lines = csvLines(csv.text);
    expect(lines[0]).toBe('escala,longitud,log10_cociente,norma_h1,norma_hT');
    const rows = lines.slice(1).map((l) => l.split(',').map((v) => (v === '' ? null : Number(v))));
    expect(rows).toHaveLength(13 * 11);
    const scales = [...new Set(rows.map((r) => r[0]))];
    expect(scales[0]).toBe(0.05);
    expect(scales.at(-1)).toBe(5);
    // Smallest scale: log10 ‖h̄_1‖/‖h̄_T‖ more negative for every longer sequence (vanishing).
    const small = rows.filter((r) => r[0] === 0.05 && r[2] !== null).map((r) => r[2]);
    expect(small.length).toBeGreaterThan(5);
    for (let k = 1; k < small.length; k++) expect(small[k]).toBeLessThan(small[k - 1]);
    expect(small.at(-1)).toBeLessThan(-50);
    // Largest scale: every finite ratio above 1 (exploding), the longest ones beyond a double.
    const large = rows.filter((r) => r[0] === 5);
    expect(large.filter((r) => r[2] !== null).every((r) => r[2] > 0)).toBe(true);
    expect(large.at(-1)[2]).toBe(null);
    // The first selection: the middle cell's curve; then the top-left cell (s = 0.05, T = 200).
    expect(await page.locator('.exp-cell-title').textContent()).toMatch(/s = .*, T = /);
    const box = await page.locator('.exp-grid-canvas').boundingBox();
    await page.mouse.click(box.x + 52 + 8, box.y + 8 + 6);
    await expect.poll(() => page.locator('.exp-cell-title').textContent()).toBe('s = 0.05, T = 200');
    expect(await page.locator('.exp-cell-verdict').textContent()).toMatch(/No llega nada|se desvanece/);
    await page.locator('.exp-grid-canvas').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.exp-cell-title').textContent()).toBe('s = 0.05, T = 100');
    expect(await page.locator('.exp-cell-verdict').textContent()).toMatch(/se desvanece: en t = 1 es \d+ órdenes/);
    const png = await downloaded(page, () => page.locator('.exp-map .lab-save-png').click());
    expect(png.name).toBe('explosion-mapa.png');
    await page.locator('.exp-part').first().screenshot({path: path.join(screenshots, 'lab-explosion-map.png')});
    await expectClean(page);
    await page.close();
  });

  test('over training: ‖h̄_t‖ snapshots and gradient norms; a large initial scale starts with far larger gradients', async () => {
    const page = await openLab('#/labs/explosion?steps=600', '.exp-grid-canvas');
    const part = page.locator('.exp-part').nth(1);
    const trainOnce = async () => {
      await part.locator('.seq-run').click();
      await expect.poll(() => part.locator('.lab-progress-status').textContent()).toMatch(/Terminado/);
      const gradients = csvLines((await downloaded(page, () => part.locator('.exp-gradients .lab-save-csv').click())).text);
      const snapshots = csvLines((await downloaded(page, () => part.locator('.exp-snapshots .lab-save-csv').click())).text);
      return {gradients, snapshots};
    };
    const large = await trainOnce();
    expect(large.gradients[0]).toBe('iteracion,U,V,W,b,c');
    expect(large.snapshots[0]).toBe('iteracion,t,norma_h');
    const steps = large.gradients.slice(1).map((l) => Number(l.split(',')[0]));
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(599);
    // every recorded ‖h̄_t‖ has T = 30 values
    expect((large.snapshots.length - 1) % 30).toBe(0);
    expect((large.snapshots.length - 1) / 30).toBe(steps.length);
    await part.screenshot({path: path.join(screenshots, 'lab-explosion-train.png')});
    await part.locator('input[name=scale]').fill('0.3');
    const small = await trainOnce();
    const firstV = (lines) => Number(lines[1].split(',')[2]);
    expect(firstV(large.gradients)).toBeGreaterThan(10 * firstV(small.gradients));
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/scale=0\.3/);
    await expectClean(page);
    await page.close();
  });

  test('a wrong pair of scales is named in Spanish and kept as typed', async () => {
    const page = await openLab('#/labs/explosion', '.exp-grid-canvas');
    await page.locator('input[name=gscaleMin]').fill('9');
    await expect.poll(() => page.locator('.seq-field-gscaleMin .seq-field-message').textContent()).toMatch(/Escala mínima s: debe ser menor/);
    expect(await page.locator('input[name=gscaleMin]').inputValue()).toBe('9');
    await page.locator('input[name=ghidden]').fill('');
    await expect.poll(() => page.locator('.seq-field-ghidden .seq-field-message').textContent()).toMatch(/Unidades ocultas: escribe un valor/);
    await expectClean(page);
    await page.close();
  });
});
