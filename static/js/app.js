import { watchConnection } from "acuplan/sync/connection";
import { offerInstall } from "acuplan/ui/install-prompt";
import { startSync } from "acuplan/sync/client";
import { showSyncStatus } from "acuplan/sync/status";
import { registerWorker } from "acuplan/sync/worker-client";

registerWorker();
watchConnection();
offerInstall();
showSyncStatus();
startSync();
