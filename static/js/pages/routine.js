import { showAdapted } from "acuplan/routines/detail";

const page = document.querySelector("[data-routine-page]");
if (page) showAdapted(page);
