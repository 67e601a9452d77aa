import { renderReport } from "acuplan/journal-report";

const days = document.querySelector("#days");
const render = () => renderReport(document, Number(days.value));
days.addEventListener("change", render);
document.querySelector("[data-print]").addEventListener("click", () => window.print());
render();
