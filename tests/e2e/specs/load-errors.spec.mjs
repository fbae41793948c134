// A broken or missing dataset must give a specific message in the page and the console,
// never a blank page or a panic.
import { test, expect, appSettled } from '../fixtures.mjs';

// The reader's edition of the shipped dataset (src/model/edition.rs), or the whole file.
const DATA = '**/data/cooperation*.json';

async function expectLoadError(page, consoleErrors, expected) {
  await page.goto('./');
  await appSettled(page);
  const alert = page.getByTestId('load-error');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert.locator('.load-error__message')).toHaveText(expected);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passerelle');
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  await expect(page.getByTestId('present'), 'nothing to present').toHaveCount(0);
  // The console carries the very sentence the page shows (then the list, if any).
  const shown = await alert.locator('.load-error__message').textContent();
  expect(consoleErrors.map((e) => e.split('\n')[0])).toContain(`Passerelle: ${shown}`);
}

test('a missing dataset (404) names the file and the status', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.fulfill({ status: 404, body: 'not found' }));
  await expectLoadError(page, consoleErrors,
    /^Could not load data\/cooperation\.en\.json: the server answered HTTP 404( Not Found)?\.$/);
});

test('a network failure says the request failed', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.abort('connectionrefused'));
  // The browser's own error, its name first (not a text of the code that made the request).
  await expectLoadError(page, consoleErrors, /^Could not load data\/cooperation\.en\.json: the request failed \(TypeError: .+\)\.$/);
});

test('an empty file says it is empty', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '' }));
  await expectLoadError(page, consoleErrors, 'data/cooperation.en.json is empty: expected a JSON dataset.');
});

test('invalid JSON gives the line and column', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "schema": 1,\n  "sites": [,]\n}' }));
  await expectLoadError(page, consoleErrors,
    'data/cooperation.en.json is not valid JSON: expected value at line 3, column 13.');
});

test('a wrong value names the record and the field', async ({ page, request, consoleErrors }) => {
  const ds = await (await request.get('data/cooperation.json')).json();
  ds.sites[1].kind = 'castle';
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  await expectLoadError(page, consoleErrors,
    new RegExp(`^data/cooperation\\.en\\.json, record "${ds.sites[1].id}", field sites\\[1\\]\\.kind: unknown variant \`castle\``));
});

test('HTML in a broken dataset is shown as text, never run', async ({ page, consoleErrors }) => {
  const body = '{"schema": 1, "sources": [], "sites": [], "actors": [], "items": [], "<img src=x onerror=alert(1)>": 1}';
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await expectLoadError(page, consoleErrors, /unknown field `<img src=x onerror=alert\(1\)>`/);
  await expect(page.locator('.load-error img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a dataset with several errors lists every one, and draws nothing', async ({ page, consoleErrors }) => {
  const fs = await import('node:fs');
  const url = new URL('../../fixtures/broken/33-several-errors-at-once.json', import.meta.url);
  const expected = fs.readFileSync(new URL('../../fixtures/broken/33-several-errors-at-once.expected', import.meta.url), 'utf8')
    .trimEnd().split('\n').slice(1).map((l) => l.replace(/^\s+\d+\. /, ''));
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: fs.readFileSync(url, 'utf8') }));
  await expectLoadError(page, consoleErrors, 'data/cooperation.en.json has 5 errors.');
  await expect(page.locator('.load-error__issues li')).toHaveText(expected);
  for (const line of expected) expect(consoleErrors.join('\n')).toContain(line);
  await expect(page.locator('.timeline-item')).toHaveCount(0);
  await expect(page.locator('[data-site]')).toHaveCount(0);
});

test('warnings are shown, but the dataset is still drawn', async ({ page, request, consoleErrors }) => {
  const ds = await (await request.get('data/cooperation.json')).json();
  ds.items[0].sources[0].place = '';
  ds.items[1].sources[0].place = '';
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  const consoleWarnings = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('Passerelle: data/') && consoleWarnings.push(m.text()));
  await page.goto('./');
  await appSettled(page);
  const warnings = page.getByTestId('data-warnings');
  await expect(warnings).toBeVisible();
  await expect(warnings).toContainText(`record "${ds.items[0].id}", field items[0].sources[0].place: no place in the source is given`);
  // The console has them too, in one message naming the file, a line each.
  expect(consoleWarnings).toEqual([[
    'Passerelle: data/cooperation.en.json, 2 warnings:',
    `- record "${ds.items[0].id}", field items[0].sources[0].place: no place in the source is given.`,
    `- record "${ds.items[1].id}", field items[1].sources[0].place: no place in the source is given.`,
  ].join('\n')]);
  await expect(page.locator('.timeline-item')).toHaveCount(ds.items.length);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a dataset saved with a byte-order mark, and a broken byte in a text, is read as the browser reads text', async ({ page, request, consoleErrors }) => {
  const ds = await (await request.get('data/cooperation.json')).json();
  ds.items[0].title.en = 'Broken BYTE here';
  // As a Windows editor saves it (a UTF-8 byte-order mark), with one byte no UTF-8 text has.
  const text = Buffer.from(JSON.stringify(ds));
  const at = text.indexOf('BYTE');
  text[at] = 0xff;
  const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]);
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('./?lang=en');
  await appSettled(page);
  await expect(page.getByTestId('load-error')).toHaveCount(0);
  await expect(page.locator('.timeline-item')).toHaveCount(ds.items.length);
  // The broken byte is the replacement character, as the browser's own reading makes it.
  await expect(page.locator(`.timeline-item[data-item="${ds.items[0].id}"]`)).toContainText('Broken \ufffdYTE here');
  expect(consoleErrors).toEqual([]);
});

// Release builds abort at once on a panic: the panic reaches the page as an uncaught
// WebAssembly trap, which must still become a message, not a dead page.
test('an uncaught WebAssembly trap shows the internal-error alert', async ({ page }) => {
  await page.goto('./');
  await appSettled(page);
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  // An ordinary script error is not the app failing.
  await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new Error('a script error') })));
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  const alert = page.locator('#fatal-error');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert.locator('h2')).toHaveText('Passerelle stopped because of an internal error');
  await expect(alert.locator('pre')).toHaveText('RuntimeError: unreachable');
  await expect(alert).toBeFocused();
  // A way out: the reload button gives a working page again.
  await alert.getByRole('button', { name: 'Reload the page' }).click();
  await appSettled(page);
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  await expect(page.locator('.map-frame .map-svg [data-site]').first()).toBeVisible();
  // In the page's language.
  await page.goto('./?lang=fr');
  await appSettled(page);
  await page.evaluate(() => dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  await expect(page.locator('#fatal-error h2')).toHaveText("Passerelle s'est arrêtée à cause d'une erreur interne");
});

test('the error reads in the page language; the console keeps the English sentence', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto('./?lang=fr');
  await appSettled(page);
  const alert = page.getByTestId('load-error');
  await expect(alert.locator('h2')).toHaveText("Les données de la coopération n'ont pas pu être chargées");
  await expect(alert.locator('.load-error__message'))
    .toHaveText(/^Impossible de charger data\/cooperation\.fr\.json : le serveur a répondu HTTP 404( Not Found)?\.$/);
  expect(consoleErrors.some((e) => /^Passerelle: Could not load data\/cooperation\.fr\.json: the server answered HTTP 404/.test(e))).toBe(true);
  await page.locator('.lang-switcher button', { hasText: '中文' }).click();
  await expect(alert.locator('.load-error__message')).toHaveText(/^无法加载 data\/cooperation\.fr\.json：服务器返回 HTTP 404( Not Found)?。$/);
});
