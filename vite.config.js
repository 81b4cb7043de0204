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
function vendorChunk(id) {
  if (id.includes('/node_modules/katex/')) return 'katex';
  if (id.includes('/node_modules/chart.js/') || id.includes('/node_modules/@kurkle/')) return 'chart';
  return undefined;
}

export default defineConfig({
  base: './', // relative asset paths: the site works from any static host and sub-path
  publicDir: 'web/public',
  build: {
    outDir: 'dist', target: 'es2022', assetsInlineLimit: 0,
    // Chunks named after what they hold (Rollup would name a shared chunk after any one module).
    rollupOptions: {output: {manualChunks: vendorChunk}},
  },
  worker: {format: 'es'},
  preview: {headers: {'Content-Security-Policy': csp}},
});
