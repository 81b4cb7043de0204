// A plain static file server for a built site (dist/ by default) mounted under any sub-path, with
// the strict CSP: the site must work from a course platform's folder, not only from the root of a
// host. With {gzip: true}, as a static host or a CDN serves it (scripts/budgets): every file held
// in memory, the compressible ones gzipped once, not on each request on the browser's CPU.
import {createReadStream} from 'node:fs';
import {readFile, readdir, stat} from 'node:fs/promises';
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
  const held = compress ? await holdAll(dist) : null;  // file → {body, gzipped}
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) return void response.writeHead(404).end();
    let file = path.join(dist, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    const headers = (name) => ({'Content-Type': types[path.extname(name)] ?? 'application/octet-stream', 'Content-Security-Policy': csp});
    if (held) {
      const kept = held.get(file) ?? held.get(path.join(file, 'index.html'));
      if (!kept) return void response.writeHead(404).end();
      const gzipped = kept.gzipped && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
      const body = gzipped ? kept.gzipped : kept.body;
      response.writeHead(200, {...headers(kept.name), 'Content-Length': body.length, ...(gzipped && {'Content-Encoding': 'gzip', Vary: 'Accept-Encoding'})});
      return void response.end(body);
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
    } catch {
      return void response.writeHead(404).end();
    }
    response.writeHead(200, headers(file));
    createReadStream(file).pipe(response);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((done) => server.close(done))};
}

// Every file of `dist`, read once, the compressible ones gzipped once: file → {name, body, gzipped}.
async function holdAll(dist) {
  const held = new Map();
  for (const entry of await readdir(dist, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile()) continue;
    const name = path.join(entry.parentPath ?? entry.path, entry.name);
    const body = await readFile(name);
    const packed = compressible.test(types[path.extname(name)] ?? '') ? await gzip(body, {level: 9}) : null;
    held.set(name, {name, body, gzipped: packed && packed.length < body.length ? packed : null});
  }
  return held;
}
