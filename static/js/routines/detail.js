/** One routine's page as this person may do it today; Start then plays just that. */
import { make } from "acuplan/ui/make-element";
import { adaptRoutine, fittedQuery, hasMat } from "acuplan/routines/adapt";
import { findRoutine } from "acuplan/routines/library";
import { clockText, durationText } from "acuplan/ui/time-format";

const LAYER_NAMES = { bare: "Bare skin", shirt: "Thin shirt", towel: "Towel", socks: "Socks" };
const minutes = (seconds) => `${Math.max(1, Math.round(seconds / 60))} min`;

/** Show the adapted routine on the page `page` (its article). */
export async function showAdapted(page) {
  const routine = await findRoutine(page.dataset.routinePage).catch(() => null);
  if (!routine) return;
  const adapted = await adaptRoutine(routine, new URLSearchParams(window.location.search));
  const at = (name) => page.querySelector(`[data-${name}]`);
  const seconds = routine.steps.map((step, i) => adapted.seconds[i] ?? step.seconds);
  let from = 0;
  page.querySelectorAll("[data-step]").forEach((item, i) => {
    const step = adapted.routine.steps[i];
    item.classList.toggle("is-left-out", seconds[i] === 0);
    item.querySelector("[data-step-time]").textContent = seconds[i]
      ? durationText(seconds[i] * 1000)
      : "Left out";
    item.querySelector("[data-step-at]").textContent = seconds[i] ? ` · from ${clockText(from * 1000)}` : "";
    const layer = item.querySelector("[data-step-layer]");
    if (layer && step.layer) layer.textContent = LAYER_NAMES[step.layer] ?? step.layer;
    const note = item.querySelector("[data-step-note]");
    note.textContent = adapted.notes[i] ?? "";
    note.hidden = !adapted.notes[i];
    from += seconds[i];
  });
  const mat = routine.steps.reduce((sum, step, i) => sum + (step.kind === "mat" ? seconds[i] : 0), 0);
  at("total").querySelector("dd").textContent = minutes(from);
  at("mat").querySelector("dd").textContent = mat ? minutes(mat) : "None";
  at("adapt-list").replaceChildren(...adapted.notices.map((text) => make("li", { text })));
  at("adapt-notice").hidden = !adapted.notices.length;
  at("safety-check").hidden = adapted.checked || !hasMat(adapted);
  const changed = Object.keys(adapted.seconds).length || adapted.notices.length;
  if (changed) {
    const layers = adapted.routine.steps.map((step) => step.layer ?? null);
    const query = fittedQuery({ step_seconds: seconds, step_layers: layers });
    at("start").href = `/play?routine=${encodeURIComponent(routine.slug)}&${query}`;
  }
  page.dataset.adapted = "true";
}
