// Which of the first module's functions run before the app's first drawing: V8 compiles
// a wasm function on its first call (lazy compilation), and its trace names each one
// (`wasm.CompileLazy`, `func_index`). One load on a phone-sized window, no throttling
// (what runs does not depend on the speed), until the map and the timeline are drawn and
// `wait` ms after. The first module's code is then cut in three by
// `scripts/wasm_sizes.py --parts`, each summed raw and gzip -9 (its function bodies end to
// end): run before the drawing, run after it, not run; with names (a build made with
// PASSERELLE_WASM_NAMES=1) each part by this app's module (`passerelle::components::timeline`…)
// or by crate. What the code-on-demand issue's byte floor leaves for the first module is
// to be compared with the first part: splitting by use can move only the other two out.
// A development aid, also run by the benchmark.
//   node bench/first-run.mjs <dist> [locale] [width]x[height] [wait]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startServer } from '../server.mjs';

const [dist, locale = 'fr-FR', size = '390x844', wait = '4000'] = process.argv.slice(2);
const [width, height] = size.split('x').map(Number);
const phone = width < 900;
const wasm = path.join(dist, fs.readdirSync(dist).find((f) => /^passerelle-[0-9a-f]+_bg\.wasm$/.test(f)));

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
const compiled = events.filter((e) => e.name === 'wasm.CompileLazy');
const before = compiled.filter((e) => e.ts <= drawn).map((e) => e.args.func_index);
const early = new Set(before);
const after = compiled.filter((e) => e.ts > drawn && !early.has(e.args.func_index)).map((e) => e.args.func_index);
const parts = { 'run before the drawing': before, [`run after it (${wait} ms)`]: after };
console.log(`${locale}, ${width}x${height}:`);
const sizes = new URL('../../../scripts/wasm_sizes.py', import.meta.url).pathname;
process.stdout.write(execFileSync('python3', [sizes, wasm, '--parts', '-', '--rows', '30'], { input: JSON.stringify({ parts, rest: 'not run' }) }));
