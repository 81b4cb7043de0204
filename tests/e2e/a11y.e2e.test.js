// Accessibility in headless Chromium under the strict CSP. axe-core 4 (its source evaluated
// through the DevTools protocol, which the page's CSP does not govern: no inline script is added)
// finds no violation of any impact on #/, the three lessons, #/labs and every lab after a run, at a
// desktop size (1366 × 800) and a phone's (390 × 844). Besides: the skip link is the first tab
// stop; the stepper's buttons are named with their step, its one live region says the step, and
// its substituted equation and results read out the numbers shown; the diagrams' texts are opaque
// with 4.5:1 contrast; one decimal mark on every page; visiting the labs one after another on a
// phone leaves no error.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';
import {LABS} from '../../web/labs/registry.js';
import {S, useTexts} from '../../web/strings/index.js';

await useTexts('labs');  // the labs' texts the checks below name (S.labs), as a lab's page loads them

const h = labHarness();
let axeSource;
beforeAll(async () => {
  axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  await h.start();
});
afterAll(h.stop);

const SIZES = {desktop: {width: 1366, height: 800}, phone: {width: 390, height: 844}};

// axe's violations on the page as it is: [{id, impact, nodes: [selector…]}].
async function axe(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {resultTypes: ['violations']});
    return result.violations.map((v) => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' '))}));
  });
}

// Numbers written with a decimal comma ("0,5", "98,6 %") in what the page shows, outside math
// and subscripts (KaTeX and <sub> write indices as W₁,₂ in plain digits) and code (Python's lists).
const decimalCommas = (page) => page.evaluate(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest('.katex, sub, pre, code, script, style') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const found = [];
  while (walker.nextNode()) found.push(...(walker.currentNode.textContent.match(/\d,\d+/g) ?? []));
  return found;
});

const statusDone = (scope = 'body', count = 1) => (page) => page.waitForFunction(([s, n]) => {
  const shown = [...document.querySelectorAll(`${s} .lab-progress-status`)].filter((node) => node.offsetParent !== null);
  return shown.length >= n && shown.every((node) => /^Terminado/.test(node.textContent));
}, [scope, count]);

// Each lab with small settings: what it shows when ready, and a run to the end.
const RUNS = {
  clasificacion: {hash: '?epochs=20', ready: '.clf-run-panel .clf-metrics td', run: async (page) => {
    await page.locator('.clf-play').click();
    await statusDone()(page);
  }},
  activaciones: {hash: '?epochs=300', ready: '.act-table tbody tr', run: statusDone()},
  regularizacion: {hash: '?epochs=20', ready: '.clf-run-panel .clf-metrics td', run: async (page) => {
    await page.locator('.clf-play').click();
    await statusDone('body', 2)(page);
  }},
  lotes: {hash: '?epochs=5', ready: '.act-table tbody tr', run: statusDone()},
  hiperparametros: {hash: '?lrCount=3&hidden=2,4&epochs=100&checkpoints=2&count=120', ready: '.hp-run', run: async (page) => {
    await page.locator('.hp-run').click();
    await page.waitForFunction(() => !document.querySelector('.hp-run').disabled && document.querySelector('.hp-table tbody tr'));
  }},
  derivacion: {hash: '?seed=7', ready: '.deriv-forward td', run: async (page) => {
    // "Comprobar" with nothing typed says so; then a wrong answer gets its hint, and the solution.
    await page.locator('.deriv-check').click();
    expect(await page.locator('.deriv-score').textContent()).toBe(S.labs.derivacion.nothingToCheck);
    await page.locator('.deriv-input').first().fill('1');
    await page.locator('.deriv-check').click();
    await page.locator('.deriv-message:not([hidden])').first().waitFor();
    await page.getByRole('button', {name: S.labs.derivacion.showSolution}).click();
    await page.locator('.deriv-solution:not([hidden])').first().waitFor();
  }},
  secuencias: {hash: '?steps=200', ready: '.seq-strip .seq-step', run: async (page) => {
    await page.locator('.seq-run').click();
    await page.locator('.seq-when', {hasText: 'Después de'}).waitFor();
  }},
  gradientes: {hash: '', ready: '.grad-table tbody tr', run: async () => {}},
  explosion: {hash: '?steps=200', ready: '.exp-grid-canvas', run: async (page) => {
    await page.locator('.exp-part').nth(0).locator('.seq-run').click();
    await page.locator('.exp-curve:not([hidden])').waitFor();
    const training = page.locator('.exp-part').nth(1);
    await training.locator('.seq-run').click();
    await expect.poll(() => training.locator('.lab-progress-status').textContent()).toMatch(/^Terminado/);
  }},
  'activaciones-rnn': {hash: '?steps=200', ready: '.cmp-table', run: async (page) => {
    await page.locator('.seq-run').click();
    await page.waitForFunction(() => [...document.querySelectorAll('.cmp-table tbody tr')].every((row) => row.dataset.state === 'done'));
  }},
};

describe('axe-core: no violation of any impact', () => {
  test('every lab of the registry has a run here', () => {
    expect(Object.keys(RUNS).sort()).toEqual(LABS.map((lab) => lab.name).sort());
  });

  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`${size} (${viewport.width} × ${viewport.height}): #/, the lessons, #/labs and every lab after a run`, async () => {
      const page = await h.browser.context.newPage();
      await page.setViewportSize(viewport);
      const found = {};
      const commas = {};
      const visit = async (hash, ready, run) => {
        await page.goto(`${h.site.url}${hash}`);
        await page.waitForSelector(ready);
        await run?.(page);
        // The KaTeX fonts in, and the boxes they widen re-measured (a frame later).
        await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
        const violations = await axe(page);
        if (violations.length) found[hash] = violations;
        const wrong = await decimalCommas(page);
        if (wrong.length) commas[hash] = wrong;
      };
      await visit('#/', '.lesson-cards');
      await visit('#/mlp', '.stepper .step-title .katex');
      await visit('#/bptt', '.stepper .step-title .katex');
      await visit('#/avances', '.init .race-table tbody tr', (p) => p.waitForFunction(() => document.querySelector('.race .race-table tbody tr')
        && [...document.querySelectorAll('.race-toggle .race-outcome')].every((node) => node.textContent !== '…')));
      await visit('#/labs', '.lab-cards');
      for (const lab of LABS) {
        const {hash, ready, run} = RUNS[lab.name];
        await visit(`#/labs/${lab.name}${hash}`, ready, run);
        if (size === 'phone' && ['regularizacion', 'derivacion'].includes(lab.name)) {
          await page.screenshot({path: path.join(screenshots, `a11y-${lab.name}-${size}.png`), fullPage: true});
        }
      }
      expect(found).toEqual({});
      expect(commas).toEqual({});
      expect(await h.problems(page)).toEqual({violations: [], problems: []});
      await page.close();
    });
  }
});

describe('the lessons with a keyboard and a screen reader', () => {
  test('the skip link is the first tab stop and takes the focus to the page\'s content', async () => {
    const page = await h.open('#/mlp', '.stepper .step-title .katex');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement.className, document.activeElement.textContent])).toEqual(['skip-link', S.a11y.skipLink]);
    await page.screenshot({path: path.join(screenshots, 'a11y-skip-link.png')});
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => [document.activeElement.tagName, document.activeElement.id])).toEqual(['MAIN', 'contenido']);
    expect(await page.evaluate(() => location.hash)).toMatch(/^#\/mlp/);
    await page.close();
  });

  test('lesson 1: the step buttons are named with their step; one live region says the step', async () => {
    const page = await h.open('#/mlp', '.stepper .step-title .katex');
    await page.locator('.step-list-box summary').click();
    const names = [...(await page.locator('.step-list').ariaSnapshot()).matchAll(/button "([^"]+)"/g)].map((m) => m[1]);
    const titles = ['z⁽¹⁾', 'a⁽¹⁾', 'z⁽²⁾', 'ŷ', 'L', 'δ⁽²⁾', '∂L/∂W⁽²⁾', '∂L/∂b⁽²⁾', 'δ⁽¹⁾', '∂L/∂W⁽¹⁾', '∂L/∂b⁽¹⁾', 'W ←', 'b ←'];
    expect(names).toEqual(titles.map((title, i) => `Paso ${i + 1} de 13: ${title}`));
    await page.screenshot({path: path.join(screenshots, 'a11y-step-list.png')});

    // #app is not a live region; the stepper's summary is the only one.
    const live = () => page.evaluate(() => [...document.querySelectorAll('[aria-live]')].map((node) => [node.className, node.textContent]));
    expect(await page.evaluate(() => document.getElementById('app').hasAttribute('aria-live'))).toBe(false);
    // Its first words come with it (a region inserted with its text is not announced).
    expect(await live()).toEqual([['sr-only step-summary', 'Paso 1 de 13: z⁽¹⁾. Pase hacia adelante.']]);
    await page.locator('.step-list button').nth(6).click();
    expect(await live()).toEqual([['sr-only step-summary', 'Paso 7 de 13: ∂L/∂W⁽²⁾. Pase hacia atrás.']]);
    await page.keyboard.press('ArrowRight');
    expect(await live()).toEqual([['sr-only step-summary', 'Paso 8 de 13: ∂L/∂b⁽²⁾. Pase hacia atrás.']]);
    // A chain rule opened from the result is not announced.
    await page.locator('.stepper .result button.cell').first().click();
    await page.locator('.expansion .katex').waitFor();
    expect((await live()).length).toBe(1);
    await page.close();
  });

  test('lesson 1: each step reads out its heading, the substituted equation\'s numbers and its result', async () => {
    const page = await h.open('#/mlp', '.stepper .step-title .katex');
    const read = () => page.evaluate(() => ({
      heading: document.querySelector('.stepper .step-title .sr-only').textContent,
      substituted: document.querySelector('.stepper .substituted .sr-only').textContent,
      hidden: document.querySelector('.stepper .substituted .katex-html').getAttribute('aria-hidden'),
      tables: [...document.querySelectorAll('.stepper .result table')].map((t) => t.getAttribute('aria-label')),
      cells: [...document.querySelectorAll('.stepper .result .cell')].map((c) => c.textContent),
    }));
    const first = await read();
    expect(first.heading).toBe('z⁽¹⁾');
    expect(first.hidden).toBe('true');
    expect(first.substituted).toBe('matriz de 2 por 2 (fila 1: 0.15, 0.2; fila 2: 0.25, 0.3) vector (0.05, 0.1) + vector (0.35, 0.35) = vector (0.3775, 0.3925)');
    expect(first.tables).toEqual(['Resultado z⁽¹⁾']);
    // Every step: the result's numbers (as the cells show them) are in the text read out.
    for (let step = 1; step <= 13; step++) {
      const shown = await read();
      expect(shown.tables.length, `step ${step}`).toBeGreaterThan(0);
      for (const cell of shown.cells.filter((c) => !c.includes('e'))) expect(shown.substituted, `step ${step}`).toContain(cell);
      await page.keyboard.press('ArrowRight');
    }
    await page.close();
  });

  // Every text of the drawings: opaque, and 4.5:1 against what it is drawn on (the box, badge or
  // circle just before it, blended with the paper by its opacity; else the paper).
  const diagramContrast = (page) => page.evaluate(() => {
    // "rgb(r, g, b)" or, from color-mix(), "color(srgb r g b)" (0…1).
    const rgb = (text) => {
      const values = (text.replace(/^color\(srgb/, '').match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
      return text.startsWith('color(') ? values.map((v) => v * 255) : values;
    };
    const lum = (c) => {
      const v = c.map((x) => x / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
      return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const alpha = (node, stop) => {
      let a = 1;
      for (let n = node; n && n !== stop; n = n.parentElement) a *= Number(getComputedStyle(n).opacity);
      return a;
    };
    const backdrop = (text) => {
      for (let n = text; n && !(n instanceof SVGSVGElement); n = n.parentElement) {
        for (let s = n.previousElementSibling; s; s = s.previousElementSibling) {
          if (!['rect', 'circle', 'ellipse'].includes(s.tagName)) continue;
          const style = getComputedStyle(s);
          if (style.fill === 'none' || style.visibility === 'hidden' || style.display === 'none') continue;
          const a = alpha(s, text.ownerSVGElement) * Number(style.fillOpacity);
          return rgb(style.fill).map((c) => c * a + 255 * (1 - a));
        }
      }
      return [255, 255, 255];
    };
    const bad = [];
    for (const text of document.querySelectorAll('.diagram svg text, .rnn-diagram svg text')) {
      if (!text.textContent.trim() || text.getBBox().width === 0 || getComputedStyle(text).visibility === 'hidden') continue;
      const style = getComputedStyle(text);
      const a = alpha(text, text.ownerSVGElement) * Number(style.fillOpacity);
      const r = ratio(rgb(style.fill), backdrop(text));
      if (a < 1 || r < 4.5) bad.push(`${text.textContent} (${text.getAttribute('class')}): opacity ${a.toFixed(2)}, ${r.toFixed(2)}:1`);
    }
    return bad;
  });

  test('the diagrams\' texts are opaque with 4.5:1 contrast at every step, desktop and phone', async () => {
    for (const viewport of Object.values(SIZES)) {
      for (const [hash, steps] of [['#/mlp', 13], ['#/bptt', 30]]) {
        const page = await h.browser.context.newPage();
        await page.setViewportSize(viewport);
        await page.goto(`${h.site.url}${hash}`);
        await page.waitForSelector('.stepper .step-title .katex');
        const bad = {};
        for (let step = 1; step <= steps; step++) {
          const found = await diagramContrast(page);
          if (found.length) bad[step] = found;
          await page.keyboard.press('ArrowRight');
        }
        expect(bad, `${hash} at ${viewport.width} px`).toEqual({});
        await page.close();
      }
    }
  });
});

describe('the labs on a phone', () => {
  // Leaving a lab while its first jobs are on their way (the initial state of lab 1's boundary)
  // once drew a chart already destroyed: "Cannot read properties of null (reading 'ownerDocument')".
  // A student clicking through: the next lab as soon as a lab's body shows, in a fresh tab whose
  // workers are still starting (lab 1 was left with its initial state on its way), twice; then
  // each lab once it is ready.
  test('visiting the labs one after another leaves no error', async () => {
    const from = h.browser.problems.length;
    const visitAll = async (page, ready) => {
      for (const lab of LABS) {
        await page.evaluate((hash) => {
          location.hash = hash;
        }, `#/labs/${lab.name}`);
        await page.waitForSelector(ready(lab));
      }
    };
    for (const round of ['body', 'body', 'ready']) {
      const page = await h.browser.context.newPage();
      await page.setViewportSize(SIZES.phone);
      await page.goto(`${h.site.url}#/labs`);
      await page.waitForSelector('.lab-cards');
      await visitAll(page, (lab) => (round === 'body' ? '.lab-body > :not(.loading)' : RUNS[lab.name].ready));
      await page.evaluate(() => {
        location.hash = '#/labs';
      });
      await page.waitForSelector('.lab-cards');
      await page.close();
    }
    expect(h.browser.problems.slice(from)).toEqual([]);
  });
});
