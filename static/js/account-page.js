import { guardLogout } from "acuplan/logout-guard";

for (const form of document.querySelectorAll("form[data-logout]")) guardLogout(form);
