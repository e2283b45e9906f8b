// Tiny static file server for the bench: mounts folders under URL prefixes (app at /, bench page at /__bench/).
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { URL } from 'node:url';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** What a production host compresses: text and WebAssembly, not the PNG icons. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.map',
  '.webmanifest',
  '.svg',
  '.wasm',
  '.txt',
]);

/**
 * Starts a server on a free port of 127.0.0.1 (or on `port`). `mounts` is a list of { prefix, dir } (longest prefix wins);
 * `pages` maps exact paths to inline HTML. Every response is `Cache-Control: no-store`, so each page load
 * fetches and compiles its scripts again (a cold load, without HTTP or V8 code cache). `compress`: text files are
 * sent gzipped to a client that accepts it, as a production host sends them (the Lighthouse cases).
 */
export async function startServer({ mounts, pages = {}, port: wanted = 0, compress = false }) {
  const gzipped = new Map();
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Cross-origin isolation, as `npm start` serves it (scripts/isolation.ts): the optimizer's threads need it.
    const headers = {
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'credentialless',
    };
    if (Object.hasOwn(pages, url.pathname)) {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] });
      res.end(pages[url.pathname]);
      return;
    }
    const mount = sorted.find((m) => url.pathname.startsWith(m.prefix));
    if (!mount || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, headers).end();
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(mount.prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const root = path.resolve(mount.dir);
    const file = path.resolve(root, rel);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, headers).end();
      return;
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    if (compress && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      const key = `${file} ${info.mtimeMs}`;
      let body = gzipped.get(key);
      if (!body) gzipped.set(key, (body = gzipSync(await readFile(file), { level: 9 })));
      res.writeHead(200, {
        ...headers,
        'content-type': type,
        'content-encoding': 'gzip',
        'content-length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': info.size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', () => resolve());
  });
  const { port } = server.address();
  let closing = null;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
