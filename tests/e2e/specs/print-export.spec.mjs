// Print and export: the handout as a PDF (read back with pdftotext, pictured with pdftoppm
// for a person to look at), the map as SVG and PNG, the items as CSV.
import { test, expect, shippedDataset, appSettled, SCREENSHOTS } from '../fixtures.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';

// pdftotext turns some typographic characters into others, and spaces Chinese from the
// Latin letters and digits among it as the fonts change: compare on letters and digits.
const letters = (s) => s.replace(/[^\p{L}\p{N}]+/gu, '');

/** Prints the page to a PDF (A4 or Letter), returns its text, and pictures its pages. */
async function printed(page, name, format = 'A4') {
  // The handout is drawn only while printing (from beforeprint to afterprint): not before,
  // not after, and in the PDF (checked by the callers).
  const handoutMap = page.getByTestId('handout').locator('.handout__map svg');
  await expect(page.getByTestId('handout')).toBeAttached();
  await expect(handoutMap).toHaveCount(0);
  const pdf = `${SCREENSHOTS}${name}.pdf`;
  await page.pdf({ path: pdf, format, printBackground: true });
  await expect(handoutMap).toHaveCount(0);
  execFileSync('pdftoppm', ['-png', '-r', '50', pdf, `${SCREENSHOTS}${name}-page`]);
  return letters(execFileSync('pdftotext', ['-raw', pdf, '-']).toString());
}

function shownItems(ds, filter = () => true) {
  return ds.items.filter(filter);
}

test('the handout holds every shown item and every citation, in French and Chinese, on A4 and Letter', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  for (const [lang, query, filter, format] of [
    ['fr', '', () => true, 'A4'],
    ['zh', '', () => true, 'Letter'],
    ['fr', '&kind=agreement,letter-of-intent', (i) => ['agreement', 'letter_of_intent'].includes(i.kind), 'A4'],
    ['zh', '&status=planned', (i) => i.status === 'planned', 'A4'],
  ]) {
    await page.goto(`./?lang=${lang}${query}`);
    await appSettled(page);
    const text = await printed(page, `handout-${lang}${query ? '-filtered' : ''}-${format}`, format);
    const items = shownItems(ds, filter);
    for (const item of items) {
      expect(text, `${lang}: ${item.id}`).toContain(letters(item.title[lang]));
      for (const c of item.sources) expect(text, `${lang}: ${item.id} cites`).toContain(letters(c.place));
    }
    // What the filters leave out is not printed.
    for (const item of ds.items.filter((i) => !filter(i))) expect(text).not.toContain(letters(item.title[lang]));
    // No control is printed.
    expect(text).not.toContain(letters(lang === 'fr' ? 'Partager ou intégrer' : '分享或嵌入'));
  }
});

test('a tour prints one step a page, with the speaker notes when asked', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  const tour = ds.tours[0];
  for (const lang of ['fr', 'zh']) {
    await page.goto(`./?lang=${lang}&tour=${tour.id}&step=1`);
    await appSettled(page);
    const text = await printed(page, `tour-${lang}`);
    for (const step of tour.steps) expect(text).toContain(letters(step.caption[lang]));
    const pages = Number(execFileSync('pdfinfo', [`${SCREENSHOTS}tour-${lang}.pdf`]).toString().match(/Pages:\s+(\d+)/)[1]);
    expect(pages).toBe(tour.steps.length);
    expect(text).not.toContain(letters(tour.steps[0].notes[lang]));
  }
  // With the notes: asked for in the Share dialog.
  await page.getByTestId('share').first().click();
  await expect(page.getByTestId('export-print-notes')).toBeVisible();
  await page.evaluate(() => { window.print = () => {}; });
  await page.getByTestId('export-print-notes').click();
  await expect(page.locator('.workspace')).toHaveClass(/print-notes/);
  const text = letters(execFileSync('pdftotext', ['-raw', '-', '-'], { input: await page.pdf({ format: 'A4' }) }).toString());
  expect(text).toContain(letters(tour.steps[0].notes.zh));
});

test('the map exports as SVG and PNG, the items as CSV; everything downloads', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  await page.goto('./?lang=zh&view=china&status=signed,held');
  await appSettled(page);
  await page.getByTestId('share').first().click();
  const download = async (id) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
    const path = `${SCREENSHOTS}${d.suggestedFilename()}`;
    await d.saveAs(path);
    return { name: d.suggestedFilename(), body: readFileSync(path) };
  };
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;

  // SVG: a file of its own that parses, looks like the page with no stylesheet (the
  // page's colours written on its elements), and holds the sites the reader sees, no more.
  const svg = await download('export-svg');
  expect(svg.name).toBe(`passerelle-china-zh-${day}.svg`);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const fill = (sel) => doc.querySelector(sel)?.closest('[fill]')?.getAttribute('fill');
    return {
      error: !!doc.querySelector('parsererror'),
      sites: [...doc.querySelectorAll('[data-site]')].map((e) => e.dataset.site),
      style: !!doc.querySelector('style') || /var\(--/.test(text),
      refs: /href=|url\((?!#)/.test(text),
      china: fill('.site--china .site__mark'),
    };
  }, svg.body.toString());
  expect(parsed.error).toBe(false);
  expect(parsed.style).toBe(false);
  expect(parsed.refs).toBe(false);
  const onPage = await page.locator('.map-svg--overlay .site--china .site__mark').first().evaluate((e) => getComputedStyle(e).fill);
  expect(parsed.china).toBe(onPage);
  const visible = await page.locator('.map-svg--overlay [data-site]:not(.is-filtered-out)').evaluateAll((els) => els.map((e) => e.dataset.site));
  expect(visible.length).toBeGreaterThan(3);
  expect([...new Set(parsed.sites)].sort()).toEqual([...new Set(visible)].sort());
  expect(parsed.sites).not.toContain('shanghai'); // only the air route under study goes there

  // PNG: twice the file's size (the map at the screen's shape, 1200 wide, with its title
  // and legend), and not blank.
  const png = await download('export-png');
  expect(png.name).toBe(`passerelle-china-zh-${day}.png`);
  expect(png.body.subarray(1, 4).toString()).toBe('PNG');
  const [w, h] = [png.body.readUInt32BE(16), png.body.readUInt32BE(20)];
  const frame = await page.locator('.map-frame').boundingBox();
  expect([w, h]).toEqual([2400, 2 * (Math.round((1200 * frame.height) / frame.width) + 44 + 64)]);
  const picture = await page.context().newPage();
  await picture.setContent(`<img src="data:image/png;base64,${png.body.toString('base64')}">`);
  const colours = await picture.evaluate(async () => {
    const img = document.querySelector('img');
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set();
    for (let i = 0; i < data.length; i += 4 * 997) seen.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(10);
  await picture.close();

  // CSV: back to exactly the shown items, in Chinese, Excel-ready.
  const csv = await download('export-csv');
  expect(csv.name).toBe(`passerelle-items-zh-${day}.csv`);
  const text = csv.body.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = parseCsv(text.slice(1));
  const header = rows[0];
  const shown = ds.items.filter((i) => ['signed', 'held'].includes(i.status)).map((i) => i.id).sort();
  expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(shown);
  const title = header.indexOf('title_zh');
  for (const r of rows.slice(1)) expect(r[title]).toBe(ds.items.find((i) => i.id === r[0]).title.zh);
  const all = await download('export-csv-all');
  const allRows = parseCsv(all.body.toString('utf8').slice(1));
  expect(allRows[0]).toEqual(expect.arrayContaining(['title_fr', 'title_en', 'title_zh']));
  // Each language's own texts, though the page read the Chinese edition only (model::edition).
  for (const lang of ['fr', 'en', 'zh']) {
    const col = allRows[0].indexOf(`title_${lang}`);
    for (const r of allRows.slice(1)) expect(r[col]).toBe(ds.items.find((i) => i.id === r[0]).title[lang]);
  }
});

// The exported SVG opens alike where a reader opens it: drawn by librsvg (rsvg-convert:
// GNOME's viewers, Inkscape's import and many converters) and by Chromium, the same
// picture but for the antialiasing of its text (the file is drawn in its own pixels: no
// scaled group whose strokes a reader must keep from scaling).
for (const [name, query] of [['the two regions', '?lang=en'], ['Hebei and Beijing, zoomed', '?lang=zh&view=china&zoom=1.8,720,-150']]) {
  test(`the exported SVG of ${name} draws alike in librsvg and in Chromium`, async ({ page, browser }) => {
    await page.goto(`./${query}`);
    await appSettled(page);
    await page.getByTestId('share').first().click();
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg').click()]);
    const file = `${SCREENSHOTS}${d.suggestedFilename()}`;
    await d.saveAs(file);
    const text = readFileSync(file, 'utf8');
    const [w, h] = [Number(text.match(/ width="(\d+)"/)[1]), Number(text.match(/ height="(\d+)"/)[1])];
    const byRsvg = PNG.sync.read(execFileSync('rsvg-convert', ['-w', String(w), '-h', String(h), '-b', 'white', file]));
    const viewer = await browser.newPage({ viewport: { width: w, height: h } });
    await viewer.setContent(`<body style="margin:0;background:#fff"><img src="data:image/svg+xml;base64,${Buffer.from(text).toString('base64')}"></body>`);
    await viewer.locator('img').evaluate((img) => img.decode());
    const byChromium = PNG.sync.read(await viewer.screenshot({ clip: { x: 0, y: 0, width: w, height: h } }));
    await viewer.close();
    const diff = new PNG({ width: w, height: h });
    const changed = pixelmatch(byRsvg.data, byChromium.data, diff.data, w, h, { threshold: 0.1 });
    const base = file.replace(/\.svg$/, '');
    writeFileSync(`${base}.rsvg.png`, PNG.sync.write(byRsvg));
    writeFileSync(`${base}.chromium.png`, PNG.sync.write(byChromium));
    writeFileSync(`${base}.diff.png`, PNG.sync.write(diff));
    expect(changed / (w * h), 'pixels that differ between librsvg and Chromium').toBeLessThanOrEqual(0.02);
  });
}

test('a CSV cell that a spreadsheet would run as a formula is neutralised', async ({ page, request }) => {
  const ds = await shippedDataset(request);
  ds.items[0].title.en = '=HYPERLINK("http://evil.example","x")';
  ds.items[1].title.en = '+33 1 23';
  ds.items[2].title.en = '-cmd';
  ds.items[3].title.en = '@SUM(A1)';
  await page.route('**/formula.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ds) }));
  await page.goto('./?data=formula.json&lang=en');
  await appSettled(page);
  await page.getByTestId('share').first().click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const rows = parseCsv(readFileSync(await d.path()).toString('utf8').slice(1));
  const title = rows[0].indexOf('title_en');
  const cells = rows.slice(1).map((r) => r[title]);
  for (const t of ['=HYPERLINK', '+33', '-cmd', '@SUM']) {
    const cell = cells.find((c) => c.includes(t));
    expect(cell, t).toMatch(/^'/);
  }
});

/** RFC 4180. */
function parseCsv(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else if (c !== '\r') cell += c;
  }
  return rows;
}
