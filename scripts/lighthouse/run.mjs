// Lighthouse against a built site, served as the README asks a host to (security headers,
// precompressed bodies, immutable caching of hashed files): Passerelle's dist/ from a host
// that sends brotli and from one that sends only gzip (many regional hosts do), with the
// mobile and the desktop presets, and the benchmark's peer page (Leaflet + TimelineJS with
// the same data) with the mobile preset. Prints each category and LCP, CLS, TBT, FCP,
// Speed Index and the transfer size: the median run (by performance score) of RUNS mobile
// runs (3 desktop and peer runs).
//
//   node scripts/lighthouse/run.mjs <dist> [runs] [peer]
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { resolve } from 'node:path';
import { startServer } from '../../tests/e2e/server.mjs';

const [dist = 'dist', runs = '5', peer] = process.argv.slice(2);

const chrome = await chromeLauncher.launch({
  chromePath: process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['LCP', 'largest-contentful-paint', (v) => `${(v / 1000).toFixed(2)} s`],
  ['CLS', 'cumulative-layout-shift', (v) => v.toFixed(3)],
  ['TBT', 'total-blocking-time', (v) => `${Math.round(v)} ms`],
  ['FCP', 'first-contentful-paint', (v) => `${(v / 1000).toFixed(2)} s`],
  ['SI', 'speed-index', (v) => `${(v / 1000).toFixed(2)} s`],
  ['transfer', 'total-byte-weight', (v) => `${(v / 1024).toFixed(0)} KiB`],
];

const TARGETS = [
  ['Passerelle, brotli host', resolve(dist), ['br', 'gzip'], true, [['mobile', undefined, Number(runs)], ['desktop', desktopConfig, 3]]],
  ['Passerelle, gzip host', resolve(dist), ['gzip'], true, [['mobile', undefined, Number(runs)]]],
  ...(peer ? [['peer (Leaflet + TimelineJS), gzip host', resolve(peer), ['gzip'], false, [['mobile', undefined, 3]]]] : []),
];

const rows = [];
let port = 4321;
for (const [label, root, encodings, csp, presets] of TARGETS) {
  const server = await startServer(root, port, '127.0.0.1', { caching: true, encodings, csp });
  const url = `http://127.0.0.1:${port}/`;
  port++;
  for (const [preset, config, n] of presets) {
    const results = [];
    for (let i = 0; i < n; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, config);
      results.push(lhr);
    }
    results.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const lhr = results[Math.floor(results.length / 2)];
    const failing = CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs
      .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1 && c !== 'performance')
      .map((r) => `${c}: ${r.id}`));
    rows.push({
      what: `${label}, ${preset} (median of ${n})`,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(lhr.categories[c].score * 100)])),
      ...Object.fromEntries(METRICS.map(([name, id, fmt]) => [name, fmt(lhr.audits[id].numericValue)])),
      'performance (each run)': results.map((r) => Math.round(r.categories.performance.score * 100)).join(' '),
      'not passed': failing.join(', ') || '—',
    });
  }
  server.close();
}
await chrome.kill();

for (const row of rows) {
  console.log(`\nLighthouse: ${row.what}`);
  for (const [k, v] of Object.entries(row)) if (k !== 'what') console.log(`  ${k.padEnd(24)} ${v}`);
}
