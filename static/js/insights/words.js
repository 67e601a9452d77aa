// The findings in plain, careful words: what happened around the person's sessions, never
// a claim that the mat caused it, and a count of what is still needed rather than a number
// from too little.

const SCALE_NAMES = { pain: "Pain", stress: "Stress" };
const round = (value) => Math.round(Math.abs(value));
const points = (n) => `${n} ${n === 1 ? "point" : "points"}`;
const sessions = (n) => `${n} ${n === 1 ? "session" : "sessions"}`;

/**
 * One finding about the change within sessions of `name` (a routine's title), or within
 * every session when `name` is null (the report).
 */
export function changeSentence(found, name = null) {
  const scale = SCALE_NAMES[found.scale];
  const of = name ? ` of ${name}` : "";
  if (!found.enough) {
    return `${found.count} of ${found.needed} sessions${of} logged with ${found.scale} before ` +
      `and after. After ${found.needed} you'll see how ${found.scale} changes during them.`;
  }
  const during = name ? `during ${name}` : "during a session";
  const [low, high] = found.interval.map((v) => Math.round(v));
  let typical;
  if (round(found.median) === 0) typical = `${scale} usually stays about the same ${during}`;
  else if (found.median < 0) {
    typical = `${scale} usually drops by about ${points(round(found.median))} ${during}`;
  } else typical = `${scale} usually rises by about ${points(round(found.median))} ${during}`;
  const range = low === high ? "" : ` (likely between ${signed(low)} and ${signed(high)})`;
  return `${typical}${range}; ${found.down} of ${sessions(found.count)} went down.`;
}

function signed(value) {
  if (value === 0) return "0";
  return value > 0 ? `+${value}` : `−${Math.abs(value)}`;
}

/** The caveat for sessions that began on a worse day than usual, or null. */
export function startedHighCaveat(found) {
  if (!found.enough || found.startedHigh === 0) return null;
  return `${found.startedHigh} of these ${sessions(found.count)} began on a worse day than usual. ` +
    "A bad day tends to ease by itself, so part of the change may be that.";
}

export const NOT_PROOF =
  "This shows what happened around your sessions, not what caused it. Changes in medicine, " +
  "sleep, work or life matter too.";

const TREND_NAMES = {
  pain_before: "Your pain before sessions",
  stress_before: "Your stress before sessions",
  sleep_quality: "Your sleep",
};

/** One sentence on the weekly trend of a field. */
export function trendSentence(found, field) {
  const name = TREND_NAMES[field];
  if (!found.enough) {
    return `${name}: ${found.weeks} of ${found.needed} weeks noted so far; a direction shows ` +
      `after ${found.needed}.`;
  }
  const over = `over the last ${found.weeks} weeks`;
  if (found.direction === null) return `${name} has no clear direction ${over}.`;
  const better = field === "sleep_quality" ? "up" : "down";
  const way = found.direction === "up" ? "gone up" : "gone down";
  const hint = found.direction === better ? "" : " If that worries you, talk it over with your doctor.";
  return `${name} has ${way} ${over}.${hint}`;
}

/** One sentence comparing days with and without a session on `what` ("sleep", ...). */
export function withAndWithoutSentence(found, what) {
  if (!found.enough) {
    return `To compare ${what} with and without a session we need ${found.needed} days of each ` +
      `(so far ${found.with} with and ${found.without} without).`;
  }
  const [low, high] = found.interval.map((v) => v.toFixed(1));
  const counts = `${found.with} days with, ${found.without} without`;
  if (found.interval[0] <= 0 && found.interval[1] >= 0) {
    return `No clear difference in ${what} between days with and without a session (${counts}).`;
  }
  const way = found.difference > 0 ? "higher" : "lower";
  return `${what[0].toUpperCase()}${what.slice(1)} was about ${Math.abs(found.difference).toFixed(1)} ` +
    `points ${way} after days with a session (likely between ${low} and ${high}; ${counts}).`;
}

/** The text equivalent of a weekly chart, read by screen readers. */
export function weeklyChartText(title, weekly, formatWeek) {
  if (!weekly.length) return `${title}: nothing noted yet.`;
  const parts = weekly.map((w) => `${formatWeek(w.week)}: ${w.median}`);
  return `${title}, weekly median. ${parts.join("; ")}.`;
}
