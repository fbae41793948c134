// The interactive map in a real browser: every site and link of the real data, selection
// by click and keyboard, zoom and pan by buttons, keys, wheel and drag, the regional views
// keeping close sites apart, and a screenshot of each view at three sizes.
import { test, expect, shippedDataset, appSettled, appDrawn, SCREENSHOTS, expectedLinks } from '../fixtures.mjs';

async function openMap(page) {
  await page.goto('./?view=overview');
  await appSettled(page);
  await expect(page.locator('.map-frame .map-svg [data-site]').first()).toBeVisible();
}

const transform = (page) => page.locator('.map-frame').getAttribute('data-transform');

async function switchView(page, slug) {
  // On a phone the views are in the map's menu.
  const menu = page.getByTestId('map-menu');
  if (await menu.isVisible()) await menu.click();
  await page.locator(`.map-views button[data-view="${slug}"]`).click();
  await expect(page.locator('.map-frame')).toHaveAttribute('data-view', slug);
  // Wait for the move to finish: the transform stops changing.
  let last = null;
  await expect.poll(async () => { const now = await transform(page); const same = now === last; last = now; return same; },
    { intervals: [150, 150, 150, 300, 300, 500] }).toBe(true);
}

test('the overview shows every site and every link of the real data', async ({ page, request, consoleErrors }) => {
  const ds = await shippedDataset(request);
  await openMap(page);
  await expect(page.locator('.map-frame')).toHaveAttribute('data-view', 'overview');
  await expect(page.locator('.map-frame .map-svg [data-site]')).toHaveCount(ds.sites.length);
  const drawn = await page.locator('.map-frame .map-svg .link').evaluateAll((els) =>
    els.map((e) => `${e.dataset.item}:${e.dataset.from}:${e.dataset.to}`).sort());
  expect(drawn).toEqual(expectedLinks(ds));
  // Proposed items are dashed; the air route is marked as proposed; links between the
  // parties' seats are marked and named as such.
  await expect(page.locator('.map-frame .map-svg .link--air-route.link--proposed').first()).toBeVisible();
  const party = page.locator('.map-frame .map-svg .link--party[data-item="agreement-aura-hebei"]');
  await expect(party).toHaveAttribute('aria-label', /between the parties' seats/);
  for (const site of ds.sites) {
    await expect(page.locator(`.map-frame .map-svg [data-site="${site.id}"]`)).toHaveAttribute('aria-label', new RegExp(`^${site.name.en.replace(/[()]/g, '\\$&')}:`));
  }
  await expect(page.getByTestId('map-credit')).toContainText('Natural Earth');
  expect(consoleErrors).toEqual([]);
});

test('a site selected by click, and another by keyboard, opens its details', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await openMap(page);
  await switchView(page, 'france');
  const details = page.getByRole('complementary', { name: 'Details' });
  await page.locator('.map-frame .map-svg [data-site="lyon"] .site__mark').click();
  await expect(details.getByRole('heading', { level: 3 })).toHaveText('Lyon');
  await expect(page.locator('.map-frame .map-svg [data-site="lyon"]')).toHaveClass(/is-selected/);

  await page.locator('.map-frame .map-svg [data-site="val-thorens"]').focus();
  await page.keyboard.press('Enter');
  await expect(details.getByRole('heading', { level: 3 })).toHaveText('Val Thorens');
  // The site's items are listed and lead to the item.
  const esf = ds.items.find((i) => i.id === 'esf-ski-school-zhangjiakou');
  await details.getByRole('button', { name: esf.title.en }).click();
  await expect(details.getByRole('heading', { level: 3 })).toHaveText(esf.title.en);
});

test('a link selected by keyboard opens its item', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await openMap(page);
  const link = page.locator('.map-frame .map-svg .link[data-item="air-route-lyon-china"]').first();
  await link.focus();
  await expect(link).toHaveClass(/is-highlighted/);
  await expect(page.locator('.map-frame .map-svg [data-site="lyon"]')).toHaveClass(/is-highlighted/);
  await page.keyboard.press('Enter');
  const route = ds.items.find((i) => i.id === 'air-route-lyon-china');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 3 })).toHaveText(route.title.en);
});

test('zoom and pan by buttons, keys, wheel and drag change the view; 0 resets it', async ({ page }) => {
  await openMap(page);
  const home = await transform(page);
  await page.getByTestId('zoom-in').click();
  const zoomed = await transform(page);
  expect(zoomed).not.toEqual(home);
  await page.getByTestId('zoom-out').click();
  await page.getByTestId('zoom-reset').click();
  expect(await transform(page)).toEqual(home);

  await page.locator('.map-frame').focus();
  await page.keyboard.press('+');
  expect(await transform(page)).not.toEqual(home);
  await page.keyboard.press('ArrowLeft');
  const panned = await transform(page);
  await page.keyboard.press('ArrowRight');
  expect(await transform(page)).not.toEqual(panned);
  await page.keyboard.press('0');
  expect(await transform(page)).toEqual(home);

  const box = await page.locator('.map-frame').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => transform(page)).not.toEqual(home);
  await page.keyboard.press('0');
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.down();
  await page.mouse.move(box.x + 160, box.y + 140, { steps: 5 });
  await page.mouse.up();
  const dragged = await transform(page);
  expect(dragged).not.toEqual(home);
  expect(dragged.split(' ')[2]).toEqual(home.split(' ')[2]);  // a drag pans, it does not zoom
});

test('two fingers pinch to zoom in and out', async ({ page }) => {
  await openMap(page);
  const scale = async () => Number((await transform(page)).match(/scale\(([\d.]+)\)/)[1]);
  const home = await scale();
  const box = await page.locator('.map-frame').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  // Touch pointers as a phone sends them: two downs, moves of each, two ups.
  const pinch = (from, to) => page.evaluate(([cx, cy, from, to]) => {
    const frame = document.querySelector('.map-frame');
    const send = (type, id, dx) => frame.dispatchEvent(new PointerEvent(type, {
      bubbles: true, cancelable: true, pointerId: id, pointerType: 'touch', isPrimary: id === 1, button: type === 'pointermove' ? -1 : 0,
      clientX: cx + dx, clientY: cy,
    }));
    send('pointerdown', 1, -from); send('pointerdown', 2, from);
    for (let i = 1; i <= 5; i++) { const d = from + ((to - from) * i) / 5; send('pointermove', 1, -d); send('pointermove', 2, d); }
    send('pointerup', 1, -to); send('pointerup', 2, to);
  }, [cx, cy, from, to]);
  await pinch(40, 120);
  await expect.poll(scale).toBeGreaterThan(home * 2);
  const zoomed = await scale();
  await pinch(120, 60);
  await expect.poll(scale).toBeLessThan(zoomed * 0.75);
});

test('the regional views keep sites a few kilometres apart distinguishable', async ({ page }) => {
  await openMap(page);
  const boxes = async (ids) => Promise.all(ids.map((id) => page.locator(`.map-frame .map-svg [data-site="${id}"] .site__mark`).boundingBox()));
  // Markers are 12 px across (radius 6): apart when their centres are at least that far.
  const apart = (a, b) => Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2) >= 12;
  for (const [view, ids] of [['france', ['chambery', 'la-feclaz', 'savoie-technolac', 'usmb']], ['china', ['zhangjiakou', 'chongli', 'yanqing', 'great-wall']]]) {
    await switchView(page, view);
    const b = await boxes(ids);
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
      expect(apart(b[i], b[j]), `${view}: ${ids[i]} and ${ids[j]} do not overlap`).toBe(true);
    }
  }
});

test('the Olympic venues carry the Games dates', async ({ page }) => {
  await openMap(page);
  await switchView(page, 'china');
  await expect(page.locator('.map-frame .map-svg [data-site="zhangjiakou"]')).toHaveAttribute('aria-label', /Games 4–20 Feb 2022/);
});

for (const [name, size] of [['1280x720', { width: 1280, height: 720 }], ['1920x1080', { width: 1920, height: 1080 }], ['390x844', { width: 390, height: 844 }]]) {
  test(`each view at ${name}`, async ({ page }) => {
    await page.setViewportSize(size);
    await openMap(page);
    // The two regions fit every one of these frames: side by side, or one above the other.
    const views = ['overview', 'france', 'china', 'both'];
    await expect(page.locator('.map-views button[data-view="both"]')).toBeAttached();
    await expect(page.locator('.map-views button[data-view="both"]')).not.toHaveAttribute('hidden');
    for (const view of views) {
      await switchView(page, view);
      await page.locator('.map-panel').screenshot({ path: `${SCREENSHOTS}map-${view}-${name}.png` });
    }
  });
}

// What stands over a large map covers what is under it: no site's name or mark is placed
// under the boxes at its bottom left (the legend, the sites as a list, what the map cannot show), the
// view buttons at its top left, the zoom buttons or the credit at its bottom right. (At
// 1366x768 the side-by-side view once put "Savoie Mont Blanc University" half under the
// boxes; the overview put Shanghai's name and mark under the zoom-out button, Shawinigan's
// mark under the view buttons; the French view Turin's name and mark under the credit.) The boxes are left out where the legend starts open: the others then stand
// above it, and its height is not worked out.
for (const [width, height] of [[1920, 1080], [1366, 768], [1280, 720], [1024, 700], [844, 390]]) {
  for (const lang of ['en', 'fr', 'zh']) {
    test(`at ${width}x${height} in ${lang} no site's name stands under the boxes or the controls over the map`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      for (const view of ['both', 'france', 'china', 'overview']) {
        await page.goto(`./?lang=${lang}${view === 'both' ? '' : `&view=${view}`}`);
        await appSettled(page);
        await expect(page.locator('.map-frame .map-svg [data-site]').first()).toBeAttached();
        const under = await page.evaluate(() => {
          const legendOpen = document.querySelector('.map-extras > .map-box[open]') !== null;
          const over = [...document.querySelectorAll(`.map-views, .map-zoom, .map-credit${legendOpen ? '' : ', .map-extras > .map-box'}`)]
            .filter((e) => e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden')
            .map((e) => [e.className, e.getBoundingClientRect()]);
          const meets = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const labels = [...document.querySelectorAll('.map-frame .overlay .site__label')]
            .filter((l) => getComputedStyle(l).visibility !== 'hidden' && l.getBoundingClientRect().width > 0)
            .map((l) => [l.textContent, l]);
          const marks = [...document.querySelectorAll('.map-frame .map-svg [data-site] .site__mark')]
            .map((m) => [`the mark of ${m.closest('[data-site]').getAttribute('data-site')}`, m]);
          return [...labels, ...(marks.length ? marks : [['no mark found', document.body]])]
            .flatMap(([what, e]) => over.filter(([, r]) => meets(e.getBoundingClientRect(), r)).map(([name]) => `${what} under ${name}`));
        });
        expect(under, `${view}`).toEqual([]);
      }
    });
  }
}

test('keyboard focus stays on its site while the map pans and zooms around it', async ({ page }) => {
  await openMap(page);
  await switchView(page, 'france');
  await page.locator('.map-frame .map-svg [data-site="lyon"]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('+');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-site'))).toBe('lyon');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 3 })).toHaveText('Lyon');
});

test('the items the map cannot show are listed beside it and in its text alternative', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await openMap(page);
  // Neither a site nor a link: with no sites and, by the map's rule, no party link.
  const linked = new Set(expectedLinks(ds).map((l) => l.split(':')[0]));
  const offMap = ds.items.filter((i) => i.sites.length === 0 && !linked.has(i.id)).map((i) => i.id);
  expect(offMap.length).toBeGreaterThan(0);
  const box = page.getByTestId('off-map');
  await expect(box.locator('summary')).toHaveText(`${offMap.length} items are not on the map`);
  await box.locator('summary').click();
  await expect(box.locator('[data-off-map]')).toHaveCount(offMap.length);
  expect(await box.locator('[data-off-map]').evaluateAll((els) => els.map((e) => e.dataset.offMap))).toEqual(offMap);
  await box.locator(`[data-off-map="${offMap[0]}"]`).click();
  const title = ds.items.find((i) => i.id === offMap[0]).title.en;
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 3 })).toHaveText(title);
});

test('figures, coordinates and what is marked read in the page\'s language', async ({ page }) => {
  for (const [lang, figure, west, marked] of [
    ['fr', 'plus de 900\u202f000 habitants', '46,5668° N, 72,7491° O', /Hors des sources \(connaissance commune\) : les coordonnées/],
    ['zh', '人口：超过900,000', '北纬46.5668°，西经72.7491°', /不出自资料来源（常识）：坐标/],
    ['en', 'more than 900,000 inhabitants', '46.5668° N, 72.7491° W', /Not from the sources \(common knowledge\): the coordinates/],
  ]) {
    await page.goto(`./?lang=${lang}&site=zhangjiakou`);
    await appSettled(page);
    await expect(page.locator('.detail-panel__figures li').first()).toHaveText(figure);
    await page.goto(`./?lang=${lang}&site=shawinigan`);
    await appSettled(page);
    await expect(page.getByTestId('coordinates')).toHaveText(west);
    await expect(page.getByTestId('not-from-sources')).toHaveText(marked);
    await expect(page.getByTestId('not-from-sources')).not.toContainText('name.zh');
  }
  // An item shows its own figures and what it marks.
  await page.goto('./?lang=en&item=business-contracts-2018');
  await appSettled(page);
  await expect(page.locator('.detail .detail-panel__figures')).toContainText('12 partnership contracts');
  await expect(page.getByTestId('not-from-sources')).toHaveText(/the date/);
});

/** The shipped dataset with 320 more sites in France, shared by two items of their own: an
 * agreement of 2018 (the first 160) and a project of 2021 (the rest): drawn in bulk. */
async function bulkDataset(request) {
  const ds = await shippedDataset(request);
  const extra = Array.from({ length: 320 }, (_, i) => ({
    id: `bulk-${i}`, name: { fr: `Lieu ${i}`, en: `Place ${i}`, zh: `地点${i}` }, kind: 'city',
    lon: 2 + (i % 20) * 0.3, lat: 43 + Math.floor(i / 20) * 0.35, side: 'france',
    region: { fr: 'Test', en: 'Test', zh: '测试' }, not_from_sources: ['coordinates'],
  }));
  const item = (id, kind, start, sites) => ({
    id, kind, title: { fr: id, en: id, zh: id }, description: { fr: 'x', en: 'x', zh: 'x' },
    when: { start, end: null, precision: 'year' }, status: 'signed', parties: [], sites, domains: [],
    sources: [{ source: ds.sources[0].id, place: '« test »' }],
  });
  ds.sites.push(...extra);
  ds.items.push(item('bulk-early', 'agreement', '2018', extra.slice(0, 160).map((s) => s.id)));
  ds.items.push(item('bulk-late', 'project', '2021', extra.slice(160).map((s) => s.id)));
  return ds;
}

/** Where a labelled site's marker is painted on the bulk canvas (frame pixels), by the
 * label's `data-at`: of the labelled sites whose id starts with `prefix` (and whose number
 * after it is at least `from`), the one nearest the frame's centre (clear of the controls
 * at its edges). */
async function paintedSite(page, prefix, from = 0) {
  await expect(page.locator(`.map-frame .overlay [data-label-of^="${prefix}"]`).first()).toBeAttached();
  return page.evaluate(([prefix, from]) => {
    const frame = document.querySelector('.map-frame').getBoundingClientRect();
    const sites = [...document.querySelectorAll(`.map-frame .overlay [data-label-of^="${prefix}"]`)]
      .filter((l) => !(Number(l.dataset.labelOf.slice(prefix.length)) < from))
      .map((l) => {
        const [x, y] = l.dataset.at.split(',').map(Number);
        return { id: l.dataset.labelOf, x, y, name: l.textContent, off: Math.hypot(x - frame.width / 2, y - frame.height / 2) };
      });
    return sites.sort((a, b) => a.off - b.off)[0];
  }, [prefix, from]);
}

/** The canvas pixel (RGBA) at a point of the frame. */
function pixelAt(page, { x, y }) {
  return page.evaluate(([x, y]) => {
    const c = document.querySelector('.map-canvas');
    const k = c.width / c.clientWidth;
    return [...c.getContext('2d').getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data];
  }, [x, y]);
}

test('with hundreds of sites drawn in bulk, the filter hides and the time cursor fades them too', async ({ page, request }) => {
  await page.route('**/bulk.json', async (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(await bulkDataset(request)) }));
  const painted = () => page.locator('.map-canvas').evaluate((c) => Number(c.dataset.sites || 0));
  await page.goto('./?data=bulk.json&view=france');
  await appDrawn(page);
  // The first drawing placed (and rastered) the sites once, for the measured frame's
  // windows: not first for the windows of a frame the page did not have.
  const placedBeforeDrawn = () => {
    const drawn = performance.getEntriesByName('passerelle:map-drawn')[0].startTime;
    return performance.getEntriesByName('passerelle:sites-drawn').filter((m) => m.startTime <= drawn).length;
  };
  expect(await page.evaluate(placedBeforeDrawn)).toBe(1);
  // Painted on the canvas, not an element each.
  await expect(page.locator('.map-frame .overlay [data-site]')).toHaveCount(0);
  const all = await painted();
  expect(all).toBeGreaterThan(320);
  // The filter leaves out the project: its 160 markers are no longer painted.
  await page.goto('./?data=bulk.json&view=france&kind=agreement');
  await appDrawn(page);
  const agreements = await painted();
  expect(agreements).toBeGreaterThanOrEqual(160);
  expect(agreements).toBeLessThanOrEqual(all - 160);
  await page.goto('./?data=bulk.json&view=france&kind=project');
  await appDrawn(page);
  expect(await painted()).toBeLessThanOrEqual(all - 160);
  // The cursor in 2019: a site of 2021 fades (its label and its painted marker), one of 2018
  // does not.
  await page.goto('./?data=bulk.json&view=france');
  await appDrawn(page);
  // (A site of the late item's, by its number, wherever the view's fit puts the labels.)
  const late = await paintedSite(page, 'bulk-', 160);
  expect(late, 'a labelled site of 2021').toBeDefined();
  const lateBefore = await pixelAt(page, late);
  await page.goto('./?data=bulk.json&view=france&t=2019-06-30');
  await appDrawn(page);
  await expect(page.locator(`[data-label-of="${late.id}"]`)).toHaveClass(/is-future/);
  await expect.poll(() => pixelAt(page, late)).not.toEqual(lateBefore);
  const early = page.locator('.map-frame .overlay [data-label-of^="bulk-"]').filter({ hasNot: page.locator('xx') });
  const labels = await early.evaluateAll((els) => els.map((e) => [Number(e.dataset.labelOf.slice(5)), e.classList.contains('is-future')]));
  expect(labels.length).toBeGreaterThan(0);
  for (const [n, faded] of labels) expect(faded, `bulk-${n}`).toBe(n >= 160);
});

test.describe('behind the pre-rendered page', () => {
  test.use({ poster: true });

  test('a dataset drawn in bulk asks for the bulk painter\'s code before it is read', async ({ page, request }) => {
    // The shipped dataset's address, so the page's pre-rendered first screen is shown and the
    // app reads behind it (without a frame's wait, where nothing would hold the request).
    const body = JSON.stringify(await bulkDataset(request));
    await page.route('**/data/cooperation*.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto('./', { waitUntil: 'domcontentloaded' });
    // (Shown until the app has drawn: many frames after the page is read.)
    expect(await page.evaluate(() => !!document.getElementById('poster') && !document.documentElement.classList.contains('no-poster'))).toBe(true);
    await page.waitForFunction(() => performance.getEntriesByName('passerelle:map-drawn').length > 0);
    const t = await page.evaluate(() => ({
      read: performance.getEntriesByName('passerelle:data-read')[0].startTime,
      asked: performance.getEntriesByType('resource').find((e) => /split_bulk-/.test(e.name))?.startTime,
    }));
    expect(t.asked, 'the bulk chunk is fetched').toBeDefined();
    expect(t.asked).toBeLessThan(t.read);
  });

  // The page's drawing of the base map (cut to what its pages show) is what the app's map
  // starts on: the base map's file, 28 kB gzip, is not fetched beside the first module but
  // once the app has drawn; then the map draws it whole, and a file exported meanwhile
  // waits for it.
  test('the map starts on the page\'s base map and draws the shipped one once it has come', async ({ page }) => {
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    let release, asked;
    const held = new Promise((r) => { release = r; });
    const askedFor = new Promise((r) => { asked = r; });
    await page.route('**/data/basemap-*.json', async (r) => { asked(); await held; await r.continue(); });
    await page.goto('./?lang=en');
    await appDrawn(page);
    await expect(page.locator('#poster')).toHaveCount(0);
    await askedFor;
    const t = await page.evaluate(() => ({
      drawn: performance.getEntriesByName('passerelle:map-drawn')[0].startTime,
      preloaded: !!document.querySelector('link[rel=preload][href*="basemap-"]'),
    }));
    expect(t.preloaded, 'the base map is not asked for beside the code').toBe(false);
    const base = page.locator('.map-frame .world[data-pane="0"] .base path');
    const onPage = await base.count();
    const url = await page.evaluate(() => new URL(document.querySelector('meta[name=passerelle-basemap]').content, location.href).href);
    const shapes = (await (await page.request.get(url)).json()).shapes.length;
    expect(onPage, 'the page\'s drawing: the shapes in sight').toBeGreaterThan(10);
    expect(onPage).toBeLessThan(shapes);
    // A map file asked for now waits for the base map, then draws it whole.
    await page.getByTestId('share').first().click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-svg').click();
    release();
    const file = await (await download).createReadStream();
    let text = '';
    for await (const chunk of file) text += chunk;
    // (Cut to its panes; without the file in hand it would have none.)
    expect((text.match(/data-shape=/g) || []).length, 'the exported map\'s shapes').toBeGreaterThan(10);
    await expect.poll(() => base.count(), { message: 'the shipped base map, whole' }).toBe(shapes);
    const starts = (pattern) => page.evaluate((p) => performance.getEntriesByType('resource').filter((e) => new RegExp(p).test(e.name)).map((e) => e.startTime), pattern);
    const mapFile = await starts('/data/basemap-');
    expect(mapFile.length, 'fetched once').toBe(1);
    expect(mapFile[0], 'after the app\'s first drawing').toBeGreaterThan(t.drawn);
    // Its reader too, a chunk of its own.
    const reader = await starts('/split_basemap-');
    expect(reader.length, 'its reader fetched once').toBe(1);
    expect(reader[0], 'its reader after the app\'s first drawing').toBeGreaterThan(t.drawn);
    expect(errors).toEqual([]);
  });
});

test('in bulk, a new view first moves the old view\'s layers, then draws them as a page opened there does', async ({ page, request }) => {
  await page.route('**/bulk.json', async (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(await bulkDataset(request)) }));
  const drawing = () => page.evaluate(() => ({
    canvas: document.querySelector('.map-canvas').toDataURL(),
    labels: [...document.querySelectorAll('.map-frame .overlay [data-label-of]')].map((l) => `${l.dataset.labelOf}@${l.dataset.at}`).sort(),
  }));
  await page.goto('./?data=bulk.json&view=france');
  await appDrawn(page);
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-settled', 'true');
  const fresh = await drawing();
  await page.goto('./?data=bulk.json&view=both');
  await appDrawn(page);
  await expect(page.locator('.overlay-pane')).toHaveCount(2);
  // The frame the click paints: the two panes' layers and labels, not yet drawn again,
  // France's moved to the one pane, China's hidden (it shows none of that window).
  const first = await page.evaluate(() => {
    document.querySelector('.map-views button[data-view=france]').click();
    return new Promise((r) => requestAnimationFrame(() => r({
      settled: document.querySelector('.map-canvas').dataset.settled,
      panes: [...document.querySelectorAll('.overlay-pane')].map((g) => [g.getAttribute('transform') !== null, g.getAttribute('visibility')]),
    })));
  });
  expect(first).toEqual({ settled: 'false', panes: [[true, null], [false, 'hidden']] });
  // Then drawn for the new window: as the page opened in that view draws it.
  await expect(page.locator('.map-canvas')).toHaveAttribute('data-settled', 'true');
  await expect(page.locator('.overlay-pane')).toHaveCount(1);
  const after = await drawing();
  expect(after.labels).toEqual(fresh.labels);
  expect(after.canvas === fresh.canvas, 'the canvas as the page opened in that view paints it').toBe(true);
});

test('in bulk, a click selects the nearest site, the pointer highlights it, and the keyboard reaches every site through the list', async ({ page, request }) => {
  const bulk = await bulkDataset(request);
  await page.route('**/bulk.json', async (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(bulk) }));
  await page.goto('./?lang=en&data=bulk.json&view=france');
  await appDrawn(page);
  const site = await paintedSite(page, 'bulk-');
  const frame = await page.locator('.map-frame').boundingBox();
  // The pointer over the marker lights it and what it connects; off the map, nothing.
  await page.mouse.move(frame.x + site.x, frame.y + site.y);
  await expect(page.locator('.map-frame')).toHaveClass(/has-highlight/);
  await page.mouse.move(frame.x + 3, frame.y + frame.height - 3);
  await expect(page.locator('.map-frame')).not.toHaveClass(/has-highlight/);
  // A click a pixel beside the marker selects it: the nearest within reach.
  await page.mouse.click(frame.x + site.x + 1, frame.y + site.y + 1);
  await expect(page).toHaveURL(new RegExp(`site=${site.id}`));
  await expect(page.getByTestId('details')).toContainText(site.name);
  // The keyboard: the sites' list is the way to each of them (made when first opened).
  await expect(page.locator('[data-site-entry]')).toHaveCount(0);
  await page.locator('.site-lists > summary').focus();
  await page.keyboard.press('Enter');
  const entry = page.locator('[data-site-entry="bulk-200"]');
  await expect(entry).toBeVisible();
  await expect(page.locator('[data-site-entry]')).toHaveCount(bulk.sites.length);
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/site=bulk-200/);
  await expect(entry).toHaveAttribute('aria-pressed', 'true');
});

test('the real dataset: hovering and selecting a site, the filter and the cursor show on its marks', async ({ page }) => {
  await page.goto('./?lang=en&view=france');
  await appDrawn(page);
  const lyon = page.locator('.map-frame .overlay [data-site="lyon"]');
  await lyon.hover();
  await expect(page.locator('.map-frame')).toHaveClass(/has-highlight/);
  await expect(lyon).toHaveClass(/is-highlighted/);
  await lyon.click();
  await expect(lyon).toHaveClass(/is-selected/);
  await expect(page.locator('.map-frame .overlay .is-selected')).toHaveCount(1);
  // The filter: a kind that Lyon has none of hides it.
  await page.goto('./?lang=en&view=france&kind=event');
  await appDrawn(page);
  const hidden = await page.locator('.map-frame .overlay [data-site].is-filtered-out').count();
  expect(hidden).toBeGreaterThan(0);
  // The cursor in mid-2018: what begins later is faded on the map and on the timeline, the
  // rest is not.
  await page.goto('./?lang=en&view=france&t=2018-06-30');
  await appDrawn(page);
  await expect.poll(() => page.locator('.map-frame .overlay [data-site].is-future').count()).toBeGreaterThan(0);
  expect(await page.locator('.map-frame .overlay [data-site]:not(.is-future)').count()).toBeGreaterThan(0);
  const cursor = Date.UTC(2018, 5, 30) / 86_400_000;
  const boxes = () => page.locator('.timeline-item[data-start]').evaluateAll((els) => els.map((e) => [Number(e.dataset.start), e.classList.contains('is-future')]));
  const before = await boxes();
  expect(before.length).toBeGreaterThan(5);
  for (const [start, faded] of before) expect(faded, `box starting day ${start}`).toBe(start > cursor);
  // Steps of the cursor switch only the boxes they cross: after a year of steps, the faded
  // boxes are still exactly those that begin after some day, and fewer.
  for (let i = 0; i < 12; i++) await page.getByTestId('step-forward').click();
  await expect.poll(async () => (await boxes()).filter(([, f]) => f).length).toBeLessThan(before.filter(([, f]) => f).length);
  const after = await boxes();
  const lastBegun = Math.max(...after.filter(([, f]) => !f).map(([s]) => s));
  for (const [start, faded] of after) expect(faded, `box starting day ${start}`).toBe(start > lastBegun);
});

test('side by side, each pane draws the base map in its own colours', async ({ page }) => {
  // Each pane holds its own drawing of the land and the regions (a drawing shared between
  // the panes by reference was once painted black in the second).
  await page.goto('./?view=both');
  await appSettled(page);
  await expect(page.locator('.map-frame')).toHaveAttribute('data-view', 'both');
  const panes = await page.locator('.map-frame .world').evaluateAll((groups) => groups.map((g) => {
    const shapes = [...g.querySelectorAll('.shape')];
    return { shapes: shapes.length, fills: [...new Set(shapes.map((s) => getComputedStyle(s).fill))] };
  }));
  expect(panes).toHaveLength(2);
  for (const pane of panes) {
    expect(pane.shapes).toBeGreaterThan(50);
    expect(pane.fills).not.toContain('rgb(0, 0, 0)');
  }
  expect(panes[1].fills.sort()).toEqual(panes[0].fills.sort());
});

test('on a small phone the map\'s controls fold into one menu', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('./?lang=en');
  await appSettled(page);
  const menu = page.getByTestId('map-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.map-views')).toBeHidden();
  await expect(page.getByTestId('off-map')).toBeHidden();
  // Open: the views, the zoom and the boxes; Escape closes it, back on its button.
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.map-views button[data-view="france"]')).toBeVisible();
  await expect(page.getByTestId('zoom-in')).toBeVisible();
  await expect(page.getByTestId('off-map')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  // A view chosen in it gives the map back.
  await menu.click();
  await page.locator('.map-views button[data-view="france"]').click();
  await expect(page.locator('.map-frame')).toHaveAttribute('data-view', 'france');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await page.screenshot({ path: `${SCREENSHOTS}map-menu-360x640.png` });
});
