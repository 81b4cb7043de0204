// Labs 2 (activaciones) and 4 (lotes) in headless Chromium under the strict CSP: three training
// runs each on the labs' worker, the curves, the tables' numbers from the core, cancel, the PNG
// and CSV exports, a bad value, and a link that reproduces the run.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';
import {loadCore} from '../../web/core/core.js';
import {formatNumber} from '../../web/format.js';
import {buildScenario, dataSpec, stepsPerEpoch} from '../../web/labs/shared/compare-scenario.js';

const h = labHarness();
let core;  // the same wasm core under Node, for the expected numbers
beforeAll(async () => {
  core = await loadCore({wasmBinary: await readFile('web/core/core.wasm')});
  await h.start();
});
afterAll(h.stop);

const open = (hash) => h.open(hash, '.act-table tbody tr');

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

// "1 537" → 1537, "98.6 %" → 98.6, "1.2e−5" → 1.2e-5, "no alcanzado" → null.
const number = (text) => {
  const clean = text.replace(/[\s\u202f%]|ms$/g, '').replace(/−/g, '-');
  return clean === 'noalcanzado' ? null : Number(clean);
};
const finished = (page) => page.waitForFunction(() => /Terminado/.test(document.querySelector('.lab-progress-status')?.textContent ?? ''));
const tableRows = async (page) => {
  const rows = {};
  for (const row of await page.locator('.act-table tbody tr').all()) {
    rows[await row.getAttribute('data-activation') ?? await row.getAttribute('data-run')] = (await row.locator('td').allTextContents()).map(number);
  }
  return rows;
};
const csvOf = (download) => download.text.trim().split(/\r\n/);


// Epochs to reach `target` and the final evaluation, computed here by the core under Node.
function expectedActivation(settings, activation) {
  const data = core.data(dataSpec(settings));
  const trainer = core.trainer(buildScenario(data, {...settings, activation, batch: null}));
  const losses = trainer.run(settings.epochs);
  const evaluation = trainer.evaluate();
  trainer.delete();
  const reach = losses.findIndex((l) => l <= settings.target);
  return {reach: reach >= 0 ? reach : evaluation.loss <= settings.target ? settings.epochs : null, evaluation};
}

function expectedBatch(settings, batch) {
  const data = core.data(dataSpec(settings));
  const n = data.inputs.length;
  const scenario = buildScenario(data, {...settings, layers: 1, batch});
  const trainer = core.trainer(scenario);
  const spe = stepsPerEpoch(scenario.train.batch_size, n);
  let reach = trainer.evaluate().loss <= settings.target ? 0 : null;
  for (let e = 1; e <= settings.epochs; e++) {
    trainer.run(spe);
    if (reach === null && trainer.evaluate().loss <= settings.target) reach = e;
  }
  const evaluation = trainer.evaluate();
  trainer.delete();
  return {reach, evaluation, spe};
}

const ACT = {shape: 'circles', count: 200, noise: 0.1, seed: 1, layers: 1, hidden: 8, lr: 0.5, epochs: 2000, target: 0.1};
const BATCH = {shape: 'xor', count: 200, noise: 0.1, seed: 1, activation: 'tanh', hidden: 8, lr: 0.2, epochs: 100, batch: 16, shuffle: true, target: 0.1};

describe('lab 2: activations', () => {
  test('the defaults: the numbers of the core; relu and tanh reach the target long before sigmoid; exports', async () => {
    const page = await open('#/labs/activaciones');
    await finished(page);
    const rows = await tableRows(page);
    for (const activation of ['relu', 'sigmoid', 'tanh']) {
      const want = expectedActivation(ACT, activation);
      const [reach, loss, accuracy, validationAccuracy, ratio, time] = rows[activation];
      expect(reach).toBe(want.reach);
      expect(loss).toBe(Number(formatNumber(want.evaluation.loss)));
      expect(accuracy).toBeCloseTo(want.evaluation.accuracy * 100, 1);
      expect(validationAccuracy).toBeCloseTo(want.evaluation.validationAccuracy * 100, 1);
      expect(validationAccuracy).toBeGreaterThan(90);
      expect(ratio).toBeGreaterThan(0);
      expect(Number.isFinite(time)).toBe(true);  // the wall time shown is a number (its size is a budget's)
    }
    expect(rows.relu[0]).toBeLessThan(rows.sigmoid[0] / 3);
    expect(rows.tanh[0]).toBeLessThan(rows.sigmoid[0] / 3);
    expect(await page.locator('.act-summary').textContent()).toContain(`ReLU (${rows.relu[0]} épocas)`);
    // the address holds the settings
    expect(page.url()).toContain('epochs=2000');
    expect(page.url()).toContain('shape=circles');
    await page.screenshot({path: path.join(screenshots, 'labs-activaciones.png'), fullPage: true});

    // A new target re-reads the same curves: a lower loss takes more epochs, no new run.
    await page.locator('.lab-field-target input').fill('0.03');
    await page.waitForFunction(() => document.querySelector('.act-table thead').textContent.includes('0.03'));
    const lower = await tableRows(page);
    expect(lower.relu[0]).toBe(expectedActivation({...ACT, target: 0.03}, 'relu').reach);
    expect(lower.relu[0]).toBeGreaterThan(rows.relu[0]);
    expect(lower.sigmoid[0]).toBeNull();
    expect(await page.locator('tr[data-activation="sigmoid"] td').first().textContent()).toBe('no alcanzado');

    const csvDownload = await h.downloaded(page, () => page.locator('.lab-save-csv').click());
    expect(csvDownload.name).toBe('activaciones-seed1.csv');
    const csv = csvOf(csvDownload);
    expect(csv[0]).toBe('activation,epochs_to_target,target,final_loss,train_accuracy,validation_accuracy,first_last_gradient_ratio,elapsed_ms');
    expect(csv).toHaveLength(4);
    expect(csv[1].split(',').slice(0, 3)).toEqual(['relu', String(lower.relu[0]), '0.03']);
    expect(csv[2].split(',')[1]).toBe('');  // sigmoid: not reached
    const pngDownload = await h.downloaded(page, () => page.locator('.lab-save-png').first().click());
    expect(pngDownload.name).toMatch(/\.png$/);
    const png = pngDownload.bytes;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
    await expectClean(page);
    await page.close();
  });

  test('the deep variant: sigmoid\'s first-layer gradient vanishes and it stays at chance', async () => {
    const page = await open('#/labs/activaciones');
    await finished(page);
    await page.locator('.act-variant').click();
    await page.waitForFunction(() => document.querySelector('.act-variant').textContent.includes('una capa'));
    await finished(page);
    await page.waitForFunction(() => !document.querySelector('.act-summary').hidden);
    const rows = await tableRows(page);
    expect(rows.sigmoid[0]).toBeNull();
    expect(rows.sigmoid[1]).toBeGreaterThan(0.65);   // about ln 2: chance
    expect(rows.sigmoid[4]).toBeLessThan(1e-3);      // ‖∂L/∂W⁽¹⁾‖ / ‖∂L/∂W⁽⁵⁾‖ at the start
    expect(rows.tanh[4]).toBeGreaterThan(rows.sigmoid[4] * 100);
    expect(rows.relu[0]).not.toBeNull();
    expect(rows.tanh[0]).not.toBeNull();
    const want = expectedActivation({...ACT, layers: 4}, 'sigmoid');
    expect(rows.sigmoid[1]).toBe(Number(formatNumber(want.evaluation.loss)));
    expect(await page.locator('.act-summary').textContent()).toMatch(/sigmoide.*se desvanece/);
    expect(page.url()).toContain('layers=4');
    await page.waitForTimeout(100);
    await page.screenshot({path: path.join(screenshots, 'labs-activaciones-deep.png'), fullPage: true});
    await expectClean(page);
    await page.close();
  });

  test('a bad value gets its Spanish message and stays; a bad link falls back to the defaults', async () => {
    const page = await open('#/labs/activaciones?epochs=abc&lr=0.5');
    expect(await page.locator('.notice').textContent()).toContain('Épocas');
    expect(await page.locator('.lab-field-epochs input').inputValue()).toBe('2000');
    await finished(page);
    const epochs = page.locator('.lab-field-epochs input');
    await epochs.fill('12x');
    expect(await page.locator('.lab-field-epochs .lab-field-error').textContent()).toBe('«Épocas»: «12x» no es un número.');
    await page.locator('.lab-field-lr input').fill('50');
    expect(await page.locator('.lab-field-lr .lab-field-error').textContent()).toBe('«Tasa de aprendizaje η»: debe estar entre 0.000001 y 10.');
    await page.locator('.act-run').click();
    expect(await page.locator('.act-form-message').isVisible()).toBe(true);
    expect(await epochs.inputValue()).toBe('12x');
    expect(await page.locator('.lab-progress-status').textContent()).toMatch(/Terminado/);  // nothing new ran
    await page.screenshot({path: path.join(screenshots, 'labs-activaciones-invalid.png')});
    await expectClean(page);
    await page.close();
  });

  test('cancel stops the three runs', async () => {
    const page = await open('#/labs/activaciones?layers=4&hidden=32&epochs=20000');
    await page.waitForFunction(() => /\d+ de /.test(document.querySelector('.lab-progress-status').textContent));
    await page.locator('.lab-progress-cancel').click();
    await page.waitForFunction(() => document.querySelector('.lab-progress-status').textContent === 'Cancelado.');
    const cells = await page.locator('.act-table tbody td').allTextContents();
    expect(cells.every((c) => c === '—')).toBe(true);
    // the page still answers: a short run afterwards finishes
    await page.locator('.lab-field-epochs input').fill('50');
    await page.locator('.act-run').click();
    await finished(page);
    await expectClean(page);
    await page.close();
  });
});

describe('lab 4: batch sizes', () => {
  test('the defaults: SGD, the mini-batch and the full batch as the core trains them; exports', async () => {
    const page = await open('#/labs/lotes');
    await finished(page);
    const rows = await tableRows(page);
    const want = {sgd: expectedBatch(BATCH, 1), mini: expectedBatch(BATCH, 16), full: expectedBatch(BATCH, null)};
    expect(rows.sgd.slice(0, 3)).toEqual([1, 140, 14000]);
    expect(rows.mini.slice(0, 3)).toEqual([16, 9, 900]);   // ⌈140 / 16⌉
    expect(rows.full.slice(0, 3)).toEqual([140, 1, 100]);
    for (const run of ['sgd', 'mini', 'full']) {
      const [, perEpoch, , reach, loss, validationAccuracy, time] = rows[run];
      expect(perEpoch).toBe(want[run].spe);
      expect(reach).toBe(want[run].reach);
      expect(loss).toBe(Number(formatNumber(want[run].evaluation.loss)));
      expect(validationAccuracy).toBeCloseTo(want[run].evaluation.validationAccuracy * 100, 1);
      expect(Number.isFinite(time)).toBe(true);  // the wall time shown is a number (its size is a budget's)
    }
    // per epoch, smaller batches converge sooner; the full batch does not reach 0.1 in 100 epochs
    expect(rows.sgd[3]).toBeLessThan(rows.mini[3]);
    expect(rows.full[3]).toBeNull();
    expect(rows.sgd[4]).toBeLessThan(rows.mini[4]);
    expect(rows.mini[4]).toBeLessThan(rows.full[4]);
    await page.waitForTimeout(100);
    await page.screenshot({path: path.join(screenshots, 'labs-lotes.png'), fullPage: true});

    const csv = csvOf(await h.downloaded(page, () => page.locator('.lab-save-csv').click()));
    expect(csv[0]).toBe('run,batch_size,updates_per_epoch,updates,epochs_to_target,target,final_loss,validation_accuracy,elapsed_ms');
    expect(csv).toHaveLength(4);
    expect(csv.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual(['sgd,1,140,14000', 'mini,16,9,900', 'full,140,1,100']);
    expect(Number(csv[1].split(',')[6])).toBe(want.sgd.evaluation.loss);
    const pngDownload = await h.downloaded(page, () => page.locator('.lab-save-png').nth(1).click());
    expect(pngDownload.name).toBe('lotes-epocas-seed1.png');
    expect(pngDownload.bytes.length).toBeGreaterThan(5000);
    await expectClean(page);
    await page.close();
  });

  test('a link reproduces a run (shuffle off, another mini-batch)', async () => {
    const hash = '#/labs/lotes?shape=circles&count=300&noise=0.1&seed=7&activation=relu&hidden=8&lr=0.1&epochs=40&batch=32&shuffle=0&target=0.2';
    const first = await open(hash);
    await finished(first);
    const a = await tableRows(first);
    const second = await open(hash);
    await finished(second);
    const b = await tableRows(second);
    const strip = (rows) => Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.slice(0, 6)]));  // all but the time
    expect(strip(b)).toEqual(strip(a));
    expect(a.mini.slice(0, 2)).toEqual([32, 7]);   // 210 training points: ⌈210 / 32⌉
    const settings = {shape: 'circles', count: 300, noise: 0.1, seed: 7, activation: 'relu', hidden: 8, lr: 0.1, epochs: 40, batch: 32, shuffle: false, target: 0.2};
    expect(a.mini[4]).toBe(Number(formatNumber(expectedBatch(settings, 32).evaluation.loss)));
    expect(await second.locator('.lab-field-shuffle select').inputValue()).toBe('0');
    await expectClean(second);
    await first.close();
    await second.close();
  });

  test('a bad mini-batch size is named in Spanish and kept; cancel stops the runs', async () => {
    const page = await open('#/labs/lotes?count=2000&epochs=1000');
    await page.waitForFunction(() => /\d+ de /.test(document.querySelector('.lab-progress-status').textContent));
    await page.locator('.lab-progress-cancel').click();
    await page.waitForFunction(() => document.querySelector('.lab-progress-status').textContent === 'Cancelado.');
    expect(await page.locator('tr[data-run="full"] td').nth(4).textContent()).toBe('—');
    const batch = page.locator('.lab-field-batch input');
    await batch.fill('0');
    expect(await page.locator('.lab-field-batch .lab-field-error').textContent()).toBe('«Tamaño del minilote»: debe estar entre 1 y 2000.');
    await batch.fill('1.5');
    expect(await page.locator('.lab-field-batch .lab-field-error').textContent()).toBe('«Tamaño del minilote»: debe ser un número entero.');
    await page.locator('.lotes-run').click();
    expect(await batch.inputValue()).toBe('1.5');
    expect(await page.locator('.act-form-message').isVisible()).toBe(true);
    await page.screenshot({path: path.join(screenshots, 'labs-lotes-invalid.png')});
    await expectClean(page);
    await page.close();
  });
});
