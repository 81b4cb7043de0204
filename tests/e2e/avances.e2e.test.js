// Lesson 3 (#/avances) in headless Chromium under the strict CSP: the optimizers' race shows the
// very trajectories the core computes under Node for the same spec, a huge η is named "diverge",
// the settings live in the address and survive a reload, the start is picked with a click or the
// keys, a bad value gets its Spanish message; the initialisation's statistics are the core's; the
// embed mode. Screenshots at 390×844 and 1366×800 in build/screenshots/avances-*.png.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';
import {loadWasmCore} from '../web/support.js';
import {S} from '../../web/strings/index.js';
import {surfaceSpec} from '../../web/lessons/avances/race/surface-spec.js';
import {initSpec} from '../../web/lessons/avances/init/stats.js';
import {INIT_SCHEMES, initFields, overfitFields, raceFields, readSettings} from '../../web/lessons/avances/settings.js';
import {BN_DATA, bnScenarios} from '../../web/lessons/avances/batchnorm/scenario.js';
import {overfitScenarios, overfitSettings} from '../../web/lessons/avances/overfit/scenario.js';
import {earlyStopScenario} from '../../web/lessons/avances/overfit/early-stop.js';
import {dataSpec} from '../../web/labs/shared/plane-scenario.js';
import {formatNumber} from '../../web/format.js';
import {RELU_DATA, deadEvery, reluScenarios} from '../../web/lessons/avances/relu/scenario.js';

const core = await loadWasmCore();  // the settings' defaults are the core's (web/core/spec.js)
const h = labHarness();
beforeAll(h.start);
afterAll(h.stop);

const T = S.avances;
const raceRows = (page, n) => page.waitForFunction((count) => document.querySelectorAll('.race .race-table tbody tr').length === count, n);
const raceDone = (page) => page.waitForFunction(() => [...document.querySelectorAll('.race-toggle .race-outcome')]
  .every((node) => node.textContent !== '…'));
const csvRows = (text) => text.trim().split(/\r\n/).slice(1).map((line) => line.split(','));

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

describe('the optimizers\' race', () => {
  test('the trajectories shown are the core\'s for the same spec, point for point', async () => {
    const query = 'sup=rosenbrock&eta=0.001&pasos=300&opt=sgd,momentum,adam&x=-1.2&y=1.5';
    const page = await h.open(`#/avances?${query}`, '.race .race-table tbody tr');
    await raceRows(page, 3);
    await raceDone(page);
    const {values} = readSettings(new URLSearchParams(query), raceFields);
    const {spec, ids} = surfaceSpec(values);
    const expected = core.surface(spec);
    const shown = csvRows((await h.downloaded(page, () => page.locator('.race .lab-save-csv', {hasText: 'trayectorias'}).click())).text);
    const fromCore = expected.trajectories.flatMap((t, k) => t.points.map((p, step) => [ids[k], step, ...p]));
    expect(shown.length).toBe(fromCore.length);
    shown.forEach((row, i) => {
      expect(row[0]).toBe(fromCore[i][0]);
      expect(row.slice(1).map(Number)).toEqual(fromCore[i].slice(1));
    });
    // The table: each optimizer's outcome and steps to the tolerance, as the core says.
    const cells = await page.locator('.race .race-table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
    expected.trajectories.forEach((t, k) => {
      expect(cells[k][0]).toBe(T.race.names[ids[k]]);
      expect(cells[k][1]).toBe(T.race.outcomes[t.outcome]);
      expect(cells[k][2]).toBe(t.steps_to_tolerance === null ? T.race.never : String(t.steps_to_tolerance));
    });
    const png = await h.downloaded(page, () => page.locator('.race .lab-save-png').click());
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    await expectClean(page);
    await page.close();
  });

  test('a huge η is named "diverge", as it happens and in the table', async () => {
    const page = await h.open('#/avances?sup=quadratic&eta=10&opt=sgd', '.race .race-table tbody tr');
    await raceDone(page);
    expect(await page.locator('.race .race-table tbody td').first().textContent()).toBe('diverge');
    expect(await page.locator('.race-toggle .race-outcome').first().textContent()).toBe('diverge');
    expect(await page.locator('.race-live').textContent()).toContain('diverge');
    await expectClean(page);
    await page.close();
  });

  test('the controls live in the address and survive a reload; click and keys pick the start', async () => {
    const page = await h.open('#/avances', '.race .race-table tbody tr');
    expect(await page.locator('.race-field-cond').isVisible()).toBe(true);
    await page.locator('.race-field-sup select').selectOption('saddle');
    expect(await page.locator('.race-field-cond').isVisible()).toBe(false);  // a quadratic's only
    const slider = page.locator('.race-eta input');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.locator('.race-toggle', {hasText: 'AdaGrad'}).locator('input').uncheck();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/sup=saddle.*opt=sgd%2Cmomentum%2Crmsprop/);
    // A click on the plot: the start moves there and goes into the address.
    const box = await page.locator('.race-canvas').boundingBox();
    await page.locator('.race-canvas').click({position: {x: box.width * 0.3, y: box.height * 0.4}});
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&x=[-\d.]+&y=[-\d.]+/);
    const picked = new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]);
    // The keys: → then Enter moves it right by a step.
    await page.locator('.race-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]).get('x')))
      .toBeGreaterThan(Number(picked.get('x')));
    await raceDone(page);
    const hash = await page.evaluate(() => location.hash);
    const eta = await page.locator('.race-eta-value').textContent();
    await page.reload();
    await page.waitForSelector('.race .race-table tbody tr');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await page.locator('.race-field-sup select').inputValue()).toBe('saddle');
    expect(await page.locator('.race-eta-value').textContent()).toBe(eta);
    expect(await page.locator('.race-toggle', {hasText: 'AdaGrad'}).locator('input').isChecked()).toBe(false);
    expect(await page.locator('.race-start').textContent()).toContain(new URLSearchParams(hash.split('?')[1]).get('y'));
    await expectClean(page);
    await page.close();
  });

  test('a bad value: a Spanish message naming the field; a bad link: a notice', async () => {
    const page = await h.open('#/avances?pasos=abc&sup=bowl', '.race .race-table tbody tr');
    expect(await page.locator('.avances-main > .notice').textContent()).toBe(T.badLink([T.race.surface, T.race.steps]));
    const hash = await page.evaluate(() => location.hash);
    await page.locator('.race-field-pasos input').fill('0');
    expect(await page.locator('.race-field-pasos .race-field-error').textContent()).toMatch(/^«Pasos»: debe estar entre 1 y/);
    await page.locator('.race-field-pasos input').fill('2,5');
    expect(await page.locator('.race-field-pasos .race-field-error').textContent()).toBe('«Pasos»: debe ser un número entero.');
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    await expectClean(page);
    await page.close();
  });
});

describe('initialisation', () => {
  test('the statistics per layer are the core\'s for the same spec', async () => {
    const query = 'ini=grande&act=tanh&capas=6&ancho=32';
    const page = await h.open(`#/avances?${query}`, '.init .race-table tbody tr');
    const expected = core.initStats(initSpec(readSettings(new URLSearchParams(query), initFields).values, INIT_SCHEMES));
    expect(await page.locator('.init .race-table tbody tr').count()).toBe(expected.layers.length);
    const csv = csvRows((await h.downloaded(page, () => page.locator('.init .lab-save-csv').click())).text);
    csv.forEach((row, k) => {
      const l = expected.layers[k];
      expect(row.map(Number)).toEqual([l.layer, l.activation.mean, l.activation.std, l.activation.saturated, l.activation.zero,
        l.gradient.mean, l.gradient.std, ...l.activation.quantiles, ...l.gradient.quantiles]);
    });
    // A typed depth is kept in the address and measured again; a refused one changes nothing.
    await page.locator('.race-field-capas input').fill('3');
    const shallower = core.initStats(initSpec(readSettings(new URLSearchParams('ini=grande&act=tanh&capas=3&ancho=32'), initFields).values, INIT_SCHEMES));
    await page.waitForFunction((n) => document.querySelectorAll('.init .race-table tbody tr').length === n, shallower.layers.length);
    await page.waitForFunction(() => /capas=3/.test(location.hash));
    await page.locator('.race-field-capas input').fill('tres');
    await page.locator('.race-field-ancho input').fill('16');
    expect(await page.evaluate(() => location.hash)).toMatch(/capas=3&ancho=32/);
    await expectClean(page);
    await page.close();
  });
});

describe('overfitting and batch normalization', () => {
  test('batch norm: both loss curves are the core\'s training of the same scenarios', async () => {
    const page = await h.open('#/avances?bn_pasos=50&bn_eta=0.5', '.bn-run');
    await page.locator('.race-field-bn_pasos input').fill('60');
    await page.waitForFunction(() => /bn_pasos=60/.test(location.hash));
    await page.locator('.bn-run').click();
    await page.waitForFunction(() => /^Terminado/.test(document.querySelector('.bn .lab-progress-status').textContent));
    const shown = csvRows((await h.downloaded(page, () => page.locator('.bn .lab-save-csv').click())).text);
    const pairs = bnScenarios(core.data(BN_DATA), {eta: 0.5, steps: 60});
    const expected = pairs.flatMap(({batchNorm, scenario}) => core.train(scenario).losses
      .map((entry, i) => [batchNorm ? 'con' : 'sin', ...(Array.isArray(entry) ? entry : [i, entry])]));
    expect(shown.map(([name, i, loss]) => [name, Number(i), Number(loss)])).toEqual(expected);
    // With batch norm the deep sigmoid network learns; without, it stays near ln 2. Each loss is
    // one shuffled batch's, so the curves' ends are compared over their last 10 losses (a single
    // batch's loss moves with the last bits of the arithmetic).
    const end = (name) => {
      const tail = expected.filter((row) => row[0] === name).slice(-10).map((row) => row[2]);
      return tail.reduce((sum, loss) => sum + loss, 0) / tail.length;
    };
    expect(end('con')).toBeLessThan(end('sin') - 0.1);
    expect(Math.abs(end('sin') - Math.LN2)).toBeLessThan(0.1);
    // The link opens lesson 1's stepper on a small batch-norm example.
    expect(await page.locator('.bn-stepper a').getAttribute('href')).toMatch(/^#\/mlp\?s=/);
    await expectClean(page);
    await page.close();
  });

  test('overfitting: the plain and the regularized network trained side by side to the end', async () => {
    const page = await h.open('#/avances?epocas=20&l2=0.05&dropout=0.2', '#texto-sobreajuste .clf-metrics td');
    await page.locator('#texto-sobreajuste .clf-play').click();
    await page.waitForFunction(() => [...document.querySelectorAll('#texto-sobreajuste .clf-run-panel .lab-progress-status')]
      .every((node) => /^Terminado/.test(node.textContent)));
    const rows = csvRows((await h.downloaded(page, () => page.locator('#texto-sobreajuste .lab-save-csv').first().click())).text);
    expect(rows.filter((r) => r[0] === 'sin').length).toBe(21);
    expect(rows.filter((r) => r[0] === 'con').length).toBe(21);
    expect(await page.evaluate(() => location.hash)).toMatch(/l2=0.05&dropout=0.2&epocas=20/);
    await expectClean(page);
    await page.close();
  });
});

describe('early stopping', () => {
  test('the curves and the stopping point are the core\'s training of the same scenario', async () => {
    const query = 'epocas=300&paciencia=10&ruido=0.5';
    const page = await h.open(`#/avances?${query}`, '.early-run');
    await page.locator('.early-run').click();
    await page.waitForFunction(() => /^Terminado/.test(document.querySelector('.early-stop .lab-progress-status').textContent));
    const values = readSettings(new URLSearchParams(query), overfitFields).values;
    const data = core.data(dataSpec(overfitSettings(values)));
    const expected = core.train(earlyStopScenario(overfitScenarios(data, values)[0], 10));
    const rows = csvRows((await h.downloaded(page, () => page.locator('.early-stop .lab-save-csv').click())).text);
    expect(rows.filter((r) => r[0] === 'validacion').map(([, i, y]) => [Number(i), Number(y)])).toEqual(expected.validation_losses);
    const stop = expected.early_stopping;
    expect(stop.stopped_at).not.toBeNull();  // 300 epochs of noisy points: it stops before the end
    expect(await page.locator('.early-stop .init-summary').textContent())
      .toBe(T.overfit.early.summary(stop.stopped_at, stop.best_step, formatNumber(stop.best_validation_loss)));
    await expectClean(page);
    await page.close();
  });
});

describe('dead units', () => {
  test('the shares shown are the core\'s Trainer deadUnits() read at the same steps', async () => {
    const page = await h.open('#/avances?relu_eta=1&relu_pasos=200', '.relu-run');
    await page.locator('.relu-run').click();
    await page.waitForFunction(() => /^Terminado/.test(document.querySelector('.relu .lab-progress-status').textContent));
    const rows = csvRows((await h.downloaded(page, () => page.locator('.relu .lab-save-csv').click())).text);
    const every = deadEvery(200);
    const expected = reluScenarios(core.data(RELU_DATA), {eta: 1, steps: 200}).flatMap(({activation, scenario}) => {
      const trainer = core.trainer(scenario);
      const out = [[activation, 0, Array.from(trainer.deadUnits())]];
      for (let done = 0; done < 200; done += every) {
        trainer.run(Math.min(every, 200 - done));
        out.push([activation, Math.min(200, done + every), Array.from(trainer.deadUnits())]);
      }
      trainer.delete();
      return out;
    });
    expect(rows.map(([name, step, , layers]) => [name, Number(step), layers.split(' ').map(Number)])).toEqual(expected);
    await expectClean(page);
    await page.close();
  });
});

describe('the page', () => {
  test('#/ and #/labs link to it; in a frame it has no way out but the full lesson', async () => {
    const page = await h.open('#/', '.lesson-cards');
    await page.locator('.lesson-cards a[href="#/avances"]').click();
    await page.waitForSelector('.race .race-table tbody tr');
    await page.goto(`${h.site.url}#/labs`);
    await page.locator('a[href="#/avances"]').click();
    await page.waitForSelector('.race .race-table tbody tr');
    await page.close();
    // A frame loads the page afresh.
    const framed = await h.open('#/avances?embed=1&eta=0.05', '.race .race-table tbody tr');
    expect(await framed.locator('.topbar').count()).toBe(0);
    expect(await framed.locator('.embed-link a').getAttribute('href')).toMatch(/#\/avances\?.*eta=0.05/);
    expect(await framed.locator('.embed-link a').getAttribute('href')).not.toMatch(/embed=1/);
    await expectClean(framed);
    await framed.close();
  });

  test('screenshots at a phone\'s and a laptop\'s size', async () => {
    for (const [width, height] of [[390, 844], [1366, 800]]) {
      const page = await h.browser.context.newPage();
      await page.setViewportSize({width, height});
      await page.goto(`${h.site.url}#/avances?sup=rosenbrock&eta=0.002`);
      await page.waitForSelector('.race .race-table tbody tr');
      if (core.spec().init_stats) await page.waitForSelector('.init .race-table tbody tr');
      await raceDone(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({path: path.join(screenshots, `avances-${width}x${height}.png`), fullPage: true});
      await expectClean(page);
      await page.close();
    }
  });
});
