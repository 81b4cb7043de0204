// Boots the page: loads the core, then renders the route named by the address.
import 'katex/dist/katex.min.css';
import './styles.css';
import './styles/a11y.css';
import {el} from './dom.js';
import {pageCore} from './core/core.js';
import {parseRoute, withLanguage} from './router.js';
import {S, language, loadLanguage, prefetchTexts, setLanguage} from './strings/index.js';
import {mountHome} from './lessons/home.js';
import {heightChanged, startFrame} from './embed/frame.js';
import {announceReady} from './embed/messages.js';
import {languageSwitch} from './components/language-switch.js';
import {defaultPreset as mlpDefault, presets as mlpPresets} from './lessons/mlp/presets.js';
import {defaultPreset as bpttDefault, presets as bpttPresets} from './lessons/bptt/presets.js';

// Each lesson loads with its route: a first visit to one does not download the others.
const routes = {
  '/': async () => mountHome,
  '/mlp': async () => (await import('./lessons/mlp/page.js')).mountMlp,
  '/bptt': async () => (await import('./lessons/bptt/page.js')).mountBptt,
  '/avances': async () => (await import('./lessons/avances/page.js')).mountAvances,
};
// #/labs and #/labs/<name>: one module for the labs' index and shell, loaded on the first visit;
// the labs' texts, which it asks for once run (wantTexts), download along with it.
const labsRoute = async () => {
  prefetchTexts('labs', parseRoute().lang);
  return (await import('./labs/page.js')).mountLabs;
};
// The scenario each lesson opens with: compileFirstTrace() below.
const firstScenarios = {'/mlp': mlpPresets[mlpDefault], '/bptt': bpttPresets[bpttDefault]};
// KaTeX's fonts that a lesson's first screen draws (its regular and bold text, its italic symbols,
// its matrices' brackets): requested as the page starts, beside the lesson's modules, not once its
// first layout asks for them. KaTeX's styles hide the math until its fonts are here
// (font-display: block): requested at the mount, they came 80–130 ms after the first frame.
const LESSON_FONTS = ['1em KaTeX_Main', 'bold 1em KaTeX_Main', 'italic 1em KaTeX_Math', '1em KaTeX_Size1', '1em KaTeX_Size2', '1em KaTeX_Size3'];
let fontsAsked = false;  // once: every lesson draws with the same fonts
function loadFonts(path) {
  if (fontsAsked || !firstScenarios[path]) return;  // asked already, or not a lesson that opens on its stepper
  fontsAsked = true;
  for (const font of LESSON_FONTS) document.fonts?.load(font).catch(() => {});
}
const routeFor = (path) => routes[path] ?? (path === '/labs' || path.startsWith('/labs/') ? labsRoute : null);
const app = document.getElementById('app');

// The first tab stop of every page: "Saltar al contenido", to the page's <main> (marked after
// each render). The address keeps its route: the link moves the focus, not the hash.
const CONTENT = 'contenido';
const skipLink = el('a', {class: 'skip-link', href: `#${CONTENT}`, onclick: (event) => {
  event.preventDefault();
  document.getElementById(CONTENT)?.focus();
}});
document.body.prepend(skipLink);

// The language named by the address (`lang`, web/router.js), once loaded: every text, the
// document's lang, its title and description follow it.
async function applyLanguage(lang) {
  await setLanguage(lang);
  showLanguage();
}
function showLanguage() {
  document.documentElement.lang = language();
  document.title = S.appTitle;
  document.querySelector('meta[name="description"]')?.setAttribute('content', S.description);
  skipLink.textContent = S.a11y.skipLink;
  const noScript = document.querySelector('noscript');
  if (noScript) noScript.textContent = S.noScript;
}
showLanguage();  // Spanish until the address's language is loaded (start)

// Links between pages keep the language: those on the page are rewritten after each render, and
// any made later (a lab's result link) as it is followed or opened.
const localize = (link) => {
  const href = link.getAttribute('href');
  if (href?.startsWith('#/')) link.setAttribute('href', withLanguage(href));
};
const localizeLinks = (root) => root.querySelectorAll('a[href^="#/"]:not(.language-option)').forEach(localize);
for (const type of ['click', 'auxclick', 'contextmenu', 'focusin']) {
  document.addEventListener(type, (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href^="#/"]:not(.language-option)');
    if (link) localize(link);
  }, true);
}
function markContent() {
  const main = app.querySelector('main');
  if (!main) return;
  main.id = CONTENT;
  main.tabIndex = -1;
}
let current = null;
let currentPath = null;

let rendering = 0;
async function render(core) {
  const {path, params, lang} = parseRoute();
  const switched = lang !== language();  // a new language: the page is mounted again in it
  const token = ++rendering;
  if (!switched && path === currentPath && current?.update) {
    current.update(params);  // same page: the address changed under it (a pasted link, back)
    return;
  }
  // The page's module and the language's texts load together, then (applyLanguage) the texts of
  // the module's own content (a lesson's text) in that language; the page stays as it is until
  // all are here.
  const load = routeFor(path);
  loadFonts(path);
  const [mount] = await Promise.all([load ? load() : null, loadLanguage(lang)]);
  if (token !== rendering) return;  // the address changed again meanwhile
  // The same page in another language: what its address cannot hold (a scenario too long for it).
  const carried = path === currentPath ? current?.carry?.() ?? null : null;
  await applyLanguage(lang);  // switches at once, in this task, right before the new mount
  if (token !== rendering) return;
  current?.destroy?.();
  app.replaceChildren();
  currentPath = path;
  if (!mount) {
    app.append(
      el('header', {class: 'topbar language-bar'}, languageSwitch()),
      el('main', {class: 'message'}, [el('p', {}, S.notFound), el('p', {}, el('a', {href: '#/'}, S.backHome))]),
    );
    current = null;
    localizeLinks(app);
    markContent();
    heightChanged();
    return;
  }
  const page = mount(app, {core, params, path, carried});
  current = page;
  localizeLinks(app);
  markContent();
  heightChanged();  // a frame out of view is measured now, not when scrolled to (embed/frame.js)
  announceReady(path, page, () => current === page);  // backprop:ready to a parent frame
}

// V8 compiles each WebAssembly function at its first call, some 10–30 ms of a lesson's first trace.
// While the lesson's module still downloads, the core traces the scenario the lesson opens with,
// so that the lesson's own first trace (from its address, or this same scenario) finds its path
// compiled. The outcome itself is not needed: the lesson traces what its address says.
function compileFirstTrace(core, path) {
  const scenario = firstScenarios[path];
  if (scenario) core.run('trace', scenario);
}

async function start() {
  // In a frame: its height to the parent; sandboxed without allow-same-origin: say so, stop.
  if (!startFrame(app)) return;
  // The address's language (another than Spanish is fetched) loads with the core; the loading
  // message waits for it, so that it is already in that language.
  const coreReady = pageCore();  // started by web/boot-core.js
  coreReady.catch(() => {});  // handled below, once the language is set
  // The page's module downloads while the core compiles (render() takes it from the module map).
  let pageHere = false;
  routeFor(parseRoute().path)?.().then(() => { pageHere = true; }, () => {});
  loadFonts(parseRoute().path);  // after the page's modules: ahead of them, they took the connections
  await applyLanguage(parseRoute().lang).catch(() => {});  // its texts unreachable: Spanish stays
  app.innerHTML = `<p class="loading">${S.loading}</p>`;
  let core;
  try {
    core = await coreReady;
  } catch (error) {
    app.innerHTML = `<p class="message error">${S.loadFailed}</p>`;
    throw error;
  }
  if (!pageHere) compileFirstTrace(core, parseRoute().path);
  window.addEventListener('hashchange', () => render(core));
  render(core);
}

start();
