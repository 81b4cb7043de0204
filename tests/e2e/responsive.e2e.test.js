// Phones, tablets and laptops (issue 11) in headless Chromium under the strict CSP: at 360×740,
// 390×844, 820×1180 and 1366×800, stepping through both lessons with "Siguiente" keeps the step
// controls on screen and uncovered, never moves the page (the text follows in its own box, or
// only when asked) and never widens it sideways, the diagram fits its box and on phones and
// tablets every control is at least 44 × 44 px; the home page, the labs' index and every lab after
// a run, and lesson 3, fit the width (and, on a phone, have no smaller control). Screenshots in
// build/screenshots/responsive-*.png.
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';
import {LABS} from '../../web/labs/registry.js';

const SIZES = [[360, 740], [390, 844], [820, 1180], [1366, 800]];
const SHOT_SIZES = new Set(['390x844', '820x1180', '1366x800']);
const h = labHarness();
beforeAll(h.start);
afterAll(h.stop);

const name = ([w, hh]) => `${w}x${hh}`;
const shot = (page, file, fullPage = false) => page.screenshot({path: path.join(screenshots, `responsive-${file}.png`), fullPage});
// Two frames: whatever a change scheduled (a scroll, a redraw) has started.
const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

// A new tab of the given size on `hash`, once `ready` is there.
async function openAt(size, hash, ready) {
  const page = await h.browser.context.newPage();
  await page.setViewportSize({width: size[0], height: size[1]});
  await page.goto(`${h.site.url}${hash}`);
  await page.waitForSelector(ready);
  return page;
}

// The document's width against the window's: no sideways scroll.
const widths = (page) => page.evaluate(() => ({scrollWidth: document.documentElement.scrollWidth, innerWidth}));
async function expectNoSidewaysScroll(page, where) {
  const {scrollWidth, innerWidth} = await widths(page);
  expect(scrollWidth, `${where}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
}

// Where the step controls are, and whether each one is what the screen shows at its centre
// (not under the top bar or anything else).
function controls(page) {
  return page.evaluate(() => {
    const at = (node) => {
      const r = node.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      return {
        x, y, width: r.width, height: r.height,
        inside: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        shown: Boolean(hit && node.contains(hit)),
      };
    };
    return {
      previous: at(document.querySelector('.step-nav .previous')),
      next: at(document.querySelector('.step-nav .next')),
      progress: at(document.querySelector('.step-nav .progress-text')),
      scrollY,
    };
  });
}

// The highlighted block against the text's own box, when the text has one (two columns).
function highlighted(page) {
  return page.evaluate(() => {
    const box = document.querySelector('.lesson-text');
    const block = box.querySelector('.explains.current');
    if (!block || !/auto|scroll/.test(getComputedStyle(box).overflowY)) return null;
    const b = box.getBoundingClientRect();
    const r = block.getBoundingClientRect();
    return {top: Math.round(r.top - b.top), boxHeight: Math.round(b.height)};
  });
}

// The stepper's panel just below the step bar.
function stepperUnderBar(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('.stepper-panel').getBoundingClientRect();
    const bar = document.querySelector('.step-bar').getBoundingClientRect();
    return panel.top >= bar.bottom && panel.top < bar.bottom + 40;
  });
}

// Controls smaller than 44 × 44 px (a check box or radio button counts with its label; links in
// prose and the diagram's SVG parts are not counted): ["what w×h", …].
function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    for (const node of document.querySelectorAll('button, a[href], input, select, summary, textarea')) {
      if (node.closest('svg') || (node.tagName === 'A' && node.closest('p, li, td, dd, blockquote'))) continue;
      const r = node.getBoundingClientRect();
      if (!r.width || !r.height || r.bottom + scrollY <= 0) continue;  // hidden, or off the page (a skip link)
      const label = ['checkbox', 'radio'].includes(node.type) ? node.labels?.[0]?.getBoundingClientRect() : null;
      const width = label ? Math.max(r.right, label.right) - Math.min(r.left, label.left) : r.width;
      const height = label ? Math.max(r.height, label.height) : r.height;
      if (width < 43.5 || height < 43.5) small.push(`${node.tagName.toLowerCase()}.${[...node.classList].join('.')} ${Math.round(width)}×${Math.round(height)}`);
    }
    return small;
  });
}

// Steps through a lesson with the "Siguiente" button at every size, checking after each step.
function stepThrough(lesson, hash, steps) {
  describe(`${lesson}: every step at every size`, () => {
    for (const size of SIZES) {
      test(`${name(size)}: the controls stay on screen, the page neither moves nor widens`, async () => {
        const page = await openAt(size, hash, '.stepper .step-title .katex');
        const progress = page.locator('.step-nav .progress-text');
        await expect.poll(() => progress.textContent()).toBe(`Paso 1 de ${steps}`);
        await frames(page);
        if (size[0] <= 900) expect(await smallTargets(page), `${lesson} at ${name(size)}: tap targets`).toEqual([]);
        // The diagram scales to its box (its viewBox), no sideways scroll of its own.
        const diagram = await page.locator('.dg-scroller, .rd-scroller').evaluate((box) => ({
          scrollWidth: box.scrollWidth, clientWidth: box.clientWidth, viewBox: box.querySelector('svg').getAttribute('viewBox'),
        }));
        expect(diagram.scrollWidth, `${lesson} at ${name(size)}: the diagram fits`).toBeLessThanOrEqual(diagram.clientWidth);
        expect(diagram.viewBox).toMatch(/^0 0 /);
        for (let i = 1; i <= steps; i++) {
          const where = `${lesson} at ${name(size)}, step ${i}`;
          const c = await controls(page);
          for (const part of ['previous', 'next', 'progress']) {
            expect(c[part].inside, `${where}: ${part} inside the window`).toBe(true);
            expect(c[part].shown, `${where}: ${part} not covered`).toBe(true);
          }
          // Following the text never scrolls the document (the known bug: 12,000 px into the text).
          expect(c.scrollY, `${where}: the page did not move`).toBe(0);
          await expectNoSidewaysScroll(page, where);
          const text = await highlighted(page);
          if (text) {
            // Beside the text, its box scrolls to the block's start (it may still be sliding there).
            await expect.poll(async () => {
              const now = await highlighted(page);
              return now.top >= 0 && now.top < now.boxHeight - 40;
            }, {message: `${where}: the highlighted block in view from its start`}).toBe(true);
          }
          if (i === 7 && SHOT_SIZES.has(name(size))) await shot(page, `${lesson}-step7-${name(size)}`);
          if (i === steps) break;
          await page.mouse.click(c.next.x, c.next.y);  // a tap where the button is seen, no scrolling first
          await expect.poll(() => progress.textContent()).toBe(`Paso ${i + 1} de ${steps}`);
          await frames(page);
        }
        // The last step of iteration 1: → goes on to iteration 2 (web/lessons/iterations.js).
        expect(await page.locator('.step-nav .next').isDisabled()).toBe(false);
        if (size[0] <= 900) {
          // One column: the text scrolls only when asked, the block then from its start, below
          // the sticky step bar and its "Volver al paso"; the controls stay where they were.
          await page.locator('.to-text').click();
          await expect.poll(() => page.evaluate(() => {
            const block = document.querySelector('.lesson-text .explains.current').getBoundingClientRect();
            const bar = document.querySelector('.step-bar').getBoundingClientRect();
            const back = document.querySelector('.to-step');
            const below = back.hidden ? bar.bottom : back.getBoundingClientRect().bottom;
            return !back.hidden && block.top >= below && block.top < innerHeight / 2 && bar.top >= 0;
          }), {message: `${lesson} at ${name(size)}: "Ver la explicación en el texto"`}).toBe(true);
          const c = await controls(page);
          expect(c.scrollY).toBeGreaterThan(0);
          for (const part of ['previous', 'next', 'progress']) expect(c[part].inside && c[part].shown, `${part} after the jump`).toBe(true);
          await expectNoSidewaysScroll(page, `${lesson} at ${name(size)}, in the text`);
          // "Volver al paso": the stepper again, just below the bar.
          await page.locator('.to-step').click();
          await expect.poll(() => stepperUnderBar(page), {message: `${lesson} at ${name(size)}: "Volver al paso"`}).toBe(true);
        } else {
          // Two columns: down the workbench (the diagram, the editor…) the bar stays, and
          // "Volver al paso" brings the stepper back under it.
          await page.locator('.workbench').evaluate((box) => box.scrollTo({top: box.scrollHeight}));
          await page.locator('.to-step:not([hidden])').waitFor();
          const c = await controls(page);
          for (const part of ['previous', 'next', 'progress']) expect(c[part].inside && c[part].shown, `${part} down the workbench`).toBe(true);
          await page.locator('.to-step').click();
          await expect.poll(() => stepperUnderBar(page), {message: `${lesson} at ${name(size)}: "Volver al paso"`}).toBe(true);
        }
        await expectClean(page);
        await page.close();
      });
    }
  });
}

stepThrough('mlp', '#/mlp', 13);
stepThrough('bptt', '#/bptt', 27);

describe('wide numbers scroll in their own box, with a cue', () => {
  test('390×844: the W update of lesson 2 scrolls inside "Con los números" with its hint; its result too', async () => {
    const page = await openAt([390, 844], '#/bptt?step=26', '.stepper .step-title .katex');
    await expect.poll(() => page.locator('.stepper .substituted').getAttribute('class')).toContain('overflows');
    const box = await page.locator('.stepper .substituted').evaluate((node) => ({
      scrollWidth: node.scrollWidth, clientWidth: node.clientWidth, tabindex: node.getAttribute('tabindex'),
      hint: !node.nextElementSibling.hidden && node.nextElementSibling.textContent,
    }));
    expect(box.scrollWidth).toBeGreaterThan(box.clientWidth);
    expect(box.tabindex).toBe('0');
    expect(box.hint).toMatch(/Desliza/);
    // The result's last number can be scrolled to and tapped.
    const last = page.locator('.stepper .result .cell').last();
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await expect.poll(() => page.locator('.expansion .katex').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => scrollX)).toBe(0);
    await expectNoSidewaysScroll(page, 'lesson 2, the update');
    await expectClean(page);
    await page.close();
  });

  test('a phone after training lesson 1: the summary wraps, the page keeps its width', async () => {
    const page = await openAt([360, 740], '#/mlp', '.stepper .step-title .katex');
    await page.locator('.training-train').click();
    await page.locator('.training-summary').waitFor({state: 'visible'});
    await frames(page);
    await expectNoSidewaysScroll(page, 'lesson 1 after training at 360×740');
    await expectClean(page);
    await page.close();
  });
});

// Each lab's run (its button, then what shows it is over), short settings where the default
// takes long.
const RUNS = {
  clasificacion: ['?epochs=40', async (page) => {
    await page.locator('.clf-play').click();
    await page.locator('.lab-progress-status', {hasText: 'Terminado'}).first().waitFor();
  }],
  activaciones: ['', (page) => finished(page)],  // runs when opened
  regularizacion: ['?epochs=40', async (page) => {
    await page.locator('.clf-play').click();
    await page.locator('.reg-summary td', {hasText: '%'}).nth(1).waitFor();
  }],
  lotes: ['', (page) => finished(page)],  // runs when opened
  hiperparametros: ['?epochs=100', async (page) => {
    await page.locator('.hp-run').click();
    await page.waitForFunction(() => document.querySelector('.hp-table tbody tr') && !document.querySelector('.hp-run').disabled);
  }],
  derivacion: ['', async (page) => {
    await page.locator('.deriv-check').click();
    await page.locator('.deriv-solution-toggle').click();
  }],
  secuencias: ['', async (page) => {
    await page.locator('.seq-run').click();
    await page.locator('.seq-when', {hasText: 'Después de'}).waitFor();
  }],
  gradientes: ['', async (page) => {
    await page.locator('.grad-another').click();
    await page.locator('.grad-verdict').waitFor();
  }],
  explosion: ['?steps=300', async (page) => {
    await page.locator('.exp-part').first().locator('.seq-run').click();
    await page.locator('.exp-curve:not([hidden])').waitFor();
    const part = page.locator('.exp-part').nth(1);
    await part.locator('.seq-run').click();
    await expect.poll(() => part.locator('.lab-progress-status').textContent()).toMatch(/Terminado/);
  }],
  'activaciones-rnn': ['', async (page) => {
    await page.locator('.seq-run').click();
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.cmp-table tbody tr')];
      return rows.length === 3 && rows.every((row) => row.dataset.state === 'done');
    });
  }],
};
const finished = (page) => page.waitForFunction(() => /Terminado/.test(document.querySelector('.lab-progress-status')?.textContent ?? ''));

// Every size in turn on the same page, the largest first (a canvas shrinks with its box).
async function everySize(page, where, file) {
  for (const size of [...SIZES].reverse()) {
    await page.setViewportSize({width: size[0], height: size[1]});
    await frames(page);
    // Charts follow their box a frame or two after a resize.
    await expect.poll(async () => {
      const {scrollWidth, innerWidth} = await widths(page);
      return scrollWidth <= innerWidth ? 'fits' : `${scrollWidth} px in ${innerWidth} px`;
    }, {message: `${where} at ${name(size)}`}).toBe('fits');
    if (file && SHOT_SIZES.has(name(size))) {
      await page.evaluate(() => scrollTo(0, 0));  // a sticky bar is drawn where the page is scrolled
      await shot(page, `${file}-${name(size)}`, true);
    }
  }
}

describe('the other pages fit every width', () => {
  test('the home page and the labs\' index', async () => {
    const page = await openAt([1366, 800], '#/', '.lesson-cards');
    await everySize(page, 'the home page');
    expect(await smallTargets(page), 'the home page at 360×740: tap targets').toEqual([]);
    await page.goto(`${h.site.url}#/labs`);
    await page.waitForSelector('.lab-cards');
    await everySize(page, 'the labs\' index', 'labs');
    expect(await smallTargets(page), 'the labs\' index at 360×740: tap targets').toEqual([]);
    await expectClean(page);
    await page.close();
  });

  test('lesson 3 (#/avances) after its race and its statistics', async () => {
    const page = await openAt([390, 844], '#/avances', '.init .race-table tbody tr');
    await page.waitForFunction(() => document.querySelector('.race .race-table tbody tr')
      && [...document.querySelectorAll('.race-toggle .race-outcome')].every((node) => node.textContent !== '…'));
    expect(await smallTargets(page), '#/avances at 390×844: tap targets').toEqual([]);
    await everySize(page, '#/avances', 'avances');
    await expectClean(page);
    await page.close();
  });

  test('every lab is listed here with its run', () => {
    expect(Object.keys(RUNS).sort()).toEqual(LABS.map((lab) => lab.name).sort());
  });

  for (const lab of LABS) {
    test(`#/labs/${lab.name}: run on a phone, then no sideways scroll at any size`, async () => {
      const [query, run] = RUNS[lab.name];
      const page = await openAt([390, 844], `#/labs/${lab.name}${query}`, '.lab-body > :not(.loading)');
      await run(page);
      expect(await smallTargets(page), `#/labs/${lab.name} at 390×844: tap targets`).toEqual([]);
      const file = ['clasificacion', 'secuencias'].includes(lab.name) ? `lab-${lab.name}` : null;
      await everySize(page, `#/labs/${lab.name} after a run`, file);
      await expectClean(page);
      await page.close();
    });
  }
});
