/* Acuplan's service worker.
 *
 * VERSION and PRECACHE are filled in by acuplan/web/service_worker.py from the contents of
 * everything precached: never edit them by hand. Any change to any asset, page template,
 * routine or icon gives a new VERSION, so a new worker and a fresh cache.
 */
const VERSION = "__ACUPLAN_VERSION__";
const PRECACHE = __ACUPLAN_PRECACHE__;

const PREFIX = "acuplan-";
const CACHE = `${PREFIX}${VERSION}`;
const OFFLINE_URL = "/offline";
const NETWORK_TIMEOUT_MS = 4000;
// Public, shared data: safe to serve from the cache. A person's own data never is.
const PUBLIC_API = ["/api/routines"];

self.addEventListener("install", (event) => {
  // addAll rejects if any request fails, so a half-filled cache never installs.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "no-cache" }))),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Delete only our own old caches: same prefix, other version.
      const names = await caches.keys();
      await Promise.all(
        names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "skip-waiting") self.skipWaiting();
  if (event.data?.type === "version") event.ports[0]?.postMessage(VERSION);
});

// Background Sync (absent on iOS, so never the only trigger): wake an open page to sync.
self.addEventListener("sync", (event) => {
  if (event.tag !== "acuplan-sync") return;
  event.waitUntil(
    self.clients
      .matchAll({ type: "window" })
      .then((clients) => clients.forEach((client) => client.postMessage({ type: "sync" }))),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(cacheFirst(request));
  } else if (PUBLIC_API.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) {
    event.respondWith(staleWhileRevalidate(event, request));
  }
  // Everything else goes straight to the network, untouched.
});

/** Pages: the network when it answers in time, else the cache, else the offline page. */
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetchWithTimeout(request, NETWORK_TIMEOUT_MS);
    if (cacheable(response)) await cache.put(request, response.clone());
    return response;
  } catch {
    // A page with a query (/?source=pwa, /routines?goal=sleep) falls back to the page
    // itself; its scripts apply the query on the device.
    return (
      (await cache.match(request, { ignoreVary: true })) ||
      (await cache.match(request, { ignoreVary: true, ignoreSearch: true })) ||
      (await cache.match(OFFLINE_URL)) ||
      Response.error()
    );
  }
}

/** Hashed static files never change under their name: the cache is always right. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (cacheable(response)) await cache.put(request, response.clone());
  return response;
}

/** The routine library: answer from the cache at once, refresh it in the background. */
async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreVary: true });
  const refresh = fetch(request).then(async (response) => {
    if (cacheable(response)) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  return refresh;
}

function cacheable(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/no-store|private/.test(control);
}

function fetchWithTimeout(request, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), ms);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
