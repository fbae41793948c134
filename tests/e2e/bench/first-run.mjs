// Which of the first module's functions run before the app's first drawing: V8 compiles
// a wasm function on its first call (lazy compilation), and its trace names each one
// (`wasm.CompileLazy`, `func_index`). One load on a phone-sized window, no throttling
// (what runs does not depend on the speed), until the map and the timeline are drawn and
// `wait` ms after. The first module's code is then cut in three, each summed raw and
// gzip -9 (its function bodies concatenated in module order): run before the drawing,
// run after it, not run. With names (a build made with PASSERELLE_WASM_NAMES=1), each
// part is summed by this app's module (`components::timeline`, `model::dataset`…) or by
// crate. What the code-on-demand issue's byte floor leaves for the first module is to
// be compared with the first part: splitting by use can move only the other two out.
// A development aid, not part of the benchmark.
//   node bench/first-run.mjs <dist> [locale] [width]x[height] [wait]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from '@playwright/test';
import { startServer } from '../server.mjs';

const [dist, locale = 'fr-FR', size = '390x844', wait = '4000'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const phone = width < 900;
const wasmName = fs.readdirSync(dist).find((f) => /^passerelle-[0-9a-f]+_bg\.wasm$/.test(f));
const wasm = fs.readFileSync(path.join(dist, wasmName));

/** An unsigned LEB128 at `at`: [value, next offset]. */
function leb(at) {
  let value = 0, shift = 0, byte;
  do { byte = wasm[at++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return [value, at];
}
/** The module's imported function count, each defined function's body, and the names. */
function readModule() {
  let imported = 0;
  const bodies = [], names = new Map();
  for (let at = 8; at < wasm.length;) {
    const id = wasm[at];
    let size;
    [size, at] = leb(at + 1);
    const end = at + size;
    if (id === 2) {
      let [count, p] = leb(at);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) { let n; [n, p] = leb(p); p += n; }
        const kind = wasm[p++];
        let flags = 0;
        if (kind === 0) { [, p] = leb(p); imported++; }
        else if (kind === 1) { p++; [flags, p] = leb(p); [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
        else if (kind === 2) { [flags, p] = leb(p); [, p] = leb(p); if (flags & 1) [, p] = leb(p); }
        else if (kind === 3) p += 2;
        else if (kind === 4) { p++; [, p] = leb(p); }
      }
    } else if (id === 10) {
      let [count, p] = leb(at);
      for (let i = 0; i < count; i++) { let n; [n, p] = leb(p); bodies.push([p, n]); p += n; }
    } else if (id === 0) {
      let [n, p] = leb(at);
      const custom = wasm.subarray(p, p + n).toString();
      p += n;
      while (custom === 'name' && p < end) {
        const sub = wasm[p];
        let len;
        [len, p] = leb(p + 1);
        if (sub === 1) {
          let [count, q] = leb(p);
          for (let i = 0; i < count; i++) {
            let index, l;
            [index, q] = leb(q);
            [l, q] = leb(q);
            names.set(index, wasm.subarray(q, q + l).toString());
            q += l;
          }
        }
        p += len;
      }
    }
    at = end;
  }
  return { imported, bodies, names };
}
const { imported, bodies, names } = readModule();

const server = await startServer(dist, 4376);
const browser = await chromium.launch({ executablePath: process.env.PASSERELLE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: phone ? 2 : 1, isMobile: phone, hasTouch: phone, locale });
const page = await context.newPage();
await browser.startTracing(page, { categories: ['disabled-by-default-v8.wasm.detailed', 'v8.wasm', 'blink.user_timing'] });
await page.goto('http://127.0.0.1:4376/');
await page.waitForFunction(() => ['map', 'timeline'].every((m) => performance.getEntriesByName(`passerelle:${m}-drawn`).length), null, { timeout: 60000 });
await page.waitForTimeout(Number(wait));
const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
await browser.close();
server.close();

const drawn = Math.max(...events.filter((e) => /^passerelle:(map|timeline)-drawn$/.test(e.name)).map((e) => e.ts));
const before = new Set(), after = new Set();
for (const e of events) {
  if (e.name !== 'wasm.CompileLazy') continue;
  const f = e.args.func_index - imported;
  if (f >= 0 && f < bodies.length) (e.ts <= drawn ? before : after).add(f);
}
for (const f of before) after.delete(f);
const all = [...bodies.keys()];
const never = new Set(all.filter((f) => !before.has(f) && !after.has(f)));

const raw = (set) => [...set].reduce((sum, f) => sum + bodies[f][1], 0);
const gzip = (set) => zlib.gzipSync(Buffer.concat([...set].sort((a, b) => a - b).map((f) => wasm.subarray(bodies[f][0], bodies[f][0] + bodies[f][1]))), { level: 9 }).length;
const kb = (n) => (n / 1000).toFixed(1).padStart(7);
console.log(`${wasmName}, ${locale}, ${width}x${height}: ${bodies.length} functions, code ${kb(raw(all))} kB raw ${kb(gzip(all))} kB gzip`);
for (const [label, set] of [['run before the drawing', before], [`run after it (${wait} ms)`, after], ['not run', never]]) {
  console.log(`  ${label.padEnd(26)} ${String(set.size).padStart(5)} functions ${kb(raw(set))} kB raw ${kb(gzip(set))} kB gzip`);
}
if (names.size === 0) {
  console.log('(no names: build with PASSERELLE_WASM_NAMES=1 for the parts by module)');
  process.exit(0);
}
/** This app's module two levels down (`components::map`), or the crate, of a function's name. */
function owner(name) {
  const plain = name.replace(/\[[0-9a-f]{16}\]/g, '');
  const ours = plain.match(/passerelle((?:::[a-z_0-9]+){1,2})/);
  if (ours) return ours[1].slice(2);
  return plain.match(/^[<&\s]*([a-z_0-9]+)/)?.[1] ?? '(other)';
}
for (const [label, set] of [['run before the drawing', before], ['not run', never]]) {
  const sums = new Map();
  for (const f of set) {
    const key = owner(names.get(imported + f) ?? '');
    const [bytes, count] = sums.get(key) ?? [0, 0];
    sums.set(key, [bytes + bodies[f][1], count + 1]);
  }
  console.log(`\n${label}, by module (raw kB, functions), the largest 30:`);
  for (const [key, [bytes, count]] of [...sums].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30)) {
    console.log(`  ${kb(bytes)} ${String(count).padStart(5)}  ${key}`);
  }
}
