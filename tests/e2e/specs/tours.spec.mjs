// Tours: the authored tour as a guided tour for visitors and as a presentation, opened
// from the introduction or from a URL (inside the embed too), and the presenter's console
// in another window, in step both ways.
import { test, expect, shippedDataset, appSettled, SCREENSHOTS } from '../fixtures.mjs';

test('the introduction offers the tour; a guided tour walks its steps in the normal layout', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  const tour = ds.tours[0];
  await page.goto('./?lang=en');
  await appSettled(page);
  const offer = page.locator(`.intro__tour[data-tour="${tour.id}"]`);
  await expect(offer.getByRole('heading')).toHaveText(tour.title.en);
  await offer.getByTestId('take-tour').click();
  const card = page.getByTestId('guide-card');
  await expect(card).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`tour=${tour.id}&step=1`));
  await expect(page.getByTestId('guide-progress')).toHaveText(`Step 1 of ${tour.steps.length}`);
  await expect(page.getByTestId('guide-caption')).toHaveText(tour.steps[0].caption.en);
  // Each step selects what it shows and moves the map to its view.
  for (let i = 1; i < 4; i++) {
    await page.getByTestId('guide-next').click();
    const step = tour.steps[i];
    await expect(page.getByTestId('guide-caption')).toHaveText(step.caption.en);
    await expect(page.locator('.map-frame')).toHaveAttribute('data-view', step.view === 'both' ? /both|overview/ : step.view);
    if (step.item) await expect(page.locator(`.timeline-item[data-item="${step.item}"]`)).toHaveAttribute('aria-pressed', 'true');
  }
  await page.screenshot({ path: `${SCREENSHOTS}guided-tour-1280x720.png` });
  // Not a presentation: the normal layout stays (timeline, toolbar).
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.locator('.app')).not.toHaveClass(/is-presenting/);
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(page).not.toHaveURL(/tour=/);
});

test('?tour= and step= open a step, in the page and in the embed', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  const tour = ds.tours[0];
  for (const query of [`?tour=${tour.id}&step=5&lang=fr`, `?embed=1&tour=${tour.id}&step=5&lang=fr`]) {
    await page.goto(`./${query}`);
    await appSettled(page);
    await expect(page.getByTestId('guide-progress')).toHaveText(`Étape 5 sur ${tour.steps.length}`);
    await expect(page.getByTestId('guide-caption')).toHaveText(tour.steps[4].caption.fr);
  }
  // Presented: the same step on the projector.
  await page.goto(`./?mode=present&tour=${tour.id}&step=5&lang=zh`);
  await appSettled(page);
  await expect(page.getByTestId('presenter-caption')).toHaveText(tour.steps[4].caption.zh);
});

test('the console opens from the presentation, with notes in its own language, in step both ways', async ({ page, context, request }) => {
  const ds = await shippedDataset(request);
  const tour = ds.tours[0];
  await page.goto(`./?mode=present&tour=${tour.id}&step=1&lang=en`);
  await appSettled(page);
  // Opened from the click: a new window, not a blocked popup.
  const [consolePage] = await Promise.all([context.waitForEvent('page'), page.getByTestId('presenter-console').click()]);
  await appSettled(consolePage);
  const consoleItem = () => new URL(consolePage.url()).searchParams.get('item');
  const openedWith = consoleItem();
  await expect(consolePage.getByTestId('console')).toBeVisible();
  await expect(consolePage.getByTestId('console-progress')).toHaveText(`Step 1 of ${tour.steps.length}`);
  await expect(consolePage.getByTestId('console-notes')).toHaveText(tour.steps[0].notes.en);
  await expect(consolePage.getByTestId('console-next')).toHaveText(ds.items.find((i) => i.id === tour.steps[1].item).title.en);
  // The speaker reads French while the audience sees English.
  await consolePage.locator('.lang-switcher button[data-lang="fr"]').click();
  await expect(consolePage.getByTestId('console-notes')).toHaveText(tour.steps[0].notes.fr);
  await expect(page.getByTestId('presenter-caption')).toHaveText(tour.steps[0].caption.en);
  // A step in the console moves the projector; a step on the projector moves the console.
  await consolePage.keyboard.press('PageDown');
  await expect(page.getByTestId('presenter-progress')).toHaveText(`Step 2 of ${tour.steps.length}`);
  await expect(consolePage.getByTestId('console-notes')).toHaveText(tour.steps[1].notes.fr);
  // The console shows the speaker the steps; its own page's selection stays put.
  expect(tour.steps[1].item).not.toBe(openedWith);
  await expect(page).toHaveURL(new RegExp(`[?&]item=${tour.steps[1].item}(&|$)`));
  expect(consoleItem()).toBe(openedWith);
  await page.keyboard.press('ArrowRight');
  await expect(consolePage.getByTestId('console-progress')).toHaveText(`Étape 3 sur ${tour.steps.length}`);
  await consolePage.getByTestId('console-next-button').click();
  await expect(page.getByTestId('presenter-progress')).toHaveText(`Step 4 of ${tour.steps.length}`);
  // Blank from the console, and back.
  await consolePage.keyboard.press('b');
  await expect(page.getByTestId('presenter-blank')).toBeVisible();
  await expect(consolePage.getByTestId('console-blank')).toHaveAttribute('aria-pressed', 'true');
  await consolePage.getByTestId('console-blank').click();
  await expect(page.getByTestId('presenter-blank')).toBeHidden();
  await consolePage.screenshot({ path: `${SCREENSHOTS}console-1280x720.png` });
  // Closing the console leaves the projector usable.
  await consolePage.close();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('presenter-progress')).toHaveText(`Step 5 of ${tour.steps.length}`);
});

test('ending the talk from the console ends the presentation, and the console stays', async ({ page, context, request }) => {
  const ds = await shippedDataset(request);
  await page.goto(`./?mode=present&tour=${ds.tours[0].id}&step=2&lang=en`);
  await appSettled(page);
  const [consolePage] = await Promise.all([context.waitForEvent('page'), page.getByTestId('presenter-console').click()]);
  await appSettled(consolePage);
  await expect(consolePage.getByTestId('console-progress')).toHaveText(/^Step 2 of/);
  await consolePage.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-card')).toHaveCount(0);
  await expect(consolePage.getByTestId('console')).toBeVisible();
});
