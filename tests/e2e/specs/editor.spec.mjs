// The editors' path: the data as a workbook, changed in it, opened in the page's preview
// (nothing sent anywhere), drawn, and published as JSON; a broken workbook's findings by
// sheet, row and column in the page's language; files that are not datasets refused.
import { test, expect, appDrawn, SCREENSHOTS } from '../fixtures.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const SHIPPED = JSON.parse(readFileSync(new URL('../../../public/data/cooperation.json', import.meta.url), 'utf8'));

/** The workbook with texts changed in it, as an editor would in a spreadsheet program (its
 * texts are in the shared strings). */
function edited(bytes, changes) {
  const files = unzipSync(new Uint8Array(bytes));
  const name = 'xl/sharedStrings.xml';
  let xml = strFromU8(files[name]);
  for (const [from, to] of changes) {
    const at = `>${from}</t>`;
    if (!xml.includes(at)) throw new Error(`"${from}" is not a text of the workbook`);
    xml = xml.replace(at, `>${to}</t>`);
  }
  files[name] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

/** The workbook of the data on screen, from the Share dialog. */
async function downloadWorkbook(page) {
  await page.getByTestId('share').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-workbook').click()]);
  expect(download.suggestedFilename()).toBe('cooperation.xlsx');
  return readFileSync(await download.path());
}

/** Opens a file in the preview as the Share dialog's file picker does. */
async function openFile(page, file) {
  if (!(await page.getByTestId('share-dialog').isVisible())) await page.getByTestId('share').click();
  await page.getByTestId('open-data-file').setInputFiles(file);
}

test('an editor changes the workbook, previews it on the map and the timeline, and downloads the JSON; nothing is sent', async ({ page, consoleErrors }, info) => {
  await page.goto('./?lang=en');
  await appDrawn(page);
  const workbook = await downloadWorkbook(page);
  expect(workbook.subarray(0, 2).toString()).toBe('PK');
  const item = SHIPPED.items.find((i) => i.id === 'aura-mission-2018-02');
  const title = `${item.title.en}, edited`;
  const file = info.outputPath('edited.xlsx');
  writeFileSync(file, edited(workbook, [[item.title.en, title], ['Chambéry', 'Chambéry-le-Vieux']]));

  // From now on, no request may carry the file (or anything): only the app's own GETs.
  const sent = [];
  page.on('request', (r) => { if (r.method() !== 'GET' || r.postData()) sent.push(`${r.method()} ${r.url()}`); });
  await openFile(page, file);
  const bar = page.getByTestId('preview');
  await expect(bar.getByRole('heading')).toHaveText('Preview of edited.xlsx');
  await expect(bar).toContainText('This file has not left your computer');
  await expect(page.getByTestId('preview-shown')).toBeVisible();
  await expect(page.getByTestId('preview-counts')).toHaveText('0 errors · 0 warnings');
  // The change on the timeline and on the map.
  await expect(page.locator('.timeline-item').filter({ hasText: 'edited' })).toHaveCount(1);
  await expect(page.getByTestId('map')).toContainText('Chambéry-le-Vieux');
  await page.screenshot({ path: `${SCREENSHOTS}editor-preview-1280x720.png` });

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('preview-json').click()]);
  expect(json.suggestedFilename()).toBe('edited.json');
  const data = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(data.items.find((i) => i.id === item.id).title.en).toBe(title);
  expect(data.sites.find((s) => s.id === 'chambery').name.fr).toBe('Chambéry-le-Vieux');
  expect(data.items).toHaveLength(SHIPPED.items.length);
  expect(sent).toEqual([]);

  // Closing the preview gives the published data back.
  await page.getByTestId('preview-close').click();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  await expect(page.locator('.timeline-item').filter({ hasText: 'edited' })).toHaveCount(0);
  await expect(page.getByTestId('map')).not.toContainText('Chambéry-le-Vieux');
  expect(consoleErrors).toEqual([]);
});

test('a broken workbook lists its findings by sheet, row and column in the page\'s language; the page keeps the published data', async ({ page, consoleErrors }, info) => {
  await page.goto('./?lang=fr');
  await appDrawn(page);
  const workbook = await downloadWorkbook(page);
  // Row 14 of the items sheet is the 13th item; its Chinese title emptied, a party misspelt.
  const item = SHIPPED.items[12];
  const file = info.outputPath('abime.xlsx');
  writeFileSync(file, edited(workbook, [[item.title.zh, '']]));
  await openFile(page, file);
  await expect(page.getByTestId('preview-not-shown')).toHaveText('Ce fichier a des erreurs : la page montre encore les données publiées.');
  await expect(page.getByTestId('preview-counts')).toHaveText('1 erreur · 0 avertissement');
  await expect(page.getByTestId('preview-findings')).toHaveText('Feuille items, ligne 14, colonne E (title_zh) : le texte chinois manque');
  await page.screenshot({ path: `${SCREENSHOTS}editor-preview-finding-1280x720.png` });
  // The published data is still drawn.
  await expect(page.locator('.timeline-item').first()).toBeVisible();
  await page.getByTestId('preview-close').click();
  await expect(page.getByTestId('preview')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('a JSON file dropped on the page is previewed, its findings name the record; a file that is no dataset is refused', async ({ page, consoleErrors }, info) => {
  await page.goto('./?lang=en');
  await appDrawn(page);
  const broken = JSON.stringify({ ...SHIPPED, items: SHIPPED.items.map((i, n) => (n === 2 ? { ...i, parties: ['nobody'] } : i)) });
  const drop = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'mine.json', { type: 'application/json' }));
    return transfer;
  }, broken);
  await page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await expect(page.getByTestId('preview').getByRole('heading')).toHaveText('Preview of mine.json');
  const findings = page.getByTestId('preview-findings');
  await expect(findings).toContainText(SHIPPED.items[2].id);
  await expect(findings).toContainText('"nobody"');

  // Not a workbook, though named like one; then not JSON.
  const notes = info.outputPath('notes.xlsx');
  writeFileSync(notes, 'id;title\nx;y\n');
  await openFile(page, notes);
  await expect(page.getByTestId('preview-unreadable')).toHaveText('notes.xlsx could not be read: not a spreadsheet (.xlsx or .ods)');
  const text = info.outputPath('text.json');
  writeFileSync(text, '{ "schema": 1, ');
  await openFile(page, text);
  await expect(page.getByTestId('preview-unreadable')).toContainText('text.json');
  // The page still works.
  await page.getByTestId('preview-close').click();
  await page.locator('.timeline-item').first().click();
  await expect(page.getByTestId('details')).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
