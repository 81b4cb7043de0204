// Labs 6 (derivacion: BPTT by hand, checked against the trace) and 8 (gradientes: BPTT against
// finite differences) in headless Chromium under the strict CSP, their numbers compared with the
// wasm core under Node; and lab 8's pure result logic.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {formatNumber} from '../../web/format.js';
import {exerciseScenario} from '../../web/labs/derivacion/exercise.js';
import {csvRows, groupsOf, sortEntries, verdictOf} from '../../web/labs/gradientes/results.js';
import {DEFAULTS, parameterCount, randomScenario, readParams} from '../../web/labs/gradientes/scenario.js';
import {loadWasmCore} from '../web/support.js';
import {labHarness, screenshots} from './browser.js';

const h = labHarness();
let core;
beforeAll(async () => {
  core = await loadWasmCore();
  await h.start();
});
afterAll(() => h.stop());

const open = h.open;

async function clean(page) {
  const {violations, problems} = await h.problems(page);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
}

const shot = (page, name) => page.screenshot({path: path.join(screenshots, `${name}.png`), fullPage: true});
const v = (list, t) => list[t - 1][0];

// Types into an answer box and leaves it (the check runs on 'change').
async function answer(page, key, text) {
  const input = page.locator(`.deriv-input[data-field="${key}"]`);
  await input.fill(text);
  await input.press('Tab');
}

describe('lab 6: BPTT by hand (#/labs/derivacion)', () => {
  const ready = '.deriv-forward td';

  test('the forward pass is the core\'s; the core\'s values, typed with a comma or a point, are all right', async () => {
    const page = await open('#/labs/derivacion?seed=7', ready);
    const trace = core.trace(exerciseScenario({seed: 7, g: 'sigmoid'}));
    const cells = await page.locator('.deriv-forward tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    // Rows x, t, r, h, s, y; columns t = 1..3.
    expect(cells[2]).toEqual(trace.forward.r.map((x) => formatNumber(x[0])));
    expect(cells[3]).toEqual(trace.forward.h.map((x) => formatNumber(x[0])));
    expect(cells[5]).toEqual(trace.forward.y.map((x) => formatNumber(x[0])));
    expect(await page.locator('.deriv-loss').textContent()).toContain(formatNumber(trace.loss).replace('−', '-').slice(0, 6));
    // The forward pass as CSV: a header and one row per time step, the core's numbers in full.
    const csv = await h.downloaded(page, () => page.getByRole('button', {name: /^Guardar CSV/}).click());
    expect(csv.name).toBe('derivacion-semilla7-sigmoid-adelante.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('t,x,objetivo,r,h,s,y');
    expect(lines).toHaveLength(4);
    expect(lines[2].split(',').map(Number)[4]).toBe(trace.forward.h[1][0]);

    const bw = trace.backward;
    const values = {dU: bw.dU[0][0], dV: bw.dV[0][0], dW: bw.dW[0][0]};
    for (const t of [1, 2, 3]) Object.assign(values, {[`s${t}`]: v(bw.s_grad, t), [`h${t}`]: v(bw.h_grad, t), [`r${t}`]: v(bw.r_grad, t)});
    let comma = false;
    for (const [key, value] of Object.entries(values)) {
      comma = !comma;
      await answer(page, key, comma ? String(value).replace('.', ',') : String(value));
    }
    await page.getByRole('button', {name: 'Comprobar'}).click();
    expect(await page.locator('.deriv-input.is-right').count()).toBe(12);
    expect(await page.locator('.deriv-score').textContent()).toContain('¡Todo correcto!');
    const errors = await page.locator('.deriv-input').evaluateAll((inputs) => inputs.map((i) => Number(i.dataset.error)));
    for (const error of errors) expect(error).toBeLessThan(1e-12);

    // The solution: the core's value in each formula.
    await page.getByRole('button', {name: 'Mostrar la solución'}).click();
    await expect.poll(() => page.locator('.deriv-solution:not([hidden]) .katex').count()).toBe(12);
    const h2 = await page.locator('.deriv-solution[data-field="h2"]').textContent();
    expect(h2).toContain(formatNumber(v(bw.h_grad, 2)));
    await shot(page, 'labs-derivacion-right');
    await clean(page);
    await page.close();
  });

  test('wrong answers get the hint that names the factor that is off', async () => {
    const page = await open('#/labs/derivacion?seed=1', ready);
    const trace = core.trace(exerciseScenario({seed: 1, g: 'sigmoid'}));
    const bw = trace.backward;
    // s̄_3 = ȳ_3 (no g′); r̄_3 = h̄_3 (no f′); h̄_2 = W s̄_2 alone; ∂L/∂W = the last step's share.
    await answer(page, 's3', String(v(bw.y_grad, 3)));
    await answer(page, 'r3', String(v(bw.h_grad, 3)));
    await answer(page, 'h2', String(v(bw.h_grad_output, 2)));
    await answer(page, 'dW', String(trace.time_steps[2].dW[0][0]));
    await answer(page, 'dU', String(-bw.dU[0][0]));
    const hint = (key) => page.locator(`.deriv-message[data-field="${key}"]`);
    await expect.poll(() => hint('dU').getAttribute('data-hint')).toBe('sign');
    expect(await hint('s3').getAttribute('data-hint')).toBe('missing-gprime');
    expect(await hint('s3').textContent()).toContain('Falta multiplicar por');
    expect(await hint('r3').getAttribute('data-hint')).toBe('missing-fprime');
    expect(await hint('h2').getAttribute('data-hint')).toBe('missing-next');
    expect(await hint('h2').textContent()).toContain('el camino desde el paso siguiente');
    expect(await hint('dW').getAttribute('data-hint')).toBe('naive');
    expect(await hint('dW').textContent()).toContain('ingenuo');
    expect(await page.locator('.deriv-input.is-wrong').count()).toBe(5);

    // r̄_2 from the student's own (wrong) h̄_2: "arrastra el error".
    const r2 = v(bw.h_grad_output, 2) * v(bw.fprime, 2);
    await answer(page, 'r2', String(r2));
    await expect.poll(() => hint('r2').getAttribute('data-hint')).toBe('upstream');
    expect(await hint('r2').textContent()).toContain('arrastra el error');

    // Not a number: a Spanish message naming the field, and the text stays.
    await answer(page, 'h1', '0,12abc');
    expect(await hint('h1').textContent()).toContain('no es un número');
    expect(await page.locator('.deriv-input[data-field="h1"]').inputValue()).toBe('0,12abc');
    await shot(page, 'labs-derivacion-hints');
    await clean(page);
    await page.close();
  });

  test('settings: a new exercise, g, the tolerance and bad values, all in the address', async () => {
    const page = await open('#/labs/derivacion?seed=3', ready);
    const first = await page.locator('.deriv-forward tbody').textContent();
    await page.getByRole('button', {name: 'Nuevo ejercicio'}).click();
    await expect.poll(() => page.locator('.deriv-forward tbody').textContent()).not.toBe(first);
    const seed = await page.getByLabel('Semilla').inputValue();
    expect(seed).not.toBe('3');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`seed=${seed}`);
    // The exercise of that seed is the core's.
    const trace = core.trace(exerciseScenario({seed: Number(seed), g: 'sigmoid'}));
    expect(await page.locator('.deriv-forward tbody tr').nth(3).textContent()).toContain(formatNumber(trace.forward.h[2][0]));

    // A linear output.
    await page.getByLabel('Activación de salida g').selectOption('linear');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('g=linear');
    const linear = core.trace(exerciseScenario({seed: Number(seed), g: 'linear'}));
    expect(await page.locator('.deriv-forward tbody tr').nth(5).textContent()).toContain(formatNumber(linear.forward.y[0][0]));

    // A tolerance loose enough turns a 0.5 % error right.
    await answer(page, 'dW', String(linear.backward.dW[0][0] * 1.005));
    await expect.poll(() => page.locator('.deriv-message[data-field="dW"]').getAttribute('data-hint')).toBe('close');
    const tol = page.getByLabel('Tolerancia relativa');
    await tol.fill('0.01');
    await tol.press('Tab');
    await expect.poll(() => page.locator('.deriv-input[data-field="dW"]').getAttribute('class')).toContain('is-right');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('tol=0.01');

    // Bad settings: a Spanish message next to the field, the text kept, nothing changed.
    const seedBox = page.getByLabel('Semilla');
    await seedBox.fill('2,5');
    await seedBox.press('Tab');
    expect(await page.locator('.lab-derivacion .lab-field-error:not([hidden])').first().textContent()).toContain('«Semilla»: debe ser un número entero');
    expect(await seedBox.inputValue()).toBe('2,5');
    await tol.fill('abc');
    await tol.press('Tab');
    expect(await page.locator('.lab-derivacion').textContent()).toContain('«Tolerancia relativa»: «abc» no es un número.');
    await clean(page);
    await page.close();
  });

  test('a link with bad settings falls back to the defaults and says so', async () => {
    const page = await open('#/labs/derivacion?seed=-4&g=relu&tol=2', ready);
    expect(await page.locator('.lab-notice').textContent()).toContain('seed, g, tol');
    expect(await page.getByLabel('Semilla').inputValue()).toBe('1');
    await clean(page);
    await page.close();
  });
});

describe('lab 8: BPTT against finite differences (#/labs/gradientes)', () => {
  const ready = '.grad-table tbody tr';

  test('the defaults: every entry of U, V, W, b, c, the core\'s numbers, "¡Y son iguales!", CSV and PNG', async () => {
    const page = await open('#/labs/gradientes', ready);
    const scenario = randomScenario(DEFAULTS);
    const result = core.gradcheck(scenario);
    const verdict = page.locator('.grad-verdict');
    expect(await verdict.textContent()).toContain('¡Y son iguales!');
    const max = Number(await verdict.getAttribute('data-max'));
    expect(max).toBeLessThan(1e-6);
    expect(max).toBe(result.max_relative_error);
    // Grouped per parameter, every entry.
    expect(await page.locator('.grad-table tbody').evaluateAll((b) => b.map((x) => x.dataset.parameter))).toEqual(['U', 'V', 'W', 'b', 'c']);
    expect(await page.locator('.grad-table tbody tr:not(.grad-group-head)').count()).toBe(parameterCount(DEFAULTS));
    const firstRow = await page.locator('.grad-table tbody tr:not(.grad-group-head)').first().locator('td').allTextContents();
    expect(firstRow[0]).toBe(formatNumber(result.parameters.U.analytic[0][0]));
    expect(firstRow[1]).toBe(formatNumber(result.parameters.U.numeric[0][0]));

    // Sorted by error: the first row of each group is its maximum.
    await page.getByLabel('Ordenar').selectOption('error');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('sort=error');
    const firsts = await page.locator('.grad-table tbody').evaluateAll((bodies) => bodies.map((b) => Number(b.querySelector('tr:not(.grad-group-head)').dataset.error)));
    expect(firsts).toEqual(['U', 'V', 'W', 'b', 'c'].map((name) => result.parameters[name].max_relative_error));

    // CSV: the header and one row per entry, full precision.
    const csv = await h.downloaded(page, () => page.getByRole('button', {name: /^Guardar CSV/}).click());
    expect(csv.name).toBe('gradientes-3-4-2-T5-semilla1.csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('parametro,fila,columna,bptt,diferencias_finitas,error_relativo');
    expect(lines).toHaveLength(1 + parameterCount(DEFAULTS));
    expect(lines[1]).toBe(`U,1,1,${result.parameters.U.analytic[0][0]},${result.parameters.U.numeric[0][0]},${result.parameters.U.relative_error[0][0]}`);
    expect(lines.at(-1).startsWith(`c,${DEFAULTS.output},,`)).toBe(true);

    // PNG of the chart.
    const png = await h.downloaded(page, () => page.getByRole('button', {name: /^Guardar PNG/}).click());
    expect(png.name).toMatch(/\.png$/);
    const {bytes} = png;
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(2000);
    await shot(page, 'labs-gradientes-equal');
    await clean(page);
    await page.close();
  });

  // How long a re-check takes at this size is a budget (scripts/budgets/labs-pieces.mjs).
  test('the largest sizes (208 parameters): every change of the seed is re-checked, the core\'s numbers', async () => {
    const query = 'input=8&hidden=8&output=8&T=20&f=tanh&g=softmax&bias=1&scale=0.5&seed=';
    const page = await open(`#/labs/gradientes?${query}1`, ready);
    const seedBox = page.getByLabel('Semilla');
    for (const seed of [11, 12, 13]) {
      const {settings, invalid} = readParams(new URLSearchParams(`${query}${seed}`));
      expect(invalid).toEqual([]);
      const result = core.gradcheck(randomScenario(settings));
      await seedBox.fill(String(seed));
      await seedBox.press('Tab');
      await expect.poll(() => page.evaluate(() => location.hash)).toContain(`seed=${seed}`);
      await expect.poll(async () => Number(await page.locator('.grad-verdict').getAttribute('data-max'))).toBe(result.max_relative_error);
      const over = groupsOf(result).flatMap((g) => g.entries).filter((e) => e.error >= 1e-6).length;
      expect(Number(await page.locator('.grad-verdict').getAttribute('data-over'))).toBe(over);
      expect(await page.locator('.grad-table tbody tr:not(.grad-group-head)').count()).toBe(208);
      const first = await page.locator('.grad-table tbody tr:not(.grad-group-head)').first().locator('td').allTextContents();
      expect(first.slice(0, 2)).toEqual([formatNumber(result.parameters.U.analytic[0][0]), formatNumber(result.parameters.U.numeric[0][0])]);
    }
    expect(await page.locator('.grad-loss-value').textContent()).toBe('entropía cruzada (softmax)');
    await clean(page);
    await page.close();
  });

  test('ReLU: entries over the threshold are counted, marked and explained', async () => {
    // seed 141 with ReLU and a linear output: two entries over 10⁻⁶ (found with the core).
    const settings = {...DEFAULTS, f: 'relu', g: 'linear', seed: 141};
    const result = core.gradcheck(randomScenario(settings));
    const over = groupsOf(result).flatMap((g) => g.entries).filter((e) => e.error >= 1e-6).length;
    expect(over).toBeGreaterThan(0);
    const page = await open('#/labs/gradientes?input=3&hidden=4&output=2&T=5&f=relu&g=linear&bias=1&scale=0.5&seed=141', ready);
    expect(Number(await page.locator('.grad-verdict').getAttribute('data-over'))).toBe(over);
    expect(await page.locator('.grad-verdict').textContent()).toContain('el umbral de 10⁻⁶');
    expect(await page.locator('.grad-explanation').textContent()).toContain('codo');
    expect(await page.locator('.grad-table .grad-row-over').count()).toBe(over);
    await shot(page, 'labs-gradientes-relu');
    await clean(page);
    await page.close();
  });

  test('bad input: a Spanish message naming the field, the text kept; a bad link falls back', async () => {
    const page = await open('#/labs/gradientes?seed=2', ready);
    const before = await page.locator('.grad-verdict').getAttribute('data-max');
    // By position: once the message shows, it is part of the field's accessible name.
    const hidden = page.locator('.grad-fieldset .lab-field input').nth(1);
    expect(await hidden.inputValue()).toBe('4');
    await hidden.fill('9');
    await hidden.press('Tab');
    expect(await page.locator('.lab-gradientes').textContent()).toContain('«Oculta»: debe estar entre 1 y 8.');
    expect(await hidden.inputValue()).toBe('9');
    const scale = page.locator('.lab-field', {hasText: 'Escala de inicialización'}).locator('input');
    await scale.fill('grande');
    await scale.press('Tab');
    expect(await page.locator('.lab-gradientes').textContent()).toContain('«Escala de inicialización»: «grande» no es un número.');
    // The last result stays, dimmed, with a note above it; nothing was recomputed.
    expect(await page.locator('.grad-verdict').getAttribute('data-max')).toBe(before);
    expect(await page.locator('.grad-result-body').getAttribute('class')).toContain('grad-stale');
    expect(await page.locator('.grad-status').textContent()).toBe('Corrige los campos marcados para comprobar los gradientes.');
    await shot(page, 'labs-gradientes-invalid');
    await clean(page);
    await page.close();

    const bad = await open('#/labs/gradientes?hidden=40&f=swish&T=0', ready);
    expect(await bad.locator('.grad-notice').textContent()).toContain('hidden, T, f');
    expect(await bad.getByLabel('Oculta', {exact: true}).inputValue()).toBe('4');
    await clean(bad);
    await bad.close();
  });
});

describe('lab 8\'s results, without a browser', () => {
  test('groups, sorting, the verdict and the CSV rows follow core.gradcheck', () => {
    const settings = {...DEFAULTS, bias: false, seed: 5};
    const result = core.gradcheck(randomScenario(settings));
    const groups = groupsOf(result);
    expect(groups.map((g) => g.name)).toEqual(['U', 'V', 'W']);
    expect(groups.map((g) => g.shape)).toEqual([[4, 3], [4, 4], [2, 4]]);
    expect(groups[0].entries[5]).toMatchObject({name: 'U', row: 2, col: 3, analytic: result.parameters.U.analytic[1][2]});
    const sorted = sortEntries(groups[1].entries, 'error');
    expect(sorted[0].error).toBe(result.parameters.V.max_relative_error);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1].error).toBeGreaterThanOrEqual(sorted[i].error);
    expect(sortEntries(groups[1].entries, 'position')).toBe(groups[1].entries);
    const verdict = verdictOf(result, groups);
    expect(verdict).toMatchObject({total: parameterCount(settings), over: 0, equal: true});
    const rows = csvRows(groups);
    expect(rows).toHaveLength(parameterCount(settings));
    expect(rows[0]).toEqual(['U', 1, 1, result.parameters.U.analytic[0][0], result.parameters.U.numeric[0][0], result.parameters.U.relative_error[0][0]]);
  });

  test('a vector parameter has no column; the data is drawn from the seed; the address is checked', () => {
    const groups = groupsOf(core.gradcheck(randomScenario(DEFAULTS)));
    expect(groups.at(-1)).toMatchObject({name: 'c', shape: [2]});
    expect(groups.at(-1).entries[1]).toMatchObject({row: 2, col: null});
    expect(randomScenario(DEFAULTS)).toEqual(randomScenario(DEFAULTS));
    const softmax = randomScenario({...DEFAULTS, g: 'softmax', seed: 9});
    expect(softmax.model.loss).toBe('cross_entropy');
    for (const row of softmax.data.sequences[0].targets) expect(row.reduce((a, b) => a + b, 0)).toBe(1);
    expect(readParams(new URLSearchParams('input=8&T=20&f=relu&bias=0&scale=2&seed=99'))).toEqual({
      settings: {...DEFAULTS, input: 8, T: 20, f: 'relu', bias: false, scale: 2, seed: 99}, invalid: []});
    expect(readParams(new URLSearchParams('input=0&T=2.5&g=tanh&bias=yes')).invalid).toEqual(['input', 'T', 'g', 'bias']);
  });
});
