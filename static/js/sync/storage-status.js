/** Settings: whether the app works offline and whether its storage is persistent. */
export async function showStorageStatus(root) {
  const offline = root.querySelector("[data-offline-status]");
  const persisted = root.querySelector("[data-storage-status]");
  const usage = root.querySelector("[data-storage-usage]");
  const persistButton = root.querySelector("[data-persist]");

  if (offline) {
    const ready = "serviceWorker" in navigator && (await navigator.serviceWorker.getRegistration());
    offline.textContent = ready?.active ? "Ready: works without a connection" : "Not ready yet";
  }
  if (!navigator.storage?.persisted) {
    persisted.textContent = "Not supported by this browser";
    usage.textContent = "Unknown";
    return;
  }
  const render = (isPersistent) => {
    persisted.textContent = isPersistent
      ? "Persistent: kept when space runs low"
      : "Best effort: the browser may clear it when space runs low";
    persistButton.hidden = isPersistent;
  };
  render(await navigator.storage.persisted());
  persistButton.addEventListener("click", async () => render(await navigator.storage.persist()));
  const { usage: used = 0, quota = 0 } = await navigator.storage.estimate();
  usage.textContent = `${(used / 1e6).toFixed(1)} MB of ${(quota / 1e9).toFixed(1)} GB available`;
}
