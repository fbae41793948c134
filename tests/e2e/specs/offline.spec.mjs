// Presenting without the conference Wi-Fi: after one visit the service worker keeps the
// app, its dataset, its parts on demand and the console, which then open and work with the
// network off; a new
// build is picked up on the next load online.
import { test, expect, appSettled } from '../fixtures.mjs';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server.mjs';

test.use({ serviceWorkers: 'allow' });

const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

/** Waits until a service worker controls the page (after one visit). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 10_000 }).toBe(true);
}

test('after one visit the app, its parts on demand, a tour and the console work with the network off', async ({ page, context, request }) => {
  const ds = await (await request.get('data/cooperation.json')).json();
  const tour = ds.tours[0];
  await page.goto('./?lang=en');
  await appSettled(page);
  await controlled(page);
  // The worker's cache holds the build (its files listed at build time).
  const cached = await page.evaluate(async () => (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname)))).flat());
  expect(cached.some((p) => p.endsWith('_bg.wasm')) && cached.some((p) => p.endsWith('/data/cooperation.en.json'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await appSettled(page);
  await expect(page.locator('.map-frame .map-svg .site__mark').first()).toBeVisible();
  await expect(page.locator('.timeline-item').first()).toBeAttached();
  // The parts on demand, their chunks from the cache: the list, the Share dialog.
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  await expect(page.locator('.list-view tbody tr').first()).toBeVisible();
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toHaveValue(/lang=en/);
  await page.getByTestId('share-close').click();
  // A tour, presented, and its console: all from the cache.
  await page.goto(`./?mode=present&tour=${tour.id}&step=3&lang=en`);
  await appSettled(page);
  await expect(page.getByTestId('presenter-progress')).toHaveText(`Step 3 of ${tour.steps.length}`);
  const [consolePage] = await Promise.all([context.waitForEvent('page'), page.getByTestId('presenter-console').click()]);
  await appSettled(consolePage);
  await expect(consolePage.getByTestId('console-notes')).toHaveText(tour.steps[2].notes.en);
  await consolePage.keyboard.press('PageDown');
  await expect(page.getByTestId('presenter-progress')).toHaveText(`Step 4 of ${tour.steps.length}`);
  await context.setOffline(false);
});

test('a new build is served after an online reload, and then offline too', async ({ browser }) => {
  // A copy of the build on a server of its own, to rebuild it under the worker's feet.
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-dist-'));
  cpSync(DIST, dir, { recursive: true });
  const port = 4180 + Math.floor(Math.random() * 10);
  const server = await startServer(dir, port);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  const page = await context.newPage();
  try {
    const base = `http://127.0.0.1:${port}/`;
    await page.goto(`${base}?lang=en&item=forum-2018-chambery`);
    await appSettled(page);
    await controlled(page);
    const oldWorker = readFileSync(join(dir, 'sw.js'), 'utf8');
    // "Rebuild": the dataset changes, and so does the worker's build id.
    const data = JSON.parse(readFileSync(join(dir, 'data/cooperation.json'), 'utf8'));
    const forum = data.items.find((i) => i.id === 'forum-2018-chambery');
    forum.title.en = 'The Forum, as rebuilt';
    // (Where an English reader reads it: the English edition, here the whole file.)
    writeFileSync(join(dir, 'data/cooperation.en.json'), JSON.stringify(data));
    rmSync(join(dir, 'data/cooperation.en.json.br'), { force: true });
    rmSync(join(dir, 'data/cooperation.en.json.gz'), { force: true });
    writeFileSync(join(dir, 'sw.js'), oldWorker.replace(/BUILD="[0-9a-f]+"/, 'BUILD="0123456789abcdef"'));
    for (const f of ['sw.js.br', 'sw.js.gz']) rmSync(join(dir, f), { force: true });
    await page.reload();
    await appSettled(page);
    await expect(page.locator('#detail-title')).toHaveText('The Forum, as rebuilt');
    // The new worker takes over and drops the old build's cache.
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).join(',')), { timeout: 10_000 }).toBe('passerelle-0123456789abcdef');
    await context.setOffline(true);
    await page.reload();
    await appSettled(page);
    await expect(page.locator('#detail-title')).toHaveText('The Forum, as rebuilt');
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
