// The accessibility tree of the main states, as a screen reader meets it: one readable
// YAML each (Playwright's ARIA snapshot of the page), kept in tests/snapshots/aria/ and
// reviewed like the SVG snapshots (`npx playwright test specs/aria.spec.mjs
// --update-snapshots` rewrites them; read the diff). Each is compared whole, not as a
// template the page need only contain; and in each state no id is used twice.
import { test, expect, appSettled, appDrawn, animationsFinished } from '../fixtures.mjs';

const STATES = [
  ['first-screen', '?lang=en', { width: 1280, height: 720 }, null],
  ['selection', '?lang=en&item=loi-chambery-zhangjiakou', { width: 1280, height: 720 }, null],
  ['filter-drawer', '?lang=en', { width: 1280, height: 720 }, async (page) => {
    await page.getByTestId('filters-button').click();
    await expect(page.getByTestId('filters')).toBeVisible();
  }],
  ['list', '?lang=en&panel=list', { width: 1280, height: 720 }, null],
  ['presenting', '?lang=en&mode=present&step=5', { width: 1920, height: 1080 }, null],
  ['console', '?lang=en&mode=console&step=5', { width: 1280, height: 720 }, null],
  ['embed', '?lang=en&embed=1', { width: 360, height: 640 }, null],
];

for (const [name, query, viewport, prepare] of STATES) {
  test(`the accessibility tree of ${name}`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`./${query}`);
    await appSettled(page);
    if (name !== 'console') await appDrawn(page, { timeline: false });
    if (prepare) await prepare(page);
    // The parts on demand these states show, drawn once their chunks are there.
    const part = { list: '.list-view', presenting: '[data-testid="presenter-card"]' }[name];
    if (part) await page.locator(part).waitFor();
    await expect(page.locator('.on-demand')).toHaveCount(0);
    await animationsFinished(page);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(twice, 'ids used more than once').toEqual([]);
    // (The console's clock is the one thing that moves: read as it opens.)
    const tree = (await page.locator('body').ariaSnapshot()).replace(/(timer "[^"]*": )\d\d:\d\d/, '$100:00');
    expect(tree).toMatchSnapshot(`${name}.yml`);
  });
}
