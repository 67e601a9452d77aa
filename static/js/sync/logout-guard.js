/** Logging out or deleting the account: sync first, then remove the person from this device. */
import { clearStore, pendingRecords } from "acuplan/sync/store";
import { stopSync, syncNow } from "acuplan/sync/client";

const CACHE_PREFIX = "acuplan-"; // the service worker's caches
// What the worker caches that is the same for everyone: hashed files and the routine library.
const SHARED = [/^\/static\//, /^\/api\/routines(\/|$)/];

/**
 * Remove everything of the person from this device: every record and sync note (IndexedDB),
 * every `acuplan.*` key of localStorage, and every page the worker kept while they were
 * signed in. Call once signed out: those pages are fetched again as anyone sees them, so the
 * app still opens offline.
 */
export async function forgetPerson() {
  await clearStore();
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("acuplan.")) localStorage.removeItem(key);
  }
  if (!("caches" in window)) return;
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX)) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (SHARED.some((shared) => shared.test(new URL(request.url).pathname))) continue;
      await cache.delete(request);
      await refetch(cache, request.url);
    }
  }
}

async function refetch(cache, url) {
  try {
    const response = await fetch(url, { cache: "no-store", credentials: "same-origin" });
    const control = response.headers.get("Cache-Control") ?? "";
    if (response.ok && !response.redirected && !/no-store|private/.test(control)) {
      await cache.put(url, response);
    }
  } catch {
    // Offline now: the worker keeps the page again on the next visit.
  }
}

/**
 * Send `form` (log out, delete the account) with fetch; once the server has done it (it
 * answers with a redirect, whose page then shows its message), forget the person on this
 * device and follow it. Resolves false if the server did not do it.
 */
async function leave(form) {
  let response;
  try {
    const body = new FormData(form);
    response = await fetch(form.action, { method: "POST", body, redirect: "manual" });
  } catch {
    return false;
  }
  if (response.type !== "opaqueredirect") return false;
  await forgetPerson();
  // Both answers lead back to the account page (the redirect's target is opaque to fetch).
  window.location.assign(form.dataset.next ?? window.location.pathname);
  return true;
}

export function guardLogout(form) {
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    const label = button.textContent;
    const reset = () => {
      button.disabled = false;
      button.textContent = label;
    };
    button.disabled = true;
    button.textContent = "Syncing…";
    await syncNow();
    const pending = (await pendingRecords()).length;
    const lose = `${pending} change${pending === 1 ? " has" : "s have"} not synced yet and would be lost. Log out anyway?`;
    if (pending && !window.confirm(lose)) return reset();
    await stopSync();
    if (!(await leave(form))) reset();
  });
}

/**
 * Deleting the account: once the server has deleted it, this device forgets the person too.
 * A wrong password leaves both as they were (the form is then sent the ordinary way, to show
 * the server's answer).
 */
export function guardAccountDeletion(form) {
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    button.disabled = true;
    await stopSync();
    if (!(await leave(form))) form.submit();
  });
}
