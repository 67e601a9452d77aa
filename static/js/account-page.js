import { guardLogout } from "acuplan/logout-guard";

guardLogout(document.querySelector("form[data-logout]"));
