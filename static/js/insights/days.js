// Days as the insights count them: habit strength, streaks with freeze days, and the weeks
// of a self-experiment. Pure: dates in, dates and numbers out. (The person's own day
// boundary is plan/dates' dayOf.)

import { addDays } from "acuplan/plan/dates";

/** Every ISO date from `from` to `to`, both included. */
export function dateRange(from, to) {
  const dates = [];
  for (let day = from; day <= to; day = addDays(day, 1)) dates.push(day);
  return dates;
}

/**
 * Habit strength from 0 to 1, day by day (Loop Habit Tracker's score): each day moves it a
 * little toward 1 if practised and toward 0 if not, so one missed day costs little and a
 * month away costs much. `perWeek` is how often the person means to practise.
 */
export function habitStrength(practised, from, to, perWeek = 7) {
  const done = new Set(practised);
  const multiplier = 0.5 ** (Math.sqrt(Math.min(perWeek, 7) / 7) / 13);
  let score = 0;
  const days = [];
  for (const day of dateRange(from, to)) {
    score = score * multiplier + (done.has(day) ? 1 - multiplier : 0);
    days.push({ day, score });
  }
  return days;
}

/**
 * The current streak of practised days up to `today`. Today not yet practised doesn't end
 * it; a freeze day protects a missed day without adding to the count.
 */
export function streak(practised, today, freezes = []) {
  const done = new Set(practised);
  const frozen = new Set(freezes);
  let count = 0;
  let day = done.has(today) ? today : addDays(today, -1);
  for (; ; day = addDays(day, -1)) {
    if (done.has(day)) count += 1;
    else if (!frozen.has(day)) break;
  }
  return count;
}

export const EXPERIMENT_PHASES = ["baseline", "with", "without", "with", "without"];

/** A self-experiment's weeks from its first day: a baseline week, then ABAB, 7 days each. */
export function experimentWeeks(start) {
  return EXPERIMENT_PHASES.map((phase, index) => ({
    phase,
    start: addDays(start, index * 7),
    end: addDays(start, index * 7 + 6),
  }));
}

/** The experiment's week a day falls in, or null before its start and after its end. */
export function experimentWeekOn(weeks, day) {
  return weeks.find((week) => week.start <= day && day <= week.end) ?? null;
}
