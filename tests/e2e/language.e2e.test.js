// Spanish and English in headless Chromium: `#/mlp?lang=en` shows the page in English with
// <html lang="en"> and the same numbers as `#/mlp`; the switch in the top bar changes the language
// keeping the step and an edited scenario; a refusal is worded in English and names the field;
// links keep the language; the labs, lesson 3 and embedded pages honour it; axe finds nothing in
// English at a desktop and a phone size. Screenshots of the English lesson and its switch.
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHarness, screenshots} from './browser.js';
import {encodeScenario} from '../../web/share.js';
import {presets} from '../../web/lessons/mlp/presets.js';
import {texts} from '../../web/strings/index.js';
import {lesson as mlpEn} from '../../web/lessons/mlp/text.en.js';

const h = labHarness();
const [es, en] = await Promise.all([texts('es'), texts('en')]);
let axeSource;
beforeAll(async () => {
  axeSource = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  await h.start();
});
afterAll(h.stop);

const STEPPER = '.stepper .step-title .katex';
const SIZES = {desktop: {width: 1366, height: 800}, phone: {width: 390, height: 844}};
const cells = (page) => page.locator('.stepper .result .cell').allTextContents();
const query = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.split('?')[1])));
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

async function axe(page) {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {resultTypes: ['violations']});
    return result.violations.map((v) => ({id: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' '))}));
  });
}

// The words of the page's own interface (the lesson's text aside: it is content) that read as
// Spanish: accented letters, ñ, ¿ ¡, or common Spanish words.
const spanishInChrome = (page) => page.evaluate(() => {
  const words = /[ñ¿¡áéíóú]|\b(de|la|el|los|las|del|que|con|una|por|para|paso|pasos)\b/i;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest('.lesson-text, .katex, pre, code, script, style, [lang="es"]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const found = [];
  while (walker.nextNode()) if (words.test(walker.currentNode.textContent)) found.push(walker.currentNode.textContent.trim());
  const labels = [...document.querySelectorAll('[aria-label], [title]')].filter((n) => !n.closest('.lesson-text, [lang="es"]'))
    .flatMap((n) => [n.getAttribute('aria-label'), n.getAttribute('title')]).filter((t) => t && words.test(t));
  return [...found, ...labels];
});

// A first visit in a fresh tab: every script it fetched (name and text) until the network is idle,
// and every title the top bar showed on the way (a MutationObserver from the first parse).
async function firstVisit(hash, ready = STEPPER) {
  const page = await h.browser.context.newPage();
  await page.addInitScript(() => {
    window.__titles = [];
    new MutationObserver(() => {
      const title = document.querySelector('.topbar h1')?.textContent;
      if (title && window.__titles.at(-1) !== title) window.__titles.push(title);
    }).observe(document, {childList: true, subtree: true, characterData: true});
  });
  const scripts = [];
  const requested = [];  // every script's name, in the order the page asked for them
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) requested.push(new URL(request.url()).pathname.split('/').pop());
  });
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    scripts.push({name: new URL(response.url()).pathname.split('/').pop(), text: await response.text().catch(() => '')});
  });
  await page.goto(`${h.site.url}${hash}`);
  await page.waitForSelector(ready);
  await page.waitForLoadState('networkidle');
  return {page, scripts, requested, titles: await page.evaluate(() => window.__titles)};
}
// English only: the skip link's words, a lesson text's first paragraph.
const ENGLISH_MARKS = [en.a11y.skipLink, mlpEn.sections[0].blocks.find((b) => b.p).p.slice(0, 60)];
// The English texts' chunks (vite.config.js names them), the export's English words included.
const ENGLISH_CHUNK = /^strings-en-|-text-en-/;

describe('each language loads with it', () => {
  test('a first visit in Spanish fetches no English module; ?lang=en fetches English and shows it from the first render', async () => {
    const spanish = await firstVisit('#/mlp');
    expect(spanish.scripts.length).toBeGreaterThan(3);
    expect(spanish.scripts.filter((s) => ENGLISH_CHUNK.test(s.name) || ENGLISH_MARKS.some((m) => s.text.includes(m))).map((s) => s.name)).toEqual([]);
    expect(spanish.titles).toEqual([es.mlp.title]);
    // Nor what only a click needs: the PyTorch export's generator, the training worker.
    expect(spanish.scripts.map((s) => s.name).filter((n) => /^(pytorch-generator|core-worker)-/.test(n))).toEqual([]);
    await spanish.page.close();

    const english = await firstVisit('#/mlp?lang=en');
    const names = english.scripts.map((s) => s.name);
    expect(names.some((n) => n.startsWith('strings-en-'))).toBe(true);
    expect(names.some((n) => n.startsWith('mlp-text-en-'))).toBe(true);
    expect(english.titles).toEqual([en.mlp.title]);  // never a Spanish title first
    expect(await htmlLang(english.page)).toBe('en');
    expect(await english.page.locator('.progress-text').textContent()).toBe('Step 1 of 13');
    await expectClean(english.page);
    await english.page.close();
  });
});

describe("a lab's first visit", () => {
  // The labs' texts are asked for by the labs' page module once it runs (wantTexts); web/main.js
  // starts them with that module, so they are on their way before the lab's own module is asked
  // for (which only that module's run does).
  test("the labs' texts are requested before the lab's own module, in either language, and show from the first render", async () => {
    for (const [lang, texts, chunk] of [['es', es, /^strings-labs-[\w-]{8}\.js$/], ['en', en, /^strings-en-labs-/]]) {
      const visit = await firstVisit(`#/labs/clasificacion${lang === 'en' ? '?lang=en' : ''}`, '.clf-run-bar .clf-play');
      const at = (pattern) => visit.requested.findIndex((name) => pattern.test(name));
      expect(at(chunk), `${lang}: ${visit.requested.join(' ')}`).toBeGreaterThan(-1);
      expect(at(chunk), `${lang}: ${visit.requested.join(' ')}`).toBeLessThan(at(/^clasificacion-lab-/));
      expect(visit.titles).toEqual([texts.labs.clasificacion.title]);  // never the other language's first
      expect(await visit.page.locator('.clf-run-bar .clf-play').textContent()).toBe(texts.labs.clasificacion.play);
      await expectClean(visit.page);
      await visit.page.close();
    }
  });
});

describe('lesson 1 in English', () => {
  test('#/mlp?lang=en: English interface, <html lang="en">, the same numbers as #/mlp', async () => {
    const page = await h.open('#/mlp', STEPPER);
    expect(await htmlLang(page)).toBe('es');
    const spanish = [];
    for (let i = 0; i < 7; i += 1) {
      spanish.push(await cells(page));
      await page.keyboard.press('ArrowRight');
    }
    await page.goto(`${h.site.url}#/mlp?lang=en`);  // the same document: the Spanish stepper stays until English is in
    await expect.poll(() => htmlLang(page)).toBe('en');
    await page.waitForSelector(STEPPER);
    expect(await page.title()).toBe(en.appTitle);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Step 1 of 13');
    expect(await page.locator('.topbar h1').textContent()).toBe(en.mlp.title);
    expect(await page.locator('.skip-link').textContent()).toBe(en.a11y.skipLink);
    const english = [];
    for (let i = 0; i < 7; i += 1) {
      english.push(await cells(page));
      await page.keyboard.press('ArrowRight');
    }
    expect(english).toEqual(spanish);
    expect(english[0]).toEqual(['0.3775', '0.3925']);  // z⁽¹⁾, with the decimal point
    expect(english[6][0]).toBe('0.082167041');  // ∂L/∂w₅
    expect(await spanishInChrome(page)).toEqual([]);
    await expectClean(page);
    await page.close();
  });

  test('the switch: ES | EN in the top bar, toggling keeps the step and an edited scenario', async () => {
    const page = await h.open('#/mlp?step=3', STEPPER);
    const option = (lang) => page.locator(`.topbar .language-switch a[lang="${lang}"]`);
    expect(await page.locator('.topbar .language-switch').getAttribute('aria-label')).toBe(es.languageSwitch.label);
    expect(await option('es').getAttribute('aria-current')).toBe('true');
    expect(await option('en').getAttribute('aria-current')).toBeNull();
    expect(await option('en').textContent()).toBe('ENEnglish');  // "EN" shown, "English" read out
    expect(await page.getByRole('link', {name: 'English'}).count()).toBe(1);
    // Edit w₅ in the editor, then switch: the scenario and the step travel in the address.
    const w5 = page.getByLabel('Peso W⁽²⁾, fila 1, columna 1');
    await w5.fill('0.9');
    await w5.press('Enter');
    await expect.poll(async () => (await query(page)).s).toBeTruthy();
    const edited = await cells(page);
    const before = await query(page);
    await option('en').click();
    await expect.poll(() => htmlLang(page)).toBe('en');
    await page.waitForSelector(STEPPER);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Step 4 of 13');
    expect(await query(page)).toEqual({...before, lang: 'en'});
    expect(await cells(page)).toEqual(edited);
    expect(await page.getByLabel('Weight W⁽²⁾, row 1, column 1').inputValue()).toBe('0.9');
    expect(await page.locator('.topbar .language-switch a[aria-current="true"]').getAttribute('lang')).toBe('en');
    // Stepping on keeps lang in the address; the lesson's links keep it.
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await query(page)).step).toBe('4');
    expect((await query(page)).lang).toBe('en');
    expect(await page.locator('.home-link').getAttribute('href')).toBe('#/?lang=en');
    for (const size of Object.values(SIZES)) {
      await page.setViewportSize(size);
      await page.screenshot({path: path.join(screenshots, `language-mlp-en-${size.width}.png`)});
    }
    await page.setViewportSize(SIZES.desktop);
    // And back to Spanish: the same numbers, the Spanish label, no lang in the address.
    await option('es').click();
    await expect.poll(() => htmlLang(page)).toBe('es');
    await page.waitForSelector(STEPPER);
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Paso 5 de 13');
    expect((await query(page)).lang).toBeUndefined();
    expect(await page.getByLabel('Peso W⁽²⁾, fila 1, columna 1').inputValue()).toBe('0.9');
    expect(await page.title()).toBe(es.appTitle);
    await expectClean(page);
    await page.close();
  });

  test('a scenario too long for the address survives the switch', async () => {
    const large = structuredClone(presets.classic);
    large.parameters.W2[0][0] = 0.9;
    large.data.validation = {inputs: Array.from({length: 500}, () => [0.1, 0.2]), targets: Array.from({length: 500}, () => [0.05, 0.95])};
    const page = await h.open(`#/mlp?s=${encodeScenario(large)}&step=3`, STEPPER);
    await expect.poll(() => page.url()).not.toContain('s=');  // too long: the address leaves it out
    const shown = await cells(page);
    await page.locator('.topbar .language-switch a[lang="en"]').click();
    await expect.poll(() => htmlLang(page)).toBe('en');
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Step 4 of 13');
    expect(await cells(page)).toEqual(shown);
    expect(await page.getByLabel('Weight W⁽²⁾, row 1, column 1').inputValue()).toBe('0.9');
    await expectClean(page);
    await page.close();
  });

  test('refusals in English, naming the field: a typed value and a link the core refuses', async () => {
    const page = await h.open('#/mlp?lang=en&step=6', STEPPER);
    const before = await cells(page);
    const lr = page.getByLabel(en.editor.learningRate, {exact: true});
    await lr.fill('abc');
    await lr.press('Enter');
    const message = page.locator('.editor-error:visible').first();
    await expect.poll(() => message.count()).toBe(1);
    expect(await message.textContent()).toContain(en.editor.errors.notNumber('abc'));
    expect(await lr.inputValue()).toBe('abc');
    expect(await cells(page)).toEqual(before);
    // A scenario the core refuses (the learning rate out of its range): the core's reason, in English.
    const scenario = structuredClone(presets.classic);
    scenario.optimizer.lr = -1;
    await page.goto(`${h.site.url}#/mlp?s=${encodeScenario(scenario)}&lang=en`);
    await page.waitForSelector(STEPPER);
    const notice = page.locator('.notice');
    await expect.poll(() => notice.textContent()).toContain('Invalid value in optimizer.lr');
    expect(await notice.textContent()).toMatch(/^The link does not hold a valid scenario/);
    expect(await spanishInChrome(page)).toEqual([]);
    await expectClean(page);
    await page.close();
  });
});

describe('every page honours lang', () => {
  test('home, lesson 2, lesson 3 and the labs: <html lang>, the switch, links that keep the language', async () => {
    const page = await h.open('#/?lang=en', '.lesson-cards');
    expect(await htmlLang(page)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(en.home.title);
    const hrefs = await page.locator('.lesson-cards a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(en.home.lessons.map((l) => `${l.href}?lang=en`));
    await page.locator('.lesson-cards a').nth(1).click();
    await page.waitForSelector(STEPPER);
    expect(await page.locator('.topbar h1').textContent()).toBe(en.bptt.title);
    expect(await htmlLang(page)).toBe('en');
    await page.goto(`${h.site.url}#/avances?lang=en`);
    await page.waitForSelector('.avances-main');
    expect(await page.locator('.topbar h1').textContent()).toBe(en.avances.title);
    expect(await page.locator('.topbar .labs-link').getAttribute('href')).toBe('#/labs?lang=en');
    await page.locator('.topbar .labs-link').click();
    await page.waitForSelector('.lab-cards');
    expect(await htmlLang(page)).toBe('en');
    expect((await query(page)).lang).toBe('en');
    const labLinks = await page.locator('.lab-cards a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(labLinks.length).toBeGreaterThan(0);
    for (const href of labLinks) expect(href).toMatch(/\?lang=en$/);
    expect(await page.locator('.topbar .language-switch a[aria-current="true"]').getAttribute('lang')).toBe('en');
    // A page that does not exist, in English.
    await page.goto(`${h.site.url}#/nowhere?lang=en`);
    await expect.poll(() => page.locator('main.message').textContent()).toContain(en.notFound);
    expect(await page.locator('main.message a').getAttribute('href')).toBe('#/?lang=en');
    await expectClean(page);
    await page.close();
  });

  test('a lab\'s downloads are named in the page\'s language, also after the switch', async () => {
    const open = async (hash) => {
      const page = await h.open(hash, '.clf-run-panel .clf-metrics td');
      await page.waitForFunction(() => [...document.querySelectorAll('.clf-run-panel .clf-metrics td:first-of-type')].every((td) => td.textContent !== '—'));
      return page;
    };
    const names = async (page) => ({
      png: (await h.downloaded(page, () => page.locator('.lab-export .lab-save-png').first().click())).name,
      csv: (await h.downloaded(page, () => page.locator('.lab-export .lab-save-csv').click())).name,
    });
    const page = await open('#/labs/clasificacion?shape=xor&hidden=8&seed=3&lang=en');
    const N = en.labs.clasificacion.fileNames;
    expect(await names(page)).toEqual({png: `${N.boundary}-xor-h8-s3.png`, csv: `${N.curves}-xor-h8-s3.csv`});
    // The switch re-mounts the lab in Spanish: the names the page always wrote.
    await page.locator('.topbar .language-switch a[lang="es"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'es' && [...document.querySelectorAll('.clf-run-panel .clf-metrics td:first-of-type')].every((td) => td.textContent !== '—'));
    expect(await names(page)).toEqual({png: 'frontera-xor-h8-s3.png', csv: 'curvas-xor-h8-s3.csv'});
    await expectClean(page);
    await page.close();
  });

  test('embedded: the lesson in English, its link to the full lesson keeps lang', async () => {
    const page = await h.open('#/mlp?embed=1&lang=en', STEPPER);
    expect(await htmlLang(page)).toBe('en');
    await expect.poll(() => page.locator('.progress-text').textContent()).toBe('Step 1 of 13');
    const link = page.locator('.embed-link a');
    expect(await link.textContent()).toBe(en.lessonPage.fullLesson);
    expect(await link.getAttribute('href')).toMatch(/#\/mlp\?.*lang=en/);
    expect(await link.getAttribute('href')).not.toMatch(/embed=1/);
    await page.goto(`${h.site.url}#/labs/gradientes?embed=1&lang=en`);
    await page.waitForSelector('.grad-table tbody tr');
    expect(await htmlLang(page)).toBe('en');
    expect(await page.locator('.embed-link a, a[target="_blank"]').first().getAttribute('href')).toMatch(/lang=en/);
    await expectClean(page);
    await page.close();
  });

  test('the share panel\'s link and embed code carry lang=en', async () => {
    const page = await h.open('#/mlp?lang=en&step=2', STEPPER);
    await page.getByRole('button', {name: en.share.button}).click();
    await expect.poll(() => page.locator('.share-link').inputValue()).toMatch(/#\/mlp\?.*step=2.*lang=en|lang=en.*step=2/);
    expect(await page.locator('.share-iframe').inputValue()).toMatch(/embed=1[^"]*lang=en|lang=en[^"]*embed=1/);
    await expectClean(page);
    await page.close();
  });
});

describe('axe-core and no Spanish in English', () => {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`${size}: #/, the three lessons and the labs' index`, async () => {
      const page = await h.browser.context.newPage();
      await page.setViewportSize(viewport);
      const found = {};
      const spanish = {};
      for (const [hash, ready] of [['#/?lang=en', '.lesson-cards'], ['#/mlp?lang=en', STEPPER], ['#/bptt?lang=en', STEPPER],
        ['#/avances?lang=en', '.avances-main'], ['#/labs?lang=en', '.lab-cards']]) {
        await page.goto(`${h.site.url}${hash}`);
        await page.waitForSelector(ready);
        const violations = await axe(page);
        if (violations.length) found[hash] = violations;
        // The labs' words are web/strings/en/labs/'s, checked by tests/web/strings-languages.test.js.
        const left = hash.startsWith('#/labs') ? [] : await spanishInChrome(page);
        if (left.length) spanish[hash] = left;
      }
      expect(found).toEqual({});
      expect(spanish).toEqual({});
      await expectClean(page);
      await page.close();
    });
  }
});
