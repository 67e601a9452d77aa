/** "All synced" / "3 changes waiting" / "Offline" / the last error, and when it last synced. */
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

function ago(timestamp) {
  const minutes = Math.round((timestamp - Date.now()) / 60000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}

export function describe({ state, pending, lastSync, lastError }) {
  const waiting = pending ? `${pending} change${pending === 1 ? "" : "s"} waiting` : "";
  const when = lastSync ? `Last synced ${ago(lastSync)}.` : "Not synced yet.";
  switch (state) {
    case "device-only":
      return pending
        ? `Saved on this device only (${pending} unsynced). Create an account to back it up.`
        : "Saved on this device only. Create an account to back it up.";
    case "offline":
      return `Offline${waiting ? ` — ${waiting}` : ""}. ${when}`;
    case "error":
      return `Sync failed: ${lastError?.message ?? "unknown error"} ${waiting || ""} ${when}`;
    default:
      return waiting ? `${waiting}. ${when}` : `All synced. ${when}`;
  }
}

export function showSyncStatus() {
  document.addEventListener("acuplan:sync-status", (event) => {
    for (const element of document.querySelectorAll("[data-sync-status]")) {
      element.textContent = describe(event.detail).replace(/\s+/g, " ").trim();
      element.dataset.state = event.detail.state;
    }
  });
}
