import { renewPushSubscription } from "acuplan/reminders/push";
import { followDayStart } from "acuplan/settings/day";
import { watchConnection } from "acuplan/sync/connection";
import { offerInstall } from "acuplan/ui/install-prompt";
import { startSync } from "acuplan/sync/client";
import { showSyncStatus } from "acuplan/sync/status";
import { registerWorker } from "acuplan/sync/worker-client";

registerWorker();
followDayStart();
renewPushSubscription().catch(() => {}); // offline, or logged out: next time
watchConnection();
offerInstall();
showSyncStatus();
startSync();
