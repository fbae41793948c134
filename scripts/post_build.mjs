// trunk's post_build hook (Trunk.toml), on release builds only, in trunk's staging folder:
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
if (process.env.TRUNK_PROFILE !== 'release' || !staging) process.exit(0);

const root = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const require = createRequire(join(root, 'tests/e2e/package.json'));
const { minify } = require('terser');

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// 1. The glue, minified, and its hash in index.html (the module preload and the import).
const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');
for (const name of (await readdir(staging)).filter((f) => f.endsWith('.js'))) {
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
