/** Days as the plan writes them (YYYY-MM-DD, the person's own calendar day) and in words. */
const WEEKDAY = new Intl.DateTimeFormat("en-GB", { weekday: "long" });
const SHORT = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric" });
const LONG = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long" });

/** Today (or `date`) in the person's time zone. */
export function isoDate(date = new Date()) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

// A person's day ends at 04:00, not midnight: a session at 01:30 belongs to the evening
// before, in the plan, the journal, the insights and the player's entries alike. They may
// choose another hour in Settings (settings/day.js keeps it on the device under this key).
export const DEFAULT_DAY_START = "04:00";
export const DAY_START_KEY = "acuplan.day-start";
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

function minutes(clock) {
  const [hours, mins] = clock.split(":").map(Number);
  return hours * 60 + mins;
}

/** When the person's day starts ("HH:MM"): their setting, else 04:00. */
export function savedDayStart() {
  try {
    const saved = localStorage.getItem(DAY_START_KEY);
    return CLOCK.test(saved ?? "") ? saved : DEFAULT_DAY_START;
  } catch {
    return DEFAULT_DAY_START; // storage blocked: the default still counts days sensibly
  }
}

/** The person's day a moment belongs to: before `dayStart` ("HH:MM") it is still yesterday. */
export function dayOf(moment, dayStart = savedDayStart()) {
  const at = moment instanceof Date ? moment : new Date(moment);
  const shifted = new Date(at);
  if (at.getHours() * 60 + at.getMinutes() < minutes(dayStart)) {
    shifted.setDate(shifted.getDate() - 1);
  }
  return isoDate(shifted);
}

/** The person's today: the calendar day, until their day ends after midnight. */
export const today = (now = new Date()) => dayOf(now);

function parse(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return new Date(year, month - 1, day, 12);
}

export function addDays(iso, days) {
  const date = parse(iso);
  date.setDate(date.getDate() + days);
  return isoDate(date);
}

export const weekdayName = (iso) => WEEKDAY.format(parse(iso));
export const shortDay = (iso) => SHORT.format(parse(iso));
export const longDate = (iso) => LONG.format(parse(iso));

/** "Today", "Tomorrow", "Wednesday" within the coming week, else "Monday 30 November". */
export function dayInWords(iso, today) {
  if (iso === today) return "Today";
  if (iso === addDays(today, 1)) return "Tomorrow";
  if (iso > today && iso < addDays(today, 7)) return weekdayName(iso);
  return longDate(iso);
}
