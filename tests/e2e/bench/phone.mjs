// The benchmark's phone (bench/first-load.mjs): 390 x 844 at 2x density, Chromium with its
// CPU 4x slower, a network of 1.6 Mbit/s down and 750 kbit/s up with 150 ms round trips
// (Lighthouse's "slow 4G"), nothing cached.
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/** Makes `tab` (of `context`) the phone; its DevTools session, with the network's events on. */
export async function slowPhone(context, tab) {
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}
