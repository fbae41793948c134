import { chromium } from '@playwright/test';
import { startServer } from './server.mjs';
const server = await startServer('../../dist', 4197);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h, name, q] of [[1280, 720, 'desk', ''], [390, 844, 'phone', ''], [390, 844, 'phone-en', '?lang=en'], [1280,720,'desk-zh','?lang=zh']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h }, deviceScaleFactor: 1, isMobile: w < 500, hasTouch: w < 500 });
  await page.goto(`http://127.0.0.1:4197/${q}`);
  await page.waitForFunction(() => performance.getEntriesByName('passerelle:map-drawn').length, null, { timeout: 30000 });
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/look/${name}.png` });
  await page.close();
}
await browser.close(); server.close();
