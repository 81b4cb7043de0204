// The labs' frame in headless Chromium under the strict CSP: the index (#/labs), a lab's shell,
// an unknown lab, and through a test-only page (tests/e2e/labs-harness/) the labs' worker pool
// running the `train` job with the real core, the shared UI pieces and their PNG/CSV downloads.
// Built into a fresh folder with the harness page (tests/e2e/browser.js, serveSite's `pages`).
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots, violations} from './browser.js';

const h = labHarness({pages: {harness: 'tests/e2e/labs-harness/index.html'}});
beforeAll(h.start);
afterAll(h.stop);

const open = h.open;

// No CSP violation in this page, no console error or failed request since `from`.
async function expectClean(page, from = 0) {
  expect({violations: await violations(page), problems: h.browser.problems.slice(from)}).toEqual({violations: [], problems: []});
}

describe('the labs index and shell', () => {
  test('the home page links to the labs; #/labs lists ten labs in two groups', async () => {
    const page = await open('#/', '.lesson-cards');
    const card = page.locator('.lesson-cards a[href="#/labs"]');
    expect(await card.locator('h2').textContent()).toMatch(/^Laboratorios/);
    await card.click();
    await page.waitForSelector('.lab-cards');
    await page.screenshot({path: path.join(screenshots, 'labs-index.png'), fullPage: true});
    expect(await page.locator('.topbar h1').textContent()).toBe('Laboratorios');
    const groups = page.locator('.lab-group');
    expect(await groups.count()).toBe(2);
    expect(await groups.locator('h2').allTextContents()).toEqual(['Perceptrón multicapa (lección 1)', 'Redes recurrentes y BPTT (lección 2)']);
    const mlp = await groups.nth(0).locator('.lab-exercise').allTextContents();
    const rnn = await groups.nth(1).locator('.lab-exercise').allTextContents();
    expect(mlp).toEqual([1, 2, 3, 4, 5].map((n) => `Ejercicio ${n} (MLP)`));
    expect(rnn).toEqual([1, 2, 3, 4, 5].map((n) => `Ejercicio ${n} (RNN)`));
    expect(await page.locator('.lab-card h3').count()).toBe(10);
    const titles = await page.locator('.lab-card h3').allTextContents();
    const summaries = await page.locator('.lab-card').evaluateAll((nodes) => nodes.map((n) => n.querySelector('p')?.textContent ?? ''));
    summaries.forEach((summary, i) => expect(summary.length, `the summary of «${titles[i]}»`).toBeGreaterThan(30));
    // Every card is a link to its lab, or says it is being prepared.
    const cards = await page.locator('.lab-card').evaluateAll((nodes) => nodes.map((n) => ({
      href: n.querySelector('a')?.getAttribute('href') ?? null, soon: n.querySelector('.lab-soon')?.textContent ?? null,
    })));
    for (const c of cards) expect(c.href === null ? c.soon : c.href).toMatch(c.href === null ? /^En preparación$/ : /^#\/labs\/[a-z-]+$/);
    await expectClean(page);
    await page.close();
  });

  test('each lab route shows its exercise statement from the lesson, under a top bar', async () => {
    const page = await open('#/labs/derivacion', '.lab-statement');
    expect(await page.locator('.lab-statement .lab-exercise').textContent()).toBe('Ejercicio 1 (RNN)');
    expect(await page.locator('.lab-statement blockquote').textContent()).toContain('una sola unidad oculta y procesa secuencias de tres pasos de tiempo');
    expect(await page.locator('.lab-statement .katex').count()).toBe(3);  // U, V, W
    expect(await page.locator('.topbar a.labs-link').getAttribute('href')).toBe('#/labs');
    expect(await page.locator('.topbar h1').textContent()).toBe('Derivación manual de BPTT');
    const statements = {
      clasificacion: 'Genera datos sintéticos que sean linealmente separables.',
      activaciones: 'desvanecimiento o la explosión de gradientes',
      regularizacion: 'L2 (ridge) o L1 (lasso)',
      lotes: 'desde el descenso de gradiente estocástico',
      hiperparametros: 'búsqueda en cuadrícula o aleatoria',
      secuencias: 'procesar secuencias de longitud variable',
      gradientes: 'Utiliza PyTorch para crear una RNN simple',
      explosion: 'secuencias de entrada de diferentes longitudes',
      'activaciones-rnn': 'Implementa varias funciones de activación (ReLU, tanh, sigmoide)',
    };
    for (const [name, words] of Object.entries(statements)) {
      await page.goto(`${h.site.url}#/labs/${name}`);
      const shown = await page.waitForFunction((w) => document.querySelector('.lab-statement blockquote')?.textContent.includes(w), words)
        .then(() => true, () => false);
      expect(shown, `the statement of ${name}`).toBe(true);
      expect(await page.locator('.lab-body').count()).toBe(1);
    }
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test('a first visit to a lesson does not download the labs', async () => {
    const page = await h.browser.context.newPage();
    const scripts = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.text().catch(() => ''));
    });
    await page.goto(`${h.site.url}#/mlp`);
    await page.waitForSelector('.stepper .step-title .katex');
    const bodies = await Promise.all(scripts);
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((text) => text.includes('lab-cards') || text.includes('lab-progress-fill'))).toEqual([]);
    await page.close();
  });

  test('an unknown lab says so in Spanish, with a link to the index', async () => {
    const from = h.browser.problems.length;
    const page = await open('#/labs/no-existe', '.message');
    expect(await page.locator('.message p').first().textContent()).toBe('No existe ningún laboratorio llamado «no-existe».');
    await page.locator('.message a[href="#/labs"]').click();
    await page.waitForSelector('.lab-cards');
    await expectClean(page, from);
    await page.close();
  });
});

describe('the labs worker and the shared pieces (test page)', () => {
  let page;
  let from;
  beforeAll(async () => {
    from = h.browser.problems.length;
    page = await h.browser.context.newPage();
    await page.goto(`${h.site.url}tests/e2e/labs-harness/`);
    await page.waitForFunction(() => window.labsHarness);
    await page.evaluate(() => window.labsHarness.ready());
  });
  afterAll(() => page?.close());

  test('train through the real worker: every loss, evaluations, norms and a 100 × 100 grid each message', async () => {
    const out = await page.evaluate(() => window.labsHarness.trainSmall());
    expect(out.status).toBe('done');
    expect(out.steps).toBe(3000);
    expect(out.seen.losses).toBe(3000);
    expect(out.seen.evaluations).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000]);
    expect(out.seen.norms).toBe(4);  // steps 0, 1000, 2000 and the last
    expect(out.seen.grids).toBe(out.seen.messages);
    expect(out.seen.gridLength).toBe(10_000);
    expect(out.seen.gridType).toBe('Float32Array');
    expect(out.seen.lastDone).toBe(3000);
    // Progress in order: the initial state first, then more steps each message, the last at the end.
    expect(out.seen.dones[0]).toBe(0);
    out.seen.dones.slice(1).forEach((done, k) => expect(done).toBeGreaterThan(out.seen.dones[k]));
    expect(out.evaluation.accuracy).toBeGreaterThan(0.5);
  });

  // How soon the worker answers a cancel is a budget (scripts/budgets/labs-pieces.mjs).
  test('a cancel stops a running job; no progress reaches the page after it; queued jobs all finish', async () => {
    const cancelled = await page.evaluate(() => window.labsHarness.cancelLong());
    // The worker answers 'cancelled' only once the job has returned, long before its 5·10⁷ steps.
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.firstProgress).toBeGreaterThan(0);
    expect(cancelled.firstProgress).toBeLessThan(5e7);
    expect(cancelled.afterCancel).toBe(0);
    const three = await page.evaluate(() => window.labsHarness.three());
    expect(three.map((o) => o.status)).toEqual(['done', 'done', 'done']);
    expect(new Set(three.map((o) => o.loss)).size).toBe(3);
  });

  test('refusals and divergence reach the page as CoreErrors naming the field', async () => {
    const {refused, diverged, unknown} = await page.evaluate(() => window.labsHarness.failures());
    expect(refused).toMatchObject({name: 'CoreError', field: 'optimizer.lr', code: 2});
    expect(diverged).toMatchObject({name: 'CoreError', field: 'train', code: 3});  // as `backprop train` refuses it
    expect(diverged.step).toBeGreaterThan(0);
    expect(unknown).toMatchObject({name: 'CoreError', field: 'job'});
  });

  // How long a redraw and an update take is a budget (scripts/budgets/labs-pieces.mjs).
  test('a 100 × 100 heat map shows its values in colour; a chart of three 5,000-point series holds the last update', async () => {
    const colors = await page.evaluate(() => window.labsHarness.heatmapColors());
    const near = (rgb, hex) => rgb.every((c, k) => Math.abs(c - Number.parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16)) <= 3);
    expect(colors.left, JSON.stringify(colors)).toSatisfy((c) => near(c, '#e8a585'));   // 0: class 0's pale colour
    expect(colors.middle, JSON.stringify(colors)).toSatisfy((c) => c.every((v) => v >= 240));  // 0.5: about white
    expect(colors.right, JSON.stringify(colors)).toSatisfy((c) => near(c, '#93b4e6'));  // 1: class 1's
    const {shown, expected} = await page.evaluate(() => window.labsHarness.chartSeries());
    expect(shown).toEqual(expected);
  });

  test('fields, progress, heat map and chart; PNG and CSV downloads under the strict CSP', async () => {
    const count = await page.evaluate(() => window.labsHarness.mountPieces());
    expect(count).toBe(3000);
    expect(await page.locator('[role=progressbar]').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.locator('.lab-progress-status').textContent()).toMatch(/^Terminado en \d/);
    // A bad value: a message naming the field, the text kept.
    const lr = page.locator('.lab-field input').first();
    await lr.fill('0,5x');
    expect(await page.locator('.lab-field-error').first().textContent()).toBe('«Tasa de aprendizaje»: «0,5x» no es un número.');
    expect(await lr.inputValue()).toBe('0,5x');
    expect(await lr.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.lab-field input').nth(1).fill('2.5');
    expect(await page.locator('.lab-field-error').nth(1).textContent()).toBe('«Iteraciones»: debe ser un número entero.');
    await lr.fill('20');
    expect(await page.locator('.lab-field-error').first().textContent()).toBe('«Tasa de aprendizaje»: debe estar entre 0.000001 y 10.');
    await lr.fill('0,25');
    expect(await page.locator('.lab-field-error').first().isHidden()).toBe(true);
    expect(await page.evaluate(() => window.labsHarness.pieces.lr.value)).toBe(0.25);
    // A click on the map reports plane coordinates (the centre is (0, 0)).
    const box = await page.locator('.lab-heatmap').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 4);
    const [[cx, cy]] = await page.evaluate(() => window.labsHarness.pieces.clicks);
    expect(cx).toBeCloseTo(0, 1);
    expect(cy).toBeCloseTo(0.75, 1);
    await page.screenshot({path: path.join(screenshots, 'labs-pieces.png'), fullPage: true});

    const save = (index) => h.downloaded(page, () => page.locator('.lab-export button').nth(index).click());
    const map = await save(0);
    expect(map.name).toBe('frontera.png');
    expect(map.bytes.subarray(1, 4).toString()).toBe('PNG');
    const chart = await save(1);
    expect(chart.name).toBe('perdida.png');
    expect(chart.bytes.subarray(1, 4).toString()).toBe('PNG');
    const csv = await save(2);
    expect(csv.name).toBe('perdida.csv');
    const text = csv.bytes.toString('utf8');
    const lines = text.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('iteración,pérdida');
    expect(lines).toHaveLength(3001);
    expect(lines[1]).toMatch(/^0,0\.\d+$/);
    await expectClean(page, from);
  });
});
