import { test, expect, shippedDataset, appSettled, foreignRequests } from '../fixtures.mjs';

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

test.describe('the page', () => {
  test('has its structure and shows the loaded data', async ({ page, request, consoleErrors }) => {
    const ds = await shippedDataset(request);
    await page.goto('./');
    await appSettled(page);

    await expect(page.getByRole('banner').getByRole('heading', { level: 1 })).toHaveText('Passerelle');
    await expect(page.locator('#controls')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Map' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();

    const summary = [
      plural(ds.items.length, 'item', 'items'),
      plural(ds.sites.length, 'site', 'sites'),
      plural(ds.actors.length, 'actor', 'actors'),
      plural(ds.sources.length, 'source', 'sources'),
    ].join(' · ');
    await expect(page.getByTestId('dataset-summary')).toHaveText(summary);
    await expect(page.locator('.timeline-item')).toHaveCount(ds.items.length);
    await expect(page.locator('.map-svg [data-site]')).toHaveCount(ds.sites.length);
    await expect(page.locator('[data-site-entry]')).toHaveCount(ds.sites.length);
    await expect(page.getByTestId('map-credit')).toContainText('Natural Earth');
    expect(consoleErrors).toEqual([]);
  });

  test('timeline lanes hold their items in date order, undated ones in the last lane', async ({ page, request }) => {
    const ds = await shippedDataset(request);
    await page.goto('./');
    await appSettled(page);
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

test.describe('the layout', () => {
  for (const [name, viewport] of [
    ['phone 390x844', { width: 390, height: 844 }],
    ['laptop 1280x720', { width: 1280, height: 720 }],
    ['projector 1920x1080', { width: 1920, height: 1080 }],
  ]) {
    test(`fits a ${name} without horizontal scrolling`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto('./');
      await appSettled(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const id of ['map', 'timeline', 'details']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box.width, `${id} width`).toBeGreaterThan(viewport.width * 0.2);
      }
    });
  }

  test('puts the map and the details side by side on a wide screen, stacked on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('./');
    await appSettled(page);
    let map = await page.getByTestId('map').boundingBox();
    let details = await page.getByTestId('details').boundingBox();
    expect(details.x).toBeGreaterThan(map.x + map.width - 1);
    expect(Math.abs(details.y - map.y)).toBeLessThan(2);

    await page.setViewportSize({ width: 390, height: 844 });
    map = await page.getByTestId('map').boundingBox();
    details = await page.getByTestId('details').boundingBox();
    expect(details.y).toBeGreaterThan(map.y + map.height - 1);
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
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+';/);
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    await appSettled(page);
    await expect(page.locator('.map-svg [data-site]').first()).toBeAttached();
    for (const sel of ['link[rel="stylesheet"]', 'link[rel="modulepreload"]', 'link[rel="preload"][as="fetch"]']) {
      await expect(page.locator(sel)).toHaveAttribute('integrity', /^sha384-/);
    }
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
      setTimeout(() => resolve(null), 2000);
    }));
    expect(reported).toMatch(/^script-src/);
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    // The fixture saw it too; this test's own violation is expected, so clear the list.
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    cspViolations.length = 0;
  });
});
