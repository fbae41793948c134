// Where the time goes, as the browser sees it (a development aid, not part of the
// benchmark): a Chrome trace of the first drawing, one cursor step, one filter change or a view change (until drawn sharp) on
// a dataset served as a host would (bench/site-with-dataset.mjs), or the list opened, summed by event on the
// page's main thread (script, style, layout, paint, the canvas's raster), with the
// requests' times for the load. The trace itself is written to `out` for chrome://tracing.
//   node bench/trace.mjs <dist> <dataset.json> <out.json> [load|step|filter|list|view]
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { startServer } from '../server.mjs';
import { siteWithDataset } from './site-with-dataset.mjs';

const [dist = '../../dist', data, out = 'trace.json', what = 'load'] = process.argv.slice(2);
const site = data ? siteWithDataset(dist, readFileSync(data)) : null;
const server = await startServer(site ? site.dir : dist, 4196);
const browser = await chromium.launch({ executablePath: process.env.PASSERELLE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'loading', 'blink.user_timing', 'disabled-by-default-skia'];
const drawn = () => page.waitForFunction(() => ['passerelle:map-drawn', 'passerelle:timeline-drawn'].every((n) => performance.getEntriesByName(n).length), null, { timeout: 120_000 });
if (what === 'load') await browser.startTracing(page, { categories });
await page.goto('http://127.0.0.1:4196/');
await drawn();
if (what !== 'load') {
  // As the benchmark does: one region's view, the cursor at its start, then the step or filter.
  await page.waitForTimeout(3000);
  if (what !== 'view') {
    await page.click('.map-views button[data-view=france]');
    await page.waitForTimeout(1500);
  }
  await page.evaluate(() => { const s = document.querySelector('[data-testid=cursor]'); s.value = '0'; s.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { categories });
  const src = {
    filter: `document.querySelector('input[data-filter^="status:"]').click()`,
    step: `document.querySelector('[data-testid=step-forward]').click()`,
    list: `document.querySelector('.panel-tabs button[data-panel="list"]').click()`,
    view: `document.querySelector('.map-views button[data-view=france]').click()`,
  }[what];
  const ms = await page.evaluate(async ([s, list]) => {
    performance.mark('passerelle:bench-start');
    const t0 = performance.now();
    new Function(s)(); // eslint-disable-line no-new-func
    // The list until its rows are there (its chunk may still be on its way).
    while (list && !document.querySelector('.list-view tbody tr')) await new Promise((r) => setTimeout(r, 1));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // A view until its layers are rastered for the new windows (the canvas says so).
    const canvas = document.querySelector('.map-canvas');
    if (canvas?.dataset.settled === 'false') {
      while (canvas.dataset.settled === 'false') await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    performance.mark('passerelle:bench-end');
    return performance.now() - t0;
  }, [src, what === 'list']);
  console.log(`${what}: ${ms.toFixed(1)} ms to the next frame`);
  await page.waitForTimeout(300);
} else {
  console.log(`drawn at ${await page.evaluate(() => Math.max(...['passerelle:map-drawn', 'passerelle:timeline-drawn'].map((n) => performance.getEntriesByName(n)[0].startTime)))} ms`);
}
const trace = await browser.stopTracing();
writeFileSync(out, trace);
await browser.close();
server.close();
site?.remove();

const events = JSON.parse(trace.toString()).traceEvents;
const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined);
const at = (name) => events.find((e) => e.name === name)?.ts;
const t0 = what === 'load' ? Math.min(...events.filter((e) => e.name === 'DocumentLoader::CommitNavigation').map((e) => e.ts)) : at('passerelle:bench-start');
const t1 = what === 'load' ? Infinity : at('passerelle:bench-end');
const inWindow = onMain.filter((e) => e.ts >= t0 - 1000 && e.ts <= t1);
const sum = new Map();
for (const e of inWindow) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
console.log('main thread, summed by event (nested events counted in each):');
for (const [name, ms] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`${ms.toFixed(1).padStart(8)}  ${name}`);
if (what === 'load') {
  console.log('requests (ms from navigation: sent, response, finished):');
  const reqs = new Map();
  for (const e of events) {
    const id = e.args?.data?.requestId;
    if (e.name === 'ResourceSendRequest') reqs.set(id, { url: e.args.data.url.split('/').pop() || '/', sent: e.ts });
    else if (reqs.has(id) && e.name === 'ResourceReceiveResponse') reqs.get(id).response = e.ts;
    else if (reqs.has(id) && e.name === 'ResourceFinish') reqs.get(id).finished = e.ts;
  }
  const ms = (ts) => (ts === undefined ? '-' : ((ts - t0) / 1000).toFixed(0)).padStart(6);
  for (const r of reqs.values()) console.log(`${ms(r.sent)} ${ms(r.response)} ${ms(r.finished)}  ${r.url}`);
  console.log('long tasks (ms from navigation, duration):');
  for (const e of onMain.filter((e) => e.name === 'RunTask' && e.dur > 30_000)) console.log(`${ms(e.ts)} ${(e.dur / 1000).toFixed(1).padStart(7)}`);
}
