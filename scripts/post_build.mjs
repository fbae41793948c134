// trunk's post_build hook (Trunk.toml), in trunk's staging folder:
//  0. (every build) writes the build's file list and id into the service worker, sw.js;
//  then on release builds only:
//  1. minifies wasm-bindgen's JavaScript glue with terser (trunk's own minifier gives up on
//     it) and writes the new subresource-integrity hash into index.html;
//  2. writes precompressed copies of every text and wasm file beside it (`.br` at
//     brotli 11, `.gz` at gzip 9), for hosts that serve them (see the README).
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFile, readdir, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) process.exit(0);
const release = process.env.TRUNK_PROFILE === 'release';

const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();

/** Every file of the build, relative to its root, with `/` separators. */
async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) out.push(...await listFiles(join(dir, entry.name), `${rel}/`));
    else out.push(rel);
  }
  return out.sort();
}

if (!release) {
  await writeServiceWorker();
  process.exit(0);
}

const require = createRequire(join(root, 'tests/e2e/package.json'));
const { minify } = require('terser');

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// 1. The glue, minified, and its hash in index.html (the module preload and the import).
const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');
for (const name of (await readdir(staging)).filter((f) => /-[0-9a-f]{16}\.js$/.test(f))) {
  const path = join(staging, name);
  const before = await readFile(path);
  const out = await minify(before.toString('utf8'), { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error(`terser produced nothing for ${name}`);
  await writeFile(path, out.code);
  const [oldHash, newHash] = [sri(before), sri(Buffer.from(out.code))];
  if (!index.includes(oldHash)) throw new Error(`index.html does not hold the integrity hash of ${name}`);
  index = index.replaceAll(oldHash, newHash);
  console.log(`post_build: ${name} ${before.length} → ${out.code.length} bytes`);
}
await writeFile(indexPath, index);

// The service worker learns the final files (the glue minified above), then is minified
// itself (a classic script, no integrity hash).
await writeServiceWorker();
{
  const path = join(staging, 'sw.js');
  const source = await readFile(path, 'utf8').catch(() => null);
  if (source !== null) {
    const out = await minify(source, { compress: { passes: 2 }, mangle: true, format: { comments: false } });
    await writeFile(path, out.code);
  }
}

// 2. Precompressed copies.
const COMPRESSIBLE = /\.(html|js|css|wasm|json|svg|txt|webmanifest)$/;
async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}
let count = 0;
for await (const path of files(staging)) {
  const body = await readFile(path);
  if ((await stat(path)).size < 256) continue;
  await writeFile(`${path}.gz`, gzipSync(body, { level: 9 }));
  await writeFile(`${path}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  count++;
}
console.log(`post_build: ${count} files precompressed (.br, .gz)`);

/** Writes the build's files (what to keep for offline use) and its id into sw.js. The id
 * is a hash of every file's bytes: any change to the build gives the worker new bytes, so
 * browsers install it and it drops the older build's cache. */
async function writeServiceWorker() {
  const path = join(staging, 'sw.js');
  const source = await readFile(path, 'utf8').catch(() => null);
  if (source === null) return;
  const files = (await listFiles(staging)).filter((f) => f !== 'sw.js' && !/\.(br|gz)$/.test(f));
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update(await readFile(join(staging, f)));
  const build = hash.digest('hex').slice(0, 16);
  const list = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
  const out = source
    .replace("const BUILD = 'dev';", `const BUILD = '${build}';`)
    .replace('const FILES = [];', `const FILES = ${JSON.stringify(list)};`);
  if (out === source) throw new Error('sw.js has no BUILD and FILES to fill');
  await writeFile(path, out);
  console.log(`post_build: sw.js lists ${list.length} files, build ${build}`);
}
