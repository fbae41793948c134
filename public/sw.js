// Passerelle's service worker: after one visit, the app, its dataset and the presenter's
// console open and work without the network (a forum's Wi-Fi). The build writes the list
// of its files and an id of the build below (scripts/post_build.mjs); each build has its
// own cache, and the caches of older builds are deleted once this one is active.
//
// Pages and datasets: the network first (a new deploy or an edited dataset shows at once),
// the cache when offline. The build's hashed files never change: the cache first.
const BUILD = 'dev';
const FILES = [];
const CACHE = `passerelle-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('passerelle-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;

// A copy is kept for the next visit: a write that fails must not fail the answer to this
// request, which the page would see as a network error (a CI run in Firefox saw a chunk
// fail to load, "the ServiceWorker encountered an unexpected error", the network up: of
// this worker's steps, a cache write is the one that can fail then).
function keep(cache, key, response) {
  return cache.put(key, response).catch(() => {});
}

async function networkFirst(request, fallback) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await keep(cache, fallback ?? request, response.clone());
    return response;
  } catch (offline) {
    const cached = await cache.match(fallback ?? request);
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await keep(cache, request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  // Only this site's files; nothing else is ever asked for.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every state of the app is the same page with another query: one entry for them all.
    event.respondWith(networkFirst(request, new URL('./', self.registration.scope).href));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
