/** Today's plan, built from the answers on this device, with the changes made to it. */
import { showInsightCard } from "acuplan/insights/today-card";
import { setUpCalendar } from "acuplan/plan/calendar";
import { today } from "acuplan/plan/dates";
import { applyEdits, loadEdits, markLogged, saveEdit, undoEdit } from "acuplan/plan/edits";
import { loadHistory } from "acuplan/plan/history";
import { cachedPlan, fetchPlan, isCurrent, planRequest } from "acuplan/plan/source";
import { loadProfile } from "acuplan/plan/profile-store";
import { showMissed, takeLastVisit } from "acuplan/reminders/missed";
import { loadLibrary, ownRoutines } from "acuplan/routines/library";
import { mountToday, renderToday } from "acuplan/plan/today-view";

const FIELDS = { goals: "Goals", minutes_per_day: "Minutes a day", days_per_week: "Days a week",
  times: "Time of day", experience: "Experience with a mat", sensitivity: "Sensitivity",
  flags: "Health questions" };

async function loadRoutines() {
  try {
    return new Map((await loadLibrary()).map((routine) => [routine.slug, routine]));
  } catch {
    return new Map();
  }
}

/** Replace the welcome with Today, for the answers `saved`. */
export async function showToday(main, answers) {
  let saved = answers;
  const view = mountToday(main);
  showInsightCard(view);
  const find = (name) => view.querySelector(`[data-${name}]`);
  const say = (name, text) => (find(name).textContent = text);
  const routines = await loadRoutines();
  const lastVisit = takeLastVisit();
  let missedShown = false;
  let cached = await cachedPlan();
  let request = cached?.request ?? null;
  const ctx = {
    routines,
    today: today(),
    days: [],
    history: [],
    async edit(session, change, message) {
      try {
        await saveEdit({ date: session.date, slot: session.slot, ...change });
        say("edit-status", message);
      } catch {
        say("edit-status", "That change could not be saved: the browser's storage is off or full.");
      }
    },
    undo: (id) => undoEdit(id).then(() => say("edit-status", "Undone.")),
  };

  async function render() {
    ctx.today = today();
    view.dataset.state = cached ? "plan" : "empty";
    if (!cached) return;
    ctx.history = request?.history ?? [];
    ctx.days = markLogged(applyEdits(cached.plan, await loadEdits()), ctx.history);
    renderToday(view, cached.plan, ctx.days, ctx);
    // once, from the plan as the person left it: a fresh plan may start after the day missed
    if (!missedShown) showMissed(find("missed"), ctx.days, routines, lastVisit).catch(() => {});
    missedShown = true;
    if (ctx.days.at(-1).date < ctx.today) {
      const ended = "Your saved plan has ended. Connect to the internet to plan the weeks ahead.";
      say("plan-status", ended);
    }
  }

  async function refresh() {
    saved = (await loadProfile().catch(() => null)) ?? saved;
    const own = (await ownRoutines()).map((o) => o.data);
    request = planRequest(saved, await loadHistory(routines), today(), own);
    if (isCurrent(cached, request)) return say("plan-status", "");
    find("fix-answers").hidden = true;
    if (!navigator.onLine) {
      return say("plan-status", cached
        ? "You're offline: this is the plan saved on this phone."
        : "Connect to the internet once to plan your week. After that, it works offline.");
    }
    try {
      const result = await fetchPlan(request);
      if (result.problem) {
        const { field, message } = result.problem;
        const words = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
        find("fix-answers").hidden = false;
        return say("plan-status", `Your answers need a look. ${FIELDS[field] ?? field}: ${words}`);
      }
      cached = { plan: result.plan, request };
      say("plan-status", "");
    } catch {
      say("plan-status", cached
        ? "Acuplan couldn't be reached: this is the plan saved on this phone."
        : "Acuplan couldn't be reached to plan your week. Please try again in a moment.");
    }
  }

  let queue = Promise.resolve();
  const update = () => (queue = queue.then(refresh).then(render).catch(() => {}));
  await render();
  update();
  const showSlots = setUpCalendar(find("calendar"), {
    currentRequest: () => request,
    slots: () => saved.profile.times ?? [],
  });
  document.addEventListener("acuplan:records-changed", () => update().then(showSlots));
  window.addEventListener("online", update);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") update();
  });
}
