// The map benchmark: loads the built site (dist/) in headless Chromium on 127.0.0.1 with
// the real dataset and with a synthetic one, several times each, and prints the median of:
//   drawn  — navigation start to the map and the timeline both drawn with data (the
//            later of the marks passerelle:map-drawn and passerelle:timeline-drawn)
//   zoom   — a click on "zoom in" until the next frame is painted
//   pan    — an arrow key on the map until the next frame is painted
//   hover  — a pointer over a site (highlighting what it connects) until painted
//   view   — a click on another view until its first frame is painted (in bulk, the old
//            view's layers moved there)
//   view sharp — the same click until the layers rastered for the new view are painted
//   cursor step — one step of the time cursor until painted (map and timeline follow)
//   filter — one filter checkbox until painted (map, timeline and counts follow)
//   redraw — a zoom step until the site layer is redrawn for the new scale (with many
//            sites it is redrawn once the gesture pauses, 150 ms after the last step)
//   heap   — JS heap in use after load (MB)
//   wasm   — the WebAssembly memory after load (MB; it only grows)
// A benchmark, not a test: it prints figures and fails only if the page does not work.
//
//   node bench/map-bench.mjs <dist> <synthetic.json> [runs]
// The synthetic dataset is served by a second server, in place of the shipped one, as a host
// would (bench/site-with-dataset.mjs); SYNTHETIC_BY_ROUTE=1 hands it over as before, through
// Playwright's request interception, which delays the page's other requests.
// (SYNTHETIC_ONLY=1 measures the synthetic dataset alone, NO_FIRST_USE=1 leaves out the
// first use of the chunks; BENCH_DEBUG=1 prints each run.)
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startServer } from '../server.mjs';
import { siteWithDataset } from './site-with-dataset.mjs';

const [dist = '../../dist', synthetic, runsArg = '5'] = process.argv.slice(2);
const RUNS = Number(runsArg);
const PORT = 4199;
const server = await startServer(dist, PORT);
const browser = await chromium.launch({
  executablePath: process.env.PASSERELLE_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--enable-precise-memory-info'],
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Time from running `action` in the page to the next painted frame. */
async function toNextPaint(page, action) {
  return page.evaluate(async (src) => {
    const t0 = performance.now();
    // eslint-disable-next-line no-new-func
    new Function(src)();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, action);
}

/** Time from `action` to its first painted frame, and to the frame painted once the bulk
 * layers are rastered for the current windows (the canvas says so; without one, or in a
 * build whose canvas does not say, the first frame is already that). */
async function toFirstAndSettledPaint(page, action) {
  return page.evaluate(async (src) => {
    const nextPaint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const t0 = performance.now();
    // eslint-disable-next-line no-new-func
    new Function(src)();
    await nextPaint();
    const first = performance.now() - t0;
    const canvas = document.querySelector('.map-canvas');
    while (canvas && canvas.dataset.settled === 'false') await new Promise((r) => setTimeout(r, 1));
    if (canvas) await nextPaint();
    return [first, canvas ? performance.now() - t0 : first];
  }, action);
}

async function measure(label, port, body = null) {
  const rows = { drawn: [], zoom: [], pan: [], hover: [], view: [], viewSharp: [], redraw: [], step: [], filter: [], heap: [], wasm: [] };
  // Quiet: an idle callback comes at once, twice in a row (the load's work is over).
  const idle = async (page) => {
    for (let i = 0, calm = 0; i < 40 && calm < 2; i++) {
      const wait = await page.evaluate(() => { const t0 = performance.now(); return new Promise((r) => requestIdleCallback(() => r(performance.now() - t0), { timeout: 5000 })); });
      calm = wait < 50 ? calm + 1 : 0;
    }
  };
  let sites = 0, links = 0;
  for (let run = 0; run < RUNS; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    // trunk's bootstrap announces the instance; its memory is read after load.
    await page.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.__passerelleMemory = e.detail.wasm.memory; }));
    if (body) await page.route('**/data/cooperation*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(`http://127.0.0.1:${port}/`);
    const marks = ['passerelle:map-drawn', 'passerelle:timeline-drawn'];
    await page.waitForFunction((names) => names.every((n) => performance.getEntriesByName(n).length > 0), marks, { timeout: 120_000 });
    rows.drawn.push(await page.evaluate((names) => Math.max(...names.map((n) => performance.getEntriesByName(n)[0].startTime)), marks));
    // Let the load finish its work (the timeline, the lists) before timing interactions.
    await page.waitForTimeout(3000);
    await idle(page);
    // (In bulk mode the canvas says how many sites it paints.)
    sites = await page.evaluate(() => document.querySelectorAll('.map-frame .map-svg .overlay [data-site]').length || Number(document.querySelector('.map-canvas')?.dataset.sites) || 0);
    // In bulk mode the canvas says how many links it paints.
    links = await page.evaluate(() => Number(document.querySelector('.map-canvas')?.dataset.links) || [...document.querySelectorAll('.map-frame .map-svg .link')].reduce((n, l) => n + Number(l.dataset.links || 1), 0));
    rows.redraw.push(await page.evaluate(async () => {
      const drawn = new Promise((resolve) => {
        const seen = new PerformanceObserver((list) => {
          if (list.getEntries().some((e) => e.name === 'passerelle:sites-drawn')) { seen.disconnect(); resolve(); }
        });
        seen.observe({ entryTypes: ['mark'] });
      });
      const t0 = performance.now();
      document.querySelector('[data-testid=zoom-in]').click();
      await drawn;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    }));
    await page.waitForTimeout(400); await idle(page);
    rows.zoom.push(await toNextPaint(page, `document.querySelector('[data-testid=zoom-in]').click()`));
    await page.waitForTimeout(400); await idle(page);
    rows.pan.push(await toNextPaint(page, `document.querySelector('.map-frame').dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowLeft', bubbles: true}))`));
    await page.waitForTimeout(400); await idle(page);
    // A site's element, or in bulk mode (painted on a canvas) the pointer moved to where a
    // labelled site's marker is.
    rows.hover.push(await toNextPaint(page, `{
      const site = document.querySelector('.map-frame .map-svg .overlay [data-site]');
      if (site) site.dispatchEvent(new PointerEvent('pointerover', {bubbles: true}));
      else {
        const label = document.querySelector('.map-frame .overlay [data-label-of][data-at]');
        const [x, y] = label.dataset.at.split(',').map(Number);
        const r = document.querySelector('.map-frame').getBoundingClientRect();
        document.querySelector('.map-frame').dispatchEvent(new PointerEvent('pointermove', {bubbles: true, clientX: r.left + x, clientY: r.top + y}));
      }
    }`));
    await page.waitForTimeout(400); await idle(page);
    await page.waitForTimeout(400); await idle(page);
    {
      const [first, sharp] = await toFirstAndSettledPaint(page, `document.querySelector('.map-views button[data-view=france]').click()`);
      rows.view.push(first);
      rows.viewSharp.push(sharp);
    }
    await page.waitForTimeout(400); await idle(page);
    // One step of the time cursor (from the start, so the map and timeline change).
    await page.evaluate(() => { const s = document.querySelector('[data-testid=cursor]'); s.value = '0'; s.dispatchEvent(new Event('input', { bubbles: true })); });
    await page.waitForTimeout(400); await idle(page);
    rows.step.push(await toNextPaint(page, `document.querySelector('[data-testid=step-forward]').click()`));
    await page.waitForTimeout(400); await idle(page);
    rows.filter.push(await toNextPaint(page, `document.querySelector('input[data-filter^="status:"]').click()`));
    rows.heap.push(await page.evaluate(() => performance.memory.usedJSHeapSize / 1e6));
    rows.wasm.push(await page.evaluate(() => window.__passerelleMemory.buffer.byteLength / 1e6));
    await page.close();
  }
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify(rows));
  const fmt = (k, unit) => `${median(rows[k]).toFixed(1)} ${unit}`;
  console.log(`${label.padEnd(32)} ${String(sites).padStart(5)} sites ${String(links).padStart(6)} links | drawn ${fmt('drawn', 'ms')} | zoom ${fmt('zoom', 'ms')} | pan ${fmt('pan', 'ms')} | hover ${fmt('hover', 'ms')} | view ${fmt('view', 'ms')} (sharp ${fmt('viewSharp', 'ms')}) | redraw ${fmt('redraw', 'ms')} | cursor step ${fmt('step', 'ms')} | filter ${fmt('filter', 'ms')} | heap ${fmt('heap', 'MB')} | wasm ${fmt('wasm', 'MB')}`);
}

/** Time from `action` in the page until `selector` is visible and painted. */
async function untilShown(page, action, selector) {
  return page.evaluate(async ([src, sel]) => {
    const t0 = performance.now();
    // eslint-disable-next-line no-new-func
    new Function(src)();
    const seen = () => { const e = document.querySelector(sel); return e && e.getBoundingClientRect().height > 0; };
    while (!seen()) await new Promise((r) => requestAnimationFrame(r));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, [action, selector]);
}

/**
 * The first use of what is fetched on demand (code in wasm chunks): the Share dialog with
 * its exports, a PNG export to its download, presenting (its card), and the speaker's
 * console opened as a page (from navigation). The reader's chunk is fetched once the page
 * is idle, so Share and the PNG measure a page that has been idle; presenting fetches its
 * chunk on the click. The workbook is opened after the editor's module has arrived (the
 * workbook was made by it).
 */
async function measureFirstUse() {
  const rows = { share: [], png: [], workbook: [], present: [], console: [] };
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/?lang=en`);
    await page.waitForFunction(() => performance.getEntriesByName('passerelle:map-drawn').length > 0, null, { timeout: 120_000 });
    await page.waitForTimeout(3000);
    rows.share.push(await untilShown(page, `document.querySelector('[data-testid=share]').click()`, '[data-testid=export-png]'));
    // Until the browser starts the download (the file handed over), not until it is saved.
    const t0 = Date.now();
    await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    rows.png.push(Date.now() - t0);
    // The editor's preview: the workbook of the data (the editor's module fetched), then
    // that workbook opened in the preview until the page shows it.
    const [workbook] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-workbook]')]);
    const file = await workbook.path();
    await page.click('[data-testid=share]').catch(() => {});
    const t1 = Date.now();
    await page.setInputFiles('[data-testid=open-data-file]', file);
    await page.waitForSelector('[data-testid=preview-shown]', { timeout: 60_000 });
    rows.workbook.push(Date.now() - t1);
    await page.click('[data-testid=preview-close]');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    rows.present.push(await untilShown(page, `document.querySelector('[data-testid=present]').click()`, '[data-testid=presenter-card]'));
    const speaker = await context.newPage();
    await speaker.goto(`http://127.0.0.1:${PORT}/?lang=en&mode=console&step=1`);
    await speaker.waitForSelector('[data-testid=console]', { timeout: 60_000 });
    rows.console.push(await speaker.evaluate(() => performance.now()));
    await context.close();
  }
  const fmt = (k) => `${median(rows[k]).toFixed(1)} ms`;
  console.log(`${'first use (code on demand)'.padEnd(32)} Share dialog with its exports ${fmt('share')} | PNG export to its download ${fmt('png')} | the shipped workbook opened in the editor's preview ${fmt('workbook')} | presenting, its card ${fmt('present')} | the speaker's console page, from navigation ${fmt('console')}`);
}

console.log(`median of ${RUNS} runs, headless Chromium, 1280x720, dist/ on 127.0.0.1`);
try {
  if (!process.env.SYNTHETIC_ONLY) { await measure('real dataset', PORT);
  if (!process.env.NO_FIRST_USE) await measureFirstUse(); }
  if (synthetic && process.env.SYNTHETIC_BY_ROUTE) {
    // As the benchmark did until 1 December 2026, for comparison: handed to the page by
    // Playwright's interception, which holds the page's other requests meanwhile.
    await measure('synthetic dataset', PORT, readFileSync(synthetic, 'utf8'));
  } else if (synthetic) {
    const site = siteWithDataset(dist, readFileSync(synthetic));
    const other = await startServer(site.dir, PORT + 1);
    try { await measure('synthetic dataset', PORT + 1); } finally { other.close(); site.remove(); }
  }
} finally {
  await browser.close();
  server.close();
}
