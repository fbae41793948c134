// Keyboard only: every control is reached with Tab and operated with keys, with a visible
// focus indicator and no trap; reduced motion turns animation off.
import { test, expect, appSettled } from '../fixtures.mjs';

/** Tabs forward until `locator` has the focus (at most `max` presses); fails otherwise. */
async function tabTo(page, locator, max = 250) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${locator}`);
}

/** The focused element shows a focus indicator (outline, or a changed stroke for SVG marks). */
async function expectVisibleFocus(page) {
  const ok = await page.evaluate(() => {
    const el = document.activeElement;
    const cs = getComputedStyle(el);
    if (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) return true;
    const mark = el.querySelector?.('.site__mark');
    return !!(mark && getComputedStyle(mark).stroke === 'rgb(199, 80, 0)') || getComputedStyle(el).stroke === 'rgb(199, 80, 0)';
  });
  expect(ok, 'visible focus').toBe(true);
}

test('every control is reachable and usable from the keyboard, with visible focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('./?lang=en');
  await appSettled(page);
  await page.locator('body').click({ position: { x: 1, y: 1 } });

  // Language.
  await tabTo(page, page.locator('.lang-switcher button[data-lang="fr"]'));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');   // English
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // Search and a filter.
  await tabTo(page, page.getByTestId('search'));
  await expectVisibleFocus(page);
  await page.keyboard.type('zhangjiakou');
  await expect(page.getByTestId('shown-count')).not.toHaveText(/^22 of/);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  // The filters' drawer opens on its first box; Escape closes it, back on its button.
  await tabTo(page, page.getByTestId('filters-button'));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('filters')).toBeVisible();
  await tabTo(page, page.locator('[data-filter="kind:agreement"]'));
  await expectVisibleFocus(page);
  await page.keyboard.press('Space');
  await expect(page.locator('[data-filter="kind:agreement"]')).toBeChecked();
  await page.keyboard.press('Space');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('filters')).toBeHidden();
  await expect(page.getByTestId('filters-button')).toBeFocused();

  // Map views and zoom.
  await tabTo(page, page.locator('.map-views button[data-view="china"]'));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.map-frame')).toHaveAttribute('data-view', 'china');
  await tabTo(page, page.getByTestId('zoom-in'));
  const before = await page.locator('.map-frame').getAttribute('data-transform');
  await page.keyboard.press('Enter');
  await expect(page.locator('.map-frame')).not.toHaveAttribute('data-transform', before);
  // The map itself, then a site on it.
  await tabTo(page, page.locator('.map-frame'));
  await expectVisibleFocus(page);
  await page.keyboard.press('0');
  await tabTo(page, page.locator('.map-frame .map-svg [data-site]').first());
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail[data-site]')).toBeVisible();

  // Detail panel links lead on.
  await tabTo(page, page.locator('.detail .detail__link').first());
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.detail[data-item]')).toBeVisible();

  // Cursor and play.
  await tabTo(page, page.getByTestId('play'));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  await tabTo(page, page.getByTestId('cursor'));
  await expectVisibleFocus(page);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('cursor-label')).toHaveText(/^State at the end of/);
  await page.keyboard.press('End');
  await expect(page.getByTestId('cursor-label')).toHaveText('All dates');

  // List view, sorting, and a row.
  await tabTo(page, page.locator('.panel-tabs button[data-panel="list"]'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByTestId('sort-date'));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.list-view th[aria-sort]')).toHaveAttribute('aria-sort', 'descending');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('.list-view tr.is-selected')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('.list-view tr.is-selected')).toHaveCount(0);

  // Share dialog: opens, keeps the focus inside, closes with Escape (no trap).
  await tabTo(page, page.getByTestId('share').first());
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('share-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('share-dialog')).toBeHidden();

  // No trap: Tab from the last control reaches the start again.
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.closest('.lang-switcher') != null) && i > 5) break;
  }
  expect(await page.evaluate(() => document.activeElement?.closest('.app-header') != null)).toBe(true);
});

/** Clicks a view button and returns every window the map showed until it settled, as the
 * page recorded them (a MutationObserver on the frame's transform, so no frame is missed
 * however slowly this test runs). */
async function windowsDuringMove(page, slug) {
  await page.evaluate(() => {
    const frame = document.querySelector('.map-frame');
    window.__windows = [frame.getAttribute('data-transform')];
    new MutationObserver(() => window.__windows.push(frame.getAttribute('data-transform')))
      .observe(frame, { attributes: true, attributeFilter: ['data-transform'] });
  });
  await page.locator(`.map-views button[data-view="${slug}"]`).click();
  await expect(page.locator('.map-frame')).toHaveAttribute('data-view', slug);
  // Settled: no new window for half a second.
  let seen = -1;
  await expect.poll(async () => { const n = await page.evaluate(() => window.__windows.length); const still = n === seen; seen = n; return still; },
    { intervals: [500, 500, 500, 500, 1000] }).toBe(true);
  return page.evaluate(() => [...new Set(window.__windows)]);
}

test('prefers-reduced-motion turns the map animation off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?lang=en&view=overview');
  await appSettled(page);
  await expect(page.locator('.map-frame .map-svg .site__mark').first()).toBeAttached();
  // No in-between windows: from the overview straight to the region.
  const windows = await windowsDuringMove(page, 'france');
  expect(windows.length, windows.join('\n')).toBe(2);
});

test('without reduced motion the move between views is animated', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('./?lang=en&view=overview');
  await appSettled(page);
  await expect(page.locator('.map-frame .map-svg .site__mark').first()).toBeAttached();
  const windows = await windowsDuringMove(page, 'france');
  expect(windows.length, 'windows in between').toBeGreaterThan(2);
});
