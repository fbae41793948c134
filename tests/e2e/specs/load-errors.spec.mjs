// A broken or missing dataset must give a specific message in the page and the console,
// never a blank page or a panic.
import { test, expect, appSettled } from '../fixtures.mjs';

const DATA = '**/data/cooperation.json';

async function expectLoadError(page, consoleErrors, expected) {
  await page.goto('./');
  await appSettled(page);
  const alert = page.getByTestId('load-error');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert.locator('.load-error__message')).toHaveText(expected);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passerelle');
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  // The console carries the very sentence the page shows.
  const shown = await alert.locator('.load-error__message').textContent();
  expect(consoleErrors).toContain(`Passerelle: ${shown}`);
}

test('a missing dataset (404) names the file and the status', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.fulfill({ status: 404, body: 'not found' }));
  await expectLoadError(page, consoleErrors,
    /^Could not load data\/cooperation\.json: the server answered HTTP 404( Not Found)?\.$/);
});

test('a network failure says the request failed', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.abort('connectionrefused'));
  await expectLoadError(page, consoleErrors, /^Could not load data\/cooperation\.json: the request failed \(.+\)\.$/);
});

test('an empty file says it is empty', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '' }));
  await expectLoadError(page, consoleErrors, 'data/cooperation.json is empty: expected a JSON dataset.');
});

test('invalid JSON gives the line and column', async ({ page, consoleErrors }) => {
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: '{\n  "schema": 1,\n  "sites": [,]\n}' }));
  await expectLoadError(page, consoleErrors,
    'data/cooperation.json is not valid JSON: expected value at line 3, column 13.');
});

test('a wrong value names the record and the field', async ({ page, request, consoleErrors }) => {
  const ds = await (await request.get('data/cooperation.json')).json();
  ds.sites[1].kind = 'castle';
  await page.route(DATA, (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  await expectLoadError(page, consoleErrors,
    new RegExp(`^data/cooperation\\.json, record "${ds.sites[1].id}", field sites\\[1\\]\\.kind: unknown variant \`castle\``));
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
