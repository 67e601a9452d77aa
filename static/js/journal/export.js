/** Export the journal as CSV, everything as JSON, and import a JSON export back. */
import { allRecords, importRecords } from "acuplan/sync/store";
import { loadEntries, routineTitles } from "acuplan/journal/entries";

const COLUMNS = ["date", "routine", "minutes", "position", "layer", "pain_before", "pain_after",
  "stress_before", "stress_after", "sleep_quality", "areas", "sensations", "adverse", "notes"];
const FORMAT = "acuplan-export";

/** A CSV cell: quoted, and never read as a spreadsheet formula. */
function cell(value) {
  let text = Array.isArray(value) ? value.join("; ") : String(value ?? "");
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export async function journalCsv() {
  const [entries, titles] = await Promise.all([loadEntries(), routineTitles()]);
  const rows = entries.map(({ data }) =>
    COLUMNS.map((c) => cell(c === "routine" ? titles.get(data.routine) ?? data.routine : data[c])),
  );
  return [COLUMNS.map(cell), ...rows].map((r) => r.join(",")).join("\r\n");
}

export async function everythingJson() {
  const records = (await allRecords())
    .filter((r) => !r.deleted)
    .map(({ id, kind, modified, data }) => ({ id, kind, modified, data }));
  return JSON.stringify({ format: FORMAT, version: 1, exported: new Date().toISOString(), records }, null, 2);
}

/** Import a file made by everythingJson; returns how many records were added or updated. */
export async function importJson(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error("This file is not JSON.");
  }
  if (parsed?.format !== FORMAT || !Array.isArray(parsed.records)) {
    throw new Error("This is not an Acuplan export.");
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const kinds = new Set(["journal", "plan-edit", "profile", "custom-routine", "preferences"]);
  parsed.records.forEach((r, i) => {
    const ok = uuid.test(r?.id) && kinds.has(r.kind) && Number.isInteger(r.modified) &&
      r.data && typeof r.data === "object";
    if (!ok) throw new Error(`Record ${i + 1} of the file is not valid; nothing was imported.`);
  });
  return importRecords(parsed.records);
}
