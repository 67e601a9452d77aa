/** What the player writes about a step: its kind, pattern, hold and notes, in words. */
import { durationText } from "acuplan/time-format";

const KINDS = {
  mat: "On the mat",
  breathing: "Breathing",
  stretch: "Stretch",
  meditation: "Meditation",
};
const SIDES = { first: "First", second: "Second" };
const PHASES = { inhale: "in", "top-up": "top-up", hold: "hold", exhale: "out" };
const NOTES = {
  prickle:
    "The prickling is strongest in the first minutes and usually settles after 3–5. " +
    "Breathe slowly and let it fade.",
  "get-up": "Nearly done. When the bell sounds, roll to one side and get up slowly.",
};

export const kindText = (step) => KINDS[step.kind];
export const noteText = (note) => NOTES[note] ?? null;
export const stepLine = (step) => `${step.title} · ${durationText(step.durationMs)}`;

/** How a breath goes: "in 4 s · hold 7 s · out 8 s". */
export function patternText(breathing) {
  return breathing.phases.map((p) => `${PHASES[p.name]} ${p.seconds} s`).join(" · ");
}

/** The line under a step's title and timer: the pattern, or the meditation on the mat. */
export function detailText(step) {
  if (!step.breathing) return step.kind === "mat" && step.meditation ? step.meditation.name : "";
  if (step.kind === "mat") return `${step.breathing.name}: ${patternText(step.breathing)}`;
  const text = patternText(step.breathing);
  return text[0].toUpperCase() + text.slice(1);
}

/** The bold line under the timer: which breath or hold, or what to lie on (`layers`). */
export function holdText(state, layers) {
  const { breath, hold, step } = state;
  if (step.kind === "mat") return layers[step.layer];
  if (breath) {
    if (!breath.breaths) return "";
    return `Breath ${Math.min(breath.breath, breath.breaths)} of ${breath.breaths}`;
  }
  if (!hold) return step.bell_every ? `A bell every ${durationText(step.bell_every * 1000)}` : "";
  if (hold.pausing) return hold.switching ? "Switch sides" : "Rest, then again";
  return hold.holds > 1 ? `Hold ${hold.number} of ${hold.holds}` : "";
}

/** The word under the pacer during a stretch: what to do right now. */
export function holdWord(hold) {
  if (hold.pausing) return hold.switching ? "Switch sides" : "Rest";
  return hold.side ? `${SIDES[hold.side]} side` : "Hold";
}
