// The broken and hostile dataset corpus, each loaded through ?data= in the real page: each
// shows its specific message (the one the native test expects), none panics, none runs
// script, none leaves a blank page. And ?data= only accepts paths on this site.
import { test, expect, appSettled } from '../fixtures.mjs';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../fixtures/broken/', import.meta.url));
const cases = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

async function serveCorpus(page) {
  await page.route('**/broken/*.json', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    route.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(`${DIR}${name}`) });
  });
}

async function expectNoHarm(page, dialogs) {
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passerelle');
  expect(dialogs.length).toBe(0);
}

test(`each of the ${cases.length} broken datasets shows its own message in the page`, async ({ page, consoleErrors }) => {
  // One page load per case in one test: its time grows with the corpus. The default 30 s
  // was 39 loads of 0.5 s on a quiet machine (20.8 s) and ran out on a slow CI run (30.8 s):
  // a budget per load, not one for all.
  test.setTimeout(30_000 + cases.length * 2_000);
  expect(cases.length).toBeGreaterThanOrEqual(30);
  await serveCorpus(page);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  for (const name of cases) {
    const expected = readFileSync(`${DIR}${name.replace(/\.json$/, '.expected')}`, 'utf8').trimEnd()
      .replaceAll(name, `broken/${name}`).split('\n');
    await page.goto(`./?data=broken/${name}&lang=en`);
    await appSettled(page);
    const alert = page.getByTestId('load-error');
    await expect(alert, name).toBeVisible();
    await expect(alert.locator('.load-error__message'), name).toHaveText(expected[0]);
    if (expected.length > 1) {
      await expect(alert.locator('.load-error__issues li'), name).toHaveText(expected.slice(1).map((l) => l.replace(/^\s+\d+\. /, '')));
    }
    await expectNoHarm(page, dialogs);
    expect(consoleErrors.some((e) => e.startsWith(`Passerelle: ${expected[0]}`)), name).toBe(true);
  }
});

test('a 10 MB file is refused by size, without freezing the page', async ({ page }) => {
  const body = '{"schema": 1, "items": [' + '"x",'.repeat(2_600_000) + '"x"]}';
  await page.route('**/huge.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('./?data=huge.json&lang=en');
  await appSettled(page);
  await expect(page.locator('.load-error__message')).toHaveText(/^huge\.json is 10\d{3} KB; a dataset may be at most 8000 KB\.$/);
});

test('script and HTML inside a valid dataset are shown as text, never run', async ({ page, request }) => {
  const ds = await (await request.get('data/cooperation.json')).json();
  ds.items[0].title.en = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  ds.sites[0].name.en = '<svg onload="window.__pwned=1">';
  await page.route('**/hostile.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(`./?data=hostile.json&lang=en&item=${ds.items[0].id}`);
  await appSettled(page);
  await expect(page.locator('.detail h3')).toHaveText(ds.items[0].title.en);
  await expect(page.locator('.map-frame .map-svg')).toHaveCount(2);
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  await expect(page.locator(`.list-view button[data-item="${ds.items[0].id}"]`)).toHaveText(ds.items[0].title.en);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"], script:not([src]):not([type])').filter({ hasText: 'pwned' })).toHaveCount(0);
  await expectNoHarm(page, dialogs);
});

for (const [label, value] of [
  ['another host', 'https://evil.example/data.json'],
  ['a protocol-relative address', '//evil.example/data.json'],
  ['a javascript: address', 'javascript:alert(1)'],
  ['a data: address', 'data:application/json,{}'],
  ['a path going up', '../../etc/passwd.json'],
]) {
  test(`?data= refuses ${label}`, async ({ page, requests }) => {
    await page.goto(`./?data=${encodeURIComponent(value)}&lang=en`);
    await appSettled(page);
    await expect(page.locator('.load-error__message')).toHaveText(new RegExp(`^Refused to load ${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: `));
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:4173/'))).toEqual([]);
  });
}

test('in French and Chinese each finding reads in that language, its record and field too', async ({ page }) => {
  await serveCorpus(page);
  await page.goto('./?data=broken/10-wrong-type-longitude.json&lang=fr');
  await appSettled(page);
  const message = page.getByTestId('load-error').locator('.load-error__message');
  await expect(message).toHaveText('broken/10-wrong-type-longitude.json, fiche « lyon », champ sites[0].lon : type incorrect : string "4.8357" ; attendu : f64.');
  await page.goto('./?data=broken/14-duplicate-site-id.json&lang=zh');
  await appSettled(page);
  await expect(page.getByTestId('load-error').locator('.load-error__message')).toHaveText('broken/14-duplicate-site-id.json 有 2 个错误。');
  await expect(page.locator('.load-error__issues li').first()).toHaveText('记录“lyon”，字段 sites[1].id：标识符“lyon”已被地点中的另一条记录使用。');
});

test('a dataset named by ?data= is the only one asked for, and the shipped one is otherwise', async ({ page, requests }) => {
  // (An embedding page's own dataset: the shipped one, preloaded beside the code, would be
  // downloaded for nothing.)
  const shipped = readFileSync(new URL('../../../public/data/cooperation.json', import.meta.url));
  await page.route('**/regional.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: shipped }));
  await page.goto('./?data=regional.json&lang=en');
  await appSettled(page);
  await expect(page.getByTestId('timeline')).toBeVisible();
  expect(requests.filter((u) => u.endsWith('/regional.json'))).toHaveLength(1);
  expect(requests.filter((u) => u.includes('/data/cooperation'))).toEqual([]);
  await page.goto('./?lang=en');
  await appSettled(page);
  expect(requests.filter((u) => u.includes('/data/cooperation')).length).toBeGreaterThan(0);
});
