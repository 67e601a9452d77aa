/** The page's side of the service worker: registration and asking before updating. */
import { showBanner } from "acuplan/ui/banner";

const READY_SHOWN = "acuplan.offline-ready-shown";
const NOTICE_MS = 6000; // long enough to read twice, short enough not to sit over the page

export function registerWorker() {
  if (!("serviceWorker" in navigator)) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  let reloading = false;

  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!hadController) {
      offlineReady();
    } else if (!reloading) {
      // The new version took over after the person said yes: load it.
      reloading = true;
      window.location.reload();
    }
  });

  navigator.serviceWorker.register("/service-worker.js").then((registration) => {
    if (!registration) return; // service workers blocked by the browser or a policy
    if (registration.waiting && hadController) promptUpdate(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed" && navigator.serviceWorker.controller) {
          promptUpdate(worker);
        }
      });
    });
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
  }, () => {}); // no worker (private mode, blocked): the app still works online
}

function promptUpdate(worker) {
  showBanner({
    id: "update",
    text: "Update available",
    action: "Reload",
    onAction: () => worker.postMessage({ type: "skip-waiting" }),
  });
}

function offlineReady() {
  document.documentElement.dataset.offlineReady = "true";
  if (localStorage.getItem(READY_SHOWN)) return;
  localStorage.setItem(READY_SHOWN, "1");
  showBanner({
    id: "ready",
    text: "Acuplan now works offline, even in airplane mode.",
    timeout: NOTICE_MS,
  });
  navigator.storage?.persist?.().catch(() => false);
}
