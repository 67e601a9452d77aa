import { isIos, isStandalone } from "acuplan/ui/install-prompt";
import { showStorageStatus } from "acuplan/sync/storage-status";

showStorageStatus(document);
if (isStandalone()) {
  document.querySelector("[data-install-status]").textContent = "Acuplan is installed.";
} else if (isIos()) {
  document.querySelector("[data-install-ios]").hidden = false;
}
