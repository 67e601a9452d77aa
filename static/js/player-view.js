/** Draws a session's state on the page: text only where it changed, the pacer every frame. */
import { createPacer } from "acuplan/pacer";
import { clockText, spokenDuration } from "acuplan/time-format";
import { detailText, holdText, holdWord, kindText, noteText, stepLine } from "acuplan/step-words";

const PARTS =
  "kind step-title remaining hold detail note prompt instruction bar progress-text next";
const seconds = (ms) => String(Math.ceil(ms / 1000 - 1e-6));

/** A view of `timeline` in `root`; `labels` names mat positions and layers. */
export function createView(root, timeline, labels) {
  const parts = {};
  for (const name of [...PARTS.split(" "), "announce"]) {
    parts[name] = root.querySelector(`[data-${name}]`);
  }
  const pacer = createPacer(root.querySelector("[data-pacer]"));
  const count = timeline.steps.length;
  let shown = null; // what was last announced
  let drawn = null; // the step whose fixed parts are on the page

  const text = (name, value) => {
    if (parts[name].textContent !== value) parts[name].textContent = value;
  };
  const announce = (message) => text("announce", message);

  /** What stays the same through a step, written once as it starts. */
  function drawStepOnce(step, next) {
    text("kind", kindText(step));
    text("step-title", step.title);
    text("detail", detailText(step));
    text("instruction", step.instruction);
    text("next", next ? `Next: ${stepLine(next)}` : "Last step");
    // A step with notes or prompts keeps their box all through: nothing below it jumps.
    parts.note.hidden = !step.notes.length;
    parts.prompt.hidden = !step.meditation;
  }

  function drawStep(state) {
    const { step, hold } = state;
    if (drawn !== step) drawStepOnce(step, state.next);
    drawn = step;
    text("remaining", clockText(state.remainingMs));
    text("hold", holdText(state, labels.layers));
    text("note", noteText(state.note) ?? "");
    text("prompt", state.prompt ?? "");
    text("progress-text", `Step ${step.order + 1} of ${count} · ${clockText(state.leftMs)} left`);
    if (state.breath) pacer.breathe(state.breath, step.phases);
    else if (hold) pacer.rest(holdWord(hold), seconds(hold.remainingMs));
    else pacer.rest();
    // Announced: each new step, and each switch of sides within a stretch.
    const key = `${step.order}:${hold ? `${hold.number}${hold.pausing}` : ""}`;
    if (key === shown) return;
    const newStep = shown?.split(":")[0] !== String(step.order);
    shown = key;
    const spoken = `${step.title}, ${spokenDuration(step.durationMs)}`;
    if (newStep) announce(`Step ${step.order + 1} of ${count}: ${spoken}.`);
    else if (hold?.switching) announce("Switch sides.");
  }

  function drawCountdown(state) {
    const first = state.next;
    drawn = null;
    text("kind", "Get ready");
    text("step-title", "Get ready");
    text("remaining", clockText(state.remainingMs));
    text("hold", first?.kind === "mat" ? labels.layers[first.layer] : "");
    text("detail", first ? detailText(first) : "");
    parts.note.hidden = true;
    parts.prompt.hidden = true;
    text("instruction", first ? first.instruction : "");
    text("next", first ? `First: ${stepLine(first)}` : "");
    text("progress-text", `${count} steps · ${clockText(timeline.totalMs)} in all`);
    pacer.rest("Starting in", seconds(state.remainingMs));
    if (shown === "countdown") return;
    shown = "countdown";
    announce(`Get ready. The session starts in ${spokenDuration(state.remainingMs)}.`);
  }

  return {
    render(state) {
      if (state.stage === "countdown") drawCountdown(state);
      else if (state.stage === "step") drawStep(state);
      const bar = `scaleX(${state.progress.toFixed(3)})`;
      if (parts.bar.style.transform !== bar) parts.bar.style.transform = bar;
    },
    announce,
  };
}
