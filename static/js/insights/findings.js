// What the journal can honestly say: the change within sessions, the trend over weeks, and
// days with and without a session. Pure: journal entries (their `data`) in, numbers out,
// with "not enough yet" as a first-class answer rather than a number from too little.

import { addDays } from "acuplan/plan/dates";
import {
  blockBootstrapDifference,
  bootstrapMedianInterval,
  mean,
  median,
  quantile,
  spearman,
  spearmanInterval,
} from "acuplan/insights/stats";

export const MIN_PAIRED = 8; // paired sessions before a change is put into numbers
export const MIN_WEEKS = 4; // weeks before a trend is given a direction
export const MIN_DAYS_EACH = 14; // days on each side before "with and without" is compared
export const LEVEL = 0.8; // the intervals shown: the middle 80%
// Resamples per interval: plenty for the 10th and 90th percentiles, and the page stays quick.
const RESAMPLES = 1000;
export const SCALES = {
  pain: ["pain_before", "pain_after"],
  stress: ["stress_before", "stress_after"],
};

const isScore = (value) => typeof value === "number" && Number.isFinite(value);

/**
 * Sessions that noted both sides of a scale, each with its change (after - before). An entry
 * of 0 minutes noted a day, not a session: it has no "during".
 */
export function pairs(entries, scale) {
  const [before, after] = SCALES[scale];
  return entries
    .filter((e) => e.minutes !== 0 && isScore(e[before]) && isScore(e[after]))
    .map((entry) => ({ entry, before: entry[before], change: entry[after] - entry[before] }));
}

/**
 * The test of whether a session started unusually high on a scale for this person: above
 * their upper quartile and at least 2 points over their median. Such sessions tend to look
 * better afterwards whatever was done (regression to the mean).
 */
function highStart(usualBefores) {
  if (usualBefores.length < MIN_PAIRED) return () => false;
  const upper = quantile(usualBefores, 0.75);
  const usual = median(usualBefores);
  return (before) => before > upper && before - usual >= 2;
}

/** The change within sessions on one scale; `enough` false until MIN_PAIRED pairs. */
export function changeWithin(entries, scale, { allEntries = entries, seed = 1 } = {}) {
  const found = pairs(entries, scale);
  const result = { scale, count: found.length, needed: MIN_PAIRED, enough: found.length >= MIN_PAIRED };
  if (!result.enough) return result;
  const changes = found.map((p) => p.change);
  const high = highStart(pairs(allEntries, scale).map((p) => p.before));
  return {
    ...result,
    median: median(changes),
    interval: bootstrapMedianInterval(changes, { level: LEVEL, resamples: RESAMPLES, seed }),
    down: changes.filter((c) => c < 0).length,
    up: changes.filter((c) => c > 0).length,
    same: changes.filter((c) => c === 0).length,
    startedHigh: found.filter((p) => high(p.before)).length,
  };
}

/**
 * The change within sessions grouped by `keysOf(entry)` (a routine's slug, or its goals):
 * a Map from key to changeWithin, the entries of every group judged against all of them.
 */
export function changesBy(entries, keysOf, scale) {
  const groups = new Map();
  for (const entry of entries) {
    for (const key of keysOf(entry) ?? []) {
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(entry);
    }
  }
  const result = new Map();
  for (const [key, group] of groups) result.set(key, changeWithin(group, scale, { allEntries: entries }));
  return result;
}

/** The Monday that starts the week of an ISO date. */
export function weekOf(day) {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The median of a field week by week (weeks with a value only), oldest first. */
export function weeklyMedians(entries, field) {
  const weeks = new Map();
  const mondays = new Map(); // a date's Monday, worked out once per date
  for (const entry of entries) {
    if (!isScore(entry[field]) || !entry.date) continue;
    if (!mondays.has(entry.date)) mondays.set(entry.date, weekOf(entry.date));
    const week = mondays.get(entry.date);
    if (!weeks.has(week)) weeks.set(week, []);
    weeks.get(week).push(entry[field]);
  }
  return [...weeks.keys()].sort().map((week) => ({
    week,
    median: median(weeks.get(week)),
    count: weeks.get(week).length,
  }));
}

/**
 * The direction of weekly medians over time: a rank correlation with the week's place, given
 * a direction only with MIN_WEEKS weeks and an interval that excludes zero.
 */
export function trend(weekly) {
  const weeks = weekly.length;
  if (weeks < MIN_WEEKS) return { weeks, needed: MIN_WEEKS, enough: false, direction: null };
  const rho = spearman(weekly.map((_, i) => i), weekly.map((w) => w.median));
  const interval = spearmanInterval(rho, weeks, LEVEL);
  let direction = null;
  if (interval && interval[0] > 0) direction = "up";
  if (interval && interval[1] < 0) direction = "down";
  return { weeks, needed: MIN_WEEKS, enough: true, rho, interval, direction };
}

/**
 * A value on days after a session against days without, as the difference of the means
 * (with - without) and a block-bootstrap interval (7-day blocks, so a good week counts as
 * one week). With several comparisons shown together, each interval is widened (Bonferroni)
 * so that all of them together hold at LEVEL. `days` is [{day, practised, value}], in order.
 */
export function withAndWithout(days, { comparisons = 1, seed = 1, needed = MIN_DAYS_EACH } = {}) {
  const noted = days.filter((d) => isScore(d.value));
  const withDays = noted.filter((d) => d.practised);
  const withoutDays = noted.filter((d) => !d.practised);
  const result = {
    with: withDays.length,
    without: withoutDays.length,
    needed,
    enough: withDays.length >= needed && withoutDays.length >= needed,
  };
  if (!result.enough) return result;
  const level = 1 - (1 - LEVEL) / comparisons;
  const meanWith = mean(withDays.map((d) => d.value));
  const meanWithout = mean(withoutDays.map((d) => d.value));
  return {
    ...result,
    meanWith,
    meanWithout,
    difference: meanWith - meanWithout,
    level,
    interval: blockBootstrapDifference(
      noted.map((d) => d.practised),
      noted.map((d) => d.value),
      { block: 7, level, resamples: RESAMPLES, seed },
    ),
  };
}
