// Runs the smoke suite (`smoke.mjs`) in each engine against dist/ under the strict CSP,
// one engine at a time, and writes engines-report.json (counts, versions, first-draw times).
//
//   node engines/run.mjs [chromium] [firefox] [webkit]     (all three when none is named)
import { createServer } from 'node:http';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server.mjs';
import { ENGINES, freePort, launch } from './drivers.mjs';
import { CASES, firstDraw, troubles } from './smoke.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const dist = process.env.PASSERELLE_DIST ?? here('../../../dist');
const shots = here('../screenshots/engines/');
mkdirSync(shots, { recursive: true });

const engines = process.argv.slice(2).length ? process.argv.slice(2) : ENGINES;
for (const e of engines) if (!ENGINES.includes(e)) throw new Error(`unknown engine ${e}: one of ${ENGINES.join(', ')}`);
// The folder shows the last run: no failure picture left from an earlier one.
for (const f of readdirSync(shots)) if (engines.some((e) => f.startsWith(`${e}-failed-`))) rmSync(shots + f);

const cspReports = [];
const port = await freePort();
const server = await startServer(dist, port, '127.0.0.1', { onCspReport: (r) => cspReports.push(r) });
const base = `http://127.0.0.1:${port}/`;
// Another origin that embeds the app, as a regional website does.
const hostPort = await freePort();
const host = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><html lang="fr"><meta charset="utf-8"><title>Site régional</title><body style="margin:0">
<iframe title="Passerelle" src="${base}?embed=1&amp;lang=zh" width="360" height="640" style="border:0;display:block"></iframe></body></html>`);
}).listen(hostPort, '127.0.0.1');
const hostBase = `http://127.0.0.1:${hostPort}/`;
const dataset = JSON.parse(readFileSync(`${dist}/data/cooperation.json`, 'utf8'));

const report = { engines: {}, passed: 0, failed: 0 };
let d;
// Stopped from outside (Ctrl+C, a CI time limit): close the browser, which would outlive us.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { d?.kill(); process.exit(130); });
for (const engine of engines) {
  const started = Date.now();
  d = undefined;
  const result = (report.engines[engine] = { version: null, firstDrawMs: null, cases: [] });
  try {
    d = await launch(engine);
    result.version = d.version;
    console.log(`\n${engine} ${d.version}`);
    const ctx = { base, hostBase, dataset, cspReports, shot: (name) => `${shots}${engine}-${name}.png` };
    // The first draw: the median of three loads.
    const draws = [];
    for (let i = 0; i < 3; i++) draws.push(await firstDraw(d, ctx));
    result.firstDrawMs = Math.round(draws.sort((a, b) => a - b)[1]);
    await troubles(d, ctx);
    for (const c of CASES) {
      const t0 = Date.now();
      d.nativeErrors.length = 0;
      d.requests.length = 0;
      let error = null;
      try {
        await c.run(d, ctx);
        const t = await troubles(d, ctx);
        if (t.errors.length) throw new Error(`console errors: ${t.errors.join(' | ')}`);
        if (t.csp.length) throw new Error(`CSP violations reported: ${t.csp.join(' | ')}`);
        if (t.foreign.length) throw new Error(`requests to other hosts: ${t.foreign.join(', ')}`);
      } catch (e) {
        error = e.message;
        await d.screenshot(ctx.shot(`failed-${CASES.indexOf(c) + 1}`)).catch(() => {});
      }
      result.cases.push({ name: c.name, ok: !error, error, ms: Date.now() - t0 });
      console.log(`  ${error ? '✘' : '✓'} ${c.name} (${Date.now() - t0} ms)${error ? `\n      ${error}` : ''}`);
      if (error) report.failed++;
      else report.passed++;
    }
    console.log(`  first draw ${result.firstDrawMs} ms; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  } catch (e) {
    // The engine would not start: one failure, said plainly.
    result.cases.push({ name: 'the engine starts', ok: false, error: e.message });
    report.failed++;
    console.log(`  ✘ ${engine} did not start: ${e.message}`);
  } finally {
    await d?.close();
  }
}
server.close();
host.close();
writeFileSync(here('../engines-report.json'), JSON.stringify(report, null, 2));
console.log(`\nengines: ${report.passed} passed, ${report.failed} failed`);
for (const [name, r] of Object.entries(report.engines)) console.log(`  ${name.padEnd(9)} ${String(r.version).padEnd(16)} first draw ${r.firstDrawMs ?? '–'} ms`);
process.exit(report.failed ? 1 : 0);
