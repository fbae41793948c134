// The interactive map in a real browser: every site and link of the real data, selection
// by click and keyboard, zoom and pan by buttons, keys, wheel and drag, the regional views
// keeping close sites apart, and a screenshot of each view at three sizes.
import { test, expect, shippedDataset, appSettled, SCREENSHOTS } from '../fixtures.mjs';

/** The links the map draws, by the same rule as `geo::scene::link_pairs`. */
function expectedLinks(ds) {
  const side = Object.fromEntries(ds.sites.map((s) => [s.id, s.side]));
  const links = [];
  for (const item of ds.items) {
    const fr = item.sites.filter((s) => side[s] === 'france');
    const cn = item.sites.filter((s) => side[s] === 'china');
    const other = item.sites.filter((s) => side[s] === 'other');
    if (fr.length && cn.length) {
      for (let i = 0; i < Math.max(fr.length, cn.length); i++) links.push(`${item.id}:${fr[i % fr.length]}:${cn[i % cn.length]}`);
    }
    if (fr.length) for (const o of other) links.push(`${item.id}:${fr[0]}:${o}`);
  }
  return links.sort();
}

// These tests start from the overview (the default view is the two regions, on every screen
// where they fit).
async function openMap(page) {
  await page.goto('./?view=overview');
  await appSettled(page);
  await expect(page.locator('.map-svg [data-site]').first()).toBeVisible();
}

const transform = (page) => page.locator('.map-frame').getAttribute('data-transform');

async function switchView(page, slug) {
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
  await expect(page.locator('.map-svg [data-site]')).toHaveCount(ds.sites.length);
  const drawn = await page.locator('.map-svg .link').evaluateAll((els) =>
    els.map((e) => `${e.dataset.item}:${e.dataset.from}:${e.dataset.to}`).sort());
  expect(drawn).toEqual(expectedLinks(ds));
  // Proposed items are dashed; the air route is marked as proposed.
  await expect(page.locator('.map-svg .link--air-route.link--proposed').first()).toBeVisible();
  for (const site of ds.sites) {
    await expect(page.locator(`.map-svg [data-site="${site.id}"]`)).toHaveAttribute('aria-label', new RegExp(`^${site.name.en.replace(/[()]/g, '\\$&')}:`));
  }
  await expect(page.getByTestId('map-credit')).toContainText('Natural Earth');
  expect(consoleErrors).toEqual([]);
});

test('a site selected by click, and another by keyboard, opens its details', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await openMap(page);
  await switchView(page, 'france');
  const details = page.getByRole('complementary', { name: 'Details' });
  await page.locator('.map-svg [data-site="lyon"] .site__mark').click();
  await expect(details.getByRole('heading', { level: 3 })).toHaveText('Lyon');
  await expect(page.locator('.map-svg [data-site="lyon"]')).toHaveClass(/is-selected/);

  await page.locator('.map-svg [data-site="val-thorens"]').focus();
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
  const link = page.locator('.map-svg .link[data-item="air-route-lyon-china"]').first();
  await link.focus();
  await expect(link).toHaveClass(/is-highlighted/);
  await expect(page.locator('.map-svg [data-site="lyon"]')).toHaveClass(/is-highlighted/);
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
  const boxes = async (ids) => Promise.all(ids.map((id) => page.locator(`.map-svg [data-site="${id}"] .site__mark`).boundingBox()));
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
  await expect(page.locator('.map-svg [data-site="zhangjiakou"]')).toHaveAttribute('aria-label', /Games 4–20 Feb 2022/);
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

test('keyboard focus stays on its site while the map pans and zooms around it', async ({ page }) => {
  await openMap(page);
  await switchView(page, 'france');
  await page.locator('.map-svg [data-site="lyon"]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('+');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-site'))).toBe('lyon');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 3 })).toHaveText('Lyon');
});
