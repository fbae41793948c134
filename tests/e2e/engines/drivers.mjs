// One small interface over the three engines' drivers, so that the smoke suite is written
// once: Chromium and Firefox through puppeteer-core (Chromium over CDP, Firefox over
// WebDriver BiDi), WebKitGTK through its own WebDriver (WebKitWebDriver driving
// MiniBrowser, in a virtual X display), spoken to directly over HTTP.
//
//   const d = await launch('webkit');
//   await d.viewport(1280, 720); await d.goto(url); await d.eval(() => document.title);
//   await d.press('PageDown'); await d.screenshot(path); await d.close();
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const BINARIES = {
  chromium: process.env.PASSERELLE_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.PASSERELLE_FIREFOX ?? '/usr/bin/firefox-esr',
  webkitDriver: process.env.PASSERELLE_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver',
  miniBrowser: process.env.PASSERELLE_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

/**
 * Installed in every page: console errors, uncaught errors and CSP violations, kept in
 * `window.__smoke` for the suite to read. Firefox and Chromium get it before the page's own
 * scripts; WebKit's WebDriver has no such hook, so there it is installed after each load
 * (the server's CSP reports and the map's drawing cover the load itself).
 */
export const HOOK = `(() => {
  if (window.__smoke) return;
  const s = (window.__smoke = { errors: [] });
  const error = console.error.bind(console);
  console.error = (...a) => { s.errors.push(a.map(String).join(' ')); error(...a); };
  addEventListener('error', (e) => s.errors.push('uncaught: ' + e.message));
  addEventListener('unhandledrejection', (e) => s.errors.push('unhandled rejection: ' + e.reason));
  document.addEventListener('securitypolicyviolation', (e) => s.errors.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
})();`;

/** What a page fetches of its own accord after its first drawing and a navigation may cut off:
 * the wasm chunks and, behind the pre-rendered page, the base map's file (`data/basemap-…json`,
 * fetched once the page is idle). */
const LATE_LOADS = /\.wasm(\?|$)|\/data\/[^/?]+\.json(\?|$)/;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on the loopback address. */
export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Calls `fn` until it returns a truthy value (returned), or throws after `timeout` ms. */
export async function until(fn, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(100);
  }
}

/** Starts the engine's browser and returns a driver for one page of it. */
export async function launch(engine) {
  if (engine === 'webkit') return WebKit.launch();
  return Puppeteer.launch(engine);
}

class Puppeteer {
  static async launch(engine) {
    const common = { headless: true, protocolTimeout: 60_000 };
    const browser =
      engine === 'firefox'
        ? await puppeteer.launch({
            ...common,
            browser: 'firefox',
            executablePath: BINARIES.firefox,
            // No network of its own: no updates, telemetry or safe-browsing lists.
            extraPrefsFirefox: { 'network.dns.disableIPv6': true, 'browser.safebrowsing.update.enabled': false, 'app.update.enabled': false, 'datareporting.policy.dataSubmissionEnabled': false },
          })
        : await puppeteer.launch({
            ...common,
            browser: 'chrome',
            executablePath: BINARIES.chromium,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-sync', '--disable-background-networking', '--disable-component-update'],
          });
    const page = await browser.newPage();
    const d = new Puppeteer(engine, browser, page);
    d.version = (await browser.version()).replace(/^[A-Za-z]+\//, '').replace(/^HeadlessChrome\//, '');
    // Firefox's own errors come as an object ("JSHandle@error"): where it was logged says more.
    page.on('console', (m) => m.type() === 'error' && d.nativeErrors.push(`${m.text()}${m.location()?.url ? ` (at ${m.location().url})` : ''}`));
    page.on('pageerror', (e) => d.nativeErrors.push(`uncaught: ${e.message}`));
    page.on('request', (r) => {
      d.requests.push(r.url());
      if (LATE_LOADS.test(r.url())) d.loading.add(r);
    });
    for (const over of ['requestfinished', 'requestfailed']) page.on(over, (r) => d.loading.delete(r));
    await page.evaluateOnNewDocument(HOOK);
    return d;
  }

  constructor(engine, browser, page) {
    Object.assign(this, { name: engine, browser, page, nativeErrors: [], requests: [], loading: new Set() });
  }

  /**
   * Before leaving a page: waits until the page has drawn (if it is drawing: the
   * pre-rendered page is up; at most 3 s), then until an idle period of the page passes in
   * which it starts no load and none is still going, so that leaving cuts none of the loads
   * it starts of its own accord off: the base map's file once drawn and idle, the printed handout's chunk once
   * idle after that. Firefox logs a load cut off while its service worker answered it as the
   * page's error ("A ServiceWorker intercepted the request and encountered an unexpected
   * error"), reported after the navigation: it was counted against the next case (engines'
   * CI failures, a different chunk and case each time; again once the base map's file came
   * to be fetched at idle, which one idle period after the map's mark could come before).
   */
  async settle() {
    await this.page.evaluate(async () => {
      // Drawing: the pre-rendered page is still up and the app's marks are not both made.
      const drawing = () => document.getElementById('poster')
        && !['passerelle:map-drawn', 'passerelle:timeline-drawn'].every((m) => performance.getEntriesByName(m).length);
      for (const end = Date.now() + 3000; drawing() && Date.now() < end;) await new Promise((ok) => setTimeout(ok, 50));
    });
    for (let round = 0; round < 8; round++) {
      const asked = this.requests.length;
      await this.page.evaluate(() => new Promise((ok) => requestIdleCallback(() => setTimeout(ok, 50), { timeout: 2000 })));
      await until(() => this.loadsOver(), 'the wasm and data the page is loading', 15_000);
      if (this.requests.length === asked) return;
    }
  }

  /**
   * Whether none of the page's late loads is still going. Chromium's DevTools protocol at
   * times reports neither the response nor the end of a load the service worker answers from
   * its cache (puppeteer#4041): the engines' CI run of 8f2a986 failed so, and 1 local run in
   * 4 to 8, every case after the first such load failing too. The page's own resource timing
   * had each of them, its last byte in 20 ms after its start. A page lists a load there only
   * once its last byte is in, so a load listed there is over, whatever the protocol said.
   */
  async loadsOver() {
    if (this.loading.size === 0) return true;
    const over = new Set(await this.page.evaluate(() =>
      performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0).map((e) => e.name)));
    for (const r of this.loading) if (over.has(r.url())) this.loading.delete(r);
    return this.loading.size === 0;
  }

  async viewport(width, height) {
    await this.page.setViewport({ width, height });
  }

  async goto(url) {
    await this.settle();
    await this.page.goto(url, { waitUntil: 'load' });
  }

  /** Runs `fn(...args)` in the page (it may be async) and returns its result. */
  async eval(fn, ...args) {
    return this.page.evaluate(fn, ...args);
  }

  /** Runs `fn(...args)` in the page's first frame (an embed, of another origin). */
  async evalInFrame(fn, ...args) {
    const frame = this.page.mainFrame().childFrames()[0];
    if (!frame) throw new Error('the page has no frame');
    return frame.evaluate(fn, ...args);
  }

  async press(key) {
    await this.page.keyboard.press(key);
  }

  /** A mouse wheel turned by `deltaY` pixels with the pointer at (x, y) of the viewport. */
  async wheel(x, y, deltaY) {
    await this.page.mouse.move(x, y);
    await this.page.mouse.wheel({ deltaY });
  }

  async screenshot(path) {
    await this.page.screenshot({ path });
  }

  async close() {
    await this.browser.close().catch(() => {});
  }

  /** Ends the browser at once, without a word to it (the run is being stopped). */
  kill() {
    this.browser.process()?.kill('SIGKILL');
  }
}

/** WebDriver's key codes for the keys the suite presses. */
const KEYS = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Space: '\uE00D', PageUp: '\uE00E', PageDown: '\uE00F', End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015' };

class WebKit {
  static async launch() {
    const port = await freePort();
    // WebKitWebDriver starts MiniBrowser, a GTK program: it needs a display, made here.
    // JSC_useBBQJIT=false: WebKitGTK 2.50's baseline wasm compiler traps at random (an out-of-bounds
    // access in code that has none, ~0.3–1.3% of loads; 0 in 800 without it): README, "Other engines".
    const env = { ...process.env, JSC_useBBQJIT: process.env.JSC_useBBQJIT ?? 'false' };
    const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', BINARIES.webkitDriver, `--port=${port}`], { detached: true, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    const d = new WebKit(child, `http://127.0.0.1:${port}`);
    await until(() => fetch(`${d.base}/status`).then((r) => r.ok), `WebKitWebDriver on port ${port} (${stderr.trim()})`, 20_000);
    const session = await d.call('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: BINARIES.miniBrowser, args: ['--automation'] } } },
    });
    d.session = session.sessionId;
    d.version = session.capabilities.browserVersion;
    return d;
  }

  constructor(child, base) {
    Object.assign(this, { name: 'webkit', child, base, nativeErrors: [], requests: [] });
  }

  async call(method, path, body) {
    const url = this.session ? `${this.base}/session/${this.session}${path}` : `${this.base}${path}`;
    const r = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error ?? r.status} ${json.value?.message ?? ''}`);
    return json.value;
  }

  /** The window is sized so that the page's own viewport is `width` × `height`. */
  async viewport(width, height) {
    // The window takes its new size a moment after the command returns (no window manager
    // under xvfb): read the page's size once it has stopped changing, or the correction
    // below is made from a stale size and overshoots (it failed about one run in ten).
    const size = () => this.eval(() => [innerWidth, innerHeight]);
    const same = (a, b) => a[0] === b[0] && a[1] === b[1];
    // After the size has changed from `before` (or is the one wanted), and then held for
    // 100 ms; at most ~1.5 s.
    const settled = async (before) => {
      let last = await size();
      let moved = !same(last, before) || same(last, [width, height]);
      let steady = 0;
      for (let i = 0; i < 30 && steady < 2; i++) {
        await new Promise((ok) => setTimeout(ok, 50));
        const now = await size();
        moved ||= !same(now, before);
        steady = moved && same(now, last) ? steady + 1 : 0;
        last = now;
      }
      return last;
    };
    let [w, h] = [width, height];
    for (let i = 0; i < 3; i++) {
      const before = await size();
      await this.call('POST', '/window/rect', { width: w, height: h });
      const [iw, ih] = await settled(before);
      if (iw === width && ih === height) return;
      [w, h] = [w + width - iw, h + height - ih];
    }
    const [iw, ih] = await size();
    if (iw !== width || ih !== height) throw new Error(`MiniBrowser's viewport stays ${iw}×${ih}, not ${width}×${height}`);
  }

  async goto(url) {
    await this.call('POST', '/url', { url });
    await this.call('POST', '/execute/sync', { script: HOOK, args: [] });
  }

  async eval(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve().then(() => (${fn}).apply(null, Array.from(arguments).slice(0, -1)))
        .then((v) => done({ ok: v === undefined ? null : v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const out = await this.call('POST', '/execute/async', { script, args });
    if (out && 'error' in out) throw new Error(out.error);
    return out?.ok;
  }

  async evalInFrame(fn, ...args) {
    await this.call('POST', '/frame', { id: 0 });
    try {
      return await this.eval(fn, ...args);
    } finally {
      await this.call('POST', '/frame/parent', {});
    }
  }

  async press(key) {
    const value = KEYS[key] ?? key;
    await this.call('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }] });
  }

  async wheel(x, y, deltaY) {
    const at = { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' };
    await this.call('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [at] }] });
    await this.call('POST', '/actions', { actions: [{ type: 'wheel', id: 'wheel', actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: 0, deltaY, origin: 'viewport' }] }] });
  }

  async screenshot(path) {
    writeFileSync(path, Buffer.from(await this.call('GET', '/screenshot'), 'base64'));
  }

  async close() {
    await this.call('DELETE', '').catch(() => {});
    this.kill();
  }

  /** Ends xvfb-run, the driver and MiniBrowser (one process group) at once. */
  kill() {
    try {
      process.kill(-this.child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
