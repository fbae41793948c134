// trunk's post_build hook (Trunk.toml), in trunk's staging folder:
//  0. builds the app's wasm (scripts/build/wasm.mjs: in a release build cut into chunks
//     fetched on demand) and writes the page's bootstrap, which asks for the code, the
//     dataset and the base map; writes the build's file list and id into the service
//     worker, sw.js;
//  then on release builds only:
//  1. gives the base map a name from its bytes (it never changes without a new build);
//  2. ships the dataset without its indentation;
//  3. writes the pre-rendered first screen (the app's own components, rendered natively
//     by `cargo run --features prerender --bin prerender`, src/poster): its language
//     script first in <head>, which asks for the reader's page (pages/, a file each) and
//     puts it in the frame at the start of <body>; its stylesheet (with its integrity
//     hash); a script in <head> asks for the code and the data at once, and the
//     bootstrap starts the app after the first paint;
//  4. writes precompressed copies of every text and wasm file beside it (`.br` at
//     brotli 11, `.gz` by zopfli in a release build, else gzip 9), for hosts that serve
//     them (see the README).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

import { buildWasm, contentHash, sri } from './build/wasm.mjs';

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

const indexPath = join(staging, 'index.html');
// The page's viewport <meta>, after which its first scripts go.
const VIEWPORT = /<meta [^>]*name="?viewport"?[^>]*>/;
let index = await readFile(indexPath, 'utf8');
const DATASET = 'data/cooperation.json';
// The dataset's edition in one language (src/model/edition.rs, `edition_path`).
const editionPath = (lang) => DATASET.replace(/\.json$/, `.${lang}.json`);
// The page of every item as text (src/poster, ITEMS_PAGE), written by the prerender.
const ITEMS = 'items.html';

if (!release) {
  const code = await buildWasm({ root, staging, release, minify: async (s) => s });
  index = index.replace(/<\/head>/, () => `${editorMeta(code.editor)}</head>`);
  index = index.replace(/<\/body>/, () => `<script type="module">\n${bootstrap(code, { downloads: { data: DATASET, basemap: 'data/basemap.json' }, afterPaint: false })}\n</script></body>`);
  await writeFile(indexPath, index);
  await writeServiceWorker();
  process.exit(0);
}

const require = createRequire(join(root, 'tests/e2e/package.json'));
const { minify } = require('terser');
const minifyModule = async (source) => {
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error('terser produced nothing');
  return out.code;
};
const code = await buildWasm({ root, staging, release, minify: minifyModule });
index = index.replace(/<\/head>/, () => `${editorMeta(code.editor)}</head>`);
for (const c of code.chunks) console.log(`post_build: chunk ${c.href} ${c.bytes} bytes`);
console.log(`post_build: first module ${code.wasm.href} ${code.wasm.bytes} bytes`);

// 1. The base map under a name from its bytes, and that name in the page for the app.
let basemap = 'data/basemap.json';
{
  const bytes = await readFile(join(staging, basemap));
  const hashed = `data/basemap-${contentHash(bytes)}.json`;
  await writeFile(join(staging, hashed), bytes);
  await rm(join(staging, basemap));
  basemap = hashed;
  index = index.replace(/<\/head>/, () => `<meta name="passerelle-basemap" content="${basemap}"></head>`);
}

// 2. The shipped dataset without the editors' indentation (what the app reads is the
// page's JSON.parse of it, the same tree): 0.8 kB gzip of every reader's first load. The
// pre-rendered pages and the fingerprint below are made from this text. A file that is
// not JSON is shipped as it is: the page then says where it breaks, by line and column
// of the editors' own text.
{
  const file = join(staging, DATASET);
  const text = await readFile(file, 'utf8');
  let compact = null;
  try {
    compact = JSON.stringify(JSON.parse(text));
  } catch (e) {
    console.warn(`post_build: ${DATASET} is not JSON (${e.message}): shipped as it is`);
  }
  if (compact !== null) await writeFile(file, compact);
}

// 3. The pre-rendered first screen. A native build: none of the release wasm build's
// environment (its own std, its flags) may reach it.
{
  const out = await mkdtemp(join(tmpdir(), 'passerelle-poster-'));
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('CARGO_UNSTABLE_') || k.startsWith('CARGO_TARGET_WASM32')) delete env[k];
  execFileSync('cargo', ['run', '--quiet', '--locked', '--features', 'prerender', '--bin', 'prerender', '--',
    join(staging, DATASET), out], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const [poster, css, headScript, items] = await Promise.all(['poster.html', 'poster.css', 'head.js', ITEMS].map((f) => readFile(join(out, f), 'utf8')));
  // The pages, one per language and layout, each a file of its own (the reader's is asked
  // for by the script in <head>): named after the bytes of them all, one name for the
  // script to know.
  const pageNames = (await readdir(join(out, 'pages'))).filter((f) => f.endsWith('.html')).sort();
  if (pageNames.length !== 18) throw new Error(`the prerender wrote ${pageNames.length} pages, not 18`);
  const pages = await Promise.all(pageNames.map(async (f) => [f, await readFile(join(out, 'pages', f), 'utf8')]));
  const pagesHash = contentHash(pages.map(([f, body]) => `${f}\n${body}`).join('\n'));
  await mkdir(join(staging, 'pages'), { recursive: true });
  // (The prerender writes the names, and the script's, with PAGES_HASH for the hash.)
  for (const [f, body] of pages) {
    if (!f.endsWith('-PAGES_HASH.html')) throw new Error(`the prerender's page ${f} has no place for the hash`);
    await writeFile(join(staging, 'pages', f.replace('PAGES_HASH', pagesHash)), body);
  }
  if (!headScript.includes('-PAGES_HASH.html')) throw new Error('the page\'s first script does not ask for a page');
  const script = headScript.replace('PAGES_HASH', pagesHash);
  // The shipped dataset's fingerprint, written when the build's reading found it clean: the
  // app reads that text without checking it again, any other it checks in a chunk.
  const checked = await readFile(join(out, 'checked.txt'), 'utf8').catch(() => null);
  if (checked !== null) {
    if (!/^[0-9a-f]{16}$/.test(checked)) throw new Error(`the prerender's fingerprint is not one: ${checked}`);
    index = index.replace(/<\/head>/, () => `<meta name="passerelle-checked" content="${checked}"></head>`);
  }
  // Its editions, one per language (src/model/edition.rs: the reader's language only, but
  // the names; 10 kB gzip of the whole file's 20): what a reader's page reads first, the
  // others' texts filled in from theirs when the reader switches language. Written with the
  // fingerprint: of a text found clean only.
  const editions = await readFile(join(out, 'editions.txt'), 'utf8').catch(() => null);
  if (editions !== null) {
    if (!/^fr:[0-9a-f]{16} en:[0-9a-f]{16} zh:[0-9a-f]{16}$/.test(editions)) throw new Error(`the prerender's editions are not three: ${editions}`);
    for (const lang of ['fr', 'en', 'zh']) {
      await writeFile(join(staging, editionPath(lang)), await readFile(join(out, 'editions', `${lang}.json`)));
    }
    index = index.replace(/<\/head>/, () => `<meta name="passerelle-editions" content="${editions}"></head>`);
  }
  await rm(out, { recursive: true });
  const cssName = `poster-${contentHash(css)}.css`;
  await writeFile(join(staging, cssName), css);
  const before = index;
  // (trunk's minifier leaves out optional tags such as <head> and unneeded quotes.)
  index = index
    // Without scripts the page is French (the app's own fallback), as the script would choose.
    .replace(/<html lang=("[^"]*"|[^\s>]*)/, '<html lang="fr"')
    // The language first, before anything is painted; after the viewport's <meta>, for the
    // script to pick the layout for the phone's own width (before it, a phone's window is
    // 980 pixels wide, and a phone was sent a laptop's page).
    .replace(VIEWPORT, (meta) => `${meta}<script>${script}</script>`)
    .replace(/<\/head>/, () => `<link rel="stylesheet" href="./${cssName}" integrity="${sri(Buffer.from(css))}"></head>`)
    // The pre-rendered page says itself what a reader without scripts gets.
    .replace(/<noscript>[\s\S]*?<\/noscript>/, '')
    .replace(/<body>/, () => `<body>${poster}`);
  if (index === before || !index.includes('id="poster"') || !index.includes(cssName)) throw new Error('index.html did not take the pre-rendered first screen');
  // Every item as text, a page of its own that the first screen's <noscript> links to: the
  // page's head (its title, viewport, icon and stylesheet), no script.
  const head = (re, what) => {
    const m = index.match(re);
    if (!m) throw new Error(`index.html has no ${what} for ${ITEMS}`);
    return m[0];
  };
  const itemsPage = '<!doctype html><html lang="fr"><meta charset=utf-8>'
    + head(/<meta [^>]*name="?viewport"?[^>]*>/, 'viewport')
    + head(/<title>[^<]*<\/title>/, 'title')
    + head(/<link [^>]*rel="?icon"?[^>]*>/, 'icon')
    + head(/<link [^>]*href="?\.\/main-[^>]*>/, 'stylesheet')
    + `<body>${items}</body></html>`;
  await writeFile(join(staging, ITEMS), itemsPage);
  // The app's code and data are asked for by a script in <head>, right after the language
  // script has asked for the reader's own page of the first screen; the app starts after
  // the first paint.
  index = index
    .replace(new RegExp(`(${VIEWPORT.source}<script>[\\s\\S]*?<\\/script>)`), (head) => `${head}<script>${earlyDownloads(code, { data: DATASET, basemap, editions: editions !== null })}</script>`)
    .replace(/<\/body>/, () => `<script type="module">\n${bootstrap(code, { afterPaint: true })}\n</script></body>`);
  if (!index.includes('window.passerelleCode = ')) throw new Error('index.html did not take the early downloads');
  console.log(`post_build: pre-rendered first screen, ${Buffer.byteLength(poster)} bytes of HTML, ${cssName}`);
}

await writeFile(indexPath, index);

// The service worker learns the final files, then is minified
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

// 4. Precompressed copies.
const COMPRESSIBLE = /\.(html|js|css|wasm|json|svg|txt|webmanifest)$/;
async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(entry.name)) yield path;
  }
}
// The `.gz` copies of a release build are written by zopfli (Debian's `zopfli`, installed
// by scripts/toolchain.sh): gzip's own format, which every browser and host reads, made
// 4-8% smaller than gzip 9 by searching harder (the first load 29 kB less, about 10 s
// more per build). A development build, or a machine without it, gets gzip 9.
const zopfli = release && (() => {
  try {
    execFileSync('zopfli', ['-h'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('post_build: zopfli is not installed: the .gz copies are gzip 9, about 5% larger (scripts/toolchain.sh installs it)');
    return false;
  }
})();
const gzipCopy = (path, body) =>
  zopfli ? execFileSync('zopfli', ['-c', path], { maxBuffer: 1 << 28 }) : gzipSync(body, { level: 9 });
let count = 0;
for await (const path of files(staging)) {
  const body = await readFile(path);
  if ((await stat(path)).size < 256) continue;
  await writeFile(`${path}.gz`, gzipCopy(path, body));
  await writeFile(`${path}.br`, brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  count++;
}
console.log(`post_build: ${count} files precompressed (.br, .gz${zopfli ? ' by zopfli' : ''})`);

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
  // The editor's workbook module is not kept: an editor previews a file online, and every
  // visitor's browser would otherwise download it for nothing.
  // Nor the items' page: it is for a reader without scripts, who has no service worker.
  // Nor the pre-rendered pages: a reader fetches one of the eighteen, before the worker is
  // there; offline, the app draws without it.
  // Nor the whole dataset where its editions are there: a reader reads those, an editor
  // (the workbook, a `?data=` of it) the whole file, online.
  const editionsBuilt = files.includes(editionPath('fr'));
  const list = ['./', ...files.filter((f) => f !== 'index.html' && f !== ITEMS && !(editionsBuilt && f === DATASET) && !/^(editor[-_.]|split_editor-|pages\/)/.test(f)).map((f) => `./${f}`)];
  const out = source
    .replace("const BUILD = 'dev';", `const BUILD = '${build}';`)
    .replace('const FILES = [];', `const FILES = ${JSON.stringify(list)};`);
  if (out === source) throw new Error('sw.js has no BUILD and FILES to fill');
  await writeFile(path, out);
  console.log(`post_build: sw.js lists ${list.length} files, build ${build}`);
}

/** What the page asks for before the app starts: the glue (and the chunk loader) as module
 * preloads, the dataset and the base map as fetch preloads, and the first module, fetched
 * under its integrity hash and compiled as it arrives (`wasmModule`, a promise). */
function downloads(code, { data, basemap, editions = false }) {
  const json = JSON.stringify;
  // The base map's reader (src/loader.rs, `read_basemap`); none in a development build.
  const basemapReader = code.chunks.find((c) => /^\.\/split_basemap-/.test(c.href));
  if (code.chunks.length > 0 && !basemapReader) throw new Error('the build has no chunk split_basemap');
  const integrity = (x) => (x.integrity ? `, { integrity: ${json(x.integrity)} }` : '');
  return [
    'const preload = (rel, href, more) => document.head.append(Object.assign(document.createElement("link"), { rel, href, crossOrigin: "anonymous", ...more }));',
    `preload("modulepreload", ${json(code.glue.href)}${integrity(code.glue)});`,
    ...(code.splitLoader ? [`preload("modulepreload", ${json(code.splitLoader.href)}${integrity(code.splitLoader)});`] : []),
    // `?data=` names another dataset (an embedding page's): the shipped one would be
    // downloaded for nothing, beside the code, on the embedding page's slow line.
    // The reader's edition of it, where the build wrote them: the language script has set
    // the page's language (`data-lang`) by then.
    `if (!new URLSearchParams(location.search).has("data")) preload("preload", ${editions ? `${json(editionPath('LANG'))}.replace("LANG", document.documentElement.getAttribute("data-lang") || "fr")` : json(data)}, { as: "fetch", type: "application/json" });`,
    // Behind a pre-rendered page the app starts on the page's drawing of the base map and
    // fetches the file once it has drawn (src/app.rs): not beside the code.
    // (And its reader, a chunk the split loader fetches under its integrity hash.)
    // (Asked for from <head>, before the page's frame is read: the language script, which
    // asks for the pre-rendered page, says so by `passerellePage`.)
    `if (!(window.passerellePage || document.getElementById("poster")) || document.documentElement.classList.contains("no-poster")) {`,
    `preload("preload", ${json(basemap)}, { as: "fetch", type: "application/json" });`,
    ...(basemapReader ? [`preload("preload", ${json(basemapReader.href)}, { as: "fetch", integrity: ${json(basemapReader.integrity)} });`] : []),
    '}',
    // Compiled as it arrives, while the first screen is parsed and painted, not once the
    // app starts (a host that sends it under another type is given it whole; an error
    // status is passed on for the glue to report).
    `const wasmModule = fetch(${json(code.wasm.href)}${integrity(code.wasm)}).then((r) => !r.ok ? r : /^application\\/wasm\\b/.test(r.headers.get("content-type") || "") ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then((b) => WebAssembly.compile(b)));`,
  ];
}

/** The script in <head> of a page with a pre-rendered first screen that asks for the
 * app's [`downloads`] at once, right after the language script has asked for the reader's
 * own page of it (one file of eighteen, 5.5-6.5 kB gzip, src/poster). Asked for once that
 * page had arrived and was put in, the code came 0.2 s later on the slow phone (the page's
 * round trip, then its parsing), for a first screen 0.1 s sooner; when the eighteen pages
 * were all in index.html (48 kB gzip), it waited for the reader's one to be parsed there.
 * `window.passerelleCode` gives `wasmModule` to the bootstrap. */
function earlyDownloads(code, where) {
  return [
    '(function () {',
    ...downloads(code, where),
    'window.passerelleCode = Promise.resolve({ wasmModule: wasmModule });',
    '})();',
  ].join('\n');
}

/** The page's bootstrap, a module script at its end: the [`downloads`] (or, in a page with a
 * pre-rendered first screen, those its early script started: `afterPaint`), then the app,
 * started after the first screen's first paint there. */
function bootstrap(code, { downloads: where, afterPaint }) {
  const json = JSON.stringify;
  return [
    ...(afterPaint ? ['const { wasmModule } = await window.passerelleCode;'] : downloads(code, where)),
    ...(afterPaint ? [
      '// The app starts after the first paint (or 100 ms, where no frame comes: a tab out of sight).',
      'await new Promise((go) => { const t = setTimeout(go, 100); requestAnimationFrame(() => setTimeout(() => { clearTimeout(t); go(); })); });',
    ] : []),
    `const bindings = await import(${json(code.glue.href)});`,
    'const wasm = await bindings.default({ module_or_path: wasmModule });',
    'window.wasmBindings = bindings;',
    'dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));',
  ].join('\n');
}

/** Where the app finds the editor's workbook module (the script that starts it). */
function editorMeta(editor) {
  return `<meta name="passerelle-editor" content="${editor.entry}">`;
}
