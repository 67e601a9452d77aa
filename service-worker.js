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
const PUBLIC_API = ["/api/routines", "/api/vocabulary"];

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

// ---- reminders (Web Push) ----------------------------------------------------------------
// The server sends Safari's declarative Web Push shape ({web_push: 8030, notification,
// options}); Safari shows it by itself, other browsers through this handler, the same way.
self.addEventListener("push", (event) => {
  event.waitUntil(
    (async () => {
      let message = null;
      try {
        message = event.data?.json();
      } catch {
        message = null;
      }
      const note = message?.notification;
      if (!note?.title) return self.registration.showNotification("Acuplan", { body: "Time for your session." });
      return self.registration.showNotification(note.title, {
        body: note.body,
        tag: note.tag,
        lang: note.lang,
        silent: Boolean(note.silent),
        icon: "/static/icons/icon-192.png",
        data: { navigate: note.navigate, ...note.data },
        actions: message.options?.actions ?? [],
      });
    })(),
  );
});

self.addEventListener("notificationclick", (event) => {
  const { notification } = event;
  notification.close();
  const data = notification.data ?? {};
  event.waitUntil(event.action === "skip" ? skipSession(data) : openApp(data.navigate));
});

// Open Today (or the page the reminder names, on this origin only), in a window already
// open if there is one.
async function openApp(navigate) {
  const url = new URL(navigate || "/", self.location.origin);
  const target = url.origin === self.location.origin ? url.href : new URL("/", self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    await open.focus();
    return open.navigate(target).catch(() => open);
  }
  return self.clients.openWindow(target);
}

// "Skip today": a plan-edit record, as the plan's own skip button saves it, written into
// the same database and store as acuplan/sync/store (version 1), marked to be pushed; open
// pages hear of it and sync it at once.
function skipSession({ date, slot, routine }) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? "") || !["morning", "evening"].includes(slot)) return Promise.resolve();
  const data = { date, slot, action: "skip" };
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(routine ?? "")) data.routine = routine;
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open("acuplan", 1);
    opening.onupgradeneeded = () => {
      const db = opening.result;
      const records = db.createObjectStore("records", { keyPath: "id" });
      records.createIndex("kind", "kind");
      records.createIndex("dirty", "dirty");
      db.createObjectStore("meta");
    };
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const tx = db.transaction(["records"], "readwrite");
      tx.objectStore("records").put({
        id: crypto.randomUUID(), kind: "plan-edit", data,
        modified: Date.now(), deleted: false, dirty: 1,
      });
      tx.oncomplete = () => {
        db.close();
        new BroadcastChannel("acuplan-records").postMessage({ kinds: ["plan-edit"] });
        self.clients
          .matchAll({ type: "window" })
          .then((clients) => clients.forEach((client) => client.postMessage({ type: "sync" })))
          .then(resolve, resolve);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}
