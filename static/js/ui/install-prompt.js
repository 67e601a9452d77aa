/** Installing to the home screen: Android's prompt on a button; iOS gets a one-time hint. */
import { showBanner } from "acuplan/ui/banner";

const IOS_HINT_DISMISSED = "acuplan.ios-install-hint";
let deferredPrompt = null;

export function isStandalone() {
  return window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
}

export function isIos() {
  return (
    /iphone|ipad|ipod/i.test(navigator.userAgent) ||
    (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1)
  );
}

/** The settings page's line on installing: installed already, or how to on iOS. */
export function showInstallStatus(root) {
  if (isStandalone()) {
    root.querySelector("[data-install-status]").textContent = "Acuplan is installed.";
  } else if (isIos()) {
    root.querySelector("[data-install-ios]").hidden = false;
  }
}

export function offerInstall() {
  window.addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    deferredPrompt = event;
    for (const button of document.querySelectorAll("[data-install]")) button.hidden = false;
  });
  window.addEventListener("appinstalled", () => {
    deferredPrompt = null;
    for (const button of document.querySelectorAll("[data-install]")) button.hidden = true;
  });
  for (const button of document.querySelectorAll("[data-install]")) {
    button.addEventListener("click", async () => {
      if (!deferredPrompt) return;
      deferredPrompt.prompt();
      await deferredPrompt.userChoice;
      deferredPrompt = null;
      button.hidden = true;
    });
  }
  if (isIos() && !isStandalone() && !localStorage.getItem(IOS_HINT_DISMISSED)) {
    localStorage.setItem(IOS_HINT_DISMISSED, "1");
    showBanner({
      id: "ios-install",
      text: "Install Acuplan: tap Share, then “Add to Home Screen”.",
      timeout: 12000, // a one-time hint, also on the settings page: time to act on it
    });
  }
}
