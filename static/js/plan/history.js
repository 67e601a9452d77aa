/**
 * The sessions done or skipped so far, as the planner reads them: sessions marked in the
 * plan, journal entries (the only source of adverse effects) and sessions the player finished.
 */
import { listFinished } from "acuplan/player/store";
import { dayOf } from "acuplan/plan/dates";
import { listRecords } from "acuplan/sync/store";

const MOST = 2000; // the plan API's limit
const SKIN = ["bruising", "broken-skin"]; // no mat until the journal says it has healed
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// the same history in the same order, so an unchanged one asks for no new plan
const order = (record) => JSON.stringify(record);

/** `routines`: slug → routine from the library, for the mat time of a logged session. */
export async function loadHistory(routines) {
  const [edits, journal, finished] = await Promise.all([
    listRecords("plan-edit"),
    listRecords("journal"),
    listFinished().catch(() => []),
  ]);
  const matUpTo = (slug, seconds) =>
    Math.min(routines.get(slug)?.mat_seconds ?? 0, Math.max(0, Math.round(seconds)));
  const history = [
    ...edits
      .map(({ data }) => data)
      .filter((edit) => edit.action === "done" || edit.action === "skip")
      .map((edit) => ({
        date: edit.date,
        routine: edit.routine || "planned",
        mat_seconds: edit.mat_seconds ?? 0,
        status: edit.action === "done" ? "done" : "skipped",
      })),
    ...journal.map(({ data }) => ({
      date: data.date,
      routine: data.routine || "own",
      mat_seconds: matUpTo(data.routine, (data.minutes ?? 0) * 60),
      status: "done",
      adverse: (data.adverse ?? []).length > 0,
      skin: (data.adverse ?? []).some((effect) => SKIN.includes(effect)),
      ...(typeof data.healed === "boolean" ? { healed: data.healed } : {}),
    })),
    ...finished.filter((s) => !Number.isNaN(Date.parse(s.startedAt))).map((session) => ({
      date: dayOf(new Date(session.startedAt)),
      routine: session.routine,
      mat_seconds: session.matSeconds ?? matUpTo(session.routine, session.seconds),
      status: "done",
    })),
  ];
  return history
    .filter((r) => DATE.test(r.date ?? "") && r.routine)
    .map((r) => ({ adverse: false, ...r, mat_seconds: Math.min(3600, r.mat_seconds) }))
    .sort((a, b) => a.date.localeCompare(b.date) || order(a).localeCompare(order(b)))
    .slice(-MOST);
}
