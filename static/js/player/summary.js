/** After a session: what was done, saved on this device, and an invitation to the journal. */
import { askFeelings, feelingFields, saveEntry } from "acuplan/player/feelings";
import { recordFinished } from "acuplan/player/store";
import { dayOf } from "acuplan/plan/dates";
import { durationText } from "acuplan/ui/time-format";

/** The session's journal entry as far as the player knows it (`mat`: its main mat step). */
function entryOf(record, mat) {
  const entry = { date: dayOf(new Date(record.startedAt)), routine: record.routine };
  entry.minutes = Math.round(record.seconds / 60);
  if (mat) Object.assign(entry, { position: mat.position, layer: mat.layer });
  return entry;
}

/** The journal's entry form, filled in with the entry and the pain and stress noted. */
function journalLink(base, entry, fields) {
  const query = new URLSearchParams({ ...entry, ...fields });
  if (!entry.minutes) query.delete("minutes");
  return `${base}?${query}`;
}

/** Save `record` (a finished session of `timeline`) and show its summary. */
export async function showSummary(root, finished, timeline) {
  const find = (name) => root.querySelector(`[data-${name}]`);
  // "before" goes into the journal entry, not the session record
  const { before = {}, ...record } = finished;
  try {
    await recordFinished(record);
  } catch {
    find("saved").textContent = "This session could not be saved: the browser's storage is off.";
  }
  const mats = timeline.steps.filter((step) => step.kind === "mat");
  const mat = mats.sort((a, b) => b.durationMs - a.durationMs)[0];
  const entry = entryOf(record, mat);
  const after = askFeelings(find("feel-after"), "after");
  const link = find("journal-link");
  const base = link.pathname;
  let savedId; // once saved, the link opens the entry itself
  const relink = () =>
    (link.href = savedId
      ? `${base}?id=${encodeURIComponent(savedId)}`
      : journalLink(base, entry, feelingFields(before, after)));
  relink();
  find("feel-after").addEventListener("click", relink);
  const save = find("save-entry");
  const saveAgain = () => savedId && saveEntry(entry, before, after, savedId).catch(() => {});
  // a value changed after saving changes the saved entry
  find("feel-after").addEventListener("click", saveAgain);
  save.addEventListener("click", async () => {
    try {
      const saved = await saveEntry(entry, before, after);
      savedId = saved.id;
      save.hidden = true;
      relink();
      find("saved").textContent = "Saved in your journal, with how you felt before and after.";
    } catch {
      find("saved").textContent = "The journal entry could not be saved: the browser's storage is off.";
    }
  });
  find("summary-title").textContent = record.endedEarly ? "Session ended" : "Well done";
  find("time-done").textContent = durationText(record.seconds * 1000);
  find("steps-done").textContent = `${record.stepsDone} of ${record.stepsTotal}`;
  find("session").hidden = true;
  find("summary").hidden = false;
  root.dataset.stage = "summary";
  find("summary-title").focus();
}
