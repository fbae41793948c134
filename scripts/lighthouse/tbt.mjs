// Lighthouse mobile (simulated throttling) on built sites served as gzip only, runs taken
// in turn (A, B, A, B…, so that a slower spell of the machine falls on each alike): each
// run's blocking time and the long tasks it counted, then each site's median. A
// development aid for issue 25's blocking-time floor, not part of the benchmark.
//   node scripts/lighthouse/tbt.mjs <runs> <dist> [<dist>…]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { resolve } from 'node:path';
import { startServer } from '../../tests/e2e/server.mjs';

const [runs = '5', ...dists] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const sites = await Promise.all(dists.map(async (d, i) => ({
  dist: d, port: 4391 + i, tbts: [],
  server: await startServer(resolve(d), 4391 + i, '127.0.0.1', { caching: true, encodings: ['gzip'], csp: true }),
})));
for (let i = 0; i < Number(runs); i++) {
  for (const site of sites) {
    const { lhr } = await lighthouse(`http://127.0.0.1:${site.port}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const tbt = Math.round(lhr.audits['total-blocking-time'].numericValue);
    site.tbts.push(tbt);
    const tasks = lhr.audits['long-tasks']?.details?.items ?? [];
    console.log(`${site.dist} run ${i + 1}: TBT ${tbt} ms, TTI ${Math.round(lhr.audits.interactive.numericValue)} ms; long tasks: ${tasks.map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)}${String(t.url).match(/\.(wasm|js)$|\/$/)?.[0] ?? ''}`).join(' ')}`);
  }
}
for (const site of sites) {
  const s = [...site.tbts].sort((a, b) => a - b);
  console.log(`${site.dist}: TBT median ${s[Math.floor(s.length / 2)]} ms (${s.join(' ')})`);
  site.server.close();
}
await chrome.kill();
