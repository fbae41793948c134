// Where the time goes (a development aid, not part of the benchmark): a CPU profile of the
// first drawing, a cursor step, a filter change, a zoom step, a hover and a view change (until
// drawn sharp) on a dataset, self time by function.
//   node bench/profile.mjs <dist> <dataset.json>
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startServer } from '../server.mjs';

const [dist = '../../dist', data] = process.argv.slice(2);
const PORT = 4198;
const server = await startServer(dist, PORT);
const browser = await chromium.launch({ executablePath: process.env.PASSERELLE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
const body = data ? readFileSync(data, 'utf8') : null;
if (body) await page.route('**/data/cooperation*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const top = (profile, label) => {
  const self = new Map();
  const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`; self.set(k, (self.get(k) || 0) + (dt[i] || 0) / 1000); });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`\n== ${label}: ${total.toFixed(0)} ms sampled`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
  // Inclusive: each sample counted once for every function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at);
      const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
      if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + (dt[i] || 0) / 1000); }
    }
  });
  console.log(`-- inclusive (${label})`);
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.INCLUSIVE ?? 40))) console.log(`${v.toFixed(1).padStart(8)}  ${k}`);
};
await cdp.send('Profiler.start');
await page.goto(`http://127.0.0.1:${PORT}/`);
await page.waitForFunction(() => ['passerelle:map-drawn', 'passerelle:timeline-drawn'].every((n) => performance.getEntriesByName(n).length), null, { timeout: 120000 });
console.log('drawn at', await page.evaluate(() => Math.max(...['passerelle:map-drawn', 'passerelle:timeline-drawn'].map((n) => performance.getEntriesByName(n)[0].startTime))));
top((await cdp.send('Profiler.stop')).profile, 'load');
await page.waitForTimeout(4000);
await page.evaluate(() => { const s = document.querySelector('[data-testid=cursor]'); s.value = '0'; s.dispatchEvent(new Event('input', { bubbles: true })); });
await page.waitForTimeout(1000);
const step = async (label, src) => {
  await cdp.send('Profiler.start');
  // Until the next frame, and on until the bulk layers are rastered for the windows shown
  // (a view change's second part: the canvas says so).
  const ms = await page.evaluate(async (s) => {
    const t0 = performance.now();
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    new Function(s)(); // eslint-disable-line no-new-func
    await frame();
    const canvas = document.querySelector('.map-canvas');
    if (canvas?.dataset.settled === 'false') {
      while (canvas.dataset.settled === 'false') await new Promise((r) => setTimeout(r, 1));
      await frame();
    }
    return performance.now() - t0;
  }, src);
  top((await cdp.send('Profiler.stop')).profile, `${label} ${ms.toFixed(1)} ms`);
  await page.waitForTimeout(800);
};
await step('cursor step', `document.querySelector('[data-testid=step-forward]').click()`);
await step('filter', `document.querySelector('input[data-filter^="status:"]').click()`);
await step('zoom', `document.querySelector('[data-testid=zoom-in]').click()`);
await step('hover', `{ const label = document.querySelector('.map-frame .overlay [data-label-of][data-at]'); const [x, y] = label.dataset.at.split(',').map(Number); const r = document.querySelector('.map-frame').getBoundingClientRect(); document.querySelector('.map-frame').dispatchEvent(new PointerEvent('pointermove', {bubbles: true, clientX: r.left + x, clientY: r.top + y})); }`);
await step('view', `document.querySelector('.map-views button[data-view=france]').click()`);
await browser.close(); server.close();
