import { test, expect, shippedDataset, appSettled, appDrawn, animationsFinished, foreignRequests } from '../fixtures.mjs';

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

test.describe('the page', () => {
  test('has its structure and shows the loaded data', async ({ page, request, consoleErrors }) => {
    const ds = await shippedDataset(request);
    await page.goto('./?view=overview');   // the overview holds every site
    await appSettled(page);

    await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText('Passerelle');
    await expect(page.locator('#controls')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Map', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline', exact: true })).toBeVisible();
    // No empty details box: the introduction holds its place until something is chosen.
    await expect(page.getByRole('region', { name: 'The cooperation on a map and a timeline' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Details' })).toHaveCount(0);
    await page.locator('.timeline-item[data-item="forum-2018-chambery"]').click();
    await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();

    const summary = [
      plural(ds.items.length, 'item', 'items'),
      plural(ds.sites.length, 'site', 'sites'),
      plural(ds.actors.length, 'actor', 'actors'),
      plural(ds.sources.length, 'source', 'sources'),
    ].join(' · ');
    await expect(page.getByTestId('dataset-summary')).toHaveText(summary);
    await expect(page.getByTestId('intro')).toContainText('Winter Olympics');
    await expect(page.locator('.timeline-item')).toHaveCount(ds.items.length);
    await expect(page.locator('.map-frame .map-svg [data-site]')).toHaveCount(ds.sites.length);
    await expect(page.locator('[data-site-entry]')).toHaveCount(ds.sites.length);
    await expect(page.getByTestId('map-credit')).toContainText('Natural Earth');
    expect(consoleErrors).toEqual([]);
  });

  test('timeline lanes hold their items in date order, undated ones in the last lane', async ({ page, request }) => {
    const ds = await shippedDataset(request);
    await page.goto('./');
    await appSettled(page);
    // The undated lane is folded into one row that says how many it holds.
    const undatedCount = ds.items.filter((i) => i.when.start === null && i.when.end === null).length;
    await expect(page.getByTestId('undated-toggle')).toHaveText(`${undatedCount} undated or proposed items`);
    await expect(page.locator('.lane--undated .timeline-item').first()).toBeHidden();
    await page.getByTestId('undated-toggle').click();
    await expect(page.getByTestId('undated-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.lane--undated .timeline-item')).toHaveCount(undatedCount);
    await expect(page.locator('.lane--undated .timeline-item').first()).toBeVisible();
    const lanes = await page.locator('.lane').evaluateAll((els) => els.map((l) => ({
      lane: l.dataset.lane,
      items: [...l.querySelectorAll('.timeline-item')].map((b) => b.dataset.item),
    })));
    const byId = Object.fromEntries(ds.items.map((i) => [i.id, i]));
    expect(lanes.at(-1).lane).toBe('undated');
    expect(lanes.at(-1).items.every((id) => byId[id].when.start === null)).toBe(true);
    for (const { lane, items } of lanes.slice(0, -1)) {
      const starts = items.map((id) => byId[id].when.start);
      expect(starts, lane).toEqual([...starts].sort());
      expect(items.every((id) => byId[id].kind.replaceAll('_', '-') === lane), lane).toBe(true);
    }
    expect(lanes.flatMap((l) => l.items).sort()).toEqual(ds.items.map((i) => i.id).sort());
  });

  test('selecting a timeline item by click and by keyboard shows its details', async ({ page, request }) => {
    const ds = await shippedDataset(request);
    await page.goto('./');
    await appSettled(page);
    const [first, second] = await page.locator('.timeline-item').evaluateAll((els) => els.slice(0, 2).map((e) => e.dataset.item));
    const title = (id) => ds.items.find((i) => i.id === id).title.en;
    const details = page.getByRole('complementary', { name: 'Details' });

    await page.locator(`.timeline-item[data-item="${first}"]`).click();
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(title(first));
    await expect(page.locator(`.timeline-item[data-item="${first}"]`)).toHaveAttribute('aria-pressed', 'true');

    await page.locator(`.timeline-item[data-item="${second}"]`).focus();
    await page.keyboard.press('Enter');
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(title(second));
    await expect(page.locator(`.timeline-item[data-item="${first}"]`)).toHaveAttribute('aria-pressed', 'false');
    const cited = ds.items.find((i) => i.id === second).sources[0].place;
    await expect(details.locator('.detail-panel__sources')).toContainText(cited);
  });
});

// The first screen is the story: header, map and timeline together at every size, nothing
// moving while it loads, the filters folded away, the details in a sheet.
const SIZES = [
  ['projector', 1920, 1080], ['laptop', 1366, 768], ['laptop', 1280, 720], ['phone', 390, 844], ['phone on its side', 844, 390],
  ['small phone, in Chinese', 360, 640],
];

/** Layout shifts the page reported (buffered from the start), not caused by input: what
 * the observer holds two frames from now, when the last frame's shifts are reported. */
async function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let sum = 0;
    const add = (entries) => { for (const e of entries) if (!e.hadRecentInput) sum += e.value; };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    requestAnimationFrame(() => requestAnimationFrame(() => {
      add(observer.takeRecords());
      observer.disconnect();
      resolve(sum);
    }));
  }));
}

test.describe('the first screen', () => {
  for (const [name, width, height] of SIZES) {
    test(`at ${width}x${height} (${name}) shows the header, the map and the timeline, and nothing moves`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(name.includes('Chinese') ? './?lang=zh' : './');
      await appSettled(page);
      await expect(page.locator('.map-frame .map-svg .site__mark').first()).toBeVisible();
      await expect(page.locator('.timeline-item').first()).toBeAttached();
      await appDrawn(page);
      await animationsFinished(page);
      const box = async (sel) => page.locator(sel).first().boundingBox();
      const [header, map, timeline] = [await box('.app-header'), await box('[data-testid="map"]'), await box('[data-testid="timeline"]')];
      for (const [what, b] of [['header', header], ['map', map], ['timeline', timeline]]) {
        expect(b.y, `${what} top`).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height, `${what} bottom`).toBeLessThanOrEqual(height + 1);
        expect(b.x + b.width, `${what} right`).toBeLessThanOrEqual(width + 1);
      }
      // Some of the timeline's items are in view, not only its frame.
      const itemInView = await page.locator('.timeline-item[data-start]').evaluateAll((els, h) => els.some((e) => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= h;
      }), height);
      expect(itemInView, 'a timeline item in the first screen').toBe(true);
      const overflow = await page.evaluate(() => ({ x: document.documentElement.scrollWidth - innerWidth, y: document.documentElement.scrollHeight - innerHeight }));
      expect(overflow.x, 'horizontal scroll').toBeLessThanOrEqual(0);
      if (width >= 900) {
        expect(overflow.y, 'the page itself scrolls').toBeLessThanOrEqual(0);
        const side = await box('.side');
        const area = (b) => b.width * b.height;
        expect(area(map), 'the map has the largest share').toBeGreaterThan(area(timeline));
        expect(area(map)).toBeGreaterThan(area(side));
      } else {
        expect(map.height, 'the map takes 40% of the height').toBeGreaterThanOrEqual(height * 0.4 - 1);
      }
      expect(await layoutShift(page), 'cumulative layout shift').toBeLessThanOrEqual(0.02);
      // Nothing over the map covers a site's marker (a phone's controls fold into one menu).
      const covered = await page.evaluate(() => {
        const over = [...document.querySelectorAll('.map-panel :is(.map-menu-toggle, .map-views, .map-zoom, .map-box, .map-credit)')]
          .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
        return [...document.querySelectorAll('.map-frame .map-svg--overlay [data-site] .site__mark')].filter((m) => {
          const r = m.getBoundingClientRect();
          return over.some((o) => r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom);
        }).map((m) => m.closest('[data-site]').dataset.site);
      });
      expect(covered, 'site markers under the map\'s controls').toEqual([]);
      // The most connected site of each side has its name on the map (the count is in
      // each marker's name, "…, 10 items" / "…，10 项").
      const named = await page.evaluate(() => ['france', 'china'].map((side) => {
        const sites = [...document.querySelectorAll(`.map-frame .map-svg--overlay .site--${side}[data-site]`)]
          .map((e) => ({ e, n: Number((e.getAttribute('aria-label').match(/(\d+)\s*(items?|项)/) ?? [0, 0])[1]) }));
        const main = sites.sort((a, b) => b.n - a.n)[0];
        return main && { site: main.e.dataset.site, named: !!main.e.querySelector('.site__label') };
      }));
      for (const n of named) expect(n, `the main site of each side is named`).toMatchObject({ named: true });
    });
  }

  test('the filters fold into a drawer with counts, shown as removable chips', async ({ page, request }) => {
    const ds = await shippedDataset(request);
    await page.goto('./?lang=en');
    await appSettled(page);
    const button = page.getByTestId('filters-button');
    await expect(page.getByTestId('filters')).toBeHidden();
    await expect(page.getByTestId('filters-count')).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByTestId('filters')).toBeVisible();
    await expect(page.locator('#filter-drawer input').first()).toBeFocused();
    const agreements = ds.items.filter((i) => i.kind === 'agreement').length;
    await expect(page.locator('label[for="filter-kind-agreement"]')).toContainText(`(${agreements})`);
    await page.locator('[data-filter="kind:agreement"]').check();
    await page.locator('[data-filter="status:signed"]').check();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('filters')).toBeHidden();
    await expect(button).toBeFocused();
    await expect(page.getByTestId('filters-count')).toHaveText('2');
    await expect(page.locator('.chip')).toHaveText(['Agreement×', 'Signed×']);
    await expect(page.locator('.chip[data-chip="kind:agreement"]')).toHaveAccessibleName('Remove the filter: Agreement');
    await expect(page).toHaveURL(/kind=agreement/);
    await page.locator('.chip[data-chip="kind:agreement"]').click();
    await expect(page.locator('.chip')).toHaveCount(1);
    await expect(page).not.toHaveURL(/kind=/);
    await expect(page.getByTestId('filters-count')).toHaveText('1');
    await expect(button).toBeFocused();
    await page.getByTestId('clear-filters').click();
    await expect(page.locator('.chip')).toHaveCount(0);
    await expect(page.getByTestId('filters-count')).toBeHidden();
  });

  test('on a phone the filter boxes are big enough to touch', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./?lang=en');
    await appSettled(page);
    await page.getByTestId('filters-button').click();
    const rows = await page.locator('.facet li').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(rows.length).toBeGreaterThan(10);
    for (const h of rows) expect(h).toBeGreaterThanOrEqual(24);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  for (const [name, width, height] of [['wide screen', 1280, 720], ['phone', 390, 844]]) {
    test(`the details open as a sheet on a ${name}, take the focus and give it back`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto('./?lang=en');
      await appSettled(page);
      const item = page.locator('.timeline-item[data-item="forum-2018-chambery"]');
      await item.click();
      const sheet = page.getByRole('complementary', { name: 'Details' });
      await expect(sheet).toBeVisible();
      await expect(page.locator('#detail-title')).toBeFocused();
      const [s, map] = [await sheet.boundingBox(), await page.getByTestId('map').boundingBox()];
      if (width >= 900) {
        expect(s.x, 'beside the map').toBeGreaterThanOrEqual(map.x + map.width - 1);
        expect(Math.abs(s.y - map.y)).toBeLessThan(2);
      } else {
        expect(Math.abs(s.y + s.height - height), 'from the bottom').toBeLessThan(2);
        expect(s.width).toBeGreaterThan(width - 2);
      }
      await page.keyboard.press('Escape');
      await expect(sheet).toHaveCount(0);
      await expect(item).toBeFocused();
      // The close button does the same.
      await item.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('#detail-title')).toBeFocused();
      await page.getByTestId('close-details').click();
      await expect(sheet).toHaveCount(0);
      await expect(item).toBeFocused();
      await expect(page).not.toHaveURL(/item=/);
    });
  }

  test('at 1280 px no timeline title is cut short: each fits, or has the widest box', async ({ page }) => {
    for (const lang of ['en', 'fr', 'zh']) {
      await page.goto(`./?lang=${lang}`);
      await appSettled(page);
      const boxes = await page.locator('.timeline-item[data-start]').evaluateAll((els) => els.map((e) => {
        const t = e.querySelector('.timeline-item__title');
        return { id: e.dataset.item, width: e.getBoundingClientRect().width, fits: t.scrollHeight <= t.clientHeight + 1 };
      }));
      expect(boxes.length).toBeGreaterThan(5);
      for (const b of boxes) expect(b.fits || b.width >= 290, `${lang}: ${b.id} (${Math.round(b.width)} px)`).toBe(true);
    }
  });
});

test.describe('the network check', () => {
  // Our CSP would block the probe before it becomes a request; this test checks the
  // request guard itself, behind the CSP.
  test.use({ bypassCSP: true });
  test('notices a request to another host (so a clean run means something)', async ({ page, baseURL, requests }) => {
    await page.goto('./');
    await appSettled(page);
    await page.evaluate(() => fetch('http://example.invalid/tile.png').catch(() => null));
    const origin = new URL(baseURL).origin;
    await expect.poll(() => foreignRequests(requests, origin)).toEqual(['http://example.invalid/tile.png']);
    requests.length = 0; // the probe request was ours, not the app's
  });
});

test.describe('security', () => {
  test('runs under a strict Content-Security-Policy, with subresource integrity', async ({ page, cspViolations }) => {
    const response = await page.goto('./');
    const csp = response.headers()['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    // The inline scripts by their hashes: the page's language script, the early downloads
    // (with a pre-rendered first screen) and the bootstrap.
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    await appSettled(page);
    await expect(page.locator('.map-frame .map-svg [data-site]').first()).toBeAttached();
    // The stylesheets and the glue's module preload carry their hashes; the wasm is fetched
    // with its own (by the early downloads' script once the reader's pre-rendered page is
    // read, else by the bootstrap).
    for (const sel of ['link[rel="stylesheet"]', 'link[rel="modulepreload"]']) {
      const integrity = await page.locator(sel).evaluateAll((els) => els.map((e) => e.getAttribute('integrity')));
      expect(integrity.length, sel).toBeGreaterThan(0);
      for (const value of integrity) expect(value, sel).toMatch(/^sha384-/);
    }
    const inline = (await page.locator('script:not([src])').allTextContents()).join('\n');
    expect(inline).toMatch(/fetch\("\.\/passerelle-[0-9a-f]+_bg\.wasm", \{ integrity: "sha384-[A-Za-z0-9+/=]+" \}\)/);
    // No cookies, no storage beyond the URL.
    const storage = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
    expect(storage).toEqual({ cookie: '', local: 0, session: 0 });
    expect(cspViolations).toEqual([]);
  });

  test('the violation check notices a violation (so a clean run means something)', async ({ page, cspViolations }) => {
    await page.goto('./');
    await appSettled(page);
    const reported = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__ran = 1';
      document.body.append(s);
      // Only a way out if the browser never reports it (the test then fails on null);
      // the report itself comes as soon as the script is refused.
      setTimeout(() => resolve(null), 2000);
    }));
    expect(reported).toMatch(/^script-src/);
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    // The fixture saw it too; this test's own violation is expected, so clear the list.
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    cspViolations.length = 0;
  });
});
