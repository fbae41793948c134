// The smoke suite every engine runs: the core of what a visitor, a presenter and an
// embedding site do, against the release build under the strict CSP. Each case gets a
// driver (`drivers.mjs`) and the run's context; it throws to fail.
import assert from 'node:assert/strict';
import { until } from './drivers.mjs';

/** In the page: whether the map and the timeline are drawn with data. */
export const drawn = () =>
  document.querySelectorAll('.map-frame [data-site]').length > 0 && document.querySelectorAll('.timeline-item[data-item]').length > 0 && performance.getEntriesByName('passerelle:timeline-drawn').length > 0;

/** Opens `query` and waits until the map and the timeline are drawn with data. */
export async function open(d, ctx, query) {
  await d.goto(`${ctx.base}${query}`);
  await until(
    () => d.eval(drawn),
    `the map and the timeline of ${query}`,
    20_000,
  );
}

/** What went wrong in the page since the case began: errors, CSP reports, other hosts. */
export async function troubles(d, ctx) {
  const inPage = await d.eval(() => ({
    errors: window.__smoke?.errors ?? [],
    resources: performance.getEntriesByType('resource').map((e) => e.name),
  }));
  // The app's origin, and the embedding site's (its own page and favicon).
  const local = [ctx.base, ctx.hostBase].map((u) => new URL(u).origin);
  const foreign = [...inPage.resources, ...d.requests].filter((u) => !/^(data|blob):/.test(u) && !local.includes(new URL(u).origin));
  return { errors: [...new Set([...inPage.errors, ...d.nativeErrors])], csp: ctx.cspReports.splice(0), foreign: [...new Set(foreign)] };
}

const search = (d) => d.eval(() => Object.fromEntries(new URLSearchParams(location.search)));
const text = (d, selector) => d.eval((s) => document.querySelector(s)?.textContent ?? '', selector);

/** Focuses what `selector` finds (the keyboard's target), checking it can take the focus. */
async function focus(d, selector) {
  const ok = await d.eval((s) => {
    const el = document.querySelector(s);
    el?.focus();
    return !!el && document.activeElement === el;
  }, selector);
  assert.ok(ok, `${selector} takes the focus`);
}

export const CASES = [
  {
    name: 'loads and draws the map and the timeline, every site and dated item',
    async run(d, ctx) {
      await d.viewport(1280, 720);
      await open(d, ctx, '?lang=fr&view=overview');
      const drawn = await d.eval(() => ({
        sites: new Set([...document.querySelectorAll('.map-frame .map-svg--overlay [data-site]')].map((e) => e.dataset.site)).size,
        items: new Set([...document.querySelectorAll('.timeline-item[data-item]')].map((e) => e.dataset.item)).size,
        width: document.documentElement.scrollWidth,
      }));
      assert.equal(drawn.sites, ctx.dataset.sites.length, 'every site on the map');
      const dated = ctx.dataset.items.filter((i) => i.when.start).length;
      assert.ok(drawn.items >= dated, `every dated item on the timeline (${drawn.items} of ${dated})`);
      assert.ok(drawn.width <= 1280, 'no horizontal scroll');
      await d.screenshot(ctx.shot('first-screen-1280x720'));
      // The first screen as a visitor gets it, in Chinese.
      await open(d, ctx, '?lang=zh');
      await d.screenshot(ctx.shot('first-screen-zh-1280x720'));
    },
  },
  {
    name: 'a site and a timeline item selected by keyboard: the URL and the details follow',
    async run(d, ctx) {
      await open(d, ctx, '?lang=en');
      // The keyboard moves the focus, visibly.
      await focus(d, '[data-testid="search"]');
      await d.press('Tab');
      assert.ok(await d.eval(() => document.activeElement?.matches(':focus-visible') && document.activeElement !== document.querySelector('[data-testid="search"]')), 'Tab moves a visible focus');
      await focus(d, '.map-frame [data-site="lyon"]');
      await d.press('Enter');
      await until(async () => (await search(d)).site === 'lyon', 'site=lyon in the URL');
      await until(async () => (await text(d, '[data-testid="details"]')).includes('Lyon'), 'Lyon in the details');
      // The details take the focus on the next frame (where the page has it): wait for it,
      // or it would take it back from the timeline item focused below.
      const into = await d.eval(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(!document.hasFocus() || document.activeElement?.id === 'detail-title')))));
      assert.ok(into, 'the focus moves into the details');
      const item = ctx.dataset.items.find((i) => i.id === 'forum-2018-chambery');
      await focus(d, '.timeline-item[data-item="forum-2018-chambery"]');
      await d.press('Enter');
      await until(async () => (await search(d)).item === item.id, `item=${item.id} in the URL`);
      await until(async () => (await text(d, '[data-testid="details"]')).includes(item.title.en), 'the item in the details');
      await d.screenshot(ctx.shot('selected-by-keyboard'));
    },
  },
  {
    name: 'a shared URL reopens the same view, filters and selection',
    async run(d, ctx) {
      const item = ctx.dataset.items.find((i) => i.id === 'agreement-aura-hebei');
      const state = () =>
        d.eval(() => ({
          search: location.search,
          view: document.querySelector('.map-views__button[aria-pressed="true"]')?.dataset.view,
          shown: document.querySelector('[data-testid="shown-count"]')?.textContent,
          pressed: document.querySelector('.timeline-item[aria-pressed="true"]')?.dataset.item,
          details: document.querySelector('[data-testid="details"] .detail')?.dataset.item,
        }));
      await open(d, ctx, `?lang=zh&view=china&kind=agreement&item=${item.id}`);
      const first = await until(async () => {
        const s = await state();
        return s.details === item.id && s;
      }, 'the shared selection');
      assert.equal(first.view, 'china');
      assert.equal(first.pressed, item.id);
      assert.ok((await text(d, '[data-testid="details"]')).includes(item.title.zh), 'the details in Chinese');
      const shared = await d.eval(() => location.href);
      await open(d, ctx, shared.slice(ctx.base.length));
      const again = await until(async () => {
        const s = await state();
        return s.details === item.id && s;
      }, 'the reopened selection');
      assert.deepEqual(again, first);
    },
  },
  {
    name: 'the language switch changes the page and the URL',
    async run(d, ctx) {
      await open(d, ctx, '?lang=fr');
      await focus(d, '.lang-switcher button[data-lang="zh-Hans"]');
      await d.press('Enter');
      await until(() => d.eval(() => document.documentElement.lang === 'zh-Hans' && new URLSearchParams(location.search).get('lang') === 'zh'), 'lang=zh');
      assert.match(await text(d, '[data-testid="shown-count"]'), /项/);
      await d.screenshot(ctx.shot('chinese'));
    },
  },
  {
    name: 'presenter mode steps with PageDown and PageUp',
    async run(d, ctx) {
      const tour = ctx.dataset.tours[0];
      const n = tour.steps.length;
      await d.goto(`${ctx.base}?lang=en&mode=present&tour=${tour.id}&step=1`);
      const progress = () => text(d, '[data-testid="presenter-progress"]');
      await until(async () => (await progress()) === `Step 1 of ${n}`, 'step 1', 20_000);
      await d.eval(() => document.activeElement?.blur());
      await d.press('PageDown');
      await until(async () => (await progress()) === `Step 2 of ${n}` && (await search(d)).step === '2', 'step 2 after PageDown');
      assert.ok((await text(d, '[data-testid="presenter-caption"]')).includes(tour.steps[1].caption.en), "step 2's caption");
      await d.press('PageDown');
      await until(async () => (await progress()) === `Step 3 of ${n}`, 'step 3');
      await d.screenshot(ctx.shot('presenting'));
      await d.press('PageUp');
      await until(async () => (await progress()) === `Step 2 of ${n}`, 'back to step 2 after PageUp');
    },
  },
  {
    // The features the engines are known to differ in, each used as a visitor uses it.
    name: 'what engines differ in: the shell fills the viewport (dvh), wheel and pinch zoom, the Share <dialog>, the service worker',
    async run(d, ctx) {
      await d.viewport(1280, 720);
      await open(d, ctx, '?lang=en&view=overview');
      const shell = await d.eval(() => ({ app: Math.round(document.querySelector('.app').getBoundingClientRect().height), inner: innerHeight, scroll: document.scrollingElement.scrollHeight }));
      assert.ok(Math.abs(shell.app - shell.inner) <= 1 && shell.scroll <= shell.inner, `the app is the viewport's height (${JSON.stringify(shell)})`);

      const transform = () => d.eval(() => document.querySelector('.map-frame').dataset.transform);
      const scale = async () => Number((await transform()).match(/scale\(([\d.]+)\)/)[1]);
      const home = await until(transform, 'the map transform');
      const box = await d.eval(() => { const r = document.querySelector('.map-frame').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
      await d.wheel(box.x, box.y, -300);
      await until(async () => (await scale()) > Number(home.match(/scale\(([\d.]+)\)/)[1]), 'the wheel zooms the map in');
      await focus(d, '.map-frame');
      await d.press('0');
      await until(async () => (await transform()) === home, 'the key 0 resets the map');
      // Safari's trackpad pinch (gesturestart/gesturechange with a scale): only Apple's
      // WebKit ports make these events, so they are made here as Safari sends them.
      const before = await scale();
      await d.eval(() => {
        const frame = document.querySelector('.map-frame');
        const send = (type, scale) => {
          const e = new Event(type, { bubbles: true, cancelable: true });
          Object.defineProperty(e, 'scale', { value: scale });
          frame.dispatchEvent(e);
          return e.defaultPrevented;
        };
        return send('gesturestart', 1) && send('gesturechange', 1.6);
      }).then((prevented) => assert.ok(prevented, 'the page itself is not zoomed by the pinch'));
      await until(async () => (await scale()) > before * 1.3, 'the pinch zooms the map in');

      await focus(d, '[data-testid="share"]');
      await d.press('Enter');
      await until(() => d.eval(() => document.querySelector('[data-testid="share-dialog"]')?.matches('[open]:modal')), 'the Share dialog open and modal');
      await d.press('Escape');
      await until(() => d.eval(() => !document.querySelector('[data-testid="share-dialog"]').open && document.activeElement?.matches('[data-testid="share"]')), 'the dialog closed, the focus back on Share');

      const worker = await d.eval(() => Promise.race([navigator.serviceWorker.ready.then((r) => r.active?.state), new Promise((ok) => setTimeout(() => ok('not ready in 15 s'), 15_000))]));
      assert.ok(['activating', 'activated'].includes(worker), `the service worker is active (${worker})`);
    },
  },
  {
    // In a 360 px iframe of another site, as a regional website embeds it (a window cannot
    // be made that narrow in every engine: MiniBrowser's stops at 447 px).
    name: 'embed mode at 360 px has no horizontal scroll',
    async run(d, ctx) {
      await d.goto(`${ctx.hostBase}embed-360.html`);
      const inside = () => d.evalInFrame(() => ({ drawn: document.querySelectorAll('.map-frame [data-site]').length, scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: innerWidth, embed: !!document.querySelector('.app.is-embedded') }));
      const m = await until(async () => {
        const m = await inside();
        return m.drawn > 0 && m;
      }, 'the embedded map', 20_000);
      assert.equal(m.inner, 360);
      assert.ok(m.embed, 'in embed mode');
      assert.ok(m.scroll <= m.inner && m.body <= m.inner, `scroll width ${m.scroll} within ${m.inner}`);
      await d.screenshot(ctx.shot('embed-360'));
      const inFrame = await d.evalInFrame(() => ({ errors: window.__smoke?.errors ?? [] }));
      assert.deepEqual(inFrame.errors, [], 'no error in the embed');
    },
  },
];

/** Navigation start to the map and the timeline both drawn (the app's own marks), in ms. */
export async function firstDraw(d, ctx) {
  await open(d, ctx, '?lang=fr');
  await until(() => d.eval(() => performance.getEntriesByName('passerelle:map-drawn').length > 0), 'the map-drawn mark');
  return d.eval(() => Math.max(...['passerelle:map-drawn', 'passerelle:timeline-drawn'].map((n) => performance.getEntriesByName(n)[0].startTime)));
}
