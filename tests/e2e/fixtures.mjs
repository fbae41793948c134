// Fixtures every end-to-end test gets:
//  - `requests`: every URL the page asked for. After the test, any request to a host
//    other than the page's own fails it, and such requests are aborted before they
//    leave the machine anyway.
//  - `consoleErrors`: console errors and uncaught exceptions of the page; a panic or a
//    WebAssembly trap fails any test.
//  - a full-page screenshot per test under tests/e2e/screenshots/;
//  - `poster` (an option, off unless a test asks for it): whether the page shows its
//    pre-rendered first screen. Off, the page sets it aside as it does for a URL with
//    another state (its script removes it once the page is read), so the tests of the app
//    meet the app; specs/first-screen.spec.mjs tests the pre-rendered screen itself.
import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** The URLs in `urls` that go to another origin than `origin` (data: and blob: stay local). */
export function foreignRequests(urls, origin) {
  return urls.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.origin !== origin;
  });
}

function slug(parts) {
  return parts.join('--').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export const test = base.extend({
  poster: [false, { option: true }],
  context: async ({ context, poster }, use) => {
    // Before the page's own listener, once the page is read (and before the app starts).
    if (!poster) {
      await context.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
        document.documentElement.classList.add('no-poster');
        document.getElementById('poster')?.remove();
      }));
    }
    await use(context);
  },
  requests: [
    async ({ page, baseURL }, use) => {
      const origin = new URL(baseURL).origin;
      const seen = [];
      page.on('request', (r) => seen.push(r.url()));
      await page.route((url) => foreignRequests([url.href], origin).length > 0, (route) => route.abort('blockedbyclient'));
      await use(seen);
      expect(foreignRequests(seen, origin), 'requests to hosts other than the page\'s own').toEqual([]);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await use(errors);
      // A panic or a WebAssembly trap is a failure of the app, whatever the test is about
      // (the page shows its internal-error alert, which a test may not be looking at).
      const traps = errors.filter((e) => /panicked at|^uncaught: (RuntimeError|unreachable)/.test(e));
      expect(traps, 'panics and WebAssembly traps').toEqual([]);
    },
    { auto: true },
  ],
  // Every page runs under the server's strict Content-Security-Policy; any violation fails.
  cspViolations: [
    async ({ page }, use) => {
      const violations = [];
      page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      await use(violations);
      expect(violations, 'Content Security Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  screenshotAfter: [
    async ({ page }, use, testInfo) => {
      await use();
      const name = slug(testInfo.titlePath.slice(1));
      await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true }).catch(() => {});
    },
    { auto: true },
  ],
});

/** The dataset as the server ships it. */
export async function shippedDataset(request) {
  const res = await request.get('data/cooperation.json');
  expect(res.ok()).toBeTruthy();
  return res.json();
}

/** Waits until the app has either drawn the workspace or reported a load error. */
export async function appSettled(page) {
  await page.locator('[data-testid="timeline"], [data-testid="console"], [data-testid="load-error"], #fatal-error').first().waitFor({ state: 'attached' });
}

/** Waits for the app's own marks: the map and the timeline drawn with their data (only the
 * map where the timeline is not shown: the list, presenter mode). */
export async function appDrawn(page, { timeline = true } = {}) {
  const marks = timeline ? ['passerelle:map-drawn', 'passerelle:timeline-drawn'] : ['passerelle:map-drawn'];
  await page.waitForFunction((names) => names.every((m) => performance.getEntriesByName(m).length > 0), marks);
}

/** Waits until every finite CSS animation and transition of the page has finished (a sheet
 * sliding in, a fade), so that what is measured next is the settled page. */
export async function animationsFinished(page) {
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => {}))));
}

/** Resolves after the page has rendered two more frames: whatever a change scheduled for
 * its next frame (a redraw, an observer's report) is done. */
export async function nextFrames(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

export { expect };

/** Opens the filters' drawer (if it is closed). */
export async function openFilters(page) {
  const button = page.getByTestId('filters-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.getByTestId('filters')).toBeVisible();
}

/** Checks or unchecks one filter box (`kind:agreement`) in the drawer, then closes it. */
export async function setFilter(page, box, on = true) {
  await openFilters(page);
  const input = page.locator(`[data-filter="${box}"]`);
  if (on) await input.check(); else await input.uncheck();
  await page.getByTestId('filters-done').click();
  await expect(page.getByTestId('filters')).toBeHidden();
}

/** Opens the folded row of undated and proposed items (if it is closed). */
export async function openUndated(page) {
  const toggle = page.getByTestId('undated-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** The links the map draws, by the same rule as `geo::scene::item_link_pairs`: between an
 * item's sites, or, when they are all on one side and its parties sit on both, between the
 * parties' seats. */
export function expectedLinks(ds) {
  const side = Object.fromEntries(ds.sites.map((s) => [s.id, s.side]));
  const seat = Object.fromEntries(ds.actors.map((a) => [a.id, a.site]));
  const pairs = (sites) => {
    const out = [];
    const fr = sites.filter((s) => side[s] === 'france');
    const cn = sites.filter((s) => side[s] === 'china');
    const other = sites.filter((s) => side[s] === 'other');
    if (fr.length && cn.length) {
      for (let i = 0; i < Math.max(fr.length, cn.length); i++) out.push([fr[i % fr.length], cn[i % cn.length]]);
    }
    if (fr.length) for (const o of other) out.push([fr[0], o]);
    return out;
  };
  const spans = (sites) => sites.some((s) => side[s] === 'france') && sites.some((s) => side[s] === 'china');
  const links = [];
  for (const item of ds.items) {
    const seats = [...new Set(item.parties.map((p) => seat[p]).filter(Boolean))];
    const viaParties = !spans(item.sites) && spans(seats);
    const chosen = viaParties ? pairs(seats).filter(([, b]) => side[b] === 'china') : pairs(item.sites);
    for (const [a, b] of chosen) links.push(`${item.id}:${a}:${b}`);
  }
  return links.sort();
}

// These tests start from the overview (the default view is the two regions, on every screen
// where they fit).
