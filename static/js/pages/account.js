import { guardAccountDeletion, guardLogout } from "acuplan/sync/logout-guard";

for (const form of document.querySelectorAll("form[data-logout]")) guardLogout(form);
guardAccountDeletion(document.querySelector("form[data-delete-account]"));
