/** The insights page: what the journal on this device says, recomputed whenever it changes. */
import { changeChart, lineChart, strengthChart } from "acuplan/insights/chart";
import { addDays, dayOf, shortDay } from "acuplan/plan/dates";
import { dateRange, habitStrength, streak } from "acuplan/insights/days";
import { experimentSection, loadExperiment } from "acuplan/insights/experiment-view";
import {
  changesBy, pairs, trend, weeklyMedians, withAndWithout,
} from "acuplan/insights/findings";
import {
  NOT_PROOF, changeSentence, startedHighCaveat, trendSentence, weeklyChartText,
  withAndWithoutSentence,
} from "acuplan/insights/words";
import { loadEntries } from "acuplan/journal/entries";
import { loadLibrary } from "acuplan/routines/library";
import { saveStreaks, streakSettings } from "acuplan/settings/day";
import { onRecordsChanged } from "acuplan/sync/store";
import { make } from "acuplan/ui/make-element";
import { oneAtATime } from "acuplan/ui/one-at-a-time";

const STRENGTH_DAYS = 90;
// Freeze days protect a streak from a missed day; a few a month, so it still means something.
const FREEZES_PER_30_DAYS = 2;
const WEEKLY = [
  ["pain_before", "Pain before sessions", [0, 10]],
  ["stress_before", "Stress before sessions", [0, 10]],
  ["sleep_quality", "Sleep", [1, 5]],
];

/** Open the page: render now and again whenever journal entries or settings change. */
export function openInsights(root) {
  const refresh = oneAtATime(() => renderInsights(root));
  refresh();
  onRecordsChanged(["journal", "preferences"], refresh);
}

async function library() {
  try {
    return await loadLibrary();
  } catch {
    return []; // offline before the library was ever cached: slugs stand in for titles
  }
}

/** Everything the page shows, from the entries and the library. */
export async function renderInsights(root, today = dayOf(new Date())) {
  const [records, routines, experiment, streaks] = await Promise.all([
    loadEntries(), library(), loadExperiment(), streakSettings()]);
  const entries = records.map((r) => r.data).filter((d) => d.date <= today);
  const bySlug = new Map(routines.map((r) => [r.slug, r]));
  const goals = JSON.parse(root.querySelector("[data-goal-labels]")?.textContent || "{}");
  root.querySelector("[data-loading]").hidden = true;
  root.querySelector("[data-empty]").hidden = entries.length > 0;
  const sections = root.querySelector("[data-sections]");
  const trying = root.querySelector("[data-experiment]");
  trying.replaceChildren(experimentSection(experiment, entries, today, section));
  sections.hidden = entries.length === 0;
  if (!entries.length) return;
  sections.replaceChildren(...[
    duringSessions(entries, bySlug),
    byGoal(entries, bySlug, goals),
    overWeeks(entries),
    withAndWithoutSection(entries, today),
    strength(entries, today, streaks),
    make("p", { class: "hint insights-caveat", text: NOT_PROOF }),
  ].filter(Boolean));
}

function section(title, ...children) {
  const id = `insights-${title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return make("section", { class: "panel", "aria-labelledby": id },
    make("h2", { id, text: title }), ...children);
}

function duringSessions(entries, bySlug) {
  const title = (slug) => bySlug.get(slug)?.title ?? slug ?? "Sessions";
  const cards = [];
  for (const scale of ["pain", "stress"]) {
    const byRoutine = changesBy(entries, (e) => (e.routine ? [e.routine] : []), scale);
    for (const [slug, found] of byRoutine) {
      if (found.count === 0) continue;
      cards.push({ found, name: title(slug), entries: entries.filter((e) => e.routine === slug) });
    }
  }
  cards.sort((a, b) => b.found.count - a.found.count);
  if (!cards.length) {
    return section("During your sessions", make("p", {
      text: "Note pain or stress before and after a session, and this shows how they change.",
    }));
  }
  return section("During your sessions", ...cards.map(({ found, name, entries: own }) => {
    const sentence = changeSentence(found, name);
    const caveat = startedHighCaveat(found);
    const chart = found.enough
      ? changeChart(pairs(own, found.scale).map((p) => p.change), found.median, found.interval,
        `${name}, ${found.scale}: change in each session. ${sentence}`,
        `How many sessions changed by each amount; left of 0 means ${found.scale} went down.`)
      : null;
    return make("article", { class: "card insight", "data-insight": found.enough ? "finding" : "progress" },
      make("h3", { class: "card-title", text: `${name} · ${found.scale}` }),
      make("p", { text: sentence }),
      found.enough ? null : make("progress", { max: found.needed, value: found.count,
        "aria-label": `${found.count} of ${found.needed} sessions` }),
      chart,
      caveat ? make("p", { class: "hint", text: caveat }) : null);
  }));
}

/**
 * The change within sessions by goal: every routine done for a goal counts toward it. A goal
 * is shown once two routines or more were done for it; with one, it would repeat that card.
 */
function byGoal(entries, bySlug, labels) {
  const goalsOf = (e) => bySlug.get(e.routine)?.goals ?? [];
  const cards = [];
  for (const scale of ["pain", "stress"]) {
    const routinesFor = new Map();
    for (const { entry } of pairs(entries, scale)) {
      for (const goal of goalsOf(entry)) {
        routinesFor.set(goal, (routinesFor.get(goal) ?? new Set()).add(entry.routine));
      }
    }
    for (const [goal, result] of changesBy(entries, goalsOf, scale)) {
      if (result.enough && routinesFor.get(goal)?.size > 1) {
        cards.push({ result, name: labels[goal] ?? goal, goal });
      }
    }
  }
  if (!cards.length) return null;
  return section("By goal", make("p", { class: "hint", text: "Sessions of every routine made " +
    "for a goal, together. A routine made for two goals counts for both." }),
  ...cards.map(({ result, name, goal }) => make("article", { class: "card insight", "data-goal": goal },
    make("h3", { class: "card-title", text: `${name} routines · ${result.scale}` }),
    make("p", { text: changeSentence(result, `your ${name.toLowerCase()} routines`) }))));
}

function overWeeks(entries) {
  const parts = WEEKLY.map(([field, title, range]) => {
    const weekly = weeklyMedians(entries, field);
    if (!weekly.length) return null;
    const found = trend(weekly);
    const points = weekly.map((w) => ({ label: shortDay(w.week), value: w.median }));
    const text = weeklyChartText(title, weekly, (week) => `week of ${shortDay(week)}`);
    return make("div", { class: "insight", "data-trend-field": field },
      make("h3", { text: title }),
      make("p", { text: trendSentence(found, field) }),
      weekly.length > 1 ? lineChart(points, range, text, `${title}: the middle value of each week.`) : null);
  }).filter(Boolean);
  return section("Over the weeks", ...(parts.length ? parts : [make("p", { text: "Nothing noted yet." })]));
}

function withAndWithoutSection(entries, today) {
  const first = entries.reduce((min, e) => (e.date < min ? e.date : min), today);
  const byDay = new Map();
  for (const entry of entries) {
    if (!byDay.has(entry.date)) byDay.set(entry.date, []);
    byDay.get(entry.date).push(entry);
  }
  const practised = (day) => (byDay.get(day) ?? []).some((e) => e.minutes > 0);
  const firstOf = (day, field) =>
    (byDay.get(day) ?? []).map((e) => e[field]).find((v) => typeof v === "number") ?? null;
  const days = dateRange(first, today);
  const sleep = days.map((day) => ({ day, practised: practised(day), value: firstOf(day, "sleep_quality") }));
  const nextPain = days.map((day) => ({
    day, practised: practised(day), value: firstOf(addDays(day, 1), "pain_before"),
  }));
  const options = { comparisons: 2 };
  return section("Days with and without a session",
    make("p", { "data-compare": "sleep", text: withAndWithoutSentence(withAndWithout(sleep, options), "sleep") }),
    make("p", { "data-compare": "pain", text: withAndWithoutSentence(withAndWithout(nextPain, options), "next-day pain") }));
}

function strength(entries, today, streaks) {
  const days = [...new Set(entries.filter((e) => e.minutes > 0).map((e) => e.date))].sort();
  const from = addDays(today, -(STRENGTH_DAYS - 1));
  // From the first practised day, so practice before the window still counts.
  const scores = habitStrength(days, days[0] && days[0] < from ? days[0] : from, today).slice(-STRENGTH_DAYS);
  const now = Math.round(scores.at(-1).score * 100);
  const words = `Your habit strength is ${now}%. It grows with each day you practise and fades ` +
    "slowly on days you don't, so one missed day costs little.";
  return section("Habit strength", make("p", { "data-strength": now, text: words }),
    strengthChart(scores, `Habit strength over the last ${STRENGTH_DAYS} days: ${now}% today.`,
      `The last ${STRENGTH_DAYS} days.`),
    streaks.on ? streakPart(days, today, streaks) : null);
}

/** The streak, when the person switched it on, with a freeze day to protect a missed day. */
function streakPart(practised, today, streaks) {
  const count = streak(practised, today, streaks.freezes);
  const yesterday = addDays(today, -1);
  const used = streaks.freezes.filter((d) => d > addDays(today, -30) && d <= today).length;
  const left = Math.max(0, FREEZES_PER_30_DAYS - used);
  const missed = !practised.includes(yesterday) && !streaks.freezes.includes(yesterday);
  const words = `Your streak: ${count} ${count === 1 ? "day" : "days"} in a row.` +
    (used ? ` Freeze days used this month: ${used}. They protect a missed day and never add to it.` : "");
  const before = addDays(today, -2); // protecting yesterday only helps a streak still alive
  const alive = practised.includes(before) || streaks.freezes.includes(before);
  const freeze = missed && left > 0 && alive
    ? make("button", { class: "button", type: "button", "data-freeze": yesterday,
      text: `Protect yesterday with a freeze day (${left} left this month)`,
      onclick: () => saveStreaks({ ...streaks, freezes: [...streaks.freezes, yesterday] }) })
    : null;
  return make("div", { class: "insight", "data-streak": count }, make("h3", { text: "Streak" }),
    make("p", { text: words }), freeze ? make("p", { class: "actions" }, freeze) : null);
}
