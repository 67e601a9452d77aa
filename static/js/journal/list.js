/** The journal page's list of entries and its 30-day trend line. */
import { setUpExports } from "acuplan/journal/data-panel";
import {
  beforeAfter, daysAgo, journalLabels, loadEntries, routineTitles, scaleSummary,
} from "acuplan/journal/entries";
import { onRecordsChanged } from "acuplan/sync/store";
import { oneAtATime } from "acuplan/ui/one-at-a-time";

const fmt = (n) => n.toFixed(1);
const sessions = (n) => `${n} session${n === 1 ? "" : "s"}`;

/** The journal page: the list, current whenever the journal changes, and its data panel. */
export function openJournal(root) {
  const refresh = oneAtATime(() => renderJournal(root));
  refresh();
  setUpExports(root, refresh);
  onRecordsChanged(["journal"], refresh);
}

export async function renderJournal(root) {
  const [entries, titles] = await Promise.all([loadEntries(), routineTitles()]);
  const list = root.querySelector("[data-entries]");
  const template = root.querySelector("[data-entry-template]");
  const label = journalLabels(root);
  list.replaceChildren(
    ...entries.map((entry) => renderEntry(template.content.cloneNode(true), entry, titles, label)),
  );
  root.querySelector("[data-loading]").hidden = true;
  root.querySelector("[data-empty]").hidden = entries.length > 0;
  renderTrend(root, entries.filter((e) => e.data.date >= daysAgo(30)));
}

function renderEntry(fragment, { id, data }, titles, label) {
  const link = fragment.querySelector("[data-link]");
  const date = new Date(`${data.date}T12:00`).toLocaleDateString(undefined, {
    weekday: "short", day: "numeric", month: "short",
  });
  link.textContent = `${date} · ${titles.get(data.routine) ?? data.routine ?? "Session"}`;
  link.href = `/journal/entry?id=${encodeURIComponent(id)}`;
  fragment.querySelector("[data-meta]").textContent = `${data.minutes} min`;
  fragment.querySelector("[data-scores]").textContent =
    `Pain ${beforeAfter(data, "pain")} · Stress ${beforeAfter(data, "stress")}`;
  if (data.adverse?.length) {
    const adverse = fragment.querySelector("[data-adverse]");
    adverse.hidden = false;
    adverse.textContent = `Noted: ${data.adverse.map(label).join(", ")}`;
  }
  fragment.querySelector("[data-notes]").textContent = data.notes ?? "";
  return fragment;
}

function renderTrend(root, recent) {
  const pain = scaleSummary(recent, "pain");
  const stress = scaleSummary(recent, "stress");
  root.querySelector("[data-trend]").hidden = !pain && !stress;
  if (!pain && !stress) return;
  const parts = [];
  if (pain) parts.push(`pain went from ${fmt(pain.before)} to ${fmt(pain.after)} on average (${sessions(pain.count)})`);
  if (stress) parts.push(`stress from ${fmt(stress.before)} to ${fmt(stress.after)} (${sessions(stress.count)})`);
  root.querySelector("[data-trend]").hidden = false;
  root.querySelector("[data-trend-text]").textContent =
    `Across a session, ${parts.join("; ")}. Before and after a session is not the same as ` +
    "over weeks: the report shows both, for you or your clinician.";
}
