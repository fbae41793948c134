import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startServer } from './server.mjs';
const [dist, data] = process.argv.slice(2);
const server = await startServer(dist, 4196);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const body = readFileSync(data, 'utf8');
for (let i = 0; i < 4; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.route('**/data/cooperation.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto(`http://127.0.0.1:4196/`);
  await page.waitForFunction(() => ['passerelle:map-drawn', 'passerelle:timeline-drawn'].every((n) => performance.getEntriesByName(n).length), null, { timeout: 60000 });
  const t = await page.evaluate(() => {
    const out = {};
    for (const e of performance.getEntriesByType('resource')) { const n = e.name.split('/').pop().replace(/-[0-9a-f]{8,}/, ''); if (/wasm|json|\.js/.test(n)) out[n] = `${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)}`; }
    for (const e of performance.getEntriesByType('mark')) out[e.name] = e.startTime.toFixed(0);
    out.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime.toFixed(0);
    return out;
  });
  console.log(JSON.stringify(t));
  await ctx.close();
}
await browser.close(); server.close();
