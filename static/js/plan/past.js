/**
 * A day gone by, as the records on this device tell it: what was done or skipped, never
 * the plan as it stood — a past day is not planned after the fact.
 */

/** [{routine, status}] noted on `date` in `history` (the planner's records), once each. */
export function happenedOn(date, history) {
  const seen = new Map();
  for (const { routine, status, date: on } of history ?? []) {
    if (on !== date) continue;
    const key = `${routine} ${status}`;
    // a session skipped and then done after all is shown once, as done
    if (status === "done") seen.delete(`${routine} skipped`);
    if (status === "skipped" && seen.has(`${routine} done`)) continue;
    seen.set(key, { routine, status });
  }
  return [...seen.values()];
}
