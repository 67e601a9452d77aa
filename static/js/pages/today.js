import { openToday } from "acuplan/plan/today";

const main = document.querySelector("[data-home]");
if (main) openToday(main);
