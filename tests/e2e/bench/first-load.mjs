// The first-load benchmark: Passerelle against a page a region could build instead (Leaflet
// and TimelineJS with the same dataset, bench/peer/), on a phone over a slow network, from
// a host that sends gzip and from one that sends brotli. Prints the median of RUNS
// interleaved cold loads of:
//   story  — navigation to the first frame in which the map and at least three dated
//            timeline items are visible, whoever drew them (the pre-rendered page, the app,
//            or the libraries)
//   drawn  — navigation to the app's own drawing (`passerelle:map-drawn`); for the peer, its
//            story (the libraries draw it)
//   bytes  — what had arrived over the network by the story's frame
// and the peer's ratio. A benchmark, not a test: it prints figures.
//
// The phone: 390 × 844 at 2× density, Chromium with its CPU 4× slower, a network of
// 1.6 Mbit/s down and 750 kbit/s up with 150 ms round trips (Lighthouse's "slow 4G").
//
//   node bench/first-load.mjs <dist> <peer-node-modules> [runs] [locale]
//
// The browser's locale is the reader's: en-US unless given (Chromium's own here, as it
// always was: an English reader), `fr-FR` for a reader of the page's own language.
import { chromium } from '@playwright/test';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { startServer } from '../server.mjs';
import { PHONE, slowPhone } from './phone.mjs';

const [distArg = '../../dist', peerModules = '../../scripts/peer/node_modules', runsArg = '3', locale = 'en-US'] = process.argv.slice(2);
const RUNS = Number(runsArg);
const dist = resolve(distArg);
const here = fileURLToPath(new URL('.', import.meta.url));
const peer = resolve(here, '../../../target/bench/peer');

/** The peer page: its own files, the libraries from npm, the dataset; precompressed as a
 * good host would serve them. */
export async function buildPeer() {
  await rm(peer, { recursive: true, force: true });
  await mkdir(join(peer, 'data'), { recursive: true });
  for (const f of ['index.html', 'app.js', 'peer.css']) await cp(join(here, 'peer', f), join(peer, f));
  await cp(join(peerModules, 'leaflet/dist'), join(peer, 'leaflet'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  const tl = join(peerModules, '@knight-lab/timelinejs/dist');
  await cp(join(tl, 'js/timeline.js'), join(peer, 'tl/js/timeline.js'));
  await cp(join(tl, 'css/timeline.css'), join(peer, 'tl/css/timeline.css'));
  await cp(join(tl, 'css/icons'), join(peer, 'tl/css/icons'), { recursive: true });
  await cp(join(dist, 'data/cooperation.json'), join(peer, 'data/cooperation.json'));
  const walk = async (dir) => (await readdir(dir, { withFileTypes: true })).flatMap((e) => e.isDirectory() ? [] : [join(dir, e.name)])
    .concat(...await Promise.all((await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => walk(join(dir, e.name)))));
  for (const f of await walk(peer)) {
    if (!/\.(html|js|css|json|svg)$/.test(f)) continue;
    const body = await readFile(f);
    await writeFile(`${f}.gz`, gzipSync(body, { level: 9 }));
    await writeFile(`${f}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
  return peer;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Marks the story's frame: the first in which `map` matches a visible element and `items`
 * at least three in view. Runs in the page from its start. */
function storyWatcher([map, items]) {
  const seen = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth
      && getComputedStyle(e).visibility !== 'hidden';
  };
  const check = () => {
    const onMap = [...document.querySelectorAll(map)].some(seen);
    const inView = onMap ? [...document.querySelectorAll(items)].filter(seen).length : 0;
    if (onMap && inView >= 3) window.__story = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

const PAGES = {
  passerelle: { selectors: ['.map-frame .site__mark', '.timeline-item[data-start]'], own: 'passerelle:map-drawn' },
  peer: { selectors: ['#map .leaflet-interactive', '#timeline .tl-timemarker'], own: null },
};

async function load(browser, url, page) {
  const context = await browser.newContext({ ...PHONE, locale });
  const tab = await context.newPage();
  const cdp = await slowPhone(context, tab);
  const received = [];
  let start = null;
  cdp.on('Network.requestWillBeSent', (e) => { if (start === null && e.type === 'Document') start = e.timestamp; });
  cdp.on('Network.dataReceived', (e) => received.push([e.timestamp, e.encodedDataLength]));
  cdp.on('Network.responseReceived', (e) => received.push([e.timestamp, e.response.encodedDataLength ?? 0]));
  await tab.addInitScript(storyWatcher, PAGES[page].selectors);
  await tab.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await tab.waitForFunction(() => window.__story, null, { timeout: 60_000, polling: 100 });
  const own = PAGES[page].own;
  if (own) await tab.waitForFunction((m) => performance.getEntriesByName(m).length > 0, own, { timeout: 60_000, polling: 100 });
  const [story, drawn] = await tab.evaluate((m) => [window.__story, m ? performance.getEntriesByName(m)[0].startTime : window.__story], own);
  const bytes = received.filter(([t]) => (t - start) * 1000 <= story).reduce((sum, [, n]) => sum + n, 0);
  await context.close();
  return { story, drawn, bytes };
}

const browser = await chromium.launch({
  executablePath: process.env.PASSERELLE_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update'],
});
await buildPeer();
const hosts = [];
let port = 4360;
for (const [page, root, csp] of [['passerelle', dist, true], ['peer', peer, false]]) {
  for (const [host, encodings] of [['gzip', ['gzip']], ['brotli', ['br', 'gzip']]]) {
    const server = await startServer(root, port, '127.0.0.1', { csp, encodings });
    hosts.push({ page, host, url: `http://127.0.0.1:${port}/`, server, runs: [] });
    port++;
  }
}
for (let run = 0; run < RUNS; run++) {
  for (const h of hosts) h.runs.push(await load(browser, h.url, h.page));
}
await browser.close();
for (const h of hosts) h.server.close();

const row = (h) => Object.fromEntries(['story', 'drawn', 'bytes'].map((k) => [k, median(h.runs.map((r) => r[k]))]));
console.log(`\nFirst load on a phone over slow 4G (median of ${RUNS} interleaved cold loads):`);
console.log(`${'host'.padEnd(8)} ${'page'.padEnd(12)} ${'story'.padStart(9)} ${'drawn'.padStart(9)} ${'KiB by story'.padStart(13)}`);
for (const hostName of ['gzip', 'brotli']) {
  const [ours, theirs] = ['passerelle', 'peer'].map((p) => row(hosts.find((h) => h.host === hostName && h.page === p)));
  for (const [name, r] of [['Passerelle', ours], ['peer', theirs]]) {
    console.log(`${hostName.padEnd(8)} ${name.padEnd(12)} ${(r.story / 1000).toFixed(2).padStart(7)} s ${(r.drawn / 1000).toFixed(2).padStart(7)} s ${(r.bytes / 1024).toFixed(0).padStart(13)}`);
  }
  console.log(`${hostName.padEnd(8)} ratio: story ${(ours.story / theirs.story).toFixed(2)}× the peer's, the app's own drawing ${(ours.drawn / theirs.drawn).toFixed(2)}×`);
}
