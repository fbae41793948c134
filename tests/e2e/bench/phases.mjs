// The first drawing step by step (a development aid, not part of the benchmark): loads of
// several builds interleaved, each in a fresh context without a service worker, with a
// dataset in place of the shipped one; prints the median of each step between the app's
// marks: read (data-fetched -> data-read), scene (-> scene-built), sites (-> sites-drawn),
// timeline (-> timeline-drawn), and from navigation: fetched (data-fetched), drawn (the
// later of map-drawn and timeline-drawn). A build without these marks prints NaN for them.
//   node bench/phases.mjs <dataset.json> <loads> <dist> [<dist>...]
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startServer } from '../server.mjs';
import { siteWithDataset } from './site-with-dataset.mjs';

const [data, n, ...dists] = process.argv.slice(2);
// Each build served with the dataset in place of the shipped one, as a host would serve it.
const sites = dists.map((d) => siteWithDataset(d, readFileSync(data)));
const servers = await Promise.all(sites.map((s, i) => startServer(s.dir, 4190 + i)));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const rows = dists.map(() => []);
for (let k = 0; k < Number(n); k++) for (let i = 0; i < dists.length; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(`http://127.0.0.1:${4190 + i}/`);
  await page.waitForFunction(() => ['passerelle:map-drawn', 'passerelle:timeline-drawn'].every((n) => performance.getEntriesByName(n).length), null, { timeout: 60000 });
  const m = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name.replace('passerelle:', ''), e.startTime])));
  rows[i].push({ read: m['data-read'] - m['data-fetched'], scene: m['scene-built'] - m['data-read'], sites: m['sites-drawn'] - m['scene-built'], timeline: m['timeline-drawn'] - m['sites-drawn'], fetched: m['data-fetched'], drawn: Math.max(m['map-drawn'], m['timeline-drawn']) });
  await ctx.close();
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
dists.forEach((d, i) => console.log(d.padEnd(20), Object.keys(rows[i][0]).map((k) => `${k} ${Number(med(rows[i].map((r) => r[k]))).toFixed(0)}`).join(' | ')));
await browser.close(); servers.forEach((s) => s.close()); sites.forEach((s) => s.remove());
