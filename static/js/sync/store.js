/**
 * The person's records on this device, in IndexedDB: the UI's source of truth.
 *
 * A record is {id, kind, data, modified, deleted, dirty}. `dirty` (1/0) marks a change
 * not yet pushed; a delete keeps a tombstone so it can reach the server. Every write
 * resolves only after its transaction has committed, so the UI may then say "saved".
 */
const DB_NAME = "acuplan";
const DB_VERSION = 1;
let opening = null;

export function openStore() {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      const records = db.createObjectStore("records", { keyPath: "id" });
      records.createIndex("kind", "kind");
      records.createIndex("dirty", "dirty");
      db.createObjectStore("meta");
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("Close Acuplan's other tabs to update it."));
  });
  return opening;
}

/** Run `work(stores)` in one transaction; resolve with its result once committed. */
async function transact(names, mode, work) {
  const db = await openStore();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, mode);
    const stores = Object.fromEntries(names.map((name) => [name, tx.objectStore(name)]));
    let result;
    Promise.resolve(work(stores)).then((value) => (result = value), reject);
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("transaction aborted"));
  });
}

const ask = (request) =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

// Other tabs of this device hear of each change too, so every open page stays current.
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("acuplan-records") : null;

/**
 * Announce changed records as one "acuplan:records-changed" event on `document`, with
 * `detail.kinds` (the kinds changed) and `detail.origin`: "write" (this page's own
 * change, still to be pushed), "sync" (the server's copies taken), "cleared" (logging
 * out) or "other-tab".
 */
function changed(kinds, origin = "write") {
  const detail = { kinds: [...new Set(kinds)], origin };
  document.dispatchEvent(new CustomEvent("acuplan:records-changed", { detail }));
  channel?.postMessage(detail);
}

channel?.addEventListener("message", ({ data }) => {
  const detail = { kinds: data?.kinds ?? [], origin: "other-tab" };
  document.dispatchEvent(new CustomEvent("acuplan:records-changed", { detail }));
});

/** Call `callback` whenever records of one of `kinds` change, here, by sync or in another tab. */
export function onRecordsChanged(kinds, callback) {
  document.addEventListener("acuplan:records-changed", (event) => {
    const changedKinds = event.detail?.kinds ?? [];
    if (changedKinds.some((kind) => kinds.includes(kind))) callback(event.detail);
  });
}

/** Create or replace a record's data; returns the stored record. */
export async function saveRecord(kind, data, id = crypto.randomUUID()) {
  const record = await transact(["records"], "readwrite", async ({ records }) => {
    const previous = await ask(records.get(id));
    const modified = Math.max(Date.now(), (previous?.modified ?? 0) + 1);
    const next = { id, kind, data, modified, deleted: false, dirty: 1 };
    records.put(next);
    return next;
  });
  changed([kind]);
  return record;
}

/**
 * Change one record's data in a single transaction: `change(data)` gets what is saved now
 * ({} when nothing is) and returns the new data. For a record several settings share, so
 * saving one setting never drops another.
 */
export async function updateRecord(kind, id, change) {
  const record = await transact(["records"], "readwrite", async ({ records }) => {
    const previous = await ask(records.get(id));
    const current = previous && !previous.deleted ? previous.data ?? {} : {};
    const modified = Math.max(Date.now(), (previous?.modified ?? 0) + 1);
    const next = { id, kind, data: change(current), modified, deleted: false, dirty: 1 };
    records.put(next);
    return next;
  });
  changed([kind]);
  return record;
}

/** Delete a record: a tombstone that syncs, then disappears from every list. */
export async function deleteRecord(id) {
  const kind = await transact(["records"], "readwrite", async ({ records }) => {
    const previous = await ask(records.get(id));
    if (!previous) return null;
    const modified = Math.max(Date.now(), previous.modified + 1);
    records.put({ ...previous, data: null, deleted: true, modified, dirty: 1 });
    return previous.kind;
  });
  if (kind) changed([kind]);
}

export const getRecord = (id) =>
  transact(["records"], "readonly", ({ records }) => ask(records.get(id)));

/** The live (not deleted) records of one kind. */
export async function listRecords(kind) {
  const all = await transact(["records"], "readonly", ({ records }) =>
    ask(records.index("kind").getAll(kind)),
  );
  return all.filter((record) => !record.deleted);
}

export const pendingRecords = () =>
  transact(["records"], "readonly", ({ records }) => ask(records.index("dirty").getAll(1)));

export const allRecords = () =>
  transact(["records"], "readonly", ({ records }) => ask(records.getAll()));

/** After a push: clean what the server now has, unless it changed again meanwhile. */
export async function markPushed(pushed) {
  await transact(["records"], "readwrite", async ({ records }) => {
    for (const { id, modified } of pushed) {
      const current = await ask(records.get(id));
      if (current && current.modified === modified) records.put({ ...current, dirty: 0 });
    }
  });
}

/**
 * Take the server's copies (pulled, or returned as conflicts). A local change newer than
 * the server's copy is kept: it is still to be pushed, and will win there too.
 */
export async function applyServerRecords(serverRecords) {
  if (!serverRecords.length) return;
  const kinds = await transact(["records"], "readwrite", async ({ records }) => {
    const taken = [];
    for (const server of serverRecords) {
      const local = await ask(records.get(server.id));
      if (local?.dirty && local.modified > server.modified) continue;
      const { id, kind, data, modified, deleted } = server;
      records.put({ id, kind, data, modified, deleted, dirty: 0 });
      taken.push(kind);
    }
    return taken;
  });
  if (kinds.length) changed(kinds, "sync");
}

/** Add records from an export; a newer copy already on the device is kept. */
export async function importRecords(imported) {
  const kinds = await transact(["records"], "readwrite", async ({ records }) => {
    const added = [];
    for (const { id, kind, data, modified } of imported) {
      const local = await ask(records.get(id));
      if (local && local.modified >= modified) continue;
      records.put({ id, kind, data, modified, deleted: false, dirty: 1 });
      added.push(kind);
    }
    return added;
  });
  if (kinds.length) changed(kinds);
  return kinds.length;
}

export const getMeta = (key) =>
  transact(["meta"], "readonly", ({ meta }) => ask(meta.get(key)));

export const setMeta = (key, value) =>
  transact(["meta"], "readwrite", ({ meta }) => {
    meta.put(value, key);
  });

/** Remove every record and sync note from this device (logging out). */
export async function clearStore() {
  const kinds = await transact(["records", "meta"], "readwrite", async ({ records, meta }) => {
    const all = await ask(records.getAll());
    records.clear();
    meta.clear();
    return all.map((record) => record.kind);
  });
  changed(kinds, "cleared");
}
