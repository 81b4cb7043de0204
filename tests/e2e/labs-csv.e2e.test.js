// Lab 1's own points and the labs' settings files in headless Chromium under the strict CSP: a CSV
// with bad rows (every line named, nothing changes), a good CSV trained on (the boundary and the
// curves), the points kept by a reload of the address, points too many for the address kept by
// the settings file, and a settings file with a bad field.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';

const h = labHarness();
beforeAll(h.start);
afterAll(h.stop);

const LAB = '#/labs/clasificacion?validation=0.3&seed=3&hidden=4&epochs=60&lr=0.03';

async function open(hash = LAB) {
  const page = await h.open(hash, '.clf-run-panel .clf-metrics td');
  await page.waitForFunction(() => [...document.querySelectorAll('.clf-run-panel .clf-metrics td:first-of-type')].every((td) => td.textContent !== '—'));
  return page;
}

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

const number = (text) => Number(text.replace(/\s|%/g, '').replace('−', '-'));
const metrics = async (page) => (await page.locator('.clf-metrics td').allTextContents()).map(number);
const counts = (page) => page.locator('.clf-counts').textContent();
const csvStatus = (page) => page.locator('.clf-csv-status').textContent();
const query = (page) => new URLSearchParams(page.url().split('?')[1]);

// n points on the lab's 0.01 grid: class 1 right of the line x2 = −x1 / 2, with a margin.
function separable(n) {
  const rows = ['x1;x2;clase'];
  for (let k = 0; rows.length <= n; k++) {
    const x = ((k * 37) % 281) / 100 - 1.4;
    const y = ((k * 53) % 263) / 100 - 1.3;
    const side = x + y / 2;
    if (Math.abs(side) < 0.15) continue;
    rows.push(`${String(x.toFixed(2)).replace('.', ',')};${String(y.toFixed(2)).replace('.', ',')};${side > 0 ? 'B' : 'A'}`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

const csvFile = (name, text) => ({name, mimeType: 'text/csv', buffer: Buffer.from(text)});
const pickCsv = (page, file) => page.locator('.clf-csv .file-input').setInputFiles(file);
const pickSettings = (page, file) => page.locator('.file-bar .file-input').setInputFiles(file);

describe('lab 1: your own points from a CSV file', () => {
  test('a CSV with bad rows names every line and changes nothing', async () => {
    const page = await open();
    const before = {url: page.url(), counts: await counts(page), metrics: await metrics(page)};
    const lines = ['x1,x2,clase', '0.1,0.2,0'];
    for (let k = 0; k < 12; k++) lines.push(k % 2 ? `${k + 2},0.5,1` : `0.5,abc${k},0`);
    lines.push('0.3,0.4');
    await pickCsv(page, csvFile('malo.csv', lines.join('\n')));
    await expect.poll(() => csvStatus(page)).toMatch(/^No se importó «malo\.csv»: 13 filas no son válidas\. Nada ha cambiado\.Línea 3/);
    const items = await page.locator('.clf-csv-status li').allTextContents();
    expect(items).toEqual([
      'Línea 3: x2 = «abc0» no es un número.',
      'Línea 4: x1 = 3 está fuera del plano del laboratorio (de −1.6 a 1.6).',
      'Línea 5: x2 = «abc2» no es un número.',
      'Línea 6: x1 = 5 está fuera del plano del laboratorio (de −1.6 a 1.6).',
      'Línea 7: x2 = «abc4» no es un número.',
      'Línea 8: x1 = 7 está fuera del plano del laboratorio (de −1.6 a 1.6).',
      'Línea 9: x2 = «abc6» no es un número.',
      'Línea 10: x1 = 9 está fuera del plano del laboratorio (de −1.6 a 1.6).',
    ]);
    expect(await csvStatus(page)).toMatch(/… y 5 filas más\.$/);
    expect(page.url()).toBe(before.url);
    expect(await counts(page)).toBe(before.counts);
    expect(await metrics(page)).toEqual(before.metrics);
    for (const [width, height] of [[1366, 800], [390, 844]]) {
      await page.setViewportSize({width, height});
      await page.locator('.clf-csv').scrollIntoViewIfNeeded();
      await page.screenshot({path: path.join(screenshots, `labs-csv-refused-${width}x${height}.png`)});
    }
    // One class only, and not text at all.
    await pickCsv(page, csvFile('una.csv', '0,0,1\n1,1,1\n0.5,0.5,1\n-1,1,1\n'));
    await expect.poll(() => csvStatus(page)).toBe('No se importó «una.csv»: todos los puntos son de la misma clase («1»); hacen falta dos. Nada ha cambiado.');
    await pickCsv(page, {name: 'imagen.csv', mimeType: 'text/csv', buffer: Buffer.from([0xff, 0xfe, 0x00, 0xd8])});
    await expect.poll(() => csvStatus(page)).toMatch(/no es un archivo de texto/);
    expect(page.url()).toBe(before.url);
    await expectClean(page);
    await page.close();
  });

  test('a good CSV: the boundary and the curves trained on it, kept by a reload of the address', async () => {
    const page = await open();
    await pickCsv(page, csvFile('puntos.csv', separable(200)));
    await expect.poll(() => csvStatus(page)).toBe('200 puntos importados de «puntos.csv». Clase 0 = «A», clase 1 = «B».');
    await expect.poll(() => counts(page)).toBe('140 puntos de entrenamiento, 60 de validación');
    expect(await page.locator('.clf-csv-in-use').textContent()).toMatch(/^Se entrena con 200 puntos importados/);
    for (const name of ['shape', 'count', 'noise']) expect(await page.locator(`[name=${name}]`).isHidden(), name).toBe(true);
    await expect.poll(() => query(page).get('points')?.length ?? 0).toBe(Math.ceil((200 * 19) / 6));
    await page.locator('.clf-play').click();
    await page.locator('.clf-play:not([disabled])').waitFor();
    expect(await page.locator('.clf-epoch').textContent()).toBe('Época 60 de 60');
    const [loss, acc, vloss, vacc] = await metrics(page);
    expect(acc).toBeGreaterThan(95);
    expect(vacc).toBeGreaterThan(90);
    expect(loss).toBeLessThan(0.3);
    expect(vloss).toBeGreaterThan(0);
    await page.locator('.clf-run-panel').screenshot({path: path.join(screenshots, 'labs-csv-boundary.png')});
    const csv = (await h.downloaded(page, () => page.locator('.lab-export button', {hasText: 'CSV'}).click()));
    expect(csv.name).toBe('curvas-csv-h4-s3.csv');
    expect(csv.text.trim().split(/\r\n/)).toHaveLength(1 + 61);
    for (const [width, height] of [[1366, 800], [390, 844]]) {
      await page.setViewportSize({width, height});
      await page.locator('.clf-csv').scrollIntoViewIfNeeded();
      await page.screenshot({path: path.join(screenshots, `labs-csv-imported-${width}x${height}.png`)});
    }
    await page.setViewportSize({width: 1366, height: 800});
    await page.reload();
    await page.waitForFunction(() => [...document.querySelectorAll('.clf-run-panel .clf-metrics td:first-of-type')].every((td) => td.textContent !== '—'));
    expect(await counts(page)).toBe('140 puntos de entrenamiento, 60 de validación');
    expect(await page.locator('.clf-csv-in-use').isVisible()).toBe(true);
    await page.locator('.clf-play').click();
    await page.locator('.clf-play:not([disabled])').waitFor();
    expect(await metrics(page)).toEqual([loss, acc, vloss, vacc]);  // the same points, the same run
    // Back to the generated points: the address forgets the imported ones.
    await page.locator('.clf-csv-back').click();
    await expect.poll(() => query(page).has('points')).toBe(false);
    await expectClean(page);
    await page.close();
  });

  test('points too many for the address live in the settings file; a bad settings file changes nothing', async () => {
    const page = await open();
    await pickCsv(page, csvFile('muchos.csv', separable(4000)));
    await expect.poll(() => csvStatus(page)).toMatch(/^4\u202f000 puntos importados de «muchos\.csv»\..*no caben en la dirección: guarda los ajustes/);
    await expect.poll(() => query(page).get('points')).toBe('file');
    const saved = await h.downloaded(page, () => page.getByRole('button', {name: 'Guardar ajustes'}).click());
    expect(saved.name).toBe('ajustes-clasificacion.json');
    const file = JSON.parse(saved.text);
    expect(file.lab).toBe('clasificacion');
    expect(file.settings.hidden).toBe('4');
    expect(file.settings.points.length).toBe(Math.ceil((4000 * 19) / 6));
    await page.close();

    // The address alone: the page says where the points are, and shows generated ones.
    const fresh = await open(`${LAB}&points=file`);
    expect(await fresh.locator('.clf-notice').textContent()).toMatch(/no caben en la dirección/);
    expect(await counts(fresh)).toBe('140 puntos de entrenamiento, 60 de validación');  // 200 generated
    await pickSettings(fresh, {name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text)});
    await expect.poll(() => fresh.locator('.lab-file-status').textContent()).toBe('Abierto «ajustes-clasificacion.json».');
    await expect.poll(() => counts(fresh)).toBe('2800 puntos de entrenamiento, 1200 de validación');
    await expect.poll(() => query(fresh).get('points')).toBe('file');

    // A bad field: named in Spanish, nothing changes.
    const before = fresh.url();
    const bad = {...file, settings: {...file.settings, hidden: '99', lr: 'rápido'}};
    await pickSettings(fresh, {name: 'malo.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad))});
    await expect.poll(() => fresh.locator('.lab-file-status').textContent())
      .toBe('No se pudo abrir «malo.json»: tiene valores no válidos para: Neuronas ocultas, Tasa de aprendizaje η. Nada ha cambiado.');
    expect(fresh.url()).toBe(before);
    expect(await counts(fresh)).toBe('2800 puntos de entrenamiento, 1200 de validación');
    for (const [width, height] of [[1366, 800], [390, 844]]) {
      await fresh.setViewportSize({width, height});
      await fresh.evaluate(() => scrollTo(0, 0));
      await fresh.screenshot({path: path.join(screenshots, `labs-settings-refused-${width}x${height}.png`)});
    }
    // Another lab's file, by a drop on the page.
    const transfer = await fresh.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'lotes.json', {type: 'application/json'}));
      return data;
    }, JSON.stringify({lab: 'lotes', settings: {}}));
    await fresh.dispatchEvent('.lab-page', 'drop', {dataTransfer: transfer});
    await expect.poll(() => fresh.locator('.lab-file-status').textContent()).toMatch(/guarda los ajustes de otro laboratorio/);
    expect(fresh.url()).toBe(before);
    await expectClean(fresh);
    await fresh.close();
  });
});
