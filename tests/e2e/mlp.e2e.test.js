// Lesson 1 in headless Chromium, built and served under the strict CSP.
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {lessonHarness, screenshots} from './browser.js';
import {encodeScenario} from '../../web/share.js';
import {presets} from '../../web/lessons/mlp/presets.js';
import {spec} from '../../web/core/spec.js';
import {shortExp} from '../../web/components/gradcheck.js';

const harness = lessonHarness();
const {open, cells} = harness;
const stepId = (page) => page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('step'));

beforeAll(async () => {
  await mkdir(screenshots, {recursive: true});
  await harness.start();
});

afterAll(() => harness.stop());

async function expectClean(page) {
  expect(await harness.problems(page)).toEqual({violations: [], problems: []});
}

describe('lesson 1: the classic 2-2-2 example', () => {
  test('stepping with the keyboard shows the hand-worked numbers', async () => {
    const page = await open('#/mlp');
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Paso 1 de 13');
    expect(await cells(page)).toEqual(['0.3775', '0.3925']);  // z⁽¹⁾
    await page.keyboard.press('ArrowRight');
    expect(await cells(page)).toEqual(['0.59326999', '0.59688438']);  // a⁽¹⁾
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await cells(page)).toEqual(['0.75136507', '0.77292847']);  // ŷ
    await page.keyboard.press('ArrowRight');
    expect(await cells(page)).toEqual(['0.29837111']);  // L
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 7 de 13');
    expect((await cells(page))[0]).toBe('0.082167041');  // ∂L/∂w₅
    await page.screenshot({path: path.join(screenshots, 'mlp-dW2.png'), fullPage: false});
    // The chain rule of ∂L/∂W⁽²⁾₁₁, factor by factor.
    await page.locator('.stepper .result .cell').first().click();
    const expansion = await page.locator('.expansion').textContent();
    for (const factor of ['0.74136507', '0.1868156', '0.59326999', '0.082167041']) expect(expansion).toContain(factor);
    await page.screenshot({path: path.join(screenshots, 'mlp-chain-rule.png')});
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 6 de 13');
    await expect.poll(() => stepId(page)).toBe('5');  // the address follows on the next frame
    // The last step: the update, w₅ → 0.35891648 and w₁ → 0.14978072.
    await page.locator('.step-list-box summary').click();
    await page.locator('.step-list button').nth(11).click();
    const updated = await cells(page);
    expect(updated).toContain('0.14978072');
    expect(updated).toContain('0.35891648');
    await expectClean(page);
    await page.close();
  });

  test('the paragraph that explains the step is highlighted', async () => {
    const page = await open('#/mlp');
    const current = page.locator('.lesson-text .explains.current');
    await expect.poll(() => current.count()).toBeGreaterThan(0);
    expect(await current.first().textContent()).toMatch(/z/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');  // δ⁽²⁾
    expect(await current.count()).toBeGreaterThan(0);
    expect(await current.first().isVisible()).toBe(true);
    await expectClean(page);
    await page.close();
  });

  // The step's section fills first (at the first frame beside the workbench, when the text is
  // reached in one column); the sections above it fill when the page is idle, above the block the
  // student is looking at, which must not move.
  test('the text reaches the step\'s block when its sections fill while it slides there', async () => {
    // The browser idle only when the test says so: the sections above the block fill in the middle
    // of the text's smooth scroll towards it (a busy phone's order of events).
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({width: 1366, height: 800});
    await page.addInitScript(() => {
      const pending = [];
      window.requestIdleCallback = (task) => pending.push(task);
      window.cancelIdleCallback = () => {};
      window.flushIdle = () => {
        for (let n = 0; pending.length && n < 1000; n++) pending.shift()({didTimeout: false, timeRemaining: () => 50});
      };
    });
    await page.goto(`${harness.site.url}#/mlp`);
    await page.waitForSelector('.stepper .step-title .katex');
    await page.locator('.step-list-box summary').click();
    await page.locator('.step-list button').last().click();  // the update: the text's last section
    await page.evaluate(() => new Promise((done) => {
      const box = document.querySelector('.lesson-text');
      const start = box.scrollTop;
      const wait = () => (box.scrollTop !== start ? done(window.flushIdle()) : requestAnimationFrame(wait));
      wait();
    }));
    await expect.poll(() => page.evaluate(() => {
      const box = document.querySelector('.lesson-text');
      const top = box.querySelector('.explains.current').getBoundingClientRect().top - box.getBoundingClientRect().top;
      return top >= 0 && top < 50 && [...document.querySelectorAll('.lesson-section')].every((section) => section.children.length > 1);
    }), {timeout: 20_000}).toBe(true);
    await expectClean(page);
    await page.close();
  });

  test('the text fills around the step\'s block without moving it, beside the workbench and in one column', async () => {
    const blockTop = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const box = document.querySelector('.lesson-text');
      const own = /auto|scroll/.test(getComputedStyle(box).overflowY);
      done(Math.round(box.querySelector('.explains.current').getBoundingClientRect().top - (own ? box.getBoundingClientRect().top : 0)));
    }))));
    const allFilled = (page) => page.evaluate(() => [...document.querySelectorAll('.lesson-section')].every((section) => section.children.length > 1));
    const wide = await open('#/mlp?step=6');
    const besideWorkbench = await blockTop(wide);
    await expect.poll(() => allFilled(wide)).toBe(true);
    const still = async (page, before) => expect(Math.abs(await blockTop(page) - before)).toBeLessThanOrEqual(1);  // a pixel's rounding
    await still(wide, besideWorkbench);
    expect(besideWorkbench).toBeLessThan(50);  // at the top of the text's box
    await expectClean(wide);
    await wide.close();

    const phone = await harness.browser.context.newPage();
    await phone.setViewportSize({width: 390, height: 844});
    await phone.emulateMedia({reducedMotion: 'reduce'});
    await phone.goto(`${harness.site.url}#/mlp?step=6`);
    await phone.locator('.to-text').click();
    const inColumn = await blockTop(phone);
    await expect.poll(() => allFilled(phone)).toBe(true);
    await still(phone, inColumn);
    expect(inColumn).toBeGreaterThan(0);
    expect(inColumn).toBeLessThan(844 / 2);
    await expectClean(phone);
    await phone.close();

    // A student who scrolls at once to a block further down (the last one the step highlights, in
    // a later section than the first) keeps it where it is while the sections fill around it.
    const reader = await harness.browser.context.newPage();
    await reader.setViewportSize({width: 390, height: 844});
    await reader.goto(`${harness.site.url}#/mlp?step=4`);
    await reader.waitForSelector('.lesson-text .explains.current');
    const read = () => reader.evaluate(() => Math.round(document.getElementById('leido').getBoundingClientRect().top));
    const unfilled = await reader.evaluate(() => {
      const block = [...document.querySelectorAll('.lesson-text .explains.current')].at(-1);
      block.id = 'leido';
      window.scrollBy(0, block.getBoundingClientRect().top - 100);
      return [...document.querySelectorAll('.lesson-section')].filter((section) => section.children.length === 1).length;
    });
    expect(unfilled).toBeGreaterThan(0);  // the sections are still filling
    const reading = await read();
    await expect.poll(() => allFilled(reader)).toBe(true);
    expect(Math.abs(await read() - reading)).toBeLessThanOrEqual(1);
    await reader.close();
  });
});

describe('sharing', () => {
  test('an address holds the scenario and the step', async () => {
    const scenario = structuredClone(presets.classic);
    scenario.parameters.W2[0][0] = 0.9;
    const page = await open(`#/mlp?s=${encodeScenario(scenario)}&step=6`);
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 7 de 13');
    const dW2 = await cells(page);
    expect(dW2[0]).not.toBe('0.082167041');
    // The same address in a new tab shows exactly the same.
    const again = await open(new URL(page.url()).hash);
    expect(await cells(again)).toEqual(dW2);
    await expectClean(page);
    await page.close();
    await again.close();
  });

  test('a network wider than the stepper shows is refused with a message naming the limit', async () => {
    const wide = structuredClone(presets.pytorch);
    wide.model.layers = [2, 20, 2];
    const page = await open(`#/mlp?s=${encodeScenario(wide)}&step=2`);
    expect(await page.locator('.notice').textContent()).toContain('de 1 a 8 unidades');
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 3 de 13');  // the classic example instead
    await page.close();
  });

  test('"Compartir" gives the link and the iframe code of this exact state', async () => {
    const page = await open('#/mlp?step=3');
    await page.locator('.share-button').click();
    const link = await page.locator('.share-link').inputValue();
    const iframe = await page.locator('.share-iframe').inputValue();
    expect(link).toMatch(/#\/mlp\?s=[A-Za-z0-9_-]+&step=3$/);
    expect(iframe).toContain('embed=1');
    expect(iframe).toMatch(/^<iframe src="[^"]+"/);
    // The link opens the same state.
    const copy = await open(new URL(link).hash);
    expect(await copy.locator('.progress-text').textContent()).toBe('Paso 4 de 13');
    await copy.close();
    await expectClean(page);
    await page.close();
  });

  test('a broken link falls back to the classic example with a message', async () => {
    const page = await open('#/mlp?s=not-a-scenario&step=3');
    expect(await page.locator('.notice').isVisible()).toBe(true);
    expect(await page.locator('.notice').textContent()).toContain('ejemplo de la lección');
    await page.close();
  });

  test('embed mode shows only the stepper and the diagram, with a link to the lesson', async () => {
    const page = await harness.browser.context.newPage();
    await page.setViewportSize({width: 720, height: 760});
    await page.goto(`${harness.site.url}#/mlp?embed=1&step=4`);
    await page.waitForSelector('.stepper .step-title .katex');
    expect(await page.locator('.lesson-text').count()).toBe(0);
    expect(await page.locator('.editor-panel').count()).toBe(0);
    expect(await page.locator('.diagram-panel').isVisible()).toBe(true);
    const link = await page.locator('.embed-link a').getAttribute('href');
    expect(link).not.toContain('embed=1');
    await page.screenshot({path: path.join(screenshots, 'mlp-embed.png'), fullPage: true});
    await expectClean(page);
    await page.close();
  });
});

describe('editing', () => {
  test('a weight edited in the table changes the trace and the address', async () => {
    const page = await open('#/mlp?step=6');
    const before = await cells(page);
    const address = page.url();
    const w5 = page.getByLabel('Peso W⁽²⁾, fila 1, columna 1');
    await w5.fill('0,9');  // a comma as the decimal mark is accepted
    await w5.press('Enter');
    await expect.poll(() => cells(page)).not.toEqual(before);
    await expect.poll(() => page.url()).not.toBe(address);
    // The substituted equation shows the new weight from the core's trace at the update step.
    await page.locator('.step-list-box summary').click();
    await page.locator('.step-list button').nth(11).click();
    expect(await page.locator('.stepper .substituted').textContent()).toContain('0.9');
    await expectClean(page);
    await page.close();
  });

  test('an invalid value gets a Spanish message inline and nothing else changes', async () => {
    const page = await open('#/mlp?step=6');
    const before = await cells(page);
    const address = page.url();
    const w5 = page.getByLabel('Peso W⁽²⁾, fila 1, columna 1');
    await w5.fill('abc');
    await w5.press('Enter');
    const message = page.locator('.editor-error:visible').first();
    await expect.poll(() => message.count()).toBe(1);
    expect(await message.textContent()).toMatch(/número/);
    expect(await w5.inputValue()).toBe('abc');  // what the student typed stays
    expect(await w5.getAttribute('aria-invalid')).toBe('true');
    expect(await cells(page)).toEqual(before);
    expect(page.url()).toBe(address);
    await page.screenshot({path: path.join(screenshots, 'mlp-invalid.png')});
    const lr = page.getByLabel('Tasa de aprendizaje η');
    await lr.fill('-1');
    await lr.press('Enter');
    await expect.poll(() => page.locator('.editor-error:visible').count()).toBe(2);
    expect(await cells(page)).toEqual(before);
    await expectClean(page);
    await page.close();
  });

  test('a weight edited on the diagram', async () => {
    const page = await open('#/mlp?step=4');  // the loss moves with any weight
    const before = await cells(page);
    // From the keyboard: focus the first weight, Enter opens its editor.
    await page.locator('.dg-edge').first().focus();
    await page.keyboard.press('Enter');
    const input = page.locator('.dg-editor-input');
    await input.fill('0.5');
    await input.press('Enter');
    await expect.poll(() => cells(page)).not.toEqual(before);
    await expectClean(page);
    await page.close();
  });
});

describe('training and checking', () => {
  test('10,000 iterations in the worker: the chart, the table and the validation example', async () => {
    const page = await open('#/mlp');
    await page.locator('.training-train').click();
    await page.locator('.training-summary').waitFor({state: 'visible'});
    const table = await page.locator('.training-table').textContent();
    expect(table).toContain('0.2983711087600027');  // iteration 0 of the classic example, as Python prints it
    expect(await page.locator('.training-table tbody tr').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.training-chart canvas').isVisible()).toBe(true);
    expect(await page.locator('.training-summary').textContent()).toContain('ŷ');
    await page.locator('.training-scale input').last().check();  // log scale
    await page.locator('.training-chart').screenshot({path: path.join(screenshots, 'mlp-training-chart.png')});
    await expectClean(page);
    await page.close();
  });

  test('the gradient check agrees with backpropagation', async () => {
    const page = await open('#/mlp');
    await page.locator('.gradcheck-run').click();
    await page.locator('.gradcheck-verdict').waitFor({state: 'visible'});
    expect(await page.locator('.gradcheck-verdict').textContent()).toContain('Coinciden');
    await expectClean(page);
    await page.close();
  });

  test('at a ReLU kink they disagree, and the verdict names the core\'s bound', async () => {
    // z⁽¹⁾ = 0 exactly (zero input, zero biases): ReLU's derivative jumps there, finite differences
    // average its two slopes.
    const kink = structuredClone(presets.classic);
    kink.model.activations = ['relu', 'sigmoid'];
    kink.parameters.b1 = [0, 0];
    kink.data = {inputs: [[0, 0]], targets: [[0.01, 0.99]]};
    const page = await open(`#/mlp?s=${encodeScenario(kink)}`);
    await page.locator('.gradcheck-run').click();
    await page.locator('.gradcheck-verdict').waitFor({state: 'visible'});
    const verdict = await page.locator('.gradcheck-verdict').textContent();
    expect(verdict).toMatch(/^No coinciden del todo: error relativo máximo /);
    expect(verdict).toContain(`(por encima de ${shortExp(spec().lesson.gradcheck.agree_below)}).`);
    expect(await page.locator('.gradcheck-explanation').textContent()).toContain('ReLU');
    await expectClean(page);
    await page.close();
  });
});

test('the introduction links to the lesson', async () => {
  const page = await harness.browser.context.newPage();
  await page.goto(harness.site.url);
  await page.locator('.lesson-cards a').first().click();
  await page.waitForSelector('.stepper .step-title .katex');
  expect(page.url()).toContain('#/mlp');
  await expectClean(page);
  await page.close();
});

test('the built site works from a sub-path of a static host', async () => {
  const {serveDist} = await import('./static-server.js');
  const host = await serveDist('/cursos/redes/leccion/', harness.site.outDir);
  try {
    const page = await harness.browser.context.newPage();
    await page.goto(`${host.url}#/mlp?step=6`);
    await page.waitForSelector('.stepper .step-title .katex');
    expect((await cells(page))[0]).toBe('0.082167041');
    await page.locator('.training-train').click();  // the worker and its wasm load from the sub-path too
    await page.locator('.training-summary').waitFor({state: 'visible'});
    await expectClean(page);
    await page.close();
  } finally {
    await host.close();
  }
});

describe('lesson 1: links it must bound or explain (issue 10)', () => {
  const classic = () => structuredClone(presets.classic);
  const withValidation = (rows) => {
    const s = classic();
    s.data.validation = {inputs: Array.from({length: rows}, () => [0.1, 0.2]), targets: Array.from({length: rows}, () => [0.05, 0.95])};
    return s;
  };
  const notice = (page) => page.locator('.notice').textContent();

  test('a 1.76 MB link with 60,000 validation rows is refused in Spanish', async () => {
    const encoded = encodeScenario(withValidation(60_000));
    expect(encoded.length).toBeGreaterThan(1_500_000);
    const page = await open(`#/mlp?s=${encoded}`);
    await expect.poll(() => notice(page)).toContain('demasiado largo');
    expect(await page.locator('.progress-text').textContent()).toBe('Paso 1 de 13');  // the classic example instead
    await page.close();
  });

  test('thousands of validation rows in a shorter link: refused in Spanish', async () => {
    const page = await open(`#/mlp?s=${encodeScenario(withValidation(3000))}`);
    await expect.poll(() => notice(page)).toContain('filas de validación');
    await page.close();
  });

  test('softmax in a hidden layer, and layers that are not a list, get their own message', async () => {
    const softmax = classic();
    softmax.model.activations = ['softmax', 'sigmoid'];
    let page = await open(`#/mlp?s=${encodeScenario(softmax)}`);
    await expect.poll(() => notice(page)).toContain('softmax solo en la capa de salida');
    await expectClean(page);
    await page.close();
    const text = classic();
    text.model.layers = '22222';
    page = await open(`#/mlp?s=${encodeScenario(text)}`);
    await expect.poll(() => notice(page)).toContain('model.layers debe ser una lista de números');
    await page.close();
  });

  test('step=1e9 opens the last step', async () => {
    const page = await open(`#/mlp?s=${encodeScenario(classic())}&step=1e9`);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Paso 13 de 13');
    await page.close();
  });

  test('a large valid scenario stays out of the address; the share panel says why', async () => {
    const large = withValidation(500);
    expect(encodeScenario(large).length).toBeGreaterThan(8192);
    const page = await open(`#/mlp?s=${encodeScenario(large)}`);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Paso 1 de 13');
    expect(await page.locator('.notice').isHidden()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.url()).toMatch(/step=1$/);
    expect(page.url()).not.toContain('s=');
    await page.locator('.share-button').click();
    await expect.poll(() => page.locator('.share-too-long').isVisible()).toBe(true);
    expect(await page.locator('.share-too-long').textContent()).toContain('demasiado grande para caber en un enlace');
    await page.close();
  });
});
