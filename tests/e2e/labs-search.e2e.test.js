// Lab 5 (hiperparametros) in headless Chromium under the strict CSP: a grid search over the
// learning rate × hidden size with its epochs read at checkpoints, checked against a fresh
// training by the same wasm core under Node; the random search, reproducible from the address;
// cancel; PNG and CSV exports; bad input; the link into lab 1.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';
import {loadCore} from '../../web/core/core.js';
import {buildScenario, dataSpec} from '../../web/labs/shared/plane-scenario.js';
import {formatNumber} from '../../web/format.js';
import {hiperparametros} from '../../web/strings/labs/hiperparametros.js';

const h = labHarness();
let core;
beforeAll(async () => {
  core = await loadCore({wasmBinary: await readFile('web/core/core.wasm')});
  await h.start();
});
afterAll(h.stop);

const open = (hash) => h.open(hash, '.hp-run');

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

// Runs the search and waits for its end (the button enabled again and the results drawn).
async function search(page) {
  await page.locator('.hp-run').click();
  await page.waitForFunction(() => !document.querySelector('.hp-run').disabled);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
}

// The CSV export: {header, rows: [{lr, hidden, epochs, …} as numbers]}.
async function csv(page) {
  const download = await h.downloaded(page, () => page.locator('.hp-table-box .lab-save-csv').click());
  expect(download.name).toBe('busqueda-hiperparametros.csv');
  const lines = download.text.trim().split('\r\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, k) =>
    [header[k], v === '' ? null : v === 'true' ? true : v === 'false' ? false : Number(v)])));
  return {header, rows};
}

// The network trained again, outside the page, as lab 1 and the search build it.
function retrain(settings, row) {
  const data = core.data(dataSpec(settings));
  const scenario = buildScenario(data, [], {...settings, hidden: row.hidden, lr: row.lr, epochs: row.epochs, optimizer: 'sgd'});
  const trainer = core.trainer(scenario);
  trainer.run(scenario.train.steps);
  const evaluation = trainer.evaluate();
  trainer.delete();
  return evaluation;
}

const DATA = {shape: 'xor', count: 200, noise: 0.2, validation: 0.3, seed: 1, activation: 'tanh', batch: 10};

describe('lab 5: hyper-parameter search', () => {
  test('the default grid (6 η × 6 hidden sizes × 2,000 epochs): live progress, the map, the best, checked against the core', async () => {
    const page = await open('#/labs/hiperparametros');
    expect(await page.locator('.hp-plan').textContent()).toContain('36 entrenamientos, 216 configuraciones evaluadas');
    await page.screenshot({path: path.join(screenshots, 'labs-hiperparametros-start.png')});

    // Progress: the bar moves while the map fills.
    await page.locator('.hp-run').click();
    await page.waitForFunction(() => {
      const p = Number(document.querySelector('.lab-progress-track').getAttribute('aria-valuenow'));
      return p > 10 && p < 90;
    });
    await page.screenshot({path: path.join(screenshots, 'labs-hiperparametros-running.png')});
    await page.waitForFunction(() => !document.querySelector('.hp-run').disabled);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    expect(await page.locator('.lab-progress-status').textContent()).toMatch(/^Terminado en/);
    expect(await page.locator('.hp-page-text').textContent()).toBe('Filas 1–50 de 216');

    const {header, rows} = await csv(page);
    expect(header).toEqual(['lr', 'hidden', 'epochs', 'training_loss', 'training_accuracy', 'validation_loss', 'validation_accuracy', 'diverged']);
    expect(rows).toHaveLength(216);
    expect(new Set(rows.map((r) => r.lr))).toEqual(new Set([0.001, 0.00496, 0.0246, 0.122, 0.605, 3]));
    expect(new Set(rows.map((r) => r.epochs))).toEqual(new Set([63, 125, 250, 500, 1000, 2000]));
    const finite = rows.filter((r) => !r.diverged);
    const best = finite.reduce((a, b) => (b.validation_loss < a.validation_loss ? b : a));
    expect(best.validation_accuracy).toBeGreaterThan(0.85);
    // The lesson's phenomena: η too small learns little in 63 epochs; one hidden unit cannot
    // separate XOR; the largest η is far worse than the best.
    for (const r of rows.filter((x) => x.lr === 0.001 && x.epochs === 63)) expect(r.validation_loss).toBeGreaterThan(0.6);
    expect(Math.min(...rows.filter((r) => r.hidden === 1).map((r) => r.validation_loss))).toBeGreaterThan(best.validation_loss + 0.2);
    expect(Math.min(...rows.filter((r) => r.lr === 3 && !r.diverged).map((r) => r.validation_loss))).toBeGreaterThan(best.validation_loss + 0.05);
    // Longer training of one network: the epochs axis comes from one run per (η, hidden).
    const run = rows.filter((r) => r.lr === 0.0246 && r.hidden === 8).sort((a, b) => a.epochs - b.epochs).map((r) => r.training_loss);
    expect(run[5]).toBeLessThan(run[0]);

    // The best configuration, trained again outside the page, gives the same numbers.
    const again = retrain(DATA, best);
    expect(again.validationLoss).toBe(best.validation_loss);
    expect(again.loss).toBe(best.training_loss);
    expect(again.validationAccuracy).toBe(best.validation_accuracy);
    const first = await page.locator('.hp-table tbody tr').first().locator('td').allTextContents();
    expect(first.slice(0, 6)).toEqual([formatNumber(best.lr), String(best.hidden), String(best.epochs),
      formatNumber(best.training_loss), formatNumber(best.validation_loss), `${Number((100 * best.validation_accuracy).toFixed(1))} %`]);
    expect(await page.locator('.hp-table tbody tr').first().getAttribute('class')).toBe('hp-best-row');
    expect(await page.locator('.hp-best-line').textContent()).toContain(`η = ${formatNumber(best.lr)}, ${best.hidden} neuronas ocultas, ${best.epochs} épocas`);
    expect(await page.locator('.hp-load').getAttribute('href')).toBe(
      `#/labs/clasificacion?shape=xor&count=200&noise=0.2&validation=0.3&seed=1&hidden=${best.hidden}&activation=tanh` +
      `&lr=${best.lr}&epochs=${best.epochs}&batch=10&optimizer=sgd`);
    // The map opens on the best configuration's epochs.
    expect(await page.locator('.hp-epochs-value').textContent()).toBe(hiperparametros.map.epochsValue(best.epochs));
    await page.screenshot({path: path.join(screenshots, 'labs-hiperparametros-done.png'), fullPage: true});

    // The slider over checkpoints redraws the map for 63 epochs.
    await page.locator('.hp-epochs-slider').fill('0');
    await expect.poll(() => page.locator('.hp-epochs-value').textContent()).toBe('63 épocas');
    // The map redraws (and renames itself) on the next frame.
    await expect.poll(() => page.locator('.hp-map-canvas').getAttribute('aria-label')).toContain('63 épocas');
    // The map with the keyboard: the arrows walk the cells and name each one.
    await page.locator('.hp-map-canvas').focus();
    await page.keyboard.press('ArrowRight');
    const cell = await page.locator('.hp-hover').textContent();
    expect(cell).toMatch(/^η = [\d.]+, \d+ ocultas, 63 épocas: pérdida de validación [\d.]+, exactitud [\d.]+ %$/);
    await page.keyboard.press('ArrowUp');
    expect(await page.locator('.hp-hover').textContent()).not.toBe(cell);

    // Sorting: by η ascending, then descending.
    await page.locator('.hp-table th.hp-col-lr button').click();
    expect(await page.locator('.hp-table th.hp-col-lr').getAttribute('aria-sort')).toBe('ascending');
    expect(await page.locator('.hp-table tbody tr td:first-child').first().textContent()).toBe('0.001');
    await page.locator('.hp-table th.hp-col-lr button').click();
    expect(await page.locator('.hp-table tbody tr td:first-child').first().textContent()).toBe('3');
    await page.locator('.hp-page-next').click();
    expect(await page.locator('.hp-page-text').textContent()).toBe('Filas 51–100 de 216');

    // PNG: the map as drawn.
    const png = await h.downloaded(page, () => page.locator('.hp-figure .lab-save-png').click());
    expect(png.name).toBe('busqueda-hiperparametros.png');
    const {bytes} = png;
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(bytes.length).toBeGreaterThan(10_000);

    // The address holds the settings; "Cargar en el laboratorio 1" opens lab 1 with them.
    expect(page.url()).toContain('#/labs/hiperparametros');
    await page.locator('.hp-load').click();
    await page.waitForSelector('.clf-run-panel');
    expect(await page.locator('input[name="lr"]').inputValue()).toBe(String(best.lr));
    expect(await page.locator('input[name="hidden"]').inputValue()).toBe(String(best.hidden));
    expect(await page.locator('input[name="epochs"]').inputValue()).toBe(String(best.epochs));
    expect(await page.locator('select[name="optimizer"]').inputValue()).toBe('sgd');
    await expectClean(page);
    await page.close();
  });

  test('random search: seeded, inside the ranges, the same results from the same address', async () => {
    const hash = '#/labs/hiperparametros?mode=random&trials=12&lrMin=0.01&lrMax=1&lrScale=log&hidden=2,4,8&epochs=100&checkpoints=3&searchSeed=5&count=120';
    const page = await open(hash);
    expect(await page.locator('.hp-field-trials').isVisible()).toBe(true);
    expect(await page.locator('.hp-field-lrCount').isVisible()).toBe(false);
    await search(page);
    const first = await csv(page);
    expect(first.rows).toHaveLength(12);
    for (const r of first.rows) {
      expect(r.lr).toBeGreaterThanOrEqual(0.01);
      expect(r.lr).toBeLessThanOrEqual(1);
      expect([2, 4, 8]).toContain(r.hidden);
      expect([25, 50, 100]).toContain(r.epochs);
      expect(r.validation_loss).toBeGreaterThan(0);
    }
    expect(new Set(first.rows.map((r) => r.lr)).size).toBe(12);
    await page.screenshot({path: path.join(screenshots, 'labs-hiperparametros-random.png')});
    // A row checked against a fresh training.
    const row = first.rows[3];
    const again = retrain({...DATA, count: 120}, row);
    expect(again.validationLoss).toBe(row.validation_loss);
    // The same address, again: the same trials and numbers.
    await page.reload();
    await page.waitForSelector('.hp-run');
    await search(page);
    expect((await csv(page)).rows).toEqual(first.rows);
    await expectClean(page);
    await page.close();
  });

  // How long the cancel takes is a budget (scripts/budgets/lab-search.mjs), not a test.
  test('cancel stops the search and keeps what was measured', async () => {
    const page = await open('#/labs/hiperparametros?hidden=16,32&lrCount=6&epochs=2000&checkpoints=2&batch=1');
    await page.locator('.hp-run').click();
    await page.waitForFunction(() => Number(document.querySelector('.lab-progress-track').getAttribute('aria-valuenow')) >= 2);
    await page.locator('.lab-progress-cancel').click();
    await page.waitForFunction(() => !document.querySelector('.hp-run').disabled);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));
    const status = await page.locator('.lab-progress-status').textContent();
    expect(status).toMatch(/^Búsqueda cancelada: \d+ de 24 configuraciones evaluadas/);
    // It stopped before the end: not every configuration was evaluated, and nothing moves after.
    const evaluated = Number(status.match(/(\d+) de 24/)[1]);
    expect(evaluated).toBeLessThan(24);
    const bar = await page.locator('.lab-progress-track').getAttribute('aria-valuenow');
    expect(Number(bar)).toBeLessThan(100);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
    expect(await page.locator('.lab-progress-status').textContent()).toBe(status);
    expect(await page.locator('.lab-progress-track').getAttribute('aria-valuenow')).toBe(bar);
    // The workers are free again: a small search runs to its end.
    await page.locator('#hp-epochs').fill('20');
    await page.locator('#hp-batch').fill('10');
    await search(page);
    expect(await page.locator('.lab-progress-status').textContent()).toMatch(/^Terminado en/);
    expect(await page.locator('.hp-page-text').textContent()).toBe('Filas 1–24 de 24');
    await expectClean(page);
    await page.close();
  });

  test('bad input: a Spanish message naming the field, the text kept, no search; a bad link falls back', async () => {
    const page = await open('#/labs/hiperparametros?epochs=300');
    await page.locator('#hp-lrMin').fill('abc');
    expect(await page.locator('.hp-field-lrMin .lab-field-error').textContent()).toBe('«η mínima»: «abc» no es un número.');
    expect(await page.locator('#hp-lrMin').inputValue()).toBe('abc');
    await page.locator('#hp-hidden').fill('0, 40');
    expect(await page.locator('.hp-field-hidden .lab-field-error').textContent()).toBe(
      '«Neuronas ocultas»: cada tamaño debe ser un entero entre 1 y 32 (un intervalo, de menor a mayor).');
    await page.locator('#hp-hidden').fill('1-20');
    expect(await page.locator('.hp-field-hidden .lab-field-error').textContent()).toBe('«Neuronas ocultas»: como mucho 12 tamaños distintos.');
    await page.locator('#hp-epochs').fill('2001');
    expect(await page.locator('.hp-field-epochs .lab-field-error').textContent()).toBe('«Épocas (máximo)»: debe estar entre 1 y 2000.');
    await page.locator('.hp-run').click();
    expect(await page.locator('.hp-fix').isVisible()).toBe(true);
    expect(await page.locator('.hp-empty').isVisible()).toBe(true);
    await page.screenshot({path: path.join(screenshots, 'labs-hiperparametros-invalid.png')});
    // Fixed, except η max below η min.
    await page.locator('#hp-lrMin').fill('0,5');
    await page.locator('#hp-hidden').fill('4, 8');
    await page.locator('#hp-epochs').fill('300');
    await page.locator('#hp-lrMax').fill('0.1');
    expect(await page.locator('.hp-field-lrMax .lab-field-error').textContent()).toBe('«η máxima»: no puede ser menor que η mínima.');
    await page.locator('#hp-lrMax').fill('2');
    expect(await page.locator('.lab-field-error:visible').count()).toBe(0);
    await page.waitForFunction(() => location.hash.includes('lrMin=0.5') && location.hash.includes('hidden=4%2C8'));
    await page.close();

    const bad = await open('#/labs/hiperparametros?hidden=0&mode=bayes&count=12');
    expect(await bad.locator('.hp-notice').textContent()).toBe(
      'El enlace traía valores no válidos (Tipo de búsqueda, Neuronas ocultas); se usan los valores por defecto.');
    expect(await bad.locator('#hp-hidden').inputValue()).toBe('1, 2, 4, 8, 16, 32');
    expect(await bad.locator('#hp-count').inputValue()).toBe('12');
    await expectClean(bad);
    await bad.close();
  });
});
