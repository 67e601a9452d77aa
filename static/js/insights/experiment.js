/**
 * A guided self-experiment: one question, a baseline week, then two weeks with the practice
 * and two without, alternating (ABAB, 7 days each). The result compares the days of the
 * "with" weeks against those of the "without" weeks as planned, whatever was done on each,
 * so a good week can't choose its own side. Pure: entries and dates in, findings out.
 */
import { dateRange, experimentWeekOn, experimentWeeks } from "acuplan/insights/days";
import { withAndWithout } from "acuplan/insights/findings";
import { addDays } from "acuplan/plan/dates";

// Of the 14 days on each side, 10 noted are enough: a few forgotten mornings are expected.
export const EXPERIMENT_NEEDED = 10;

export const QUESTIONS = {
  sleep: {
    question: "Does a session in the evening help my sleep?",
    practice: "a session each evening",
    note: "how you slept, each morning",
    what: "sleep",
    // the sleep noted on a day's entry is the night after it
    outcome: (day, valueOn) => valueOn(day, "sleep_quality"),
    better: "higher",
  },
  pain: {
    question: "Does a daily session ease my pain the next day?",
    practice: "a session each day",
    note: "your pain each day, before any session",
    what: "next-day pain",
    outcome: (day, valueOn) => valueOn(addDays(day, 1), "pain_before"),
    better: "lower",
  },
};

/** Where an experiment started on `start` stands on `today`: its weeks, and which is on. */
export function experimentStatus(start, today) {
  const weeks = experimentWeeks(start);
  const week = experimentWeekOn(weeks, today);
  return {
    weeks,
    week,
    number: week ? weeks.indexOf(week) + 1 : null,
    ended: today > weeks.at(-1).end,
  };
}

/**
 * The experiment's result from journal entries: the difference in the outcome between the
 * days of "with" and "without" weeks, with its interval, and how closely the plan was kept.
 */
export function experimentResult(experiment, entries, { seed = 1 } = {}) {
  const ask = QUESTIONS[experiment.question];
  const weeks = experimentWeeks(experiment.start).filter((w) => w.phase !== "baseline");
  const byDay = new Map();
  for (const entry of entries) {
    if (!byDay.has(entry.date)) byDay.set(entry.date, []);
    byDay.get(entry.date).push(entry);
  }
  const valueOn = (day, field) =>
    (byDay.get(day) ?? []).map((e) => e[field]).find((v) => typeof v === "number") ?? null;
  const practised = (day) => (byDay.get(day) ?? []).some((e) => e.minutes > 0);
  const days = weeks.flatMap((week) =>
    dateRange(week.start, week.end).map((day) => ({
      day,
      practised: week.phase === "with",
      done: practised(day),
      value: ask.outcome(day, valueOn),
    })),
  );
  const withDays = days.filter((d) => d.practised);
  const withoutDays = days.filter((d) => !d.practised);
  return {
    ...withAndWithout(days, { needed: EXPERIMENT_NEEDED, seed }),
    question: experiment.question,
    kept: {
      with: withDays.filter((d) => d.done).length,
      without: withoutDays.filter((d) => !d.done).length,
      days: withDays.length,
    },
  };
}
