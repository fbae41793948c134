// A small static file server for the built site (dist/), bound to the loopback address.
// Dependency-free so the end-to-end tests control every header the page receives. It sends
// what the README asks of a host: the security headers, compressed bodies (the build's
// precompressed .br/.gz copies, else gzip on the fly) and, with `caching`, long-lived
// immutable caching for hashed files and revalidation for the rest (the tests keep
// `no-store`, so that each test sees the build on disk).
//
//   node server.mjs <root> <port> [--caching]

import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The strict Content-Security-Policy the app must work under: nothing but this origin,
 * wasm compilation allowed, and only the inline scripts of index.html (the language
 * script, the early downloads, the bootstrap), by their hashes (computed from the file, so
 * every build gets its own).
 */
export async function contentSecurityPolicy(root) {
  const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => '');
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // The tests embed the app from pages on other loopback ports.
    "frame-ancestors 'self' http://127.0.0.1:*",
  ].join('; ');
}

/** A file named by its content (trunk's `name-0123456789abcdef.ext`: the hash in hexadecimal, 16 digits or fewer): it never changes. */
export const isHashed = (path) => /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/.test(path);

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|svg|txt|webmanifest)$/;

/** The body to send for `file` and its content-encoding, given the request's Accept-Encoding
 * and the encodings this host sends (`br` and `gzip`, or only `gzip` as many hosts). */
async function encoded(file, body, accept, encodings) {
  const accepts = (name) => new RegExp(`\\b${name}\\b`).test(accept ?? '') && encodings.includes(name);
  for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepts(name)) {
      const pre = await readFile(file + ext).catch(() => null);
      if (pre) return [pre, name];
    }
  }
  if (accepts('gzip') && COMPRESSIBLE.test(file) && body.length > 256) return [gzipSync(body, { level: 6 }), 'gzip'];
  return [body, null];
}

export function startServer(rootDir, port, host = '127.0.0.1', { csp = true, caching = false, onCspReport = null, encodings = ['br', 'gzip'] } = {}) {
  const root = resolve(rootDir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, `http://${host}`);
      // With `onCspReport`, the policy asks the browser to report each violation here: the
      // one way to hear of them from an engine whose driver cannot listen to the page.
      if (onCspReport && url.pathname === '/__csp-report' && req.method === 'POST') {
        const chunks = [];
        for await (const c of req) chunks.push(c);
        onCspReport(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(204).end();
        return;
      }
      let path = normalize(decodeURIComponent(url.pathname));
      if (path.endsWith('/')) path += 'index.html';
      const file = join(root, path);
      // Refuse anything that resolves outside the served folder.
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const [body, encoding] = await encoded(file, await readFile(file), req.headers['accept-encoding'], encodings);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': !caching ? 'no-store' : isHashed(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        vary: 'Accept-Encoding',
      };
      if (encoding) headers['content-encoding'] = encoding;
      if (csp) headers['content-security-policy'] = (await contentSecurityPolicy(root)) + (onCspReport ? '; report-uri /__csp-report' : '');
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = '../../dist', port = '4173', flag] = process.argv.slice(2);
  await startServer(root, Number(port), '127.0.0.1', { caching: flag === '--caching' });
  console.log(`serving ${resolve(root)} at http://127.0.0.1:${port}/`);
}
