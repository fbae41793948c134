// axe-core: no WCAG 2.0/2.1/2.2 A or AA violation in each view, mode and language, on a
// laptop and on a phone.
import { test, expect, appSettled, appDrawn, animationsFinished } from '../fixtures.mjs';
import AxeBuilder from '@axe-core/playwright';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const STATES = [
  ['the introduction', '?lang=en', null],
  ['a selection with the detail sheet', '?lang=en&item=loi-chambery-zhangjiakou', null],
  ['a selected site', '?lang=en&site=chambery&view=france', null],
  ['the list view', '?lang=en&panel=list', null],
  ['the time cursor set', '?lang=en&t=2018-06-30', null],
  ['presenter mode', '?lang=en&mode=present&step=4', null],
  ['embed mode', '?lang=en&embed=1', null],
  ['French', '?lang=fr&item=forum-2018-chambery', null],
  ['Chinese', '?lang=zh&item=forum-2018-chambery', null],
  ['the share dialog', '?lang=en', async (page) => { await page.getByTestId('share').first().click(); await expect(page.getByTestId('share-dialog')).toBeVisible(); }],
  ['the open filter drawer', '?lang=en&kind=agreement', async (page) => { await page.getByTestId('filters-button').click(); await expect(page.getByTestId('filters')).toBeVisible(); }],
  ['the undated items unfolded', '?lang=en', async (page) => { await page.getByTestId('undated-toggle').click(); await expect(page.locator('#undated-items')).toBeVisible(); }],
  ['the sheet opened by the reader', '?lang=en', async (page) => { await page.locator('.timeline-item[data-item="forum-2018-chambery"]').click(); await expect(page.getByTestId('details')).toBeVisible(); }],
];

for (const [size, viewport] of [['1280x720', { width: 1280, height: 720 }], ['390x844', { width: 390, height: 844 }]]) {
  for (const [name, query, prepare] of STATES) {
    test(`axe finds no violation at ${size}: ${name}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(`./${query}`);
      await appSettled(page);
      await expect(page.locator('.map-frame .map-svg .world').first()).toBeAttached();
      await appDrawn(page, { timeline: false });
      if (prepare) await prepare(page);
      // A sheet or a drawer that is still sliding in would be measured half-way.
      await animationsFinished(page);
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(summary).toEqual([]);
    });
  }
}
