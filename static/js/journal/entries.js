/** Journal entries from the device's store, and routine titles from the library. */
import { addDays, today } from "acuplan/plan/dates";
import { loadLibrary } from "acuplan/routines/library";
import { listRecords } from "acuplan/sync/store";

export const SCALES = ["pain_before", "pain_after", "stress_before", "stress_after"];

/** Newest first: by date, then by when it was written. */
export async function loadEntries() {
  const records = await listRecords("journal");
  return records.sort(
    (a, b) => b.data.date.localeCompare(a.data.date) || b.modified - a.modified,
  );
}

/** slug → title; an empty map when the library can't be had (the UI shows the slug). */
export async function routineTitles() {
  try {
    return new Map((await loadLibrary()).map((r) => [r.slug, r.title]));
  } catch {
    return new Map();
  }
}

/** The day `days` before today, as YYYY-MM-DD. */
export const daysAgo = (days) => addDays(today(), -days);

/**
 * code → label for the journal's coded answers ("growing-pain" → "Pain that grew…"), from
 * the page's `data-journal-labels`; an unknown code is shown as words.
 */
export function journalLabels(root = document) {
  const source = root.querySelector("[data-journal-labels]");
  const labels = source ? JSON.parse(source.dataset.journalLabels) : {};
  return (code) => labels[code] ?? code.replaceAll("-", " ");
}

/** "6 → 3" with missing sides shown as "–". */
export function beforeAfter(data, name) {
  const show = (v) => (v === null || v === undefined ? "–" : String(v));
  return `${show(data[`${name}_before`])} → ${show(data[`${name}_after`])}`;
}

export function average(values) {
  const known = values.filter((v) => typeof v === "number");
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

/** Mean before, mean after and mean change over entries that have both. */
export function scaleSummary(entries, name) {
  const pairs = entries
    .map((e) => [e.data[`${name}_before`], e.data[`${name}_after`]])
    .filter(([b, a]) => typeof b === "number" && typeof a === "number");
  if (!pairs.length) return null;
  return {
    count: pairs.length,
    before: average(pairs.map(([b]) => b)),
    after: average(pairs.map(([, a]) => a)),
    change: average(pairs.map(([b, a]) => a - b)),
  };
}
