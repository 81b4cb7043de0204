// The printed worked example (web/components/print-view.js) in headless Chromium under the strict
// CSP: lesson 1's classic example and lesson 2's default preset printed to PDF (A4, and Letter
// once) through the browser's own print (beforeprint) and through the "Imprimir" button, the PDF's
// text read back with pdftotext and its pages drawn with pdftoppm (Debian's poppler-utils) into
// build/screenshots/print-*.png. The text must hold every step's name in order, the results the
// stepper shows for some steps, the chosen element's chain rule (or the default one) and no
// control's label; the screen view must not show any of it.
import {execFile} from 'node:child_process';
import {copyFile, mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {lessonHarness, screenshots} from './browser.js';
import {S} from '../../web/strings/index.js';
import {encodeScenario} from '../../web/share.js';

const run = promisify(execFile);
const harness = lessonHarness();
const {cells} = harness;
// The page, once its printed view is there (its module loads when the page is idle: the
// browser's print, whose beforeprint cannot wait, finds it).
async function open(hash) {
  const page = await harness.open(hash);
  await page.waitForSelector('.print-view', {state: 'attached'});
  return page;
}

beforeAll(async () => {
  await mkdir(screenshots, {recursive: true});
  await harness.start();
});
afterAll(() => harness.stop());

async function expectClean(page) {
  expect(await harness.problems(page)).toEqual({violations: [], problems: []});
}

// Text compared as read: composed characters, one kind of minus, single spaces, none before a
// combining mark, a subscript or a superscript, none after a combining mark (pdftotext may put
// one there).
const normal = (text) => text.normalize('NFC').replace(/\u2212/g, '-').replace(/\s+/g, ' ')
  .replace(/ (?=[\u0300-\u036f\u2070-\u209f\u00b9\u00b2\u00b3])/g, '').replace(/([\u0300-\u036f]) /g, '$1').trim();

// Prints the page to PDF; its text (pdftotext), its number of pages and its pages as PNG
// (pdftoppm at 60 dpi), copied to build/screenshots/print-<name>-<n>.png.
async function printed(page, name, format = 'A4') {
  const dir = await mkdtemp(path.join(tmpdir(), 'backprop-print-'));
  try {
    const file = path.join(dir, 'print.pdf');
    await writeFile(file, await page.pdf({format}));
    const {stdout: text} = await run('pdftotext', [file, '-']);
    await writeFile(path.join(screenshots, `print-${name}.txt`), text);  // beside the pages, to read
    await run('pdftoppm', ['-png', '-r', '60', file, path.join(dir, 'page')]);
    const images = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const stale = (await readdir(screenshots)).filter((f) => f.startsWith(`print-${name}-`) && /^\d+\.png$/.test(f.slice(name.length + 7)));
    for (const f of stale) await rm(path.join(screenshots, f));
    for (const [k, image] of images.entries()) await copyFile(path.join(dir, image), path.join(screenshots, `print-${name}-${k + 1}.png`));
    return {text: normal(text), pages: images.length, raw: text};
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

// The steps' names as the step list gives them ("Paso 7 de 13: ∂L/∂W⁽²⁾").
// The stepper's list of steps is built when the page is idle (docs/web.md), which may come after
// the print view: waited for, not read before it is there.
const stepNames = async (page) => {
  await page.waitForSelector('.step-list button .sr-only', {state: 'attached'});
  return (await page.locator('.step-list button .sr-only').allTextContents()).map(normal);
};

// Where each name starts in `text`, in order; fails on the first one missing.
function positions(text, names) {
  const at = [];
  let from = 0;
  for (const name of names) {
    const i = text.indexOf(name, from);
    expect(i, `"${name}" after character ${from}`).toBeGreaterThanOrEqual(0);
    at.push(i);
    from = i + name.length;
  }
  return at;
}

// Goes to step i (0-based) through the step list; the numbers its result shows.
// Every step's name in order, then the chain rule; each step's shown numbers ({i: [numbers]})
// inside its own part of the text. Returns where the chain rule starts.
function expectSteps(text, names, shown) {
  const at = positions(text, names);
  const chainAt = text.indexOf(normal(S.print.chainRule), at.at(-1));
  expect(chainAt).toBeGreaterThan(at.at(-1));
  for (const [i, numbers] of Object.entries(shown)) {
    const part = text.slice(at[i], at[Number(i) + 1] ?? chainAt);
    for (const number of numbers) expect(part).toContain(number);
  }
  return chainAt;
}

async function resultOf(page, i) {
  const list = page.locator('.step-list-box');
  if (!(await list.evaluate((d) => d.open))) await page.locator('.step-list-box summary').click();
  await page.locator('.step-list button').nth(i).click();
  await expect.poll(() => page.locator('.progress-text').textContent()).toContain(`Paso ${i + 1} `);
  return (await cells(page)).map(normal);
}

// The numbers of the chain rule the stepper shows now.
async function chainRuleNumbers(page) {
  const text = normal(await page.locator('.stepper .expansion .katex-html').first().textContent());
  return text.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g);
}

// What a control says: none of it may be printed.
const CONTROLS = [S.stepper.next, S.stepper.previous, S.print.button, 'Compartir', S.lessonPage.presetPrompt, S.stepper.clickHint, S.stepper.keys, S.lessonPage.toText];

function expectNoControls(text) {
  for (const label of CONTROLS) expect(text).not.toContain(normal(label));
}

// The steps' phases in order: one new page each at least, after the network's.
const plausiblePages = (pages, n) => {
  expect(pages).toBeGreaterThanOrEqual(4);
  expect(pages).toBeLessThanOrEqual(n + 4);
};

describe('lesson 1: the classic example on paper', () => {
  test('the browser\'s print: the network, every step in order with its numbers, the chosen chain rule', async () => {
    const page = await open('#/mlp');
    const names = await stepNames(page);
    expect(names).toHaveLength(13);
    // Results as the stepper shows them: z⁽¹⁾, L, ∂L/∂W⁽²⁾, the update of W.
    const shown = {};
    for (const i of [0, 4, 6, 11]) shown[i] = await resultOf(page, i);
    // The student chooses an element of ∂L/∂W⁽¹⁾: its chain rule is the one printed.
    await resultOf(page, 9);
    await page.locator('.stepper .result .cell').nth(2).click();
    const chain = await chainRuleNumbers(page);
    expect(chain.length).toBeGreaterThan(2);

    expect((await overflowing(page)).wide).toEqual([]);
    const {text, pages} = await printed(page, 'mlp');
    plausiblePages(pages, names.length);
    const chainAt = expectSteps(text, names, shown);
    // The network first: its parameters as the iteration starts.
    const network = text.slice(0, positions(text, names)[0]);
    expect(network).toContain(normal(S.print.network));
    for (const weight of ['0.15', '0.2', '0.25', '0.3', '0.4', '0.45', '0.5', '0.55']) expect(network).toContain(weight);
    // The chosen element: its step and its numbers, no "none chosen" note.
    const chainPart = text.slice(chainAt);
    expect(chainPart).toContain(names[9]);
    expect(chainPart).not.toContain(normal(S.print.chainRuleDefault));
    for (const number of chain) expect(chainPart).toContain(number);
    expectNoControls(text);

    // Letter: the same steps in order on plausible pages.
    const letter = await printed(page, 'mlp-letter', 'Letter');
    plausiblePages(letter.pages, names.length);
    positions(letter.text, names);
    // Back on screen: the printed view is gone, the page as it was.
    expect(await page.locator('.print-view').isVisible()).toBe(false);
    expect(await page.locator('.stepper .expansion .katex').count()).toBe(1);
    await expectClean(page);
    await page.close();
  });

  test('"Imprimir" draws the worked example, then opens the browser\'s print', async () => {
    const page = await open('#/mlp');
    await page.evaluate(() => {
      window.__printed = 0;
      window.print = () => { window.__printed += 1; };
    });
    await page.getByRole('button', {name: S.print.button, exact: true}).click();
    await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
    // Drawn, hidden on screen, every step there.
    expect(await page.locator('.print-view .print-step').count()).toBe(13);
    expect(await page.locator('.print-view').isVisible()).toBe(false);
    const {text, pages} = await printed(page, 'mlp-button');
    plausiblePages(pages, 13);
    positions(text, await stepNames(page));
    await expectClean(page);
    await page.close();
  });

  test('"Imprimir" at once, before the printed view\'s module is here: it loads, then prints', async () => {
    const page = await harness.browser.context.newPage();
    await page.route(/print-view-.*\.js$/, async (route) => {
      await page.waitForFunction(() => window.__released);  // held until the button is clicked
      await route.continue();
    });
    await page.goto(`${harness.site.url}#/mlp`);
    await page.waitForSelector('.stepper .step-title .katex');
    expect(await page.locator('.print-view').count()).toBe(0);
    await page.evaluate(() => {
      window.print = () => { window.__printed += 1; };
      window.__printed = 0;
    });
    await page.getByRole('button', {name: S.print.button, exact: true}).click();
    expect(await page.evaluate(() => window.__printed)).toBe(0);
    await page.evaluate(() => { window.__released = true; });
    await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
    expect(await page.locator('.print-view .print-step').count()).toBe(13);
    await expectClean(page);
    await page.close();
  });

  test('the screen view is unchanged: the button in the top bar, nothing of the print', async () => {
    const page = await open('#/mlp');
    for (const [width, height] of [[390, 844], [1366, 800]]) {
      await page.setViewportSize({width, height});
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({path: path.join(screenshots, `print-screen-mlp-${width}x${height}.png`)});
      expect(await page.locator('.print-view').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(await page.locator('.topbar .print-button').isVisible()).toBe(true);
    }
    await expectClean(page);
    await page.close();
  });
});

// The printed view drawn as for printing and laid out at the page's width: the boxes whose content
// is wider than they are (none may be: nothing clipped).
async function overflowing(page) {
  return page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    const view = document.querySelector('.print-view');
    view.classList.add('measuring');
    const boxes = [...view.querySelectorAll('.print-fit')].filter((box) => !box.querySelector('.print-fit'));
    const wide = boxes.filter((box) => box.scrollWidth > box.clientWidth + 1).map((box) => `${box.scrollWidth} > ${box.clientWidth}: ${box.textContent.slice(0, 60)}`);
    const count = boxes.length;
    view.classList.remove('measuring');
    window.dispatchEvent(new Event('afterprint'));
    return {count, wide};
  });
}

describe('wide steps on paper', () => {
  test('a batch of 8 through 8-unit layers with Adam: every equation and result fits the page', async () => {
    const rows = (n, m, k) => Array.from({length: n}, (_, i) => Array.from({length: m}, (_, j) => Number((((i * 7 + j * 3 + k) % 10) / 10 + 0.05).toFixed(2))));
    const scenario = {
      model: {kind: 'mlp', layers: [8, 8, 8, 8], activations: ['tanh', 'sigmoid', 'sigmoid'], loss: 'mse'},
      init: {scheme: 'uniform', scale: 0.5, seed: 1},
      data: {inputs: rows(8, 8, 1), targets: rows(8, 8, 4)},
      optimizer: {kind: 'adam', lr: 0.01},
      regularization: {l2: 0.01},
    };
    const page = await open(`#/mlp?s=${encodeScenario(scenario)}&it=2`);
    const names = await stepNames(page);
    const {count, wide} = await overflowing(page);
    expect(count).toBeGreaterThan(names.length * 3);
    expect(wide).toEqual([]);
    const {text, pages} = await printed(page, 'wide');
    expect(pages).toBeGreaterThan(names.length / 2);
    positions(text, names);
    expectNoControls(text);
    await expectClean(page);
    await page.close();
  });
});

describe('lesson 2: the default preset on paper', () => {
  test('every step in order with its numbers, the default chain rule when none is chosen', async () => {
    const page = await open('#/bptt');
    const names = await stepNames(page);
    expect(names.length).toBeGreaterThan(20);
    const last = names.length - 1;
    const shown = {};
    for (const i of [0, 12, 14, last]) shown[i] = await resultOf(page, i);
    await resultOf(page, 0);

    expect((await overflowing(page)).wide).toEqual([]);
    const {text, pages} = await printed(page, 'bptt');
    plausiblePages(pages, names.length);
    const chainAt = expectSteps(text, names, shown);
    const chainPart = text.slice(chainAt);
    expect(chainPart).toContain(normal(S.print.chainRuleDefault));
    expectNoControls(text);
    // The default: Ū's first element over the whole sequence, the last accumulation step's.
    const accumulate = names.map((name, i) => [name, i]).filter(([name]) => name.endsWith('+=')).at(-1)[1];
    expect(chainPart).toContain(names[accumulate]);
    await resultOf(page, accumulate);
    await page.locator('.stepper .result .cell').first().click();
    for (const number of await chainRuleNumbers(page)) expect(chainPart).toContain(number);
    await expectClean(page);
    await page.close();
  });
});
