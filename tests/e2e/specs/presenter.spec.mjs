// Presenter mode: stepping with every listed key, blanking, leaving, resuming from the URL.
import { test, expect, shippedDataset, appSettled, SCREENSHOTS } from '../fixtures.mjs';

/** The story's length: every dated item. */
const storyLength = (ds) => ds.items.filter((i) => i.when.start || i.when.end).length;

test('steps through the tour with every listed key, blanks, leaves and resumes', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  // The Present button presents the dataset's first tour (the dated items without one).
  const n = ds.tours?.length ? ds.tours[0].steps.length : storyLength(ds);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./');
  await appSettled(page);
  await page.getByTestId('present').click();
  const progress = page.getByTestId('presenter-progress');
  await expect(progress).toHaveText(`Step 1 of ${n}`);
  await expect(page).toHaveURL(/mode=present/);
  await expect(page).toHaveURL(/step=1/);
  // The step selects its item and moves the cursor.
  await expect(page.locator('.timeline-item[aria-pressed="true"]')).toHaveCount(1);
  for (const [key, expected] of [['ArrowRight', 2], ['ArrowDown', 3], ['PageDown', 4], [' ', 5], ['ArrowLeft', 4], ['ArrowUp', 3], ['PageUp', 2], ['End', n], ['Home', 1]]) {
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await expect(progress, key).toHaveText(`Step ${expected} of ${n}`);
  }
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  await expect(progress).toHaveText(`Step ${n} of ${n}`);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.screenshot({ path: `${SCREENSHOTS}presenter-1920x1080.png` });
  // Blank and back, with B and with '.'.
  await page.keyboard.press('b');
  await expect(page.getByTestId('presenter-blank')).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByTestId('presenter-blank')).toBeHidden();
  await page.keyboard.press('.');
  await expect(page.getByTestId('presenter-blank')).toBeVisible();
  await page.keyboard.press('.');
  await expect(page.getByTestId('presenter-blank')).toBeHidden();
  // Resume from the URL.
  const url = page.url();
  expect(url).toMatch(/step=2/);
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 1280, height: 720 });
  await other.goto(url);
  await appSettled(other);
  await expect(other.getByTestId('presenter-progress')).toHaveText(`Step 2 of ${n}`);
  await other.screenshot({ path: `${SCREENSHOTS}presenter-1280x720.png` });
  await other.close();
  // Escape leaves.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-card')).toHaveCount(0);
  await expect(page).not.toHaveURL(/mode=present/);
});

test('nothing in presenter mode is smaller than 20 px', async ({ page }) => {
  for (const size of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size);
    await page.goto('./?mode=present&step=5&lang=en');
    await appSettled(page);
    await expect(page.getByTestId('presenter-card')).toBeVisible();
    const small = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        if (!el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || cs.visibility === 'hidden' || el.closest('[hidden], .visually-hidden')) continue;
        if (parseFloat(cs.fontSize) < 20) out.push(`${el.tagName}.${el.className?.baseVal ?? el.className}: ${cs.fontSize} "${el.textContent.trim().slice(0, 30)}"`);
      }
      return out;
    });
    expect(small, `${size.width}: text under 20 px`).toEqual([]);
  }
});

test('text in presenter mode has a contrast ratio of at least 7:1', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?mode=present&step=3&lang=en');
  await appSettled(page);
  await expect(page.getByTestId('presenter-card')).toBeVisible();
  const low = await page.evaluate(() => {
    const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] > 0.9)) return c;
      }
      return [255, 255, 255];
    };
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (el.closest('svg, [hidden], .visually-hidden')) continue;
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height) continue;
      const cs = getComputedStyle(el);
      const [l1, l2] = [lum(rgb(cs.color)), lum(background(el))].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < 7) out.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.trim().slice(0, 30)}"`);
    }
    return out;
  });
  expect(low).toEqual([]);
});

test('the Present button asks for full screen, and leaving gives it back', async ({ page }) => {
  await page.goto('./');
  await appSettled(page);
  await page.getByTestId('present').click();
  await expect(page.getByTestId('presenter-card')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('HTML');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-card')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
});
