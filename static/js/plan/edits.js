/**
 * Changes to the plan made on the device: each one a `plan-edit` record (they sync like
 * every record), applied in the order they were made over the plan the device keeps.
 * A session is found by where it is when the change is made: its date and slot.
 */
import { deleteRecord, listRecords, saveRecord } from "acuplan/sync/store";

export const loadEdits = () => listRecords("plan-edit");
export const saveEdit = (data) => saveRecord("plan-edit", data);
export const undoEdit = (id) => deleteRecord(id);

/** Minutes as a shorter version is offered and stored: 298 s is 5. */
export const minutesOf = (seconds) => Math.max(1, Math.round(seconds / 60));

const FITTED = ["routine", "seconds", "mat_seconds", "step_seconds", "step_layers", "shorter",
  "why_shorter"];
const SLOTS = ["morning", "evening"];

/**
 * The plan's days with the edits applied. Each session also has `planned` (the session as
 * planned, with its swaps), `status` (null, "done" or "skipped"), `shortened`, and `edits`:
 * the ids of the records that changed it, oldest first. Edits that no longer fit the plan
 * (a day outside it, a routine no longer offered) are left out.
 */
export function applyEdits(plan, edits) {
  const days = plan.weeks.flatMap((week) => week.days);
  const dates = new Set(days.map((day) => day.date));
  const sessions = days
    .flatMap((day) => day.sessions)
    .map((s) => ({ ...s, planned: s, status: null, shortened: false, edits: [] }));
  const at = (date, slot) => sessions.find((s) => s.date === date && s.slot === slot);
  const ordered = [...edits].sort((a, b) => a.modified - b.modified || a.id.localeCompare(b.id));
  for (const { id, data } of ordered) {
    const session = at(data.date, data.slot);
    if (session && change(session, data, dates, at)) session.edits.push(id);
  }
  return days.map((day) => {
    const here = sessions.filter((s) => s.date === day.date);
    here.sort((a, b) => SLOTS.indexOf(a.slot) - SLOTS.indexOf(b.slot));
    return { ...day, sessions: here, rest: !here.length };
  });
}

function change(session, edit, dates, at) {
  switch (edit.action) {
    case "move":
      if (!dates.has(edit.to_date) || at(edit.to_date, session.slot)) return false;
      session.date = edit.to_date;
      return true;
    case "swap": {
      const { planned } = session;
      const choice = [planned, ...planned.swaps].find((c) => c.routine === edit.routine);
      if (!choice) return false;
      for (const key of FITTED) session[key] = choice[key];
      session.shortened = false;
      return true;
    }
    case "shorten": {
      const version = session.shorter.find((v) => minutesOf(v.seconds) === edit.minutes);
      if (!version) return false;
      Object.assign(session, version, { shortened: true });
      session.shorter = session.shorter.filter((v) => v.seconds < version.seconds);
      return true;
    }
    case "done":
    case "skip":
      session.status = edit.action === "done" ? "done" : "skipped";
      return true;
    default:
      return false;
  }
}

/**
 * Sessions done without being marked in the plan — logged in the journal or finished in the
 * player, the same routine on the same day — count as done too (`logged`: no edit to undo).
 */
export function markLogged(days, history) {
  const done = new Set(
    history.filter((r) => r.status === "done").map((r) => `${r.date} ${r.routine}`),
  );
  for (const session of days.flatMap((day) => day.sessions)) {
    if (!session.status && done.has(`${session.date} ${session.routine}`)) {
      Object.assign(session, { status: "done", logged: true });
    }
  }
  return days;
}

/** The other routines a session can become: the planned one back, and its swaps. */
export function swapChoices(session) {
  const { planned } = session;
  return [planned, ...planned.swaps].filter((c) => c.routine !== session.routine);
}
