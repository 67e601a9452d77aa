/** The journal page's export and import buttons. */
import { everythingJson, importJson, journalCsv } from "acuplan/journal/export";
import { isoDate } from "acuplan/plan/dates";
import { download } from "acuplan/ui/download";

export function setUpExports(root, refresh) {
  const status = root.querySelector("[data-import-status]");
  for (const button of root.querySelectorAll("[data-export]")) {
    button.addEventListener("click", async () => {
      const stamp = isoDate();
      if (button.dataset.export === "csv") {
        download(await journalCsv(), `acuplan-journal-${stamp}.csv`, "text/csv");
      } else {
        download(await everythingJson(), `acuplan-${stamp}.json`, "application/json");
      }
    });
  }
  root.querySelector("[data-import]").addEventListener("change", async (event) => {
    const [file] = event.target.files;
    if (!file) return;
    try {
      const count = await importJson(await file.text());
      status.textContent = `Imported ${count} record${count === 1 ? "" : "s"}.`;
      refresh();
    } catch (error) {
      status.textContent = error.message;
    }
    event.target.value = "";
  });
}
