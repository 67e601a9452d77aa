/**
 * The sync status line: "All synced", what is waiting ("3 journal entries waiting"),
 * "Offline", the last error, or, without an account, that the data is on this device.
 */
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

// (No template literals inside template literals: the minifier mangles their spaces.)
// kind -> [one, many]; a kind held once per person is named without a number
const COUNTED = {
  journal: ["journal entry", "journal entries"],
  session: ["finished session", "finished sessions"],
  "plan-edit": ["change to your plan", "changes to your plan"],
};
const SINGLE = { profile: "your answers", preferences: "your settings" };
const DELETION = ["deletion", "deletions"];
const OTHER = ["other record", "other records"];
// The order they are named in, whatever order the store lists them in (by random id).
const ORDER = [...Object.keys(COUNTED), "custom-routine", "deleted", ...Object.keys(SINGLE)];
const rank = (key) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

function ago(timestamp) {
  const minutes = Math.round((timestamp - Date.now()) / 60000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}

function joinWords(parts) {
  return parts.length < 2 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/** "15 journal entries, 1 deletion and your settings": the records named in words. */
export function nameRecords(records) {
  const counts = new Map();
  for (const { kind, deleted } of records) {
    const key = deleted ? "deleted" : kind;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const parts = [];
  for (const [key, count] of [...counts].sort(([a], [b]) => rank(a) - rank(b))) {
    if (SINGLE[key]) {
      parts.push(SINGLE[key]);
      continue;
    }
    const [one, many] = key === "deleted" ? DELETION : (COUNTED[key] ?? OTHER);
    parts.push(`${count} ${count === 1 ? one : many}`);
  }
  return joinWords(parts);
}

function deviceOnly(waiting, account, brief) {
  if (account) {
    const named = nameRecords(waiting);
    return named ? `Logged out — ${named} waiting. Log in to sync.` : "Logged out. Log in to sync.";
  }
  // Without an account nothing is "waiting": it is all here, and a deletion is just gone.
  const named = nameRecords(waiting.filter((record) => !record.deleted));
  // A page that already explains "device only" needs only what is here.
  if (brief) return named ? "On this device now: " + named + "." : "Nothing saved yet.";
  const what = named ? ": " + named : "";
  return "Saved on this device only" + what + ". Create an account to back it up.";
}

/** The status in words; `brief` where the page around it already says "device only". */
export function describe({ state, waiting = [], account = true, lastSync, lastError }, brief = false) {
  if (!account && ["offline", "error", "device-only"].includes(state)) {
    return deviceOnly(waiting, false, brief);
  }
  const named = nameRecords(waiting);
  const pending = named ? `${named} waiting` : "";
  const when = lastSync ? `Last synced ${ago(lastSync)}.` : "Not synced yet.";
  switch (state) {
    case "device-only":
      return deviceOnly(waiting, account, brief);
    case "offline":
      return (pending ? "Offline — " + pending : "Offline") + ". " + when;
    case "error":
      return `Sync failed: ${lastError?.message ?? "unknown error"} ${pending && pending + "."} ${when}`;
    default:
      return pending ? pending[0].toUpperCase() + pending.slice(1) + ". " + when : "All synced. " + when;
  }
}

export function showSyncStatus() {
  document.addEventListener("acuplan:sync-status", (event) => {
    for (const element of document.querySelectorAll("[data-sync-status]")) {
      const brief = element.dataset.syncStatus === "brief";
      element.textContent = describe(event.detail, brief).replace(/\s+/g, " ").trim();
      element.dataset.state = event.detail.state;
    }
  });
}
