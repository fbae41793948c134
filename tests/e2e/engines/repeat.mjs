// Loads the app again and again in one engine and counts the loads that fail (the app's
// internal-error alert, or nothing drawn in 20 s): the way to tell whether an engine's
// rare failure is still there, e.g. WebKitGTK's baseline wasm compiler (README, "Other
// engines"):
//
//   JSC_useBBQJIT=true node engines/repeat.mjs webkit 500
import { startServer } from '../server.mjs';
import { ENGINES, freePort, launch, until } from './drivers.mjs';
import { drawn } from './smoke.mjs';

const [engine = 'webkit', loads = '200'] = process.argv.slice(2);
if (!ENGINES.includes(engine)) throw new Error(`unknown engine ${engine}: one of ${ENGINES.join(', ')}`);
const dist = process.env.PASSERELLE_DIST ?? new URL('../../../dist', import.meta.url).pathname;
const port = await freePort();
const server = await startServer(dist, port, '127.0.0.1');
const base = `http://127.0.0.1:${port}/`;
const queries = ['?lang=zh&view=china&kind=agreement&item=agreement-aura-hebei', '?lang=fr&view=overview', '?lang=en&site=lyon'];
let d = await launch(engine);
console.log(`${engine} ${d.version}, ${loads} loads`);
let failed = 0, crashed = 0;
for (let i = 0; i < Number(loads); i++) {
  const q = queries[i % queries.length];
  const outcome = await (async () => {
    await d.goto(base + q);
    return until(
      async () => (await d.eval(() => document.getElementById('fatal-error')?.textContent)) || ((await d.eval(drawn)) && 'drawn'),
      'the drawing',
      20_000,
    );
  })().catch((e) => e.message);
  if (outcome !== 'drawn') {
    failed++;
    console.log(`  load ${i + 1} ${q}: ${outcome.slice(0, 400)}`);
    // The browser itself went away (its WebDriver session with it): counted, and a new one.
    if (/invalid session id/.test(outcome)) {
      crashed++;
      await d.close().catch(() => {});
      d = await launch(engine);
    }
  }
}
console.log(`${failed} of ${loads} loads failed${crashed ? ` (${crashed} of them the browser's session ending)` : ''}`);
await d.close();
server.close();
process.exit(0);
