import { bindDaySettings } from "acuplan/settings/day";
import { bindReminderSettings } from "acuplan/reminders/settings";
import { showInstallStatus } from "acuplan/ui/install-prompt";
import { showStorageStatus } from "acuplan/sync/storage-status";

bindDaySettings(document);
bindReminderSettings(document);
showStorageStatus(document);
showInstallStatus(document);
