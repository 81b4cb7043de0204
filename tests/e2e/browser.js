// End-to-end test support: the built site (dist/) served by Vite's preview under the strict
// Content-Security-Policy, and Debian's Chromium driven by playwright-core, recording console
// errors and CSP violations.
import {mkdir, mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromium} from 'playwright-core';
import {build, preview} from 'vite';
import {csp} from '../../vite.config.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshots = path.join(root, 'build', 'screenshots');
// How long a wait may take before it counts as a hang (playwright's default is 30 s).
export const WAIT_MS = 120_000;

// Builds the site into a fresh folder of its own (test files and scripts running at the same time
// never serve each other's half-written build) and serves it; close() removes it. `pages` adds
// test-only pages to the build ({name: 'tests/e2e/labs-harness/index.html'}), served at their
// path. With E2E_SKIP_BUILD set and no extra pages, serves dist/ as it is
// (`npm run budgets -- --no-build`).
export async function serveSite({base = '/', pages = null} = {}) {
  const reuse = Boolean(process.env.E2E_SKIP_BUILD) && !pages;
  const outDir = reuse ? path.join(root, 'dist') : await mkdtemp(path.join(tmpdir(), 'backprop-site-'));
  if (!reuse) {
    const input = pages && {main: path.join(root, 'index.html'),
      ...Object.fromEntries(Object.entries(pages).map(([name, file]) => [name, path.join(root, file)]))};
    await build({root, logLevel: 'warn', build: {outDir, emptyOutDir: true, ...(input && {rollupOptions: {input}})}});
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    build: {outDir},
    preview: {port: 0, strictPort: false, host: '127.0.0.1', headers: {'Content-Security-Policy': csp}},
    base,
  });
  const address = server.httpServer.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir,  // the built site, for other servers (tests/e2e/static-server.js)
    async close() {
      await new Promise((done) => server.httpServer.close(done));
      if (!reuse) await rm(outDir, {recursive: true, force: true});
    },
  };
}

export async function launchBrowser() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'backprop-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: {width: 1400, height: 900},
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  // Waits are hang guards, not speed checks: a busy 2-core machine may take long to get there.
  context.setDefaultTimeout(WAIT_MS);
  // Every page records CSP violations and console errors for the tests to assert on.
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const problems = [];
  context.on('page', (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
  return {
    context,
    problems,
    async close() {
      await context.close();
      await rm(userDataDir, {recursive: true, force: true});
    },
  };
}

function watch(page, problems) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

export async function violations(page) {
  return page.evaluate(() => window.__violations);
}

// One browser and one served site for a test file, with the helpers every lesson test uses.
// `options` go to serveSite (e.g. {pages} for a test-only page).
export function lessonHarness(options = {}) {
  const h = {site: null, browser: null};
  h.start = async () => {
    h.site = await serveSite(options);
    h.browser = await launchBrowser();
  };
  h.stop = async () => {
    await h.browser?.close();
    await h.site?.close();
  };
  // A new tab on the lesson at `hash`, once its stepper has rendered.
  h.open = async (hash) => {
    const page = await h.browser.context.newPage();
    await page.goto(`${h.site.url}${hash}`);
    await page.waitForSelector('.stepper .step-title .katex');
    return page;
  };
  // The numbers of the current step's result, as shown.
  h.cells = (page) => page.locator('.stepper .result .cell').allTextContents();
  // No CSP violation in the page, no console error or failed request in the browser.
  h.problems = async (page) => ({violations: await violations(page), problems: h.browser.problems});
  return h;
}

// The same for a lab test file: start() also makes the screenshots folder; open(hash, ready) is a
// new tab on the lab at `hash` once the selector `ready` is there; downloaded(page, click) runs
// click() and returns the download's {name, bytes, text (without a byte-order mark)}.
export function labHarness(options = {}) {
  const h = lessonHarness(options);
  const start = h.start;
  h.start = async () => {
    await mkdir(screenshots, {recursive: true});
    await start();
  };
  h.open = async (hash, ready) => {
    const page = await h.browser.context.newPage();
    await page.goto(`${h.site.url}${hash}`);
    await page.waitForSelector(ready);
    return page;
  };
  delete h.cells;
  h.downloaded = async (page, click) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const bytes = await readFile(await download.path());
    return {name: download.suggestedFilename(), bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '')};
  };
  return h;
}
