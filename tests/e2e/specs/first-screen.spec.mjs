// The first screen arrives as HTML: the build writes it with the app's own components
// (src/poster), the page shows it before the wasm has run, and the app takes its place
// without a jump. The wasm is held back by the test where it matters.
import { test, expect, SCREENSHOTS, shippedDataset, nextFrames } from '../fixtures.mjs';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import http from 'node:http';

test.use({ poster: true });

/** Holds every wasm request until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

/** The pre-rendered page the reader sees (one of a language and a layout). */
const shown = (page) => page.locator('.poster__page:visible');

/** Waits until the app has taken the place of the pre-rendered page. */
async function tookOver(page) {
  await expect(page.locator('#poster')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.locator('body > .app')).not.toHaveClass(/is-behind-poster/);
  await nextFrames(page);
}

/** Layout shifts from the page's very start, without input. */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      // Each shift with what moved, from where to where: a failure says which element it was.
      const describe = (n) => (n && n.nodeType === 1 ? `${n.tagName.toLowerCase()}.${[...n.classList].join('.')}` : String(n?.nodeName));
      const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(',');
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__shifts.push({
          value: e.value,
          at: Math.round(e.startTime),
          sources: (e.sources || []).map((s) => `${describe(s.node)} ${rect(s.previousRect)} -> ${rect(s.currentRect)}`),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const LANGS = [['fr', 'fr', ''], ['en', 'en', '?lang=en'], ['zh', 'zh-Hans', '?lang=zh']];

for (const [lang, htmlLang, query] of LANGS) {
  test(`the story is on screen before the wasm has run, in ${lang}`, async ({ browser }) => {
    // French is the page's own language: reached here through the browser's.
    const context = await browser.newContext({ locale: lang === 'fr' ? 'fr-FR' : 'en-US', viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const release = await holdWasm(page);
    await page.goto(`./${query}`);
    await expect(shown(page)).toHaveCount(1);
    await expect(shown(page)).toHaveAttribute('data-lang', lang);
    await expect(page.locator('html')).toHaveAttribute('lang', htmlLang);
    expect(await page.evaluate(() => typeof window.wasmBindings)).toBe('undefined');
    // The map, with its sites, and at least three dated items of the timeline in view.
    await expect(shown(page).locator('.map-frame .site__mark').first()).toBeVisible();
    const datedInView = await shown(page).locator('.timeline-item[data-start]').evaluateAll((els) => els.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.bottom <= innerHeight;
    }).length);
    expect(datedInView).toBeGreaterThanOrEqual(3);
    const heading = await shown(page).locator('.intro h2').textContent();
    await page.screenshot({ path: `${SCREENSHOTS}first-screen-before-wasm-${lang}.png` });
    release();
    await tookOver(page);
    // The same words in the app.
    await expect(page.locator('.intro h2')).toHaveText(heading);
    await context.close();
  });
}

// The reader's own pre-rendered page is a file of its own (one of eighteen, src/poster),
// asked for by the page's first script, for the reader's language and window; the app's
// code right after it, beside it (waiting for it cost the drawing 0.2 s on the slow phone),
// and the app does not wait for it: a page that comes late is not put in over the app.
for (const [lang, locale, layout, viewport, device = {}] of [
  ['fr', 'fr-FR', 'small-laptop', { width: 1280, height: 720 }],
  ['en', 'en-US', 'desktop', { width: 1920, height: 1080 }],
  // A phone's own: before its viewport's <meta> is read, a phone's window is 980 pixels wide
  // (a phone was sent a laptop's page, when the script came before it).
  ['zh', 'zh-CN', 'phone', { width: 390, height: 844 }, { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
]) {
  test(`the reader's own page is asked for first, then the app's code (${lang}, ${layout})`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport, ...device, serviceWorkers: 'block' });
    const page = await context.newPage();
    const asked = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    let release;
    const waiting = new Promise((resolve) => { release = resolve; });
    await page.route(/\/pages\//, async (route) => { await waiting; await route.continue(); });
    await page.goto('./');
    await expect.poll(() => asked.filter((p) => p.startsWith('/pages/'))).toHaveLength(1);
    expect(asked.find((p) => p.startsWith('/pages/'))).toMatch(new RegExp(`^/pages/${lang}-${layout}-[0-9a-f]{16}\\.html$`));
    const firstCode = asked.findIndex((p) => /\.(wasm|js)$/.test(p) && p !== '/');
    expect(asked.findIndex((p) => p.startsWith('/pages/'))).toBeLessThan(firstCode === -1 ? Infinity : firstCode);
    // Held until the app has drawn: it draws and takes the place all the same...
    await expect(page.locator('body > .app .map-frame .site__mark').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('#poster')).toHaveCount(0);
    // ... and the page, once it comes, is not put in.
    release();
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/pages/')).length)).toBe(1);
    await page.waitForTimeout(200);
    expect(await page.locator('.poster__page').count()).toBe(0);
    await context.close();
  });
}

// A page that cannot come (the network gone, a host that lost the file) leaves the app to
// draw the first screen itself: its code is asked for all the same.
test('without the reader\'s page the app draws the first screen itself', async ({ page }) => {
  await page.route(/\/pages\//, (route) => route.abort('failed'));
  await page.goto('./?lang=en');
  await expect(page.locator('.map-frame .site__mark').first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('.timeline-item[data-start]').first()).toBeVisible();
  await expect(page.locator('#poster')).toHaveCount(0);
});

// Each first-screen size of the app's own tests, and a small Chinese phone.
const SIZES = [[1920, 1080], [1366, 768], [1280, 720], [390, 844], [844, 390], [360, 640]];

for (const [width, height] of SIZES) {
  test(`at ${width}x${height} the app takes the place of the pre-rendered page and nothing moves`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await recordShifts(page);
    const release = await holdWasm(page);
    await page.goto('./?lang=en');
    await expect(shown(page)).toHaveCount(1);
    await nextFrames(page);
    const boxesIn = (root) => page.locator(root).first().evaluate((r) => {
      const box = (sel) => {
        const e = r.querySelector(sel);
        if (!e) return null;
        const b = e.getBoundingClientRect();
        return [b.x, b.y, b.width, b.height].map((v) => Math.round(v));
      };
      return Object.fromEntries(['.app-header', '.toolbar', '.map-frame', '.intro h2', '.timeline-panel', '.axis', '.timeline-item', '.map-credit']
        .map((sel) => [sel, box(sel)]));
    });
    const before = await boxesIn('.poster__page:visible');
    const pictureBefore = PNG.sync.read(await page.screenshot());
    release();
    await tookOver(page);
    const after = await boxesIn('body > .app');
    // The same boxes, to the pixel (the page's widths are percentages of the frames it was
    // drawn for, the app's are pixels).
    for (const [sel, box] of Object.entries(before)) {
      expect(after[sel]?.length, sel).toBe(box?.length);
      box?.forEach((v, i) => expect(Math.abs(after[sel][i] - v), `${sel} [${i}]`).toBeLessThanOrEqual(1));
    }
    expect(await page.evaluate(() => window.__shifts)).toEqual([]);
    // What is drawn inside the frames is drawn for them: at these sizes the same picture, but
    // for antialiasing.
    const pictureAfter = PNG.sync.read(await page.screenshot({ path: `${SCREENSHOTS}first-screen-taken-over-${width}x${height}.png` }));
    const changed = pixelmatch(pictureBefore.data, pictureAfter.data, null, width, height, { threshold: 0.1 });
    expect(changed / (width * height), 'pixels that changed at the takeover').toBeLessThan(0.01);
  });
}

// The page arrives in pieces, and the browser paints what it has parsed so far: what is
// drawn first must not move when the rest arrives. (A grid row once stretched into the
// space of the part not yet parsed, then shrank: 1 load in 40 at 390x844; later the
// timeline's tools, painted with their three zoom buttons and not yet the dates and tabs
// after them, widened and pushed the cursor's label aside: 1 load in about 30 at 1366x768.)
// Here the parser's stops are played deterministically, at every element: the page's
// elements are taken away from the last in document order, and in each state what is
// painted must be where the whole page has it (its place, not its size: a box grows as
// its content arrives).
for (const [width, height] of SIZES) {
  test(`at ${width}x${height} what the page has painted stays put while the rest arrives`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await holdWasm(page);
    await page.goto('./?lang=en');
    await expect(shown(page)).toHaveCount(1);
    const { states, moved } = await page.evaluate(() => {
      const root = [...document.querySelectorAll('.poster__page')].find((e) => e.getBoundingClientRect().width > 0);
      const all = [...root.querySelectorAll('*')];
      const name = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
      const box = (e) => { const b = e.getBoundingClientRect(); return [b.x, b.y, b.width, b.height].map(Math.round); };
      const painted = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0 && getComputedStyle(e).visibility === 'visible'; };
      const full = new Map(all.map((e) => [e, box(e)]));
      const out = [];
      let states = 0;
      // The last element in document order first: each state is the page parsed up to an element.
      for (let cut = all.length - 1; cut >= 1 && out.length < 5; cut--) {
        all[cut].remove();
        states++;
        if (getComputedStyle(root).visibility !== 'visible') continue;
        for (let i = 0; i < cut; i++) {
          const e = all[i];
          // (An SVG group paints nothing of its own: its box is its content's.)
          if (e.tagName === 'g' || !painted(e)) continue;
          // Where it is, not its size: a box grows as its content arrives, and what it
          // painted stays (as the browser counts a layout shift).
          const now = box(e);
          if (now.slice(0, 2).some((v, k) => Math.abs(v - full.get(e)[k]) > 1)) {
            out.push(`parsed up to ${name(all[cut - 1])}: ${name(e)} ${full.get(e)} -> ${now}`);
            break;
          }
        }
      }
      return { states, moved: out };
    });
    expect(moved).toEqual([]);
    expect(states).toBeGreaterThan(100);
  });
}

test('each layout of the pre-rendered page is drawn for the frames the app has there', async ({ page }) => {
  const layouts = new Set();
  for (const [width, height] of SIZES) {
    const release = await holdWasm(page);
    await page.setViewportSize({ width, height });
    await page.goto('./?lang=en');
    // The page's script asked for the layout drawn at this window...
    await expect(shown(page)).toHaveCount(1);
    const [name, frames] = await shown(page).evaluate((e) => [e.dataset.layout, e.dataset.frames]);
    layouts.add(name);
    const [, ww, wh, mw, mh, track] = frames.match(/^window:(\d+)x(\d+) map:(\d+)x(\d+) track:(\d+)$/).map(Number);
    expect([ww, wh], name).toEqual([width, height]);
    release();
    await tookOver(page);
    // ... and the app's frames there are the ones it was drawn for.
    const live = await page.evaluate(() => ({
      map: [document.querySelector('.map-frame').clientWidth, document.querySelector('.map-frame').clientHeight],
      track: document.querySelector('.axis').clientWidth,
    }));
    expect(live, name).toEqual({ map: [mw, mh], track });
    await page.unroute(/\.wasm$/);
  }
  expect(layouts.size).toBe(SIZES.length);
});

// A URL that asks for another state than the first screen's: the pre-rendered page is not
// shown (it goes once the page is read), and the app draws that state itself.
const OTHER_STATES = [
  ['a selection', '?item=forum-2018-chambery&lang=en', '.detail h3'],
  ['a site', '?site=lyon&lang=en', '.detail h3'],
  ['a view', '?view=france&lang=en', '.map-frame[data-view="france"]'],
  ['the time cursor', '?t=2018-06-30&lang=en', '[data-testid="cursor-label"]'],
  ['a filter', '?kind=agreement&lang=en', '.chip'],
  ['a search', '?q=lyon&lang=en', '[data-testid="search"]'],
  ['the list', '?panel=list&lang=en', '.list-view'],
  ['presenter mode', '?mode=present&lang=en', '[data-testid="presenter-card"]'],
  ['a guided tour', '?tour=from-alpitec-to-the-games&lang=en', '[data-testid="guide-card"]'],
  ['embedded', '?embed=1&lang=en', '[data-testid="open-full-view"]'],
  ['another dataset', '?data=data/cooperation.json&lang=en', '[data-testid="timeline"]'],
];

for (const [name, query, drawn] of OTHER_STATES) {
  test(`with ${name} in the URL the pre-rendered page is not shown: ${query}`, async ({ page }) => {
    const release = await holdWasm(page);
    await page.goto(`./${query}`);
    await expect(page.locator('html')).toHaveClass(/no-poster/);
    await expect(page.locator('#poster')).toHaveCount(0);
    await expect(page.locator('.timeline-item')).toHaveCount(0);
    release();
    await expect(page.locator(drawn).first()).toBeVisible({ timeout: 20_000 });
  });
}

// There the app draws without the page's drawing of the base map: the page asks for the
// base map's file and its reader (a chunk) beside the code, each once.
test('without the pre-rendered page the base map and its reader are asked for ahead, once', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => { if (/\/(data\/basemap|split_basemap)-/.test(r.url())) asked.push(new URL(r.url()).pathname.replace(/-[0-9a-f]{16}\./, '.')); });
  await page.goto('./?item=forum-2018-chambery&lang=en');
  await expect(page.locator('.detail h3')).toBeVisible({ timeout: 20_000 });
  const preloads = await page.locator('head link[rel=preload]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href').replace(/-[0-9a-f]{16}\./, '.')));
  expect(preloads).toEqual(expect.arrayContaining(['data/basemap.json', './split_basemap.wasm']));
  expect(asked.sort()).toEqual(['/data/basemap.json', '/split_basemap.wasm']);
});

test('the language and a parameter the app does not know keep the pre-rendered page', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./?lang=zh&utm_source=newsletter');
  await expect(shown(page)).toHaveAttribute('data-lang', 'zh');
  release();
  await tookOver(page);
});

test('a press on the pre-rendered page is done once the app is there; what was typed stays', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./?lang=en');
  const item = shown(page).locator('.timeline-item[data-item="loi-chambery-zhangjiakou"]');
  await item.click();
  // Nothing happens yet (the page is a picture of the app).
  await expect(page).not.toHaveURL(/item=/);
  release();
  await tookOver(page);
  await expect(page.locator('.detail h3')).toHaveText(/Chambéry – Zhangjiakou/);
  await expect(page).toHaveURL(/item=loi-chambery-zhangjiakou/);

  // Typing into the search before the app is there.
  const again = await holdWasm(page);
  await page.goto('./?lang=en');
  await shown(page).locator('input[type="search"]').fill('lyon');
  again();
  await tookOver(page);
  await expect(page.getByTestId('search')).toHaveValue('lyon');
  await expect(page.getByTestId('search')).toBeFocused();
  await expect(page).toHaveURL(/q=lyon/);
});

test('without JavaScript the page says what it needs and links every item as text', async ({ browser, request }) => {
  const ds = await shippedDataset(request);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const asked = [];
  page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await page.goto('./');
  // The pictures of the first screen are asked for by a script: none comes, and nothing
  // in the frame pretends to work.
  // (Playwright's text matching skips <noscript>: read as the page has it.)
  expect(await page.locator('p[lang="fr"]').evaluate((p) => p.textContent)).toContain('Passerelle a besoin de JavaScript');
  await expect(page.getByRole('link', { name: 'Tous les éléments de la coopération' })).toBeVisible();
  expect(asked.filter((p) => p.startsWith('/pages/'))).toEqual([]);
  await expect(page.locator('.poster__page')).toHaveCount(0);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement.closest('#poster'))).toBe(false);
  await page.screenshot({ path: `${SCREENSHOTS}first-screen-without-javascript.png`, fullPage: true });
  // Every item's title, date and places as text, in each language, on a page of its own
  // the first screen links to (a link per language, in that language).
  for (const [lang, name] of [['fr', 'Tous les éléments de la coopération'], ['en', 'Every item of the cooperation'], ['zh', '合作的全部事项']]) {
    await expect(page.getByRole('link', { name })).toHaveAttribute('href', `./items.html#${lang}`);
  }
  await page.getByRole('link', { name: 'Every item of the cooperation' }).click();
  await expect(page).toHaveURL(/items\.html#en$/);
  await expect(page.locator('section#en h2')).toBeInViewport();
  const text = await page.locator('body').innerText();
  for (const item of ds.items) {
    for (const lang of ['fr', 'en', 'zh']) expect(text, `${item.id} in ${lang}`).toContain(item.title[lang]);
  }
  // A text, not controls; one heading that leads back.
  expect(await page.locator('button, [aria-pressed]').count()).toBe(0);
  await expect(page.getByRole('heading', { level: 1 }).getByRole('link', { name: 'Passerelle' })).toHaveAttribute('href', './');
  await page.screenshot({ path: `${SCREENSHOTS}items-as-text.png` });
  // On a phone the page does not scroll sideways (a table still wider scrolls in its box).
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOTS}items-as-text-390x844.png` });
  await context.close();
});
