import { watchConnection } from "acuplan/connection";
import { offerInstall } from "acuplan/install-prompt";
import { startSync } from "acuplan/sync-client";
import { showSyncStatus } from "acuplan/sync-status";
import { registerWorker } from "acuplan/worker-client";

registerWorker();
watchConnection();
offerInstall();
showSyncStatus();
startSync();
