/** The clinician report: the last N days as a table with before/after summaries. */
import {
  beforeAfter, daysAgo, journalLabels, loadEntries, routineTitles, scaleSummary,
} from "acuplan/journal/entries";
import { insightsSummary } from "acuplan/insights/summary";
import { onRecordsChanged } from "acuplan/sync/store";
import { oneAtATime } from "acuplan/ui/one-at-a-time";

const fmt = (n) => (n === null ? "–" : n.toFixed(1));
// Dates a clinician reads at a glance: "Sun 22 Nov" in the table, "22 Nov 2026" above it.
const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });
const FULL = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const shown = (format, iso) => format.format(new Date(`${iso}T12:00`));
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
// An entry of 0 minutes notes a day (sleep, a side effect) without a session on the mat.
const isSession = (entry) => entry.data.minutes > 0;

/** The report page: the period chosen in #days, current whenever the journal changes. */
export function openReport(root) {
  const days = root.querySelector("#days");
  const render = oneAtATime(() => renderReport(root, Number(days.value)));
  days.addEventListener("change", render);
  root.querySelector("[data-print]").addEventListener("click", () => window.print());
  onRecordsChanged(["journal"], render);
  render();
}

export async function renderReport(root, days) {
  const since = daysAgo(days - 1);
  const [all, titles] = await Promise.all([loadEntries(), routineTitles()]);
  const entries = all.filter((e) => e.data.date >= since).reverse();
  const sessions = entries.filter(isSession).length;
  const others = entries.length - sessions;
  root.querySelector("[data-report-period]").textContent =
    `${plural(sessions, "session", "sessions")}` +
    (others ? ` and ${plural(others, "entry", "entries")} without one` : "") +
    ` from ${shown(FULL, since)} to ${shown(FULL, daysAgo(0))}.`;
  const rows = root.querySelector("[data-report-rows]");
  const headings = [...root.querySelectorAll(".report-table thead th")].map((th) => th.textContent);
  const label = journalLabels(root);
  rows.replaceChildren(...entries.map(({ data }) => row(headings, [
    shown(DAY, data.date), titles.get(data.routine) ?? data.routine ?? "", data.minutes,
    beforeAfter(data, "pain"), beforeAfter(data, "stress"), data.sleep_quality ?? "–",
    (data.adverse ?? []).map(label).join(", "), data.notes ?? "",
  ])));
  root.querySelector("[data-empty]").hidden = entries.length > 0;
  summary(root.querySelector("[data-report-summary]"), entries);
  const insights = insightsSummary(entries.map((e) => e.data));
  root.querySelector("[data-report-insights]").hidden = insights.length === 0;
  root.querySelector("[data-report-insights-body]").replaceChildren(...insights);
}

/** A row whose cells carry their column's heading, for the phone's card layout. */
function row(headings, values) {
  const tr = document.createElement("tr");
  values.forEach((value, i) => {
    const td = Object.assign(document.createElement("td"), { textContent: value });
    td.dataset.label = headings[i];
    tr.append(td);
  });
  return tr;
}

function summary(list, entries) {
  const pain = scaleSummary(entries, "pain");
  const stress = scaleSummary(entries, "stress");
  const minutes = entries.reduce((sum, e) => sum + e.data.minutes, 0);
  const adverse = entries.filter((e) => e.data.adverse?.length).length;
  const facts = [
    ["Sessions", entries.filter(isSession).length], ["Minutes", minutes],
    ["Pain before → after (mean)", pain ? `${fmt(pain.before)} → ${fmt(pain.after)}` : "–"],
    ["Stress before → after (mean)", stress ? `${fmt(stress.before)} → ${fmt(stress.after)}` : "–"],
    ["Sessions with side effects", adverse],
  ];
  list.replaceChildren(...facts.map(([term, value]) => {
    const div = document.createElement("div");
    div.append(Object.assign(document.createElement("dt"), { textContent: term }),
      Object.assign(document.createElement("dd"), { textContent: String(value) }));
    return div;
  }));
}
