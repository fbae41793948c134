// Embed mode in a real parent page on another origin: resize messages arrive, an allowed
// origin's command works, a disallowed origin's command is ignored; the share dialog; the
// embedded page fits 360 px and 800 px without inner scrollbars.
import { test, expect, SCREENSHOTS } from '../fixtures.mjs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server.mjs';

const HOST_DIR = fileURLToPath(new URL('../embed-host/', import.meta.url));
let hosts = [];
test.beforeAll(async () => {
  // The example host page is the integrator's, with its own inline script: no CSP of ours.
  hosts = [await startServer(HOST_DIR, 4174, '127.0.0.1', { csp: false }), await startServer(HOST_DIR, 4175, '127.0.0.1', { csp: false })];
});
test.afterAll(async () => {
  for (const h of hosts) h.close();
});

const APP = 'http://127.0.0.1:4173/';

async function hostPage(browser, port, query, width = 800) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).origin));
  await page.goto(`http://127.0.0.1:${port}/?app=${encodeURIComponent(APP)}${query}`);
  const frame = page.frameLocator('#passerelle');
  // The app's own timeline (while the frame is being read, the pre-rendered page it sets
  // aside for an embed is there too).
  await expect(frame.locator('body > .app [data-testid="timeline"]')).toBeAttached({ timeout: 15000 });
  // The frame obeys commands once it has said its height, as a parent page knows it is there
  // (its code for the parent comes in a chunk of its own).
  await expect.poll(async () => (await messages(page, 'passerelle:height')).length).toBeGreaterThan(0);
  return { page, frame, requests };
}

const messages = (page, type) => page.evaluate((t) => window.passerelleMessages.filter((m) => m.type === t), type);

test('the parent gets the height and the selection, and an allowed origin can command', async ({ browser }) => {
  const { page, frame, requests } = await hostPage(browser, 4174, '');
  await expect.poll(async () => (await messages(page, 'passerelle:height')).length).toBeGreaterThan(0);
  // The iframe follows the latest height the frame reported (several arrive while it lays out).
  await expect.poll(async () => {
    const last = (await messages(page, 'passerelle:height')).at(-1).height;
    return (await page.locator('#passerelle').getAttribute('height')) === String(last) && last > 640;
  }).toBe(true);
  // No page header, a link out to the full view.
  await expect(frame.locator('.app-header')).toBeHidden();
  await expect(frame.getByTestId('open-full-view')).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:4173\/(\?|$)/);
  // Commands: select, language.
  await page.evaluate(() => passerelle({ command: 'select', item: 'loi-chambery-zhangjiakou' }));
  await expect(frame.locator('.timeline-item[data-item="loi-chambery-zhangjiakou"]')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await messages(page, 'passerelle:selection')).at(-1)?.item).toBe('loi-chambery-zhangjiakou');
  await page.evaluate(() => passerelle({ command: 'time', date: '2018-06-30' }));
  await expect(frame.getByTestId('cursor-label')).toHaveText(/June 2018/);
  await page.evaluate(() => passerelle({ command: 'lang', lang: 'zh' }));
  await expect(frame.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  // Invalid payloads are ignored.
  await page.evaluate(() => passerelle({ command: 'select', item: '<img src=x onerror=alert(1)>' }));
  await page.evaluate(() => passerelle({ command: 'eval', item: 'x' }));
  await expect(frame.locator('.timeline-item[data-item="loi-chambery-zhangjiakou"]')).toHaveAttribute('aria-pressed', 'true');
  expect([...new Set(requests)].sort()).toEqual(['http://127.0.0.1:4173', 'http://127.0.0.1:4174']);
  await page.close();
});

/** Resolves once the embedded page has rendered two more frames: what a command changed
 * is on screen by then. */
const frameSettled = (frame) => frame.locator('html').evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

test('a disallowed origin\'s command is ignored, where the same command from an allowed one works', async ({ browser }) => {
  const select = () => passerelle({ command: 'select', item: 'loi-chambery-zhangjiakou' });
  // The same host page on 4175, first allowed (its own origin): the command selects.
  const allowed = await hostPage(browser, 4175, '');
  await allowed.page.evaluate(select);
  await expect(allowed.frame.locator('.timeline-item[data-item="loi-chambery-zhangjiakou"]')).toHaveAttribute('aria-pressed', 'true');
  await allowed.page.close();
  // Then allowing only 4174: the same command is read, refused with a warning, and changes nothing.
  const { page, frame } = await hostPage(browser, 4175, `&allow=${encodeURIComponent('http://127.0.0.1:4174')}`);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.evaluate(select);
  await expect.poll(() => warnings.some((w) => w.includes('ignored a message from http://127.0.0.1:4175'))).toBe(true);
  await frameSettled(frame);
  await expect(frame.locator('.timeline-item[aria-pressed="true"]')).toHaveCount(0);
  // It still gets the height (public).
  expect((await messages(page, 'passerelle:height')).length).toBeGreaterThan(0);
  await page.close();
});

for (const width of [360, 800]) {
  test(`the embedded page fits ${width} px without scrollbars inside the frame`, async ({ browser }) => {
    const { page, frame } = await hostPage(browser, 4174, '', width);
    // Once the frame has drawn its map and timeline, the parent sizes it from the heights it
    // is told (several arrive while it lays out): the content fits the frame, with nothing
    // to scroll either way.
    await frame.locator('html').evaluate(() => new Promise((resolve) => {
      const done = () => ['passerelle:map-drawn', 'passerelle:timeline-drawn'].every((m) => performance.getEntriesByName(m).length > 0);
      const check = () => (done() ? resolve() : requestAnimationFrame(check));
      check();
    }));
    const inner = () => frame.locator('html').evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth, sh: el.scrollHeight, ch: el.clientHeight }));
    await expect.poll(async () => { const m = await inner(); return m.sh <= m.ch + 1; }, { message: 'no vertical scroll: the parent sized the frame' }).toBe(true);
    const sizes = await inner();
    expect(sizes.sw, 'no horizontal scroll').toBeLessThanOrEqual(sizes.cw);
    // The frame's height is the last one it told.
    const last = (await messages(page, 'passerelle:height')).at(-1).height;
    expect(await page.locator('#passerelle').getAttribute('height')).toBe(String(Math.ceil(last)));
    await page.screenshot({ path: `${SCREENSHOTS}embed-${width}px.png`, fullPage: true });
    await page.close();
  });
}

test('the share dialog gives the link and a ready iframe snippet', async ({ page }) => {
  await page.goto('./?item=forum-2018-chambery&lang=en');
  await page.locator('[data-testid="timeline"]').waitFor({ state: 'attached' });
  await page.getByTestId('share').first().click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('share-link')).toHaveValue(page.url());
  const code = await page.getByTestId('share-code').inputValue();
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:4173\/\?[^"]*embed=1[^"]*" title="Passerelle: [^"]+" loading="lazy" width="100%"/);
  expect(code).toContain('item=forum-2018-chambery');
  await page.getByTestId('share-close').click();
  await expect(dialog).toBeHidden();
  // Opened again, it gives the view as it is then, not as it was at the first opening.
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/item=/);
  await page.getByTestId('share').first().click();
  await expect(page.getByTestId('share-link')).toHaveValue(page.url());
  await expect(page.getByTestId('share-code')).not.toHaveValue(/item=/);
  await expect(page.getByTestId('share-code')).toHaveValue(/embed=1/);
});
