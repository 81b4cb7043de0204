// A plain static file server for a built site (dist/ by default) mounted under any sub-path, with
// the strict CSP: the site must work from a course platform's folder, not only from the root of a
// host. With {gzip: true}, as a static host or a CDN serves it (scripts/budgets): every file held
// in memory, the compressible ones gzipped once, not on each request on the browser's CPU.
import {createReadStream} from 'node:fs';
import {readFile, stat} from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {gzip as gzipCallback} from 'node:zlib';
import {csp} from '../../vite.config.js';

const gzip = promisify(gzipCallback);
const defaultDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};
// What a host compresses: text and WebAssembly (woff2 is compressed already).
const compressible = /^(text\/|image\/svg|application\/wasm)/;

export async function serveDist(prefix, dist = defaultDist, {gzip: compress = false} = {}) {
  const held = new Map();  // file → {body, encoding}, with {gzip}
  async function hold(file) {
    if (!held.has(file)) {
      held.set(file, (async () => {
        const raw = await readFile(file);
        const gzipped = compressible.test(types[path.extname(file)] ?? '') ? await gzip(raw, {level: 9}) : null;
        return gzipped && gzipped.length < raw.length ? {body: gzipped, encoding: 'gzip'} : {body: raw, encoding: null};
      })());
    }
    return held.get(file);
  }
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) return void response.writeHead(404).end();
    let file = path.join(dist, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
    } catch {
      return void response.writeHead(404).end();
    }
    const headers = {'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': csp};
    if (!compress) return void (response.writeHead(200, headers), createReadStream(file).pipe(response));
    const {body, encoding} = await hold(file);
    const accepted = encoding && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const sent = accepted ? body : encoding ? await readFile(file) : body;
    response.writeHead(200, {...headers, 'Content-Length': sent.length, ...(accepted && {'Content-Encoding': 'gzip', Vary: 'Accept-Encoding'})});
    response.end(sent);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((done) => server.close(done))};
}
