// One cold first load on the benchmark's phone (bench/phone.mjs) from a gzip host: each request, when it was
// asked for, when its last byte came, its bytes on the wire, and the app's marks. A
// development aid: what shares the line before the app's drawing.
//   node bench/waterfall.mjs <dist> [locale]
import { chromium } from '@playwright/test';
import { startServer } from '../server.mjs';
import { PHONE, slowPhone } from './phone.mjs';
const [dist, locale = 'en-US'] = process.argv.slice(2);
const server = await startServer(dist, 4371, '127.0.0.1', { csp: true, encodings: ['gzip'] });
const browser = await chromium.launch({ executablePath: process.env.PASSERELLE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic'] });
const context = await browser.newContext({ ...PHONE, locale });
const tab = await context.newPage();
const cdp = await slowPhone(context, tab);
const req = new Map();
let t0 = null;
cdp.on('Network.requestWillBeSent', (e) => { t0 ??= e.timestamp; req.set(e.requestId, { url: e.request.url.replace(/^.*\/\/[^/]+\//, ''), asked: e.timestamp - t0 }); });
cdp.on('Network.loadingFinished', (e) => { const r = req.get(e.requestId); if (r) { r.done = e.timestamp - t0; r.bytes = e.encodedDataLength; } });
await tab.goto('http://127.0.0.1:4371/', { waitUntil: 'load', timeout: 60000 });
await tab.waitForFunction(() => performance.getEntriesByName('passerelle:map-drawn').length, null, { timeout: 60000 });
await tab.waitForTimeout(4000);
const marks = await tab.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name.startsWith('passerelle')).map((m) => `${(m.startTime / 1000).toFixed(2)} ${m.name}`));
for (const r of [...req.values()].sort((a, b) => a.asked - b.asked)) console.log(`${r.asked.toFixed(2).padStart(6)} -> ${(r.done ?? NaN).toFixed(2).padStart(6)} ${String(((r.bytes ?? 0) / 1024).toFixed(1)).padStart(7)} KiB  ${r.url.slice(0, 60)}`);
console.log(marks.join('\n'));
await browser.close(); server.close();
