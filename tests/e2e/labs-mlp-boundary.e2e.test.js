// Labs 1 (clasificacion) and 3 (regularizacion) in headless Chromium under the strict CSP: a
// training run drawn live, its numbers from the core, pause/resume, cancel, exports, bad input.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';

const h = labHarness();
beforeAll(h.start);
afterAll(h.stop);

// The lab at `hash`, once the initial weights' numbers have come from the worker.
async function open(hash) {
  const page = await h.open(hash, '.clf-run-panel .clf-metrics td');
  await page.waitForFunction(() => [...document.querySelectorAll('.clf-run-panel .clf-metrics td:first-of-type')]
    .every((td) => td.closest('.reg-weights') || td.textContent !== '—'));
  return page;
}

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

const number = (text) => Number(text.replace(/\s|%/g, '').replace('−', '-').replace(',', '.'));
const metrics = async (panel) => (await panel.locator('.clf-metrics td').allTextContents()).map(number);

describe('lab 1: classification in the plane', () => {
  test('xor: the boundary and the curves appear live, accuracy climbs above 90 %', async () => {
    const page = await open('#/labs/clasificacion?shape=xor&count=200&noise=0.1&validation=0.3&seed=1&hidden=8&activation=tanh&lr=0.03&epochs=150&batch=10&optimizer=adam');
    const panel = page.locator('.clf-run-panel');
    const [loss0, acc0] = await metrics(panel);
    expect(loss0).toBeGreaterThan(0.5);  // the initial weights: about ln 2
    await page.selectOption('.clf-speed', '1');
    await page.locator('.clf-play').click();
    await page.waitForFunction(() => /Época [1-9]/.test(document.querySelector('.clf-epoch').textContent));
    await page.screenshot({path: path.join(screenshots, 'labs-clasificacion-running.png')});
    await page.locator('.clf-play:not([disabled])').waitFor();
    const [loss, acc, vloss, vacc] = await metrics(panel);
    expect(loss).toBeLessThan(loss0);
    expect(acc).toBeGreaterThan(90);
    expect(acc).toBeGreaterThan(acc0);
    expect(vacc).toBeGreaterThan(85);
    expect(vloss).toBeGreaterThan(0);
    expect(await page.locator('.clf-epoch').textContent()).toBe('Época 150 de 150');
    await page.screenshot({path: path.join(screenshots, 'labs-clasificacion-done.png')});

    // CSV: header and one row per evaluation (the initial one, then 150 epochs).
    const csv = (await h.downloaded(page, () => page.locator('.lab-export button', {hasText: 'CSV'}).click())).text.trim().split(/\r\n/);
    expect(csv[0]).toBe('epoca,iteracion,perdida_entrenamiento,exactitud_entrenamiento,perdida_validacion,exactitud_validacion');
    expect(csv.length).toBe(1 + 151);
    const last = csv.at(-1).split(',').map(Number);
    expect(last[0]).toBe(150);
    expect(last[3]).toBeGreaterThan(0.9);
    const png = await h.downloaded(page, () => page.locator('.lab-export button', {hasText: 'PNG'}).first().click());
    expect(png.name).toMatch(/^frontera-xor.*\.png$/);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    await expectClean(page);
    await page.close();
  });

  test('pause and resume reach the very numbers of an uninterrupted run', async () => {
    const hash = '#/labs/clasificacion?shape=circles&count=200&noise=0.1&validation=0.3&seed=3&hidden=6&activation=relu&lr=0.02&epochs=60&batch=10&optimizer=adam';
    const page = await open(hash);
    await page.selectOption('.clf-speed', '1');
    await page.locator('.clf-play').click();
    await page.waitForFunction(() => /Época ([5-9]|[1-9]\d)/.test(document.querySelector('.clf-epoch').textContent));
    await page.locator('.clf-pause').click();
    await page.waitForFunction(() => document.querySelector('.clf-play').textContent === 'Continuar');
    const paused = await page.locator('.clf-epoch').textContent();
    await page.waitForTimeout(300);
    expect(await page.locator('.clf-epoch').textContent()).toBe(paused);  // it really stopped
    const epochOf = (text) => Number(text.match(/\d+(,\d+)?/)[0].replace(',', '.'));
    expect(await page.locator('.lab-progress-status').textContent()).toBe(`En pausa en la época ${paused.match(/Época (\S+)/)[1]}.`);
    // Resumed in the worker where it waits: the run goes on from there, never from the start.
    const seen = page.evaluate(() => new Promise((done) => {
      const line = document.querySelector('.clf-epoch');
      new MutationObserver((_, o) => {
        o.disconnect();
        done(line.textContent);
      }).observe(line, {childList: true, characterData: true, subtree: true});
    }));
    await page.locator('.clf-play').click();
    expect(epochOf(await seen)).toBeGreaterThanOrEqual(epochOf(paused));
    await page.locator('.clf-play:not([disabled])').waitFor();
    const resumed = await page.locator('.clf-metrics td').allTextContents();
    // The same run without a pause, as fast as possible.
    await page.locator('.clf-reset').click();
    await page.selectOption('.clf-speed', '0');
    await page.locator('.clf-play').click();
    await page.locator('.lab-progress-status', {hasText: 'Terminado'}).waitFor();
    expect(await page.locator('.clf-metrics td').allTextContents()).toEqual(resumed);
    await expectClean(page);
    await page.close();
  });

  test('cancel stops the run; a click adds a point kept in the address', async () => {
    const page = await open('#/labs/clasificacion?shape=spiral&epochs=2000&hidden=16');
    await page.selectOption('.clf-speed', '1');
    await page.locator('.clf-play').click();
    await page.waitForFunction(() => /Época [1-9]/.test(document.querySelector('.clf-epoch').textContent));
    await page.locator('.lab-progress-cancel').click();
    await page.locator('.lab-progress-status', {hasText: 'Cancelado'}).waitFor();
    const at = await page.locator('.clf-epoch').textContent();
    await page.waitForTimeout(300);
    expect(await page.locator('.clf-epoch').textContent()).toBe(at);
    expect(at).not.toBe('Época 2000 de 2000');

    const before = await page.locator('.clf-counts').textContent();
    await page.locator('.clf-add-class', {hasText: 'Clase 0'}).click();
    await page.locator('.clf-plane').scrollIntoViewIfNeeded();
    const box = await page.locator('.clf-plane').boundingBox();
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);  // (0.8, 0.8)
    await page.waitForFunction(() => location.hash.includes('extra='));
    const params = new URLSearchParams(decodeURIComponent(await page.evaluate(() => location.hash)).split('?')[1]);
    const [x, y, c] = params.get('extra').split(',').map(Number);
    expect(Math.abs(x - 0.8)).toBeLessThan(0.03);
    expect(Math.abs(y - 0.8)).toBeLessThan(0.03);
    expect(c).toBe(0);
    expect(await page.locator('.clf-counts').textContent()).not.toBe(before);
    await page.screenshot({path: path.join(screenshots, 'labs-clasificacion-added.png')});
    await expectClean(page);
    await page.close();
  });

  test('a bad value gets a Spanish message naming the field and stays as typed; a bad link falls back', async () => {
    const page = await open('#/labs/clasificacion?hidden=99&extra=9,9,1');
    expect(await page.locator('.clf-notice').textContent()).toContain('Neuronas ocultas');
    const input = page.locator('input[name="lr"]');
    await input.fill('rápido');
    await input.press('Enter');
    const message = page.locator('.clf-field-message:not([hidden])');
    await expect(message.textContent()).resolves.toContain('Tasa de aprendizaje');
    expect(await input.inputValue()).toBe('rápido');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await page.locator('input[name="hidden"]').fill('40');
    await page.locator('input[name="hidden"]').press('Enter');
    expect(await page.locator('.clf-field-message:not([hidden])').allTextContents()).toContain('«Neuronas ocultas»: debe estar entre 1 y 32.');
    await page.screenshot({path: path.join(screenshots, 'labs-clasificacion-invalid.png')});
    await expectClean(page);
    await page.close();
  });
});

describe('lab 3: regularization', () => {
  test('two runs side by side: the regularized one has the smaller loss gap; weights histogram', async () => {
    const page = await open('#/labs/regularizacion?shape=circles&count=100&noise=0.35&validation=0.5&seed=1&hidden=32&activation=relu&lr=0.01&epochs=400&batch=10&optimizer=adam&l1=0&l2=0.01');
    expect(await page.locator('.clf-run-panel .clf-plane').count()).toBe(2);
    await page.selectOption('.clf-speed', '20');
    await page.locator('.clf-play').click();
    await page.locator('.reg-summary td', {hasText: '%'}).nth(1).waitFor();
    const panels = page.locator('.reg-pair .clf-run-panel');
    const [plain, regularized] = [await metrics(panels.nth(0)), await metrics(panels.nth(1))];
    // rows: training loss, accuracy; validation loss, accuracy
    const gap = ([loss, , vloss]) => vloss - loss;
    expect(gap(plain)).toBeGreaterThan(gap(regularized));
    expect(regularized[2]).toBeLessThan(plain[2]);
    expect(regularized[0]).toBeGreaterThan(plain[0]);
    await page.screenshot({path: path.join(screenshots, 'labs-regularizacion-done.png'), fullPage: true});
    const csv = (await h.downloaded(page, () => page.locator('.lab-export button', {hasText: 'CSV'}).last().click())).text.trim().split(/\r\n/);
    expect(csv[0]).toBe('desde,hasta,sin_regularizacion,con_regularizacion');
    expect(csv.length).toBe(25);
    const total = (col) => csv.slice(1).reduce((s, line) => s + Number(line.split(',')[col]), 0);
    expect(total(2)).toBe(2 * 32 + 32 * 2);  // every weight of W1 (32×2) and W2 (2×32)
    expect(total(3)).toBe(128);
    await expectClean(page);
    await page.close();
  });

  test('the L2 slider moves on a log scale; a bad strength is refused in Spanish', async () => {
    const page = await open('#/labs/regularizacion');
    await page.locator('.reg-slider-l2').fill('13');
    await page.waitForFunction(() => location.hash.includes('l2=0.1'));
    expect(await page.locator('input[name="l2"]').inputValue()).toBe('0.1');
    expect(await page.locator('.reg-regularized .clf-panel-title').textContent()).toContain('L2 = 0.1');
    await page.locator('input[name="l1"]').fill('-1');
    await page.locator('input[name="l1"]').press('Enter');
    expect(await page.locator('.clf-field-message:not([hidden])').allTextContents()).toContain('«L1 (lasso) λ₁»: debe estar entre 0 y 1.');
    expect(await page.locator('input[name="l1"]').inputValue()).toBe('-1');
    await expectClean(page);
    await page.close();
  });
});
