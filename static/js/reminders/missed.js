/**
 * Where no reminder can arrive (iPhone before installing, a browser without push, or
 * reminders off), Today says which planned sessions passed since the last visit: "You
 * planned Evening unwind at 20:00 yesterday."
 */
import { addDays, today, weekdayName } from "acuplan/plan/dates";
import { isSubscribed } from "acuplan/reminders/push";
import { readPreferences } from "acuplan/settings/preferences";

const LAST_VISIT = "acuplan.last-visit";
// Without chosen reminder times, the plan's own: as the calendar download's morning, and
// the evening hour people pick most.
const DEFAULT_TIMES = { morning: "07:30", evening: "20:00" };
const MOST = 3;

/** The moment `time` ("HH:MM") on the ISO day `date`, on this device's clock. */
function momentOf(date, time) {
  const [year, month, day] = date.split("-").map(Number);
  const [hours, minutes] = time.split(":").map(Number);
  return new Date(year, month - 1, day, hours, minutes).getTime();
}

/** Sessions still to do whose time passed after `since` and by `now` (ms), oldest first. */
export function missedSince(days, since, now, times = DEFAULT_TIMES) {
  return days
    .flatMap((day) => day.sessions)
    .filter((s) => !s.status)
    .map((s) => ({ session: s, at: momentOf(s.date, times[s.slot] ?? DEFAULT_TIMES[s.slot]) }))
    .filter(({ at }) => at > since && at <= now)
    .sort((a, b) => a.at - b.at)
    .slice(-MOST);
}

/** When Today was last opened (ms, 0 for never); this opening is noted for the next. */
export function takeLastVisit(now = Date.now()) {
  try {
    const last = Number(localStorage.getItem(LAST_VISIT)) || 0;
    localStorage.setItem(LAST_VISIT, String(now));
    return last;
  } catch {
    return 0;
  }
}

/** Fill `line` with the sessions missed since `lastVisit`, or hide it. */
export async function showMissed(line, days, routines, lastVisit, now = Date.now()) {
  let since = lastVisit;
  if (!since || (await isSubscribed())) {
    line.hidden = true;
    return;
  }
  since = Math.max(since, now - 7 * 24 * 3600_000); // a week away: the plan says the rest
  const { reminders } = await readPreferences();
  const times = { ...DEFAULT_TIMES, ...Object.fromEntries(
    Object.entries(reminders?.slots ?? {}).filter(([, time]) => time)) };
  const missed = missedSince(days, since, now, times);
  line.hidden = missed.length === 0;
  const day = today();
  const when = (date) => {
    if (date === day) return "today";
    return date === addDays(day, -1) ? "yesterday" : `on ${weekdayName(date)}`;
  };
  line.textContent = missed.map(({ session }) => {
    const title = routines.get(session.routine)?.title ?? "a session";
    return `You planned ${title} at ${times[session.slot]} ${when(session.date)}.`;
  }).join(" ");
}
