/** Before a session: the routine in brief, the iOS note, and Start (or an offer to resume). */
import { isIos } from "acuplan/ui/install-prompt";
import { clockText, durationText, minutesText } from "acuplan/ui/time-format";

/** Show the routine's name and links on every part of the page. */
export function showRoutine(root, routine) {
  root.querySelector("[data-title]").textContent = routine.title;
  document.title = `${routine.title} · Acuplan`;
  for (const link of root.querySelectorAll("[data-routine-link]")) {
    // a person's own routine has no page of the library's: back to the list that shows it
    link.href = routine.custom ? "/routines" : `/routines/${encodeURIComponent(routine.slug)}`;
    if (link.closest(".breadcrumb")) link.textContent = routine.title;
  }
}

/**
 * Show the intro; resolves with "start" when the person taps Start (or Start again), or
 * "resume" when they take up the stored session offered (`offered`: its timeline position).
 */
export function showIntro(root, routine, timeline, offered = null) {
  const find = (name) => root.querySelector(`[data-${name}]`);
  const steps = timeline.steps.length;
  // the timeline's own mat time: a plan may have shortened the routine
  const matMs = timeline.steps.reduce((sum, s) => sum + (s.kind === "mat" ? s.durationMs : 0), 0);
  find("routine-summary").textContent = routine.summary;
  find("routine-facts").textContent =
    `${minutesText(timeline.stepMs)} · ${steps} step${steps === 1 ? "" : "s"}` +
    (matMs ? ` · ${durationText(matMs)} on the mat` : "");
  find("ios-note").hidden = !isIos();
  find("resume").hidden = offered === null;
  find("start").hidden = offered !== null;
  if (offered !== null) {
    const at = Math.max(0, offered - timeline.countdownMs);
    find("resume-text").textContent =
      `You left this session ${clockText(at)} in. Pick it up there?`;
  }
  find("intro").hidden = false;
  root.dataset.stage = "intro";
  return new Promise((resolve) => {
    const choose = (choice) => () => {
      find("intro").hidden = true;
      resolve(choice);
    };
    find("start").addEventListener("click", choose("start"), { once: true });
    find("restart").addEventListener("click", choose("start"), { once: true });
    find("resume-button").addEventListener("click", choose("resume"), { once: true });
  });
}
