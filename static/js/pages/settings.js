import { showInstallStatus } from "acuplan/ui/install-prompt";
import { showStorageStatus } from "acuplan/sync/storage-status";

showStorageStatus(document);
showInstallStatus(document);
