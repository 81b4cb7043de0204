import {defineConfig} from 'vite';

// The strict Content-Security-Policy that course platforms impose; `vite preview` and the
// end-to-end tests serve the built site under it.
export const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

// The libraries in chunks of their own: KaTeX (every page) and Chart.js (charts, loaded with them).
// Only their scripts: KaTeX's styles, imported by the index, stay with the index's styles (in a
// chunk of KaTeX's they would make the index import its script, 75 KB, before it could run).
function vendorChunk(id) {
  if (/\.css($|\?)/.test(id)) return undefined;
  if (id.includes('/node_modules/katex/')) return 'katex';
  if (id.includes('/node_modules/chart.js/') || id.includes('/node_modules/@kurkle/')) return 'chart';
  return undefined;
}

// Rolldown names a shared chunk after the last module it runs, often a small leaf (a chunk holding
// the lesson page, the stepper and the training panel came out as "print-facts"): such chunks are
// named after the module that holds the rest, and a page's or lab's chunk after its folder too.
const SHARED_CHUNKS = {
  '/web/lessons/lesson-page.js': 'lesson-page',
  '/web/math.js': 'math',
  '/web/core/core.js': 'core',  // the core's glue: the index's and web/boot-core.js's
  '/web/lessons/equation.js': 'equation',
  '/web/labs/shared/sequence-scenario.js': 'sequence-scenario',
  '/web/strings/en/export.js': 'strings-en-export',  // the English export's words: the English texts' and the export's
  '/web/strings/labs/common.js': 'strings-labs-shared',  // the labs' Spanish texts that the English ones reuse
};
const FOLDER_NAMED = new Set(['page', 'lab', 'index', 'worker', 'settings', 'fields', 'print']);
// Modules loaded on demand, named after what they do: the PyTorch export's generator (on its click).
const FACADE_NAMED = {'/web/export/pytorch/from-core.js': 'pytorch-generator'};
const folderOf = (file) => file?.match(/(?:^|\/)web\/(?:.*\/)?([^/]+)\/[^/]+$/)?.[1];
const renamed = new Map();  // Rolldown's name of a shared chunk → ours, for its styles
function chunkName({name, facadeModuleId, moduleIds}) {
  const shared = !facadeModuleId && moduleIds.map((id) => Object.entries(SHARED_CHUNKS).find(([end]) => id.endsWith(end))?.[1]).find(Boolean);
  if (shared) {
    renamed.set(name, shared);
    return shared;
  }
  const named = facadeModuleId && Object.entries(FACADE_NAMED).find(([end]) => facadeModuleId.endsWith(end))?.[1];
  if (named) return named;
  const folder = folderOf(facadeModuleId);
  // A language's texts, loaded only with it: "strings-en"; the labs' texts, loaded with the pages
  // that read them: "strings-labs", "strings-en-labs"; a lesson's text "mlp-text-en".
  const [, language, labs] = facadeModuleId?.match(/\/web\/strings\/(?:([a-z]{2})\/)?(labs\/)?index\.js$/) ?? [];
  if (language || labs) return ['strings', language, labs && 'labs'].filter(Boolean).join('-');
  const textLanguage = facadeModuleId?.match(/\/text\.([a-z]{2})\.js$/)?.[1];
  if (textLanguage) return `${folder}-text-${textLanguage}`;
  return folder && FOLDER_NAMED.has(name) ? `${folder}-${name}` : name;
}
// A chunk's styles by its chunk's name (Vite names them after Rolldown's name, or a page's file).
function assetName({names, originalFileNames}) {
  const [name = 'asset'] = names ?? [];
  const folder = folderOf(originalFileNames?.[0]);
  const base = name.endsWith('.css') && !originalFileNames?.length ? renamed.get(name.slice(0, -4)) ?? name.slice(0, -4) : name.replace(/\.[^.]+$/, '');
  return `assets/${folder && FOLDER_NAMED.has(base) ? `${folder}-${base}` : base}-[hash][extname]`;
}

// The core starts with the page, not once KaTeX and the index have downloaded and run: the wasm
// is preloaded (web/core/core.js fetches the same address, same mode: the browser hands it the
// preloaded file), and web/boot-core.js, an entry of its own beside the index (async: it runs
// as soon as it is here, not after the index), starts compiling it (web/main.js takes the same
// load). Without them (the dev server, a test's extra pages) the index loads the core itself.
// KaTeX's script, which every lesson and lab imports with its page, downloads beside them too
// (modulepreload: fetched now, run when a page imports it, never before the index runs).
const BOOT_CORE = 'web/boot-core.js';
const preloadCore = {
  name: 'preload-core',
  transformIndexHtml: {order: 'post', handler(html, {bundle, path}) {
    if (path !== '/index.html') return html;  // the page (a test's pages load the core themselves)
    const files = Object.values(bundle ?? {});
    const wasm = files.find((file) => file.type === 'asset' && file.originalFileNames?.some((name) => name.endsWith('web/core/core.wasm')));
    const boot = files.find((file) => file.type === 'chunk' && file.isEntry && file.facadeModuleId?.endsWith(BOOT_CORE));
    const katex = files.find((file) => file.type === 'chunk' && file.name === 'katex');
    return [
      katex && {tag: 'link', injectTo: 'head', attrs: {rel: 'modulepreload', crossorigin: '', href: `./${katex.fileName}`}},
      wasm && {tag: 'link', injectTo: 'head', attrs: {rel: 'preload', href: `./${wasm.fileName}`, as: 'fetch', type: 'application/wasm', crossorigin: ''}},
      boot && {tag: 'script', injectTo: 'head', attrs: {type: 'module', async: true, crossorigin: '', src: `./${boot.fileName}`}},
    ].filter(Boolean);
  }},
};

export default defineConfig({
  plugins: [preloadCore],
  base: './', // relative asset paths: the site works from any static host and sub-path
  publicDir: 'web/public',
  build: {
    outDir: 'dist', target: 'es2022', assetsInlineLimit: 0,
    // Chunks and their styles named after what they hold (above).
    rollupOptions: {input: {index: 'index.html', 'boot-core': BOOT_CORE}, output: {
      manualChunks: vendorChunk,
      chunkFileNames: (chunk) => `assets/${chunkName(chunk)}-[hash].js`,
      assetFileNames: assetName,
    }},
  },
  worker: {
    format: 'es',
    rollupOptions: {output: {entryFileNames: ({facadeModuleId}) => `assets/${folderOf(facadeModuleId) ?? 'worker'}-worker-[hash].js`}},
  },
  preview: {headers: {'Content-Security-Policy': csp}},
});
