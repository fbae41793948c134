// The first load's long tasks on the page's main thread (over 30 ms), on a phone-sized
// window with the CPU 4x slower (no network throttling), each with what it ran (events
// over 5 ms), and the app's marks: where Lighthouse's blocking time comes from. With
// --profile, a sampling CPU profile is taken too and each task's samples are summed by
// the module of this app's innermost function under them (the wasm's functions by name in
// a build made with PASSERELLE_WASM_NAMES=1; "(not ours)" is the framework's or the
// browser's own work). A development aid, not part of the benchmark.
//   node bench/long-tasks.mjs <dist> [--profile]
import { chromium } from '@playwright/test';
import { startServer } from '../server.mjs';
const [dist, option] = process.argv.slice(2);
const profiling = option === '--profile';
const server = await startServer(dist, 4197);
const browser = await chromium.launch({ executablePath: process.env.PASSERELLE_CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, locale: 'en-US' });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
if (profiling) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}
await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
await page.goto('http://127.0.0.1:4197/');
await page.waitForFunction(() => performance.getEntriesByName('passerelle:map-drawn').length && performance.getEntriesByName('passerelle:timeline-drawn').length, null, { timeout: 60000 });
await page.waitForTimeout(3000);
const profile = profiling ? (await cdp.send('Profiler.stop')).profile : null;
const buf = await browser.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const nav = ev.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...ev.filter((e) => e.ts > 0).map((e) => e.ts));
const tasks = ev.filter((e) => e.name === 'RunTask' && e.dur > 30000);
const marks = ev.filter((e) => e.cat?.includes('blink.user_timing') && /passerelle/.test(e.name)).map((e) => `${((e.ts - nav)/1000).toFixed(0)} ${e.name}`);
// The page's main thread: the one that parses its HTML.
const parser = ev.find((e) => e.name === 'ParseHTML');
const tid = `${parser.pid}:${parser.tid}`;
const SHOWN = ['FunctionCall', 'EvaluateScript', 'ParseHTML', 'Layout', 'UpdateLayoutTree', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'Paint', 'PrePaint'];

// The profile's samples (time, innermost node) and each node's parent.
const samples = [];
const nodes = new Map((profile?.nodes ?? []).map((n) => [n.id, n]));
const parent = new Map();
if (profile) {
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime;
  profile.samples.forEach((id, i) => { t += profile.timeDeltas[i]; samples.push([t, id]); });
}
/** A task's samples by this app's module (e.g. `components::map`), the largest first. */
function modules(task) {
  const sums = new Map();
  let n = 0;
  for (const [ts, id] of samples) {
    if (ts < task.ts || ts > task.ts + task.dur) continue;
    n++;
    let name = null;
    for (let k = id; k && !name; k = parent.get(k)) {
      name = nodes.get(k).callFrame.functionName.match(/passerelle\[[0-9a-f]+\]::((?:\w+::){0,2}\w+)/)?.[1];
    }
    name ??= '(not ours)';
    sums.set(name, (sums.get(name) ?? 0) + 1);
  }
  return [...sums].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${(100 * v / n).toFixed(0)}% ${k}`).join(', ');
}

let tbt = 0;
for (const t of tasks.filter((t) => `${t.pid}:${t.tid}` === tid)) {
  const inner = ev.filter((e) => `${e.pid}:${e.tid}` === tid && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 5000 && SHOWN.includes(e.name)).map((e) => `${e.name}${e.args?.data?.functionName ? '('+e.args.data.functionName+')' : ''}${e.args?.data?.url ? '['+e.args.data.url.slice(-30)+']':''}:${(e.dur/1000).toFixed(0)}`);
  tbt += Math.max(0, t.dur/1000 - 50);
  console.log(`${((t.ts - nav)/1000).toFixed(0)} +${(t.dur/1000).toFixed(0)} ms  ${inner.slice(0,8).join(' ')}`);
  if (profile) console.log(`    ${modules(t)}`);
}
console.log(`over 50 ms, summed (Lighthouse's blocking time counts those after the first paint): ${tbt.toFixed(0)} ms`);
console.log(marks.join('\n'));
await browser.close(); server.close();
