// French, English and Chinese: each renders with no untranslated interface string, dates
// written the way each language writes them, and <html lang> set.
import { test, expect, appSettled, shippedDataset } from '../fixtures.mjs';

/** Every interface text: buttons, labels, headings, legends, table heads, summaries, aria-labels. */
async function interfaceTexts(page) {
  return page.evaluate(() => {
    const out = new Set();
    const sel = 'button, label, h2, h4, legend, th, summary, .lane__label, #time-cursor-legend, .toolbar__count, .time-cursor__label, .tagline, .intro__text, .intro__how, .dataset-summary';
    for (const el of document.querySelectorAll(sel)) {
      if (el.closest('.lang-switcher, .timeline-item, .detail, .list-view tbody, .site-list')) continue;
      const t = el.textContent.trim().replace(/\(\d+\)$/, '').trim();
      if (t) out.add(t);
    }
    for (const el of document.querySelectorAll('[aria-label]')) {
      // The language buttons name each language in itself, on purpose.
      if (el.closest('.map-svg, .lang-switcher')) continue;
      out.add(el.getAttribute('aria-label'));
    }
    return [...out];
  });
}

// Words that are the same in French and English (or names).
const SAME = new Set(['Date ↑', 'Passerelle', 'Sport', 'Transport', 'Sources', 'Date', 'Zoom', 'Parties', '+', '−', '⟲', '◀', '▶', '⏸ Pause', 'Auvergne-Rhône-Alpes', 'Zhangjiakou', 'Chambéry', 'Région', 'Region']);

test('each language renders with no untranslated interface string', async ({ page }) => {
  await page.goto('./?lang=en&panel=list');
  await appSettled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = (await interfaceTexts(page)).filter((t) => !SAME.has(t) && /[A-Za-z]{3}/.test(t));
  expect(english.length).toBeGreaterThan(40);
  for (const [lang, attr] of [['fr', 'fr'], ['zh', 'zh-Hans']]) {
    await page.goto(`./?lang=${lang}&panel=list`);
    await appSettled(page);
    await expect(page.locator('html')).toHaveAttribute('lang', attr);
    const texts = await interfaceTexts(page);
    const leftovers = texts.filter((t) => english.includes(t));
    expect(leftovers, `${lang}: English strings left`).toEqual([]);
    if (lang === 'zh') {
      const latinOnly = texts.filter((t) => /[A-Za-z]{4}/.test(t) && !/[\u4e00-\u9fff]/.test(t) && !SAME.has(t) && !/^(Français|English)$/.test(t));
      expect(latinOnly, 'zh: interface strings without Chinese').toEqual([]);
    }
  }
});

test('dates and numbers are written per language', async ({ page }) => {
  for (const [lang, date] of [['fr', '29 novembre 2018'], ['en', '29 November 2018'], ['zh', '2018年11月29日']]) {
    await page.goto(`./?lang=${lang}&panel=list&item=forum-2018-chambery`);
    await appSettled(page);
    await expect(page.locator('.list-view tr[data-row="forum-2018-chambery"] .list__date')).toHaveText(date);
    await expect(page.locator('.detail dd').first()).toHaveText(date);
  }
  // Zoomed in, the axis names months: in the reader's language, years as numbers.
  for (const [lang, months] of [['fr', /^(janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.)$/], ['en', /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/], ['zh', /^(1[0-2]|[1-9])月$/]]) {
    await page.goto(`./?lang=${lang}`);
    await appSettled(page);
    for (let i = 0; i < 4; i++) await page.getByTestId('timeline-zoom-in').click();
    const ticks = await page.locator('.axis__tick:not(.axis__tick--major)').allTextContents();
    expect(ticks.length, `${lang}: month ticks`).toBeGreaterThan(2);
    for (const t of ticks) expect(t, `${lang} tick`).toMatch(months);
  }
  await page.goto('./?lang=fr&site=zhangjiakou');
  await appSettled(page);
  await expect(page.locator('.detail-panel__figures')).toContainText('900\u202f000');
});

test('the switcher changes the language, puts it in the URL, and the browser language is the default', async ({ page }) => {
  await page.goto('./');
  await appSettled(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');   // Playwright's browser speaks en-US
  await page.locator('.lang-switcher button[data-lang="zh-Hans"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 2, name: '地图与时间线上的合作' })).toBeVisible();
  await expect(page.getByRole('region', { name: '地图', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/lang=zh/);
  await page.goBack();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a reader reads the dataset in their language; another is filled in when asked for, in place', async ({ page, request, requests, consoleErrors }) => {
  const ds = await shippedDataset(request);
  const item = ds.items.find((i) => i.id === 'forum-2018-chambery');
  const datasets = () => requests.filter((u) => u.includes('/data/cooperation')).map((u) => new URL(u).pathname.split('/').pop());
  await page.goto(`./?lang=en&item=${item.id}`);
  await appSettled(page);
  // Only the English edition (src/model/edition.rs): not the whole file, not the others.
  expect(datasets()).toEqual(['cooperation.en.json']);
  const box = page.locator(`.timeline-item[data-item="${item.id}"]`);
  await expect(box).toContainText(item.title.en);
  await expect(page.getByTestId('details')).toContainText(item.description.en);
  // (The workspace is not made again: the texts come into the dataset the page holds.)
  const workspace = page.locator('main.workspace');
  await workspace.evaluate((e) => { e.__kept = true; });
  await page.locator('.lang-switcher button[data-lang="zh-Hans"]').click();
  // The Chinese texts come with the Chinese edition, into what is drawn already.
  await expect(box).toContainText(item.title.zh);
  await expect(page.getByTestId('details')).toContainText(item.description.zh);
  expect(await workspace.evaluate((e) => e.__kept === true)).toBe(true);
  expect(datasets()).toEqual(['cooperation.en.json', 'cooperation.zh.json']);
  // A search reads every language: the French edition comes too, and a French word finds.
  await page.getByTestId('search').fill(item.title.fr);
  await expect(page.locator('.timeline-item:not([hidden])')).toHaveCount(1);
  expect(datasets()).toEqual(['cooperation.en.json', 'cooperation.zh.json', 'cooperation.fr.json']);
  await page.getByTestId('search').fill('');
  // Back to English: nothing fetched again.
  await page.locator('.lang-switcher button[data-lang="en"]').click();
  await expect(box).toContainText(item.title.en);
  expect(datasets()).toHaveLength(3);
  expect(consoleErrors).toEqual([]);
});
