// Code on demand: what most visitors never use is not part of the first load. Each part
// arrives on its first use and works then; the printed handout arrives once the page is
// idle; a part that cannot be fetched says so in the page's language, the rest of the page
// keeps working, and a retry fetches it.
import { test, expect, appDrawn, nextFrames } from '../fixtures.mjs';

const CHUNK = /\/split_([a-z]+)-[0-9a-f]{16}\.wasm$/;

/** The chunks the page asked for, by name, in order. */
function chunkRequests(page) {
  const names = [];
  page.on('request', (r) => {
    const m = new URL(r.url()).pathname.match(CHUNK);
    if (m) names.push(m[1]);
  });
  return names;
}

// The chunks: `reader` (the handout, Share and export, the list), `presenter` (tours, the
// presenter card, the speaker's console and the channel between them), `errors` (the checker
// of a text the build did not check, load errors and the checker's findings), `embed` (the
// messages to and from an embedding page), `bulk` (a large dataset's drawing).
// Without the pre-rendered page (as here) the first drawing needs the base map's file and
// its reader, a chunk the page asks for ahead, beside the file (first-screen.spec.mjs);
// behind the pre-rendered page both come after the first drawing (map.spec.mjs).
test('the first drawing needs no chunk but the base map\'s reader, asked for ahead; the reader\'s arrives once the page is idle', async ({ page }) => {
  const asked = chunkRequests(page);
  await page.goto('./?lang=en');
  await appDrawn(page);
  const atDrawing = [...asked];
  expect(atDrawing.filter((c) => c !== 'reader'), 'chunks asked for before the first drawing').toEqual(['basemap']);
  await expect.poll(() => asked.includes('reader'), { timeout: 10_000 }).toBe(true);
  expect(asked.filter((c) => c !== 'reader' && c !== 'basemap'), 'chunks asked for without a reader\'s action').toEqual([]);
});

// The shipped dataset was read and found clean by the build, which wrote its fingerprint
// into the page: those very bytes are read without the checker (above, no chunk before the
// first drawing). Any other text, an editor's file changed since, is checked in full.
test('a dataset changed since the build is checked, by a chunk', async ({ page, request }) => {
  const asked = chunkRequests(page);
  const ds = await (await request.get('data/cooperation.json')).json();
  ds.items[0].sites = ['nowhere'];
  await page.route('**/data/cooperation*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  await page.goto('./?lang=en');
  await expect(page.locator('meta[name="passerelle-checked"]')).toHaveAttribute('content', /^[0-9a-f]{16}$/);
  const alert = page.getByTestId('load-error');
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText(`record "${ds.items[0].id}", field items[0].sites[0]: refers to site "nowhere", which does not exist`);
  expect(asked).toContain('errors');
});

test('a checker that cannot be fetched says so, in place of a drawing of unchecked data', async ({ page, request, consoleErrors }) => {
  const ds = await (await request.get('data/cooperation.json')).json();
  ds.items[0].title.en += ' (edited)';
  await page.route('**/data/cooperation*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  await page.route(/\/split_errors-[0-9a-f]{16}\.wasm$/, (r) => r.abort('internetdisconnected'));
  await page.goto('./?lang=en');
  // The network gone: the chunk's own message, in the page's language (the load error's
  // panel is in that chunk too), and nothing unchecked drawn.
  const alert = page.getByRole('alert').filter({ hasText: 'could not be downloaded' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.locator('.timeline-item')).toHaveCount(0);
  await expect(page.locator('[data-site]')).toHaveCount(0);
  expect(consoleErrors.join('\n')).toContain("Passerelle: Could not load data/cooperation.en.json: the request failed (the app's checker of datasets:");
});

test('an embedded page asks once for the chunk that talks to its parent; a page alone never does', async ({ page }) => {
  const asked = chunkRequests(page);
  // (The messages themselves, in a real parent page: embed.spec.mjs.)
  await page.goto('./?lang=en&embed=1');
  await appDrawn(page);
  await expect.poll(() => asked.filter((c) => c === 'embed').length).toBe(1);
  expect(asked.filter((c) => !['reader', 'embed', 'basemap'].includes(c)), 'other chunks, without a reader\'s action').toEqual([]);
});

test('each part on demand works on its first use, and asks for its chunk once', async ({ page }) => {
  const asked = chunkRequests(page);
  await page.goto('./?lang=en');
  await appDrawn(page);

  // Share: the dialog opens at once, its content arrives with its chunk.
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  await expect(page.getByTestId('share-link')).toHaveValue(/lang=en/);
  await expect(page.getByTestId('export-svg')).toBeVisible();
  await page.getByTestId('share-close').click();
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share-link')).toBeVisible();
  await page.getByTestId('share-close').click();

  // The list, the timeline's other tab.
  await page.locator('[data-panel="list"]').click();
  await expect(page.locator('.list-view tbody tr').first()).toBeVisible();

  // A guided tour, then presenting.
  await page.goto('./?lang=en&mode=guide&step=2');
  await expect(page.getByTestId('guide-card')).toBeVisible();
  await page.getByTestId('guide-next').click();
  await expect(page.getByTestId('guide-progress')).toContainText('3');
  await page.goto('./?lang=en&mode=present&step=1');
  await expect(page.getByTestId('presenter-card')).toBeVisible();

  // The speaker's console, a page of its own.
  await page.goto('./?lang=en&mode=console&step=1');
  await expect(page.getByTestId('console')).toBeVisible();

  for (const chunk of ['reader', 'presenter']) expect(asked, `the ${chunk} chunk`).toContain(chunk);
  expect(asked, 'the errors chunk, with nothing to report').not.toContain('errors');
  // Within one page, a chunk is fetched once however often its parts are opened.
  expect(asked.slice(0, asked.indexOf('presenter')).filter((c) => c === 'reader')).toHaveLength(1);
});

test('a chunk that cannot be fetched says so, the page keeps working, and a retry fetches it', async ({ page }) => {
  let blocked = true;
  await page.route(/\/split_reader-[0-9a-f]{16}\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
  await page.goto('./?lang=fr');
  await appDrawn(page);
  await page.locator('[data-panel="list"]').click();
  const failed = page.getByTestId('chunk-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toHaveAttribute('role', 'alert');
  await expect(failed).toContainText('n\'a pas pu être téléchargée');
  // The rest of the page works: back to the timeline, a selection opens its details.
  await page.locator('[data-panel="timeline"]').click();
  await page.locator('.timeline-item').first().click();
  await expect(page.getByTestId('details')).toBeVisible();
  await page.getByTestId('close-details').click();
  // The network is back: a retry fetches the chunk and draws the list.
  await page.locator('[data-panel="list"]').click();
  blocked = false;
  await page.getByTestId('chunk-retry').click();
  await expect(page.locator('.list-view tbody tr').first()).toBeVisible();
  await expect(failed).toHaveCount(0);
  await nextFrames(page);
});
