import { openToday } from "acuplan/today";

const main = document.querySelector("[data-home]");
if (main) openToday(main);
