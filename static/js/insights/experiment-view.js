/**
 * The self-experiment on the insights page and on Today: choose a question, follow the weeks,
 * see the result and what it can and cannot say. Kept in the synced preferences
 * (`experiment`: {question, start}), so every phone of the person follows the same weeks.
 */
import { EXPERIMENT_NEEDED, QUESTIONS, experimentResult, experimentStatus } from "acuplan/insights/experiment";
import { readPreferences, savePreference } from "acuplan/settings/preferences";
import { make } from "acuplan/ui/make-element";

const PHASES = { baseline: "as usual", with: "with", without: "without" };
const DAY = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" });
const dayText = (iso) => DAY.format(new Date(`${iso}T12:00`));
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The experiment saved in the preferences, or null. */
export async function loadExperiment() {
  const { experiment } = await readPreferences();
  return experiment && QUESTIONS[experiment.question] && ISO.test(experiment.start ?? "")
    ? experiment
    : null;
}

/** What this week of the experiment asks of the person, in one sentence. */
export function weekSentence(status, ask) {
  const { week, number } = status;
  const of = `Week ${number} of ${status.weeks.length}`;
  if (week.phase === "baseline") return `${of}: as usual. Practise as you do now, and note ${ask.note}.`;
  if (week.phase === "with") return `${of}: with ${ask.practice}. Keep noting ${ask.note}.`;
  return `${of}: without the mat. Rest from it this week, and keep noting ${ask.note}.`;
}

/** The result in words: the finding, how closely the weeks were kept, what it can say. */
export function resultSentences(result, ask) {
  const days = result.kept.days;
  const kept = `You practised on ${result.kept.with} of the ${days} “with” days and rested on ` +
    `${result.kept.without} of the ${days} “without” days.`;
  const limits = `What this can say: how your ${ask.what} went in these weeks, with and without ` +
    "the practice. What it cannot say: whether it was the mat itself or the time you took for " +
    "yourself, whether it will last, or what it would do for someone else. A change in " +
    "medicine, work or the season during these weeks can explain a difference too.";
  if (!result.enough) {
    return [`Too few days were noted to compare: ${ask.what} was noted on ${result.with} “with” ` +
      `days and ${result.without} “without” days, and ${EXPERIMENT_NEEDED} of each are needed.`,
    kept, limits];
  }
  const size = Math.abs(result.difference).toFixed(1);
  const [low, high] = result.interval.map((v) => v.toFixed(1));
  const range = `likely between ${low} and ${high}`;
  if (result.interval[0] <= 0 && result.interval[1] >= 0) {
    return [`No clear difference in your ${ask.what} between the weeks with and without ` +
      `(${result.difference >= 0 ? "+" : "−"}${size} points; ${range}).`, kept, limits];
  }
  const way = result.difference > 0 ? "higher" : "lower";
  return [`Your ${ask.what} was about ${size} points ${way} in the weeks with ${ask.practice} ` +
    `(${range}).`, kept, limits];
}

/** The page's section: the choice, the running weeks, or the result. */
export function experimentSection(experiment, entries, today, section) {
  if (!experiment) return chooser(section, today);
  const ask = QUESTIONS[experiment.question];
  const status = experimentStatus(experiment.start, today);
  const stop = (label, warning) => {
    const box = make("p", { class: "actions" });
    const ask = () => box.replaceChildren(make("span", { text: warning }),
      make("button", { class: "button", type: "button", text: "Yes, end it",
        onclick: () => savePreference("experiment", null) }),
      make("button", { class: "button", type: "button", text: "Keep it", onclick: show }));
    const show = () => box.replaceChildren(make("button", { class: "button", type: "button",
      text: label, onclick: ask }));
    show();
    return box;
  };
  const weeks = make("ol", { class: "experiment-weeks" }, status.weeks.map((week) =>
    make("li", { "aria-current": week === status.week ? "step" : false },
      `${dayText(week.start)} – ${dayText(week.end)}: ${PHASES[week.phase]}`)));
  if (status.ended) {
    const sentences = resultSentences(experimentResult(experiment, entries), ask);
    return section("Your experiment",
      make("p", { class: "experiment-question", text: ask.question }),
      ...sentences.map((text, i) => make("p", { class: i === 2 ? "hint" : null,
        "data-experiment-result": i === 0 ? "" : false, text })),
      weeks, stop("Start another", "This result is not kept once another begins."));
  }
  return section("Your experiment",
    make("p", { class: "experiment-question", text: ask.question }),
    make("p", { "data-experiment-week": status.number, text: weekSentence(status, ask) }),
    weeks,
    stop("Stop the experiment", "Stop now? The weeks so far will not be compared."));
}

function chooser(section, today) {
  const choices = Object.entries(QUESTIONS).map(([code, ask], i) =>
    make("label", { class: "experiment-choice" },
      make("input", { type: "radio", name: "question", value: code, checked: i === 0 }),
      ` ${ask.question}`));
  const form = make("form", { class: "experiment-form", "data-experiment-form": "" },
    make("fieldset", {}, make("legend", { text: "Choose a question" }), choices),
    make("p", { class: "actions" }, make("button", { class: "button button-primary", type: "submit",
      text: "Start: week 1 begins today" })));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const question = form.elements.namedItem("question").value;
    if (QUESTIONS[question]) savePreference("experiment", { question, start: today });
  });
  return section("Try it for yourself",
    make("p", { text: "Five weeks answer one question for you: a week as usual, then a week " +
      "with the practice and a week without, twice. Keep noting how you feel each day; at " +
      "the end this page compares the weeks." }),
    form);
}
