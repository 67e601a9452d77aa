/** Draws a session's state on the page: text only where it changed; the pacer animates itself. */
import { createPacer } from "acuplan/player/pacer";
import { clockText, spokenDuration } from "acuplan/ui/time-format";
import { getUpSaying } from "acuplan/player/spoken";
import {
  detailText,
  holdText,
  holdWord,
  instructionText,
  kindText,
  noteText,
  stepLine,
} from "acuplan/player/step-words";

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
    text("instruction", instructionText(step));
    text("next", next ? `Next: ${stepLine(next)}` : "Last step");
    // A step with notes or prompts keeps their box all through: nothing below it jumps.
    parts.note.hidden = !step.notes.length && !step.later?.length;
    parts.prompt.hidden = !step.meditation;
  }

  function drawStep(state, running) {
    const { step, hold } = state;
    if (drawn !== step) drawStepOnce(step, state.next);
    drawn = step;
    text("remaining", clockText(state.remainingMs));
    text("hold", holdText(state, labels.layers));
    text("note", noteOf(state));
    text("prompt", state.prompt ?? "");
    text("progress-text", `Step ${step.order + 1} of ${count} · ${clockText(state.leftMs)} left`);
    if (state.breath) pacer.breathe(state.breath, step.phases, running);
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

  /** The note box: the way off the mat near the end, else the latest later word, else notes. */
  function noteOf({ step, note, part }) {
    if (note === "get-up") return getUpSaying(step);
    return part ?? noteText(note) ?? "";
  }

  function drawCountdown(state) {
    const first = state.next;
    drawn = null;
    text("kind", "Get ready");
    text("step-title", first.title);
    text("remaining", clockText(state.remainingMs));
    text("hold", first?.kind === "mat" ? labels.layers[first.layer] : "");
    text("detail", first ? detailText(first) : "");
    parts.note.hidden = true;
    parts.prompt.hidden = true;
    text("instruction", first ? instructionText(first) : "");
    const after = timeline.steps[first.order + 1];
    if (state.first) {
      text("next", `First: ${stepLine(first)}`);
      text("progress-text", `${count} steps · ${clockText(timeline.totalMs)} in all`);
    } else {
      text("next", after ? `Next: ${stepLine(after)}` : "Last step");
      text("progress-text", `Step ${first.order + 1} of ${count} · ${clockText(state.leftMs)} left`);
    }
    pacer.rest("Starting in", seconds(state.remainingMs));
    const key = `countdown:${first.order}`;
    if (shown === key) return;
    shown = key;
    if (state.first) {
      announce(`Get ready. The session starts in ${spokenDuration(state.remainingMs)}.`);
    } else {
      announce(`Get ready: step ${first.order + 1} of ${count}, ${first.title}.`);
    }
  }

  return {
    /** Draw `state`; `running` is false while paused (the pacer then holds still). */
    render(state, running = true) {
      if (state.stage === "countdown") drawCountdown(state);
      else if (state.stage === "step") drawStep(state, running);
      const bar = `scaleX(${state.progress.toFixed(3)})`;
      if (parts.bar.style.transform !== bar) parts.bar.style.transform = bar;
    },
    announce,
  };
}
