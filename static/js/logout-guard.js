/** Logging out: sync first, then remove the account's data from this device. */
import { clearStore, pendingRecords } from "acuplan/store";
import { stopSync, syncNow } from "acuplan/sync-client";

export function guardLogout(form) {
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    const label = button.textContent;
    button.disabled = true;
    button.textContent = "Syncing…";
    await syncNow();
    const pending = (await pendingRecords()).length;
    const lose = `${pending} change${pending === 1 ? " has" : "s have"} not synced yet and would be lost. Log out anyway?`;
    if (pending && !window.confirm(lose)) {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    await stopSync();
    await clearStore();
    form.submit();
  });
}
