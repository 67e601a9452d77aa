/** What the player writes about a step: its kind, pattern, hold and notes, in words. */
import { durationText } from "acuplan/ui/time-format";

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

// What to lie, sit or stand on, said from the step's own `layer` (a plan may change it), with
// the way to soften it when the spikes feel too sharp.
const LAYER_SAYINGS = {
  shirt: () => "Keep a thin shirt on; lay a towel over the mat if it feels too sharp.",
  towel: (step) =>
    step.position === "neck-pillow"
      ? "Drape a towel over the pillow; fold it double if it feels too sharp."
      : "Lay a towel over the mat; fold it double if it feels too sharp.",
  socks: () => "Keep your socks on.",
  bare: (step) =>
    step.position === "standing" || step.position === "feet-seated"
      ? "Bare feet on the mat; put socks on if it feels too sharp."
      : "Bare skin on the spikes; put on a thin shirt if it feels too sharp.",
};

export const kindText = (step) => KINDS[step.kind];
/** The sentence about the layer between the person and the spikes, from `step.layer`. */
export const layerSaying = (step) => LAYER_SAYINGS[step.layer]?.(step) ?? "";

/**
 * A breathing pattern's safety caveat, when the step's own words don't say it already (a mat
 * step carrying a pattern; the catalog makes a breathing step's instruction include it).
 */
export const caveatSaying = (step) =>
  step.caveat && !(step.instruction ?? "").includes(step.caveat) ? step.caveat : "";

/** The instruction as shown under the timer: layer, what to do, how to lower yourself. */
export function instructionText(step) {
  const layer = step.kind === "mat" ? layerSaying(step) : "";
  return [layer, step.instruction, step.lower, caveatSaying(step)].filter(Boolean).join(" ");
}
export const noteText = (note) => NOTES[note] ?? null;
export const stepLine = (step) => `${step.title} · ${durationText(step.durationMs)}`;

/** How a breath goes: "in 4 s · hold 7 s · out 8 s", or "out 6 → 9 s" as it lengthens. */
export function patternText(breathing) {
  const seconds = (p) => (p.name === "exhale" && breathing.exhale_to ? `${p.seconds} → ${breathing.exhale_to}` : p.seconds);
  return breathing.phases.map((p) => `${PHASES[p.name]} ${seconds(p)} s`).join(" · ");
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
