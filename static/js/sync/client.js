/**
 * Sync between this device's records and the account, in both directions.
 *
 * Triggers: app start, `online`, the page becoming visible, shortly after each write,
 * and Background Sync where the browser has it. Failures back off exponentially, capped
 * at 5 minutes. State goes out as an "acuplan:sync-status" event for the UI.
 */
import { ApiError, getJson, postJson } from "acuplan/sync/api";
import {
  applyServerRecords,
  getMeta,
  markPushed,
  pendingRecords,
  setMeta,
} from "acuplan/sync/store";

const BATCH = 200;
const WRITE_DELAY_MS = 1500;
const MAX_BACKOFF_MS = 5 * 60 * 1000;
let running = null;
let queued = null;
let stopped = false;
let failures = 0;
let retryTimer = null;
let writeTimer = null;

class SyncError extends Error {}

async function pushAll() {
  for (;;) {
    const pending = (await pendingRecords()).slice(0, BATCH);
    if (!pending.length) return;
    const records = pending.map(({ id, kind, data, modified, deleted }) => ({
      id, kind, data, modified, deleted,
    }));
    // A fresh CSRF token for every batch (postJson asks for one): the device may have been
    // offline for days. `clock` is the device's, so the server can take `modified` into its
    // own time.
    const result = await postJson("/api/sync/push", { records, clock: Date.now() });
    // Every pushed copy is settled: applied, or replaced by the server's copy (it lost, or
    // the server moved its time). Marked first, so that copy is adopted even when its time
    // is earlier than the device's; a record edited meanwhile stays pending.
    await markPushed(pending);
    await applyServerRecords(result.conflicts);
    if (pending.length < BATCH) return;
  }
}

async function pullAll() {
  let cursor = (await getMeta("cursor")) ?? 0;
  for (;;) {
    const page = await getJson(`/api/sync/pull?cursor=${cursor}&limit=${BATCH}`);
    await applyServerRecords(page.records);
    cursor = page.cursor;
    await setMeta("cursor", cursor);
    if (!page.more) return;
  }
}

/**
 * A full round that starts after this call; resolves with the status. A call during a
 * round queues one more (shared by every call meanwhile), so a change made mid-round is
 * never left waiting, and rounds never overlap.
 */
export function syncNow() {
  if (stopped) return Promise.resolve({ state: "stopped" });
  if (!running) {
    running = round().finally(() => {
      running = null;
    });
    return running;
  }
  queued ??= running.then(() => {
    queued = null;
    return syncNow();
  });
  return queued;
}

/** No more rounds on this page (logging out: the device's copy is about to go). */
export async function stopSync() {
  await syncNow();
  stopped = true;
  clearTimeout(retryTimer);
  clearTimeout(writeTimer);
  await running;
}

async function round() {
  clearTimeout(retryTimer);
  try {
    if (!navigator.onLine) return publish({ state: "offline" });
    const { user } = await getJson("/api/me");
    if (!user) return publish({ state: "device-only" });
    const owner = await getMeta("owner");
    if (owner && owner !== user.email) {
      throw new SyncError(`This device holds ${owner}'s data: log in as ${owner} to sync it.`);
    }
    // Data made before the account existed is pushed into it: merged, not lost.
    if (!owner) await setMeta("owner", user.email);
    await pushAll();
    await pullAll();
    failures = 0;
    await setMeta("lastSync", Date.now());
    await setMeta("lastError", null);
    return publish({ state: "synced" });
  } catch (error) {
    failures += 1;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures) * (0.75 + Math.random() / 2);
    retryTimer = setTimeout(syncNow, delay);
    const refused = error instanceof SyncError || error instanceof ApiError;
    const message = refused ? error.message : "The network failed.";
    await setMeta("lastError", { message, at: Date.now() });
    return publish({ state: "error" });
  }
}

async function publish(partial) {
  const pending = await pendingRecords();
  const status = {
    ...partial,
    pending: pending.length,
    // what is waiting, so the status can name it; and whether an account holds this data
    waiting: pending.map(({ kind, deleted }) => ({ kind, deleted })),
    account: Boolean(await getMeta("owner")),
    lastSync: await getMeta("lastSync"),
    lastError: await getMeta("lastError"),
  };
  document.dispatchEvent(new CustomEvent("acuplan:sync-status", { detail: status }));
  return status;
}

/** Wire the triggers; call once per page. */
export function startSync() {
  window.addEventListener("online", syncNow);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") syncNow();
  });
  document.addEventListener("acuplan:records-changed", (event) => {
    // Only this page's own writes have anything to push; the tab that wrote pushes it.
    if (event.detail?.origin !== "write") return;
    clearTimeout(writeTimer);
    writeTimer = setTimeout(syncNow, WRITE_DELAY_MS);
    navigator.serviceWorker?.ready
      .then((registration) => registration.sync?.register("acuplan-sync"))
      .catch(() => {});
  });
  navigator.serviceWorker?.addEventListener("message", (event) => {
    if (event.data?.type === "sync") syncNow();
  });
  return syncNow();
}
