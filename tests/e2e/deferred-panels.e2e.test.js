// The lesson panels below the first screen (web/lessons/deferred-panels.js), built after the page
// has shown what is in view: with the browser never idle (requestIdleCallback stubbed out, and
// IntersectionObserver too where the test says), each is still there and usable as soon as it is
// reached — scrolled to, tabbed to, printed — on a phone and on a laptop, what is in view never
// moves as they are built above it, and in a frame they are built at once. With idle time, all of them are built without anything asked. The stepper's list
// of steps likewise (web/components/stepper.js).
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {lessonHarness, screenshots} from './browser.js';

const h = lessonHarness();
beforeAll(async () => {
  await h.start();
});
afterAll(() => h.stop());

const PHONE = {width: 390, height: 844};
const LAPTOP = {width: 1366, height: 800};
const frames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

// A lesson at `size`; with `idle: false` the browser never reports idle time, with `near: false`
// never that something came into view.
async function open(hash, size, {idle = true, near = true} = {}) {
  const page = await h.browser.context.newPage();
  await page.setViewportSize(size);
  if (!idle) {
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
      window.cancelIdleCallback = () => {};
    });
  }
  if (!near) {
    await page.addInitScript(() => {
      window.IntersectionObserver = class {
        observe() {}
        unobserve() {}
        disconnect() {}
      };
    });
  }
  await page.goto(`${h.site.url}${hash}`);
  await page.waitForSelector('.stepper .step-title .katex');
  return page;
}
const built = (page, panel) => page.evaluate((selector) => document.querySelector(selector).children.length > 0, panel);

async function expectClean(page) {
  expect(await h.problems(page)).toEqual({violations: [], problems: []});
}

describe('panels below the first screen', () => {
  test('a phone scrolled to the gradient check finds it there and working, nothing else having run', async () => {
    const page = await open('#/mlp', PHONE, {idle: false});
    expect(await built(page, '.gradcheck-panel')).toBe(false);  // not built at first
    expect(await page.locator('.gradcheck-panel').getAttribute('aria-label')).toBeTruthy();  // its place, named
    await page.locator('.gradcheck-panel').scrollIntoViewIfNeeded();
    await page.locator('.gradcheck-panel .gradcheck-run').click();
    await expect.poll(() => page.locator('.gradcheck-verdict').isVisible()).toBe(true);
    expect(await page.locator('.gradcheck-verdict').getAttribute('data-max')).toMatch(/^\d/);
    await page.screenshot({path: path.join(screenshots, 'deferred-gradcheck-390x844.png')});
    // The stepper's list of steps, not built either until it is opened.
    expect(await page.locator('.step-list button').count()).toBe(0);
    await page.locator('.step-list-box summary').click();
    expect(await page.locator('.step-list button').count()).toBe(13);
    expect(await page.locator('.step-list button[aria-current="step"]').count()).toBe(1);
    await expectClean(page);
    await page.close();
  });

  test('Tab from the diagram goes to the editor, built as the key is pressed', async () => {
    for (const [hash, size] of [['#/mlp', LAPTOP], ['#/bptt', PHONE]]) {
      const page = await open(hash, size, {idle: false, near: false});
      expect(await built(page, '.editor-panel')).toBe(false);
      // The diagram's last tab stop, then Tab.
      await page.evaluate(() => {
        const stops = [...document.querySelectorAll('.diagram-panel :is(a[href], button, input, select, textarea, [tabindex="0"])')];
        stops.reverse().find((stop) => (stop.focus(), document.activeElement === stop));
      });
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement.closest('.editor-panel')))).toBe(true);
      await expectClean(page);
      await page.close();
    }
  });

  test('printing builds every panel; a frame builds its panels at once', async () => {
    const page = await open('#/bptt', LAPTOP, {idle: false, near: false});
    expect(await built(page, '.explorer-panel')).toBe(false);
    expect(await page.locator('.explorer-panel').getAttribute('aria-busy')).toBe('true');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    for (const panel of ['.editor-panel', '.gradcheck-panel', '.explorer-panel', '.training-panel']) expect(await built(page, panel)).toBe(true);
    expect(await page.locator('.panel[aria-busy], .panel.deferred').count()).toBe(0);
    await page.close();
    const frame = await open('#/mlp?embed=1&panels=stepper,gradcheck', PHONE, {idle: false, near: false});
    expect(await built(frame, '.gradcheck-panel')).toBe(true);
    await expectClean(frame);
    await frame.close();
  });

  test('what is in view stays in place while panels are built above it', async () => {
    // A phone read down to the lesson's text (below the workbench), and a laptop's workbench box
    // scrolled to its end: the panels above are built as they come near, the view follows them.
    const cases = [
      {size: PHONE, anchor: '.lesson-text .lesson-title', block: 'start'},
      {size: LAPTOP, anchor: '.pytorch-export-panel', block: 'end'},
    ];
    for (const {size, anchor, block} of cases) {
      const page = await open('#/mlp', size, {idle: false});
      const top = () => page.evaluate((selector) => document.querySelector(selector).getBoundingClientRect().top, anchor);
      const before = await page.evaluate(([selector, where]) => {
        const node = document.querySelector(selector);
        node.scrollIntoView({block: where});
        return node.getBoundingClientRect().top;
      }, [anchor, block]);
      await expect.poll(() => built(page, '.gradcheck-panel')).toBe(true);
      await frames(page);
      expect(await built(page, '.training-panel')).toBe(true);
      expect(Math.abs(await top() - before)).toBeLessThanOrEqual(1);
      await expectClean(page);
      await page.close();
    }
  });

  test('with idle time every panel is built with nothing asked', async () => {
    const page = await open('#/bptt', PHONE);
    for (const panel of ['.editor-panel', '.gradcheck-panel', '.explorer-panel', '.training-panel']) {
      await expect.poll(() => built(page, panel)).toBe(true);
    }
    await expect.poll(() => page.locator('.step-list button').count()).toBeGreaterThan(0);
    await expectClean(page);
    await page.close();
  });
});
