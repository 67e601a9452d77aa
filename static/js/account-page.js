import { guardAccountDeletion, guardLogout } from "acuplan/logout-guard";

guardLogout(document.querySelector("form[data-logout]"));
guardAccountDeletion(document.querySelector("form[data-delete-account]"));
