// Screenshots of the built site at the sizes a visitor uses, viewport-sized (what they
// see first), for a person to look at:  node bench/shots.mjs <dist> <outdir> [query]
import { chromium } from '@playwright/test';
import { startServer } from '../server.mjs';

const [dist = '../../dist', out = '../../target/shots', query = ''] = process.argv.slice(2);
const SIZES = [[1920, 1080], [1366, 768], [1280, 720], [390, 844], [844, 390]];
const port = 4199;
const server = await startServer(dist, port);
const browser = await chromium.launch({
  executablePath: process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
const { mkdirSync } = await import('node:fs');
mkdirSync(out, { recursive: true });
for (const [width, height] of SIZES) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('console', (m) => m.type() === 'error' && console.log(`${width}x${height} console: ${m.text()}`));
  await page.goto(`http://127.0.0.1:${port}/${query}`);
  await page.locator('.map-frame .map-svg .site__mark').first().waitFor({ timeout: 15000 }).catch(() => console.log('no map'));
  await page.waitForTimeout(600);
  const name = `${out}/${width}x${height}${query ? '-' + query.replace(/[^a-z0-9]+/gi, '_') : ''}.png`;
  await page.screenshot({ path: name });
  const scroll = await page.evaluate(() => [document.documentElement.scrollWidth - innerWidth, document.documentElement.scrollHeight - innerHeight]);
  console.log(name, 'overflow x,y:', scroll.join(','));
  await page.close();
}
await browser.close();
server.close();
