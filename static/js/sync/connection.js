/** Show an "Offline" marker in the header whenever the browser has no network. */
export function watchConnection() {
  const marker = document.querySelector("[data-connection]");
  if (!marker) return;
  const update = () => {
    marker.hidden = navigator.onLine;
    document.documentElement.dataset.online = String(navigator.onLine);
  };
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
}
