// Timeline, time cursor, linked selection, filters, search, list view and URL state.
import { test, expect, shippedDataset, appSettled, appDrawn, SCREENSHOTS, openFilters, setFilter, openUndated, expectedLinks } from '../fixtures.mjs';

async function open(page, query = '') {
  await page.goto(`./${query}`);
  await appSettled(page);
  await expect(page.locator('.map-frame .map-svg .world').first()).toBeAttached();
}

const details = (page) => page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 3 });
const visibleLinks = (page) => page.locator('.map-frame .map-svg .link:not(.is-filtered-out)').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.item))].sort());
const futureLinks = (page) => page.locator('.map-frame .map-svg .link.is-future').evaluateAll((els) => [...new Set(els.map((e) => e.dataset.item))].sort());

test('stepping and dragging the time cursor changes what the map shows', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await open(page);
  await expect(page.getByTestId('cursor-label')).toHaveText('All dates');
  expect(await futureLinks(page)).toEqual([]);
  const slider = page.getByTestId('cursor');
  await slider.focus();
  await page.keyboard.press('Home');   // the first month: February... of the first dated item
  await expect(page.getByTestId('cursor-label')).toHaveText(/^State at the end of /);
  const early = await futureLinks(page);
  expect(early).toContain('loi-chambery-zhangjiakou');
  // Step forward month by month until 2018-11 is in: the letter of intent appears.
  const label = await page.getByTestId('cursor-label').textContent();
  await page.getByTestId('step-forward').click();
  await expect(page.getByTestId('cursor-label')).not.toHaveText(label);
  await slider.fill(String(await slider.getAttribute('max')));
  await expect(page.getByTestId('cursor-label')).toHaveText('All dates');
  expect(await futureLinks(page)).toEqual([]);
  // The cursor is in the URL (replacing, not pushing).
  await page.getByTestId('step-back').click();
  await expect(page).toHaveURL(/[?&]t=\d{4}-\d{2}-\d{2}/);
  const cursorDay = new URL(page.url()).searchParams.get('t');
  const expectedFuture = ds.items.filter((i) => i.when.start && i.when.start.padEnd(10, '-01').slice(0, 10) > cursorDay).map((i) => i.id);
  for (const id of await futureLinks(page)) expect(expectedFuture).toContain(id);
  // The last dated item has not begun a month before the end.
  await expect(page.locator('.timeline-item[data-item="paralympics-2022"]')).toHaveClass(/is-future/);
  // The list fades the same rows, and follows a later move of the cursor in place.
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  const listFuture = () => page.locator('.list-view tr.is-future').evaluateAll((rows) => rows.map((r) => r.dataset.row).sort());
  expect(await listFuture()).toEqual([...expectedFuture].sort());
  await page.getByTestId('cursor').fill(String(await page.getByTestId('cursor').getAttribute('max')));
  await expect(page.locator('.list-view tr.is-future')).toHaveCount(0);
});

test('play runs through time and pauses', async ({ page }) => {
  // The page's clock is the test's: time moves only when the test moves it.
  await page.clock.install();
  await open(page);
  await page.clock.pauseAt(Date.now() + 60_000);
  const label = page.getByTestId('cursor-label');
  await page.getByTestId('cursor').focus();
  await page.keyboard.press('Home');
  const start = await label.textContent();
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  // Playing: the same two seconds move the cursor on (a step is 0.9 s).
  await expect(label).toHaveText(start);
  await page.clock.runFor(2000);
  await expect(label).not.toHaveText(start);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
  // Paused: they do not.
  const paused = await label.textContent();
  await page.clock.runFor(2000);
  await expect(label).toHaveText(paused);
});

test('a selection in the timeline, the map or the list shows in the other two', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  const title = (id) => ds.items.find((i) => i.id === id).title.en;
  await open(page);
  // Timeline → map.
  await page.locator('.timeline-item[data-item="loi-chambery-zhangjiakou"]').click();
  await expect(details(page)).toHaveText(title('loi-chambery-zhangjiakou'));
  await expect(page.locator('.map-frame .map-svg .link[data-item="loi-chambery-zhangjiakou"]').first()).toHaveClass(/is-selected/);
  // Map → timeline.
  await page.locator('.map-frame .map-svg .link[data-item="air-route-lyon-china"]').first().focus();
  await page.keyboard.press('Enter');
  await expect(details(page)).toHaveText(title('air-route-lyon-china'));
  await expect(page.locator('.timeline-item[data-item="air-route-lyon-china"]')).toHaveAttribute('aria-pressed', 'true');
  // List → map and timeline.
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  await expect(page.locator('.list-view tr[data-row="air-route-lyon-china"]')).toHaveClass(/is-selected/);
  await page.locator('.list-view button[data-item="agreement-aura-hebei"]').click();
  await expect(details(page)).toHaveText(title('agreement-aura-hebei'));
  await expect(page.locator('.list-view button[data-item="agreement-aura-hebei"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.list-view button[aria-pressed="true"]')).toHaveCount(1);
  await expect(page.locator('.list-view tr.is-selected')).toHaveCount(1);
  await page.locator('.panel-tabs button[data-panel="timeline"]').click();
  await expect(page.locator('.timeline-item[data-item="agreement-aura-hebei"]')).toHaveAttribute('aria-pressed', 'true');
  // Escape clears it everywhere.
  await page.keyboard.press('Escape');
  await expect(page.locator('.timeline-item[aria-pressed="true"]')).toHaveCount(0);
  await expect(page.locator('.map-frame .map-svg .is-selected')).toHaveCount(0);
  await page.locator('.timeline-item[data-item="forum-2018-chambery"]').click();
  await page.screenshot({ path: `${SCREENSHOTS}timeline-with-selection.png`, fullPage: true });
});

test('the list runs by date either way, the undated last in both', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await open(page);
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  await page.locator('.list-view tbody tr').first().waitFor();
  const rows = () => page.locator('.list-view tbody tr').evaluateAll((els) => els.map((e) => ({ id: e.dataset.row, start: e.dataset.start === undefined ? null : Number(e.dataset.start) })));
  const check = (list, ascending) => {
    expect(list.map((r) => r.id).sort()).toEqual(ds.items.map((i) => i.id).sort());
    const dated = list.filter((r) => r.start !== null);
    const undated = list.slice(dated.length);
    expect(dated.length).toBeGreaterThan(1);
    expect(undated.length, 'some items of the shipped dataset have no date').toBeGreaterThan(0);
    expect(undated.every((r) => r.start === null), 'the undated come after every dated one').toBe(true);
    const starts = dated.map((r) => r.start);
    expect(starts).toEqual([...starts].sort((a, b) => (ascending ? a - b : b - a)));
    expect(undated.map((r) => r.id)).toEqual(undated.map((r) => r.id).sort());
  };
  check(await rows(), true);
  await page.getByTestId('sort-date').click();
  await expect(page.locator('.list-view th[aria-sort]')).toHaveAttribute('aria-sort', 'descending');
  check(await rows(), false);
});

test('a long list comes a page at a time; a selection elsewhere turns to its page and is scrolled into view', async ({ page, request }) => {
  // The shipped dataset with 250 more items, one a week from 2019 (the first page holds
  // the shipped ones dated before, the rest follow).
  const ds = await shippedDataset(request);
  const model = ds.items.find((i) => i.when.start && i.when.precision === 'day');
  const day = (n) => new Date(Date.UTC(2019, 0, 7 + 7 * n)).toISOString().slice(0, 10);
  for (let n = 0; n < 250; n++) ds.items.push({ ...model, id: `weekly-${n}`, title: { fr: `Réunion ${n}`, en: `Meeting ${n}`, zh: `会议${n}` }, when: { start: day(n), end: null, precision: 'day' } });
  await page.route('**/many.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  const total = ds.items.length;
  const rows = () => page.locator('.list-view tbody tr').evaluateAll((els) => els.map((e) => e.dataset.row));
  const range = page.getByTestId('list-range');

  await open(page, '?data=many.json&lang=en');
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  await expect(range).toHaveText(`1–100 of ${total}`);
  const first = await rows();
  expect(first).toHaveLength(100);
  await expect(page.getByTestId('list-previous')).toHaveAttribute('aria-disabled', 'true');
  // Every row once over the pages, by keyboard: Next pressed until the last page.
  const seen = [...first];
  const next = page.getByTestId('list-next');
  await next.focus();
  while ((await next.getAttribute('aria-disabled')) === 'false') {
    await page.keyboard.press('Enter');
    await expect(next).toBeFocused();
    const now = await rows();
    expect(now[0], 'another page of rows').not.toBe(seen[seen.length - 100]);
    seen.push(...now);
  }
  await expect(range).toHaveText(`201–${total} of ${total}`);
  expect(seen.slice().sort()).toEqual(ds.items.map((i) => i.id).sort());
  expect(new Set(seen).size).toBe(total);
  await page.getByTestId('list-previous').click();
  await expect(range).toHaveText(`101–200 of ${total}`);

  // A selection made on the timeline (here through the address) shows in the list: its page.
  const target = seen[230];
  await open(page, `?data=many.json&lang=en&item=${target}`);
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  await expect(range).toHaveText(`201–${total} of ${total}`);
  await expect(page.locator(`.list-view tr[data-row="${target}"]`)).toHaveClass(/is-selected/);
  // ...scrolled into the list's view, below its headings, the page itself not moved.
  const seenWhole = (id) => page.locator('.list-view').evaluate((list, id) => {
    const row = list.querySelector(`tr[data-row="${id}"]`);
    if (!row || document.scrollingElement.scrollTop !== 0) return false;
    const [box, r] = [list.getBoundingClientRect(), row.getBoundingClientRect()];
    const header = list.querySelector('thead').getBoundingClientRect().height;
    const top = box.top + list.clientTop;
    return r.top >= top + header - 1 && r.bottom <= top + list.clientHeight + 1;
  }, id);
  await expect.poll(() => seenWhole(target)).toBe(true);
  expect(await page.locator('.list-view').evaluate((l) => l.scrollTop), 'a row far down the page').toBeGreaterThan(300);
  // Sorted the other way: the selected item's page again (now the first), the row in view.
  await page.locator('.list-view').evaluate((l) => { l.scrollTop = 0; });
  await page.getByTestId('sort-date').click();
  await expect(range).toHaveText(`1–100 of ${total}`);
  await expect(page.locator(`.list-view tr[data-row="${target}"]`)).toHaveClass(/is-selected/);
  await expect.poll(() => seenWhole(target)).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}long-list-1280x720.png` });

  // A short list has no pages.
  await open(page, '?lang=en');
  await page.locator('.panel-tabs button[data-panel="list"]').click();
  await page.locator('.list-view tbody tr').first().waitFor();
  await expect(range).toHaveCount(0);
});

test('each filter and the search narrow the map, the timeline and the list alike', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await open(page, '?view=overview');   // every link, third countries' too
  // The boxes shown (an undated item the filter leaves out stays, hidden, in its folded row).
  const timelineIds = () => page.locator('.timeline-item:not([hidden])').evaluateAll((els) => els.map((e) => e.dataset.item).sort());
  const listIds = async () => {
    await page.locator('.panel-tabs button[data-panel="list"]').click();
    // The list is a part on demand: drawn once its chunk is there.
    await page.locator('.list-view').waitFor();
    const ids = await page.locator('.list-view tbody tr').evaluateAll((els) => els.map((e) => e.dataset.row).sort());
    await page.locator('.panel-tabs button[data-panel="timeline"]').click();
    return ids;
  };
  // The items the map draws a link for (between their sites, or their parties' seats).
  const withLinks = new Set(expectedLinks(ds).map((l) => l.split(':')[0]));
  const linked = (ids) => ids.filter((id) => withLinks.has(id));
  for (const [box, expected] of [
    ['kind:agreement', ds.items.filter((i) => i.kind === 'agreement').map((i) => i.id)],
    ['domain:transport', ds.items.filter((i) => i.domains.includes('transport')).map((i) => i.id)],
    ['status:planned', ds.items.filter((i) => i.status === 'planned').map((i) => i.id)],
  ]) {
    await setFilter(page, box, true);
    const want = [...expected].sort();
    await expect.poll(timelineIds).toEqual(want);
    expect(await listIds()).toEqual(want);
    expect(await visibleLinks(page)).toEqual(linked(want).sort());
    await expect(page.getByTestId('shown-count')).toHaveText(`${want.length} of ${ds.items.length} items shown`);
    // The folded row of undated items counts those the filter shows.
    const undated = ds.items.filter((i) => want.includes(i.id) && i.when.start === null && i.when.end === null).length;
    if (undated === 0) await expect(page.getByTestId('undated-toggle')).toBeHidden();
    else await expect(page.getByTestId('undated-toggle')).toHaveText(`${undated} undated or proposed item${undated > 1 ? 's' : ''}`);
    await setFilter(page, box, false);
  }
  // Side: items involving both sides.
  await setFilter(page, 'side:both', true);
  const both = await timelineIds();
  expect(both.length).toBeGreaterThan(0);
  expect(both).not.toContain('connected-territory');
  await page.getByTestId('clear-filters').click();
  // Search: accents and case folded, Chinese finds the same as Latin, in every language's
  // texts (the page fills in those its edition of the dataset lacks) and names.
  const names = (ids, list) => ids.map((id) => list.find((x) => x.id === id)?.name).filter(Boolean);
  const texts = (i) => [i.title, i.description, i.note, ...names(i.sites, ds.sites), ...names(i.parties, ds.actors)]
    .filter(Boolean).flatMap((t) => Object.values(t));
  const matching = (word) => ds.items.filter((i) => texts(i).some((t) => t.toLowerCase().includes(word))).map((i) => i.id).sort();
  await page.getByTestId('search').fill('chambery');
  const chambery = await timelineIds();
  expect(chambery).toContain('loi-chambery-zhangjiakou');
  await page.getByTestId('search').fill('张家口');
  await expect.poll(timelineIds).toEqual(matching('张家口'));
  const zh = await timelineIds();
  await page.getByTestId('search').fill('Zhangjiakou');
  await expect.poll(timelineIds).toEqual(zh);
  expect(await listIds()).toEqual(zh);
  expect(await visibleLinks(page)).toEqual(linked(zh).sort());
  await expect(page.locator('.map-frame .map-svg [data-site="shanghai"]')).toHaveClass(/is-filtered-out/);
});

test('a filter moves the boxes still shown to where a fresh page draws them, keeping each box', async ({ page, context }) => {
  await open(page, '?lang=en');
  // Each box's place, and a mark on each element (an element drawn anew has none).
  const places = () => page.locator('.timeline-item:not([hidden])').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.item, { left: e.style.left, top: e.style.top, width: e.style.width, kept: !!e.__kept }])));
  await page.locator('.timeline-item').evaluateAll((els) => els.forEach((e) => { e.__kept = true; }));
  const before = await places();
  await setFilter(page, 'status:planned', true);
  await expect.poll(async () => Object.keys(await places()).length).toBeLessThan(Object.keys(before).length);
  const after = await places();
  for (const [id, p] of Object.entries(after)) expect(p.kept, `${id}'s box kept`).toBe(true);
  const moved = Object.keys(after).filter((id) => after[id].top !== before[id].top || after[id].left !== before[id].left);
  expect(moved.length, 'boxes moved by the filter').toBeGreaterThan(0);
  // The same filter opened afresh: every box at the same place.
  const fresh = await context.newPage();
  await open(fresh, '?lang=en&status=planned');
  const drawn = await fresh.locator('.timeline-item:not([hidden])').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.dataset.item, { left: e.style.left, top: e.style.top, width: e.style.width, kept: true }])));
  expect(after).toEqual(drawn);
});

test('a shared URL reopens selection, time, filters and view; Back and Forward work', async ({ page, context, consoleErrors }) => {
  await open(page);
  await openUndated(page);
  await page.locator('.timeline-item[data-item="esf-ski-school-zhangjiakou"]').click();
  await setFilter(page, 'domain:training', true);
  await page.getByTestId('cursor').focus();
  await page.keyboard.press('Home');
  await page.locator('.map-views button[data-view="china"]').click();
  await page.getByTestId('zoom-in').click();
  await expect(page).toHaveURL(/view=china/);
  await expect(page).toHaveURL(/zoom=/);
  const shared = page.url();
  const label = await page.getByTestId('cursor-label').textContent();
  const transform = await page.locator('.map-frame').getAttribute('data-transform');

  const fresh = await context.newPage();
  await open(fresh, new URL(shared).search);
  await expect(details(fresh)).toHaveText(/ski school in Zhangjiakou/);
  await expect(fresh.locator('[data-filter="domain:training"]')).toBeChecked();
  await expect(fresh.getByTestId('cursor-label')).toHaveText(label);
  await expect(fresh.locator('.map-frame')).toHaveAttribute('data-view', 'china');
  // The same window, to a fraction of a pixel (the URL rounds the centre to 0.1 unit).
  const numbers = (t) => t.match(/-?[\d.]+/g).map(Number);
  const reopened = numbers(await fresh.locator('.map-frame').getAttribute('data-transform'));
  numbers(transform).forEach((v, i) => expect(Math.abs(v - reopened[i])).toBeLessThan(0.5));
  expect(fresh.url()).toBe(shared);
  await fresh.close();

  // Back and Forward through selections (each selection pushed an entry).
  await page.goto('./');
  await appSettled(page);
  await page.locator('.timeline-item[data-item="forum-2018-chambery"]').click();
  await page.locator('.timeline-item[data-item="agreement-aura-hebei"]').click();
  await expect(page).toHaveURL(/item=agreement-aura-hebei/);
  await page.goBack();
  await expect(page).toHaveURL(/item=forum-2018-chambery/);
  await expect(page.locator('.timeline-item[data-item="forum-2018-chambery"]')).toHaveAttribute('aria-pressed', 'true');
  await page.goForward();
  await expect(page.locator('.timeline-item[data-item="agreement-aura-hebei"]')).toHaveAttribute('aria-pressed', 'true');
  // The cursor's address waits for its moves to pause, but a selection right after it
  // leaves it in the entry it leaves behind: Back comes to that cursor.
  await page.getByTestId('step-back').click();
  const stepped = await page.getByTestId('cursor-label').textContent();
  await page.locator('.timeline-item[data-item="forum-2018-chambery"]').click();
  await expect(page).toHaveURL(/item=forum-2018-chambery/);
  await page.goBack();
  await expect(page).toHaveURL(/item=agreement-aura-hebei/);
  expect(new URL(page.url()).searchParams.get('t')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('cursor-label')).toHaveText(stepped);
  expect(consoleErrors).toEqual([]);
});

test('unknown or invalid URL parameters are ignored with a console warning', async ({ page, consoleErrors }) => {
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await open(page, '?item=%3Cscript%3E&t=2018-02-30&kind=treaty&view=mars&foo=1&status=signed');
  await expect(page.locator('[data-filter="status:signed"]')).toBeChecked();
  expect(warnings.filter((w) => w.startsWith('Passerelle: ignored URL parameter')).length).toBe(5);
  await expect(page.locator('#fatal-error')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the timeline zooms and pans by buttons, keys, drag and wheel', async ({ page }) => {
  await open(page);
  const range = () => page.getByTestId('timeline-range').textContent();
  const whole = await range();
  await page.getByTestId('timeline-zoom-in').click();
  const zoomed = await range();
  expect(zoomed).not.toEqual(whole);
  await page.locator('.timeline-lanes').focus();
  await page.keyboard.press('0');
  await expect(page.getByTestId('timeline-range')).toHaveText(whole);
  await page.keyboard.press('+');
  await expect(page.getByTestId('timeline-range')).not.toHaveText(whole);
  const before = await range();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('timeline-range')).not.toHaveText(before);
  // Drag pans.
  const lanes = await page.locator('.timeline-lanes').boundingBox();
  const beforeDrag = await range();
  await page.mouse.move(lanes.x + 300, lanes.y + 10);
  await page.mouse.down();
  await page.mouse.move(lanes.x + 200, lanes.y + 10, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('timeline-range')).not.toHaveText(beforeDrag);
  await page.keyboard.press('0');
  const box = await page.locator('.timeline-lanes').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.wheel(0, -400);
  await expect(page.getByTestId('timeline-range')).not.toHaveText(whole);
});

test('parameters read elsewhere (embed, data) survive URL rewrites', async ({ page }) => {
  await open(page, '?data=data%2Fcooperation.json');
  await page.locator('.timeline-item[data-item="forum-2018-chambery"]').click();
  await expect(page).toHaveURL(/item=forum-2018-chambery/);
  expect(new URL(page.url()).searchParams.get('data')).toBe('data/cooperation.json');
});

test('with thousands of items the lanes draw only the boxes in sight, scrolling brings the rest, the focused box stays', async ({ page, request }) => {
  // The shipped dataset and 1,200 more items over four years, all of one kind.
  const ds = await shippedDataset(request);
  for (let i = 0; i < 1200; i++) {
    const month = String(1 + (i % 12)).padStart(2, '0');
    ds.items.push({
      id: `many-${i}`, kind: 'project', title: { fr: `Projet ${i}`, en: `Project ${i}`, zh: `项目${i}` },
      description: { fr: 'x', en: 'x', zh: 'x' }, when: { start: `${2018 + (i % 4)}-${month}`, end: null, precision: 'month' },
      status: 'signed', parties: [], sites: ['lyon'], domains: [], sources: [{ source: ds.sources[0].id, place: '« test »' }],
    });
  }
  await page.route('**/many.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  await page.goto('./?lang=en&data=many.json');
  await appDrawn(page);
  const lanes = page.locator('.timeline-lanes');
  const drawn = () => page.locator('.timeline-item').count();
  const first = await drawn();
  expect(first).toBeGreaterThan(5);
  expect(first, 'only the boxes in sight are drawn').toBeLessThan(400);
  // The lanes keep the height of all their rows: scrolled to the end, the last rows' boxes
  // are drawn, in sight.
  const seen = () => lanes.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return [...el.querySelectorAll('.timeline-item')].filter((b) => { const q = b.getBoundingClientRect(); return q.bottom > r.top && q.top < r.bottom; }).map((b) => b.dataset.item);
  });
  const before = await seen();
  expect(before.length).toBeGreaterThan(0);
  await lanes.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect.poll(async () => (await seen()).filter((id) => !before.includes(id)).length).toBeGreaterThan(3);
  expect(await drawn()).toBeLessThan(400);
  // The cursor fades the drawn boxes that begin after it, including those drawn on scrolling.
  await page.getByTestId('step-back').click();
  await expect.poll(() => page.locator('.timeline-item.is-future').count()).toBeGreaterThan(0);
  // The box with the keyboard focus stays drawn, and focused, when the lanes are scrolled
  // away from it.
  await lanes.evaluate((el) => { el.scrollTop = 0; });
  await expect.poll(async () => (await seen()).length).toBeGreaterThan(0);
  await page.locator('.timeline-item').first().focus();
  const focused = await page.evaluate(() => document.activeElement.dataset.item);
  await lanes.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect.poll(async () => (await seen()).includes(focused)).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.dataset.item)).toBe(focused);
});
