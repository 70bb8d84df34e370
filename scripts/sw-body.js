// The service worker's body (scripts/write-sw.sh writes VERSION and FILES
// before it into sw.js).

// Named by where the app is served, so two copies on one host (at two
// paths) keep their own, and by the build.
const PREFIX = 'dcc-perf ' + self.registration.scope + ' ';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  // Fetched afresh, not from the HTTP cache: the files of this version.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  // Once this version is in use, the one before it is kept (a tab still
  // running it fetches its views' parts from there) and older ones go.
  event.waitUntil(
    caches.keys()
      .then((keys) => {
        const older = keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE);
        return Promise.all(older.slice(0, -1).map((k) => caches.delete(k)));
      })
      .then(() => self.clients.claim()),
  );
});

// The page's "Use it now": this version takes over at once.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// The app's own files from the cache; anything else (there is nothing
// else: the app makes no other request) from the network as usual.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // This version's files, else the version before's (a tab that still
      // runs it), else the network.
      const kept = (await cache.match(request, { ignoreSearch: true })) || (await caches.match(request, { ignoreSearch: true }));
      if (kept) return kept;
      // Another address under the app's (not one of its files): the
      // network's page, and only with no network the app's own, so that
      // nothing else served here is hidden behind the calculator.
      if (request.mode === 'navigate') {
        return fetch(request).catch(async () => (await cache.match('./')) || Response.error());
      }
      return fetch(request);
    }),
  );
});
