import { openSharedRoutine } from "acuplan/routines/preview";

const page = document.querySelector("[data-shared-routine]");
if (page) openSharedRoutine(page);
