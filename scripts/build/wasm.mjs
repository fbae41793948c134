// The app's wasm, built by the post-build hook instead of trunk's Rust pipeline: trunk
// 0.21 cannot split a wasm (trunk #1022), and the split has to happen between the link and
// wasm-bindgen.
//
// Release: `cargo build --release --features split` linked with `--emit-relocs`, then
// `wasm-split-cli` cuts the chunks out at the app's split points (`chunk!`, src/chunk.rs),
// `wasm-bindgen --keep-lld-exports` binds the first module, the exported classes no page
// uses are dropped from it and its glue (and their closures' bodies made unreachable, and
// the glue's imports only they called), `wasm-opt -Oz` shrinks each wasm, the first module's imports from the glue get short names on both sides
// (./sections.mjs), terser each script; the chunks get names from their bytes and their integrity
// hashes are written into the loader (`__wasm_split-….js`) that fetches them; the glue and
// the loader import each other, so they share one name from both their bytes.
// Development: `cargo build` and `wasm-bindgen`, no split (the split points are plain
// `async fn`s without the feature).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { shortImportNames, withoutCustomSections, withoutExportedClasses, withoutUnimportedMembers, withUnreachableBodies } from './sections.mjs';

/** The wasm features rustc emits, which wasm-opt must be told of. */
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-reference-types', '--enable-mutable-globals'];

export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
/** The first 16 hex digits of the SHA-256 of `parts`: a file's name from its bytes. */
export const contentHash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** wasm-opt -Oz of one module (with its function names kept when PASSERELLE_WASM_NAMES=1:
 * a profiling aid, for CPU profiles that name the functions; never for a shipped build).
 * `--low-memory-unused`: Rust's wasm32 linker puts the stack first, growing down from
 * 1 MiB to 0, so the lowest kilobyte is only ever reached by a stack already overflowed;
 * wasm-opt may then fold constant offsets into loads and stores (-1.4 kB gzip, 5 December
 * 2026). */
const optimise = (from, to) => run('wasm-opt', ['-Oz', '--low-memory-unused', ...WASM_FEATURES, ...(process.env.PASSERELLE_WASM_NAMES === '1' ? ['-g'] : []), from, '-o', to]);

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

/**
 * Builds the wasm into `staging`. Returns what the page's bootstrap needs: the glue
 * `{ href, integrity }`, the first module `{ href, integrity }`, the chunk loader (or null)
 * and the chunks `[{ href, bytes }]`.
 */
export async function buildWasm({ root, staging, release, minify }) {
  const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  const env = { ...process.env };
  const args = ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', 'passerelle'];
  if (release) {
    args.push('--release', '--features', 'split');
    // The splitter reads the linker's relocations. (Cargo takes this variable instead of the
    // config's target rustflags: the config's are repeated here.)
    const flags = env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS ?? '';
    env.CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS = `${flags} --cfg erase_components -Clink-args=--emit-relocs`.trim();
  }
  run('cargo', args, { cwd: root, env });
  const linked = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'passerelle.wasm');
  // The editor's workbook module (src/bin/editor.rs), without the split points: each is an
  // export, and would keep the whole app alive in it. (Only this crate is built again: the
  // same flags, so its dependencies are shared.)
  run('cargo', ['build', '--locked', '--target', 'wasm32-unknown-unknown', '--bin', 'editor', ...(release ? ['--release'] : [])], { cwd: root, env });

  const work = await mkdtemp(join(tmpdir(), 'passerelle-wasm-'));
  try {
    let input = linked;
    let chunkFiles = [];
    if (release) {
      run('wasm-split-cli', [linked, join(work, 'split'), '--out-name', 'passerelle']);
      input = join(work, 'split', 'passerelle.wasm');
      chunkFiles = (await readdir(join(work, 'split'))).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f)).sort();
    }
    const out = join(work, 'bindgen');
    run('wasm-bindgen', [input, '--target', 'web', '--out-dir', out, '--out-name', 'passerelle', '--no-typescript',
      ...(release ? ['--keep-lld-exports'] : [])]);

    const editor = await buildEditor({ linked: join(dirname(linked), 'editor.wasm'), work, staging, release, minify });
    if (!release) {
      await cp(out, staging, { recursive: true });
      return {
        glue: { href: './passerelle.js' },
        wasm: { href: './passerelle_bg.wasm' },
        splitLoader: null,
        chunks: [],
        editor,
      };
    }

    // The chunks, by the hash of their bytes.
    const chunks = [];
    let loader = await readFile(join(work, 'split', '__wasm_split.js'), 'utf8');
    // A chunk's fetch cut short because the reader is leaving the page (Firefox rejects it
    // then) is no failure to report: the load is left pending, and the page goes.
    const report = '} catch (e) {\n            console.error(e);';
    if (!loader.includes(report)) throw new Error('__wasm_split.js: its failure report is not where expected');
    loader = `let leaving = false;\naddEventListener("pagehide", () => { leaving = true; });\naddEventListener("pageshow", () => { leaving = false; });\n${
      loader.replace(report, '} catch (e) {\n            if (leaving) await new Promise(() => {});\n            console.error(e);')}`;
    for (const file of chunkFiles) {
      const optimised = join(work, `opt-${file}`);
      optimise(join(work, 'split', file), optimised);
      const bytes = await readFile(optimised);
      const href = `./${file.replace(/\.wasm$/, '')}-${contentHash(bytes)}.wasm`;
      await writeFile(join(staging, href), bytes);
      chunks.push({ href, bytes: bytes.length, integrity: sri(bytes) });
      // Each chunk fetched under its integrity hash.
      const fetchCall = `fetch(new URL("./${file}", import.meta.url))`;
      if (!loader.includes(fetchCall)) throw new Error(`__wasm_split.js does not fetch ${file} as expected`);
      loader = loader.replace(fetchCall, `fetch(new URL(${JSON.stringify(href)}, import.meta.url), { integrity: ${JSON.stringify(sri(bytes))} })`);
    }
    // wasm-streams' classes (Leptos turns on server_fn's "browser" feature, which brings
    // them): #[wasm_bindgen] exports, so roots of the module, though no page of the app
    // makes a stream of them. Dropped before wasm-opt, which then drops their code.
    const unused = withoutExportedClasses(await readFile(join(out, 'passerelle_bg.wasm')),
      await readFile(join(out, 'passerelle.js'), 'utf8'), ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource']);
    console.log(`post_build: ${unused.count} exports of classes no page uses dropped from the first module`);
    // Their methods' closures and futures stay, kept by table entries of their vtables
    // (6 kB raw, 5 December 2026): nothing else makes a wasm-streams value, so their
    // bodies are made `unreachable`, and wasm-opt drops what only they call.
    const dead = withUnreachableBodies(unused.bytes, /wasm_streams\[/);
    await writeFile(join(work, 'bound.wasm'), dead.bytes);
    console.log(`post_build: ${dead.count} functions only of wasm-streams' classes made unreachable`);
    optimise(join(work, 'bound.wasm'), join(work, 'main.wasm'));
    const mainBytes = await readFile(join(work, 'main.wasm'));
    const unimported = withoutUnimportedMembers(mainBytes, unused.glue);
    console.log(`post_build: ${unimported.count} members of the glue's imports the first module no longer imports dropped`);
    let glue = unimported.glue;
    const short = shortImportNames(mainBytes, glue);
    const wasmBytes = short.bytes;
    console.log(`post_build: the first module's ${short.count} imports from its glue given short names`);
    [glue, loader] = await Promise.all([minify(short.glue), minify(loader)]);
    // The glue and the loader import each other: one name for both, from both.
    const id = contentHash(glue, loader, wasmBytes);
    const names = { glue: `passerelle-${id}.js`, wasm: `passerelle-${id}_bg.wasm`, loader: `__wasm_split-${id}.js` };
    // Only the import statements: the wasm itself still names its import module
    // "./__wasm_split.js", the key of the glue's imports object.
    const swapImport = (text, from, to) => {
      const statement = new RegExp(`(from\\s*["'])${from.replace(/[./]/g, '\\$&')}(["'])`, 'g');
      if (!statement.test(text)) throw new Error(`expected an import of ${from} in a script of the build`);
      return text.replace(statement, `$1${to}$2`);
    };
    glue = swapImport(glue, './__wasm_split.js', `./${names.loader}`).replaceAll('passerelle_bg.wasm', names.wasm);
    loader = swapImport(loader, './passerelle.js', `./${names.glue}`);
    await Promise.all([
      writeFile(join(staging, names.glue), glue),
      writeFile(join(staging, names.loader), loader),
      writeFile(join(staging, names.wasm), wasmBytes),
    ]);
    if (await stat(join(out, 'snippets')).catch(() => null)) await cp(join(out, 'snippets'), join(staging, 'snippets'), { recursive: true });
    return {
      glue: { href: `./${names.glue}`, integrity: sri(Buffer.from(glue)) },
      wasm: { href: `./${names.wasm}`, integrity: sri(wasmBytes), bytes: wasmBytes.length },
      splitLoader: { href: `./${names.loader}`, integrity: sri(Buffer.from(loader)) },
      chunks,
      editor,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The editor's workbook module: bound by wasm-bindgen on its own, shrunk by wasm-opt, named
 * by its content's hash in a release build, with an entry script that starts it and hands
 * it to the app (`window.passerelleEditor`, then the event `passerelle:editor`). The app
 * adds that script when an editor opens a workbook (components::preview), from the
 * `<meta name="passerelle-editor">` the hook writes. Returns `{ entry, bytes }`.
 */
async function buildEditor({ linked, work, staging, release, minify }) {
  const out = join(work, 'editor');
  run('wasm-bindgen', [linked, '--target', 'web', '--out-dir', out, '--out-name', 'editor', '--no-typescript',
    ...(release ? ['--remove-name-section', '--remove-producers-section'] : [])]);
  let names = { glue: 'editor.js', wasm: 'editor_bg.wasm', entry: 'editor-entry.js' };
  let glue = await readFile(join(out, 'editor.js'), 'utf8');
  let bytes = await readFile(join(out, 'editor_bg.wasm'));
  if (release) {
    // The linker's relocations (--emit-relocs, for the app's splitter) are half the file
    // here, and wasm-opt cannot read past them: dropped first.
    const stripped = join(work, 'editor-stripped.wasm');
    await writeFile(stripped, withoutCustomSections(bytes, /^(linking|reloc\..*|__wasm_split_unstable)$/));
    const optimised = join(work, 'editor.wasm');
    optimise(stripped, optimised);
    bytes = await readFile(optimised);
    glue = await minify(glue);
    const id = contentHash(glue, bytes);
    names = { glue: `editor-${id}.js`, wasm: `editor-${id}_bg.wasm`, entry: `editor-entry-${id}.js` };
  }
  const entry = [
    `import init, * as editor from "./${names.glue}";`,
    'try {',
    `  await init({ module_or_path: new URL("./${names.wasm}", import.meta.url) });`,
    '  window.passerelleEditor = editor;',
    '} catch (e) {',
    '  window.passerelleEditorError = String(e);',
    '}',
    'dispatchEvent(new Event("passerelle:editor"));',
  ].join('\n');
  await Promise.all([
    writeFile(join(staging, names.glue), glue.replaceAll('editor_bg.wasm', names.wasm)),
    writeFile(join(staging, names.wasm), bytes),
    writeFile(join(staging, names.entry), `${entry}\n`),
  ]);
  console.log(`post_build: the editor's module ./${names.wasm} ${bytes.length} bytes`);
  return { entry: `./${names.entry}`, bytes: bytes.length };
}
