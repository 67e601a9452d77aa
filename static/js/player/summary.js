/** After a session: what was done, saved on this device, and an invitation to the journal. */
import { recordFinished } from "acuplan/player/store";
import { durationText } from "acuplan/ui/time-format";

/** The journal's entry form, filled in with what the session was (`mat`: its main mat step). */
function journalLink(base, record, mat) {
  const query = new URLSearchParams({ routine: record.routine });
  if (record.seconds >= 30) query.set("minutes", String(Math.round(record.seconds / 60)));
  if (mat) query.set("position", mat.position);
  if (mat) query.set("layer", mat.layer);
  return `${base}?${query}`;
}

/** Save `record` (a finished session of `timeline`) and show its summary. */
export async function showSummary(root, record, timeline) {
  const find = (name) => root.querySelector(`[data-${name}]`);
  try {
    await recordFinished(record);
  } catch {
    find("saved").textContent = "This session could not be saved: the browser's storage is off.";
  }
  const mats = timeline.steps.filter((step) => step.kind === "mat");
  const mat = mats.sort((a, b) => b.durationMs - a.durationMs)[0];
  const link = find("journal-link");
  link.href = journalLink(link.pathname, record, mat);
  find("summary-title").textContent = record.endedEarly ? "Session ended" : "Well done";
  find("time-done").textContent = durationText(record.seconds * 1000);
  find("steps-done").textContent = `${record.stepsDone} of ${record.stepsTotal}`;
  find("session").hidden = true;
  find("summary").hidden = false;
  root.dataset.stage = "summary";
  find("summary-title").focus();
}
