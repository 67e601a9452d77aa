import { showAdapted } from "acuplan/routine-detail";

const page = document.querySelector("[data-routine-page]");
if (page) showAdapted(page);
