import { renderReport } from "acuplan/journal/report";
import { onRecordsChanged } from "acuplan/sync/store";

const days = document.querySelector("#days");
// One render at a time, in order: a slow render never overwrites a newer one.
let rendering = Promise.resolve();
const render = () =>
  (rendering = rendering.catch(() => {}).then(() => renderReport(document, Number(days.value))));
days.addEventListener("change", render);
document.querySelector("[data-print]").addEventListener("click", () => window.print());
onRecordsChanged(["journal"], render);
render();
