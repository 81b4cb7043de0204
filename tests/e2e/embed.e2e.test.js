// Embedding in a course platform (docs/embed.md) in headless Chromium: examples/host.html served
// from a second origin under a strict CSP of its own, with embed.js from the site and the lesson
// in frames sandboxed as course platforms do. Every backprop:* message the host page receives is
// recorded (an init script) with the id of the frame it came from.
import {readFile} from 'node:fs/promises';
import http from 'node:http';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {launchBrowser, screenshots, serveSite, violations} from './browser.js';
import {LABS} from '../../web/labs/registry.js';
import {exerciseScenario, readParams} from '../../web/labs/derivacion/exercise.js';
import {loadWasmCore} from '../web/support.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SANDBOXED = 'allow-scripts allow-same-origin';
const EDGE = '.dg-edge[data-key="W1:0:1"] .dg-hit';  // the line a click on W⁽¹⁾₁₂ lands on

// A real click on an edge, a third of the way along it (edges cross in the middle), given as a
// point of the drawing (the outer <svg> has a box a position is relative to; a line has not).
async function clickEdge(frame) {
  const position = await frame.locator(EDGE).evaluate((line) => {
    const point = line.getPointAtLength(line.getTotalLength() / 3).matrixTransform(line.getScreenCTM());
    const box = line.ownerSVGElement.getBoundingClientRect();
    return {x: point.x - box.left, y: point.y - box.top};
  });
  await frame.locator('.dg-svg').click({position});
}
let site;
let host;
let browser;
let core;

// examples/ served from its own origin, the example's lesson address (npm start's) replaced by
// the test site's; the host's CSP lets in scripts and frames from the site only.
async function serveHost(siteUrl) {
  const siteOrigin = new URL(siteUrl).origin;
  const types = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css'};
  const server = http.createServer(async (request, response) => {
    const name = new URL(request.url, 'http://host').pathname.slice(1);
    if (name === 'favicon.ico') return void response.writeHead(204).end();
    if (!['host.html', 'host.js', 'host.css'].includes(name)) return void response.writeHead(404).end();
    const text = (await readFile(path.join(root, 'examples', name), 'utf8')).replaceAll('http://localhost:4173/', siteUrl);
    response.writeHead(200, {
      'Content-Type': types[path.extname(name)],
      'Content-Security-Policy': `default-src 'self'; script-src 'self' ${siteOrigin}; frame-src ${siteOrigin}; style-src 'self'`,
    });
    response.end(text);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done))};
}

beforeAll(async () => {
  await mkdir(screenshots, {recursive: true});
  core = await loadWasmCore();
  site = await serveSite();
  host = await serveHost(site.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await site?.close();
});

// The host page with the message recorder; `size` its viewport.
async function openHost(size = {width: 1366, height: 800}) {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.addInitScript(() => {
    if (window.parent !== window) return;  // the host page only, not the frames in it
    window.__messages = [];
    window.addEventListener('message', (event) => {
      if (typeof event.data?.type !== 'string' || !event.data.type.startsWith('backprop:')) return;
      const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
      window.__messages.push({frame: frame?.id ?? null, data: event.data});
    });
  });
  await page.goto(`${host.url}host.html`);
  return page;
}

// The messages from frame `id`, resize messages left out unless asked.
const messagesOf = (page, id, {resize = false} = {}) => page.evaluate(({id, resize}) =>
  window.__messages.filter((m) => m.frame === id && (resize || m.data.type !== 'backprop:resize')).map((m) => m.data), {id, resize});
const resizesOf = (page, id) => page.evaluate((id) =>
  window.__messages.filter((m) => m.frame === id && m.data.type === 'backprop:resize').map((m) => m.data), id);

// A new frame on the host page: its id, src and sandbox (null: none).
async function addFrame(page, id, src, sandbox) {
  await page.evaluate(({id, src, sandbox}) => {
    const frame = document.createElement('iframe');
    frame.id = id;
    frame.title = id;
    frame.width = '100%';
    frame.height = '600';
    if (sandbox !== null) frame.setAttribute('sandbox', sandbox);
    frame.src = src;
    document.querySelector('main').append(frame);
  }, {id, src, sandbox});
  return (await page.$(`#${id}`)).contentFrame();
}

const post = (page, id, data) => page.evaluate(({id, data}) => document.getElementById(id).contentWindow.postMessage(data, '*'), {id, data});
const frameHeight = (page, id) => page.evaluate((id) => document.getElementById(id).clientHeight, id);
const documentHeight = (frame) => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
const progress = (frame) => frame.locator('.progress-text').textContent();

// No CSP violation in the host page or in `frames`, no console error or failed request.
async function expectClean(page, frames = []) {
  expect(await violations(page)).toEqual([]);
  for (const frame of frames) expect(await violations(frame)).toEqual([]);
  expect(browser.problems).toEqual([]);
}

describe('examples/host.html: the lesson in a frame sandboxed with allow-scripts allow-same-origin', () => {
  test('ready, steps, completed, resizing, read-only, goto from the parent only', async () => {
    const page = await openHost();
    const sandbox = await page.locator('#lesson').getAttribute('sandbox');
    expect(sandbox.split(' ')).toEqual(expect.arrayContaining(SANDBOXED.split(' ')));
    const frame = await (await page.$('#lesson')).contentFrame();
    await frame.waitForSelector('.stepper .step-title .katex');

    // backprop:ready, then the first step, exactly these shapes.
    await expect.poll(() => messagesOf(page, 'lesson')).toHaveLength(2);
    expect(await messagesOf(page, 'lesson')).toEqual([
      {type: 'backprop:ready', route: '/mlp'},
      {type: 'backprop:step', route: '/mlp', index: 0, id: 'z1', total: 13},
    ]);

    // Its height follows the document: every backprop:resize is {type, height}; embed.js sets it.
    const lastHeight = async () => (await resizesOf(page, 'lesson')).at(-1)?.height;
    await expect.poll(async () => (await frameHeight(page, 'lesson')) === (await lastHeight())).toBe(true);
    for (const message of await resizesOf(page, 'lesson')) {
      expect(Object.keys(message).sort()).toEqual(['height', 'type']);
      expect(Number.isInteger(message.height) && message.height >= 0).toBe(true);
    }
    // The last report follows the document's last layout change (a report may still be on its way).
    await expect.poll(async () => (await lastHeight()) === (await documentHeight(frame))).toBe(true);
    const before = await lastHeight();
    await frame.locator('.step-list-box summary').click();  // the list of steps opens: taller
    await expect.poll(lastHeight).toBeGreaterThan(before);
    await expect.poll(async () => (await frameHeight(page, 'lesson')) === (await lastHeight())).toBe(true);
    await expect.poll(async () => (await lastHeight()) === (await documentHeight(frame))).toBe(true);
    await frame.locator('.step-list-box summary').click();

    // edit=0: no editor, no training, no preset menu; an edge opens nothing editable.
    expect(await frame.locator('.editor-panel, .training-panel, select').count()).toBe(0);
    await clickEdge(frame);
    expect(await frame.locator('.dg-editor').isHidden()).toBe(true);
    expect(await frame.locator('input:visible, textarea:visible, select:visible').count()).toBe(0);
    expect(await frame.locator('.dg-hint').isHidden()).toBe(true);

    // Every step, one by one: a step message each, then backprop:completed once.
    for (let i = 1; i < 13; i++) await frame.locator('.next').click();
    expect(await progress(frame)).toBe('Paso 13 de 13');
    await expect.poll(() => messagesOf(page, 'lesson')).toHaveLength(2 + 12 + 1);
    const events = await messagesOf(page, 'lesson');
    expect(events.slice(2, 14).map((m) => m.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events[13]).toEqual({type: 'backprop:step', route: '/mlp', index: 12, id: 'updateb', total: 13});
    expect(events[14]).toEqual({type: 'backprop:completed', route: '/mlp', total: 13});
    expect(await page.locator('#progress').textContent()).toBe('Paso 13 de 13 · lección completada');
    expect(new URL(frame.url()).hash).toContain('edit=0');  // the address keeps the option

    // backprop:goto from the parent (the host's button sends {type, step: 0}).
    await page.locator('#first').click();
    await expect.poll(() => progress(frame)).toBe('Paso 1 de 13');
    // Malformed messages change nothing; a goto the frame posts to itself is not the parent's.
    const count = (await messagesOf(page, 'lesson')).length;
    for (const data of [
      {type: 'backprop:goto', step: '7'}, {type: 'backprop:goto', step: 99}, {type: 'backprop:goto', step: -1},
      {type: 'backprop:goto', step: 2.5}, {type: 'backprop:goto', step: 7, extra: 1}, {type: 'backprop:goto'},
      {step: 7}, 'backprop:goto', null, [7],
    ]) await post(page, 'lesson', data);
    await frame.evaluate(() => window.postMessage({type: 'backprop:goto', step: 9}, '*'));
    await post(page, 'lesson', {type: 'backprop:goto', step: 4});
    await expect.poll(() => progress(frame)).toBe('Paso 5 de 13');
    const after = (await messagesOf(page, 'lesson')).slice(count);
    expect(after).toEqual([{type: 'backprop:step', route: '/mlp', index: 4, id: 'loss', total: 13}]);

    await page.screenshot({path: path.join(screenshots, 'embed-host-1366.png'), fullPage: true});
    await page.setViewportSize({width: 390, height: 844});
    await expect.poll(async () => (await frameHeight(page, 'lesson')) === (await documentHeight(frame))).toBe(true);
    await page.screenshot({path: path.join(screenshots, 'embed-host-390.png'), fullPage: true});
    await expectClean(page, [frame]);
    await page.close();
  });

  test('with no sandbox, panels= and a lesson that can be edited', async () => {
    const page = await openHost();
    const bptt = await addFrame(page, 'bptt', `${site.url}#/bptt?step=3&embed=1&panels=text,stepper`, null);
    await bptt.waitForSelector('.stepper .step-title .katex');
    expect(await progress(bptt)).toMatch(/^Paso 4 de \d+$/);
    expect(await bptt.locator('.lesson-text').count()).toBe(1);
    expect(await bptt.locator('.diagram-panel, .editor-panel').count()).toBe(0);
    await expect.poll(async () => (await messagesOf(page, 'bptt')).map((m) => m.type)).toEqual(['backprop:ready', 'backprop:step']);
    const [, first] = await messagesOf(page, 'bptt');
    expect(first).toMatchObject({route: '/bptt', index: 3, id: 'y1'});
    await bptt.locator('.next').click();
    await expect.poll(() => bptt.evaluate(() => location.hash)).toMatch(/step=4.*panels=text%2Cstepper|panels=text%2Cstepper.*step=4/);

    // Without edit=0 the diagram's editor opens, as on the full page.
    const mlp = await addFrame(page, 'mlp', `${site.url}#/mlp?embed=1`, null);
    await clickEdge(mlp);
    expect(await mlp.locator('.dg-editor').isVisible()).toBe(true);
    await expectClean(page, [bptt, mlp]);
    await page.close();
  });

  test('every lab with ?embed=1 in a sandboxed frame; lab 6 posts backprop:checked', async () => {
    const page = await openHost();
    for (const lab of LABS) {
      const id = `lab-${lab.name}`;
      const frame = await addFrame(page, id, `${site.url}#/labs/${lab.name}?embed=1`, SANDBOXED);
      await expect.poll(() => messagesOf(page, id)).toEqual([{type: 'backprop:ready', route: `/labs/${lab.name}`}]);
      expect(await frame.locator('.lab-body .message').count()).toBe(0);
      expect(await frame.locator('.home-link, .labs-link').count()).toBe(0);
      const full = await frame.locator('.embed-link a').getAttribute('href');
      expect(full).toContain(`#/labs/${lab.name}`);
      expect(full).not.toContain('embed=1');
      if (lab.name !== 'derivacion') await page.evaluate((id) => document.getElementById(id).remove(), id);
    }

    const frame = await (await page.$('#lab-derivacion')).contentFrame();
    await frame.waitForSelector('.deriv-input');
    const {settings} = readParams(new URLSearchParams((await frame.evaluate(() => location.hash)).split('?')[1]));
    const bw = core.trace(exerciseScenario(settings)).backward;
    const values = {dU: bw.dU[0][0], dV: bw.dV[0][0], dW: bw.dW[0][0]};
    for (const t of [1, 2, 3]) Object.assign(values, {[`h${t}`]: bw.h_grad[t - 1][0], [`r${t}`]: bw.r_grad[t - 1][0]});
    for (const [key, value] of Object.entries(values)) await frame.locator(`.deriv-input[data-field="${key}"]`).fill(String(value));
    await frame.getByRole('button', {name: 'Comprobar'}).click();
    await expect.poll(async () => (await messagesOf(page, 'lab-derivacion')).at(-1)).toEqual({type: 'backprop:checked', correct: 9, total: 9});
    await frame.locator('.deriv-input[data-field="h2"]').fill('12345');
    await frame.getByRole('button', {name: 'Comprobar'}).click();
    await expect.poll(async () => (await messagesOf(page, 'lab-derivacion')).at(-1)).toEqual({type: 'backprop:checked', correct: 8, total: 9});
    expect(new URL(frame.url()).hash).toContain('embed=1');  // the lab's settings kept it
    await expectClean(page, [frame]);
    await page.close();
  });
});

describe('the share panel', () => {
  test('teacher options build the embed address and the snippet, with a live preview', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({width: 1366, height: 800});
    await page.goto(`${site.url}#/mlp?step=3`);
    await page.waitForSelector('.stepper .step-title .katex');
    await page.locator('.share-button').click();
    const snippet = () => page.locator('.share-iframe').inputValue();
    const embedUrl = () => page.locator('.share-embed-url').inputValue();
    expect(await snippet()).toMatch(/^<iframe src="[^"]+#\/mlp\?s=[\w-]+&amp;step=3&amp;embed=1" [^\n]*sandbox="allow-scripts allow-same-origin[^"]*"><\/iframe>\n<script src="[^"]+\/embed\.js"><\/script>$/);

    await page.getByLabel(/^Solo lectura/).check();
    expect(await page.locator('.share-panel[value="editor"]').isDisabled()).toBe(true);
    await page.getByLabel('Abrir en el paso').fill('6');
    await page.locator('.share-panel[value="diagram"]').uncheck();
    await page.locator('.share-panel[value="text"]').check();
    expect(await embedUrl()).toMatch(/#\/mlp\?s=[\w-]+&step=5&embed=1&edit=0&panels=text%2Cstepper$/);
    expect(await snippet()).toContain((await embedUrl()).replace(/&/g, '&amp;'));

    // The preview is that address in a sandboxed frame.
    const preview = page.locator('.share-preview');
    await expect.poll(() => preview.getAttribute('src')).toBe(await embedUrl());
    expect(await preview.getAttribute('sandbox')).toContain(SANDBOXED);
    const frame = await (await preview.elementHandle()).contentFrame();
    await frame.waitForSelector('.stepper .step-title .katex');
    expect(await progress(frame)).toBe('Paso 6 de 13');
    expect(await frame.locator('.lesson-text').count()).toBe(1);
    expect(await frame.locator('.diagram-panel, .editor-panel').count()).toBe(0);
    await expect.poll(async () => (await preview.evaluate((node) => node.clientHeight)) === (await documentHeight(frame))).toBe(true);
    await page.screenshot({path: path.join(screenshots, 'embed-share-1366.png')});

    // embed.js is served where the snippet says.
    const script = (await snippet()).match(/<script src="([^"]+)"/)[1];
    const response = await page.request.get(script);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('backprop:resize');

    await page.setViewportSize({width: 390, height: 844});
    await page.screenshot({path: path.join(screenshots, 'embed-share-390.png')});
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({path: path.join(screenshots, 'embed-share-390-preview.png')});
    await expectClean(page, [frame]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.share-preview').count()).toBe(0);  // closed: the preview goes
    await page.close();
  });
});

describe('a frame sandboxed with allow-scripts alone (an opaque origin)', () => {
  // Its requests fail by design (CORS from origin "null"): those are the only problems allowed.
  const corsOnly = (problems) => problems.filter((p) => !/CORS policy|net::ERR_FAILED/.test(p));

  test('says in Spanish what the host must allow, never a blank frame', async () => {
    const page = await openHost({width: 1366, height: 800});
    const frame = await addFrame(page, 'opaque', `${site.url}#/mlp?embed=1`, 'allow-scripts');
    await expect.poll(() => frame.locator('body').innerText()).toContain('allow-same-origin');
    const text = await frame.locator('body').innerText();
    expect(text).toContain('Esta lección no puede cargarse dentro de este marco.');
    expect(text).toContain('sandbox="allow-scripts allow-same-origin"');
    expect(await frame.evaluate(() => window.origin)).toBe('null');
    await page.locator('#opaque').scrollIntoViewIfNeeded();
    await page.screenshot({path: path.join(screenshots, 'embed-opaque-frame.png')});
    expect(corsOnly(browser.problems)).toEqual([]);
    browser.problems.length = 0;
    await page.close();
  });

  test('on a host that allows any origin (CORS) the page itself says so, and reports its height', async () => {
    const page = await browser.context.newPage();
    await page.route(`${site.url}**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({response, headers: {...response.headers(), 'access-control-allow-origin': '*'}});
    });
    await page.addInitScript(() => {
      if (window.parent !== window) return;
      window.__messages = [];
      window.addEventListener('message', (event) => {
        const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source);
        if (typeof event.data?.type === 'string') window.__messages.push({frame: frame?.id ?? null, data: event.data});
      });
    });
    await page.goto(`${host.url}host.html`);
    const frame = await addFrame(page, 'opaque', `${site.url}#/mlp?embed=1`, 'allow-scripts');
    await frame.waitForSelector('main.frame-blocked:not(.boot-message)');  // rendered by web/main.js
    expect(await frame.locator('main.frame-blocked').innerText()).toContain('allow-same-origin');
    await expect.poll(async () => (await resizesOf(page, 'opaque')).at(-1)?.height === (await frameHeight(page, 'opaque'))).toBe(true);
    expect(await messagesOf(page, 'opaque')).toEqual([]);  // never ready: the lesson did not load
    expect(await violations(frame)).toEqual([]);
    expect(corsOnly(browser.problems)).toEqual([]);
    browser.problems.length = 0;
    await page.close();
  });
});
