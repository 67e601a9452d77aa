/** What the player says at each cue, how urgent it is, and how long it takes to say. Pure. */
import { caveatSaying, layerSaying } from "acuplan/player/step-words";

/**
 * Speaking rate for the estimate, in words per minute. espeak-ng at the rate the player
 * asks for (0.92 × 175 = 161 wpm) speaks the library's cues at 150–160 wpm including its
 * pauses at commas and full stops (bench/speech.py); phone voices run a little slower, so
 * the estimate takes 140 and adds a second per utterance for the voice to start and stop.
 */
export const WORDS_PER_MINUTE = 140;
export const UTTERANCE_MS = 1000;

// Lower numbers come first and are never dropped; see speech.js for how they queue.
export const PRIORITY = { instruction: 0, prompt: 1, count: 2 };

const SAYINGS = {
  switch: "Switch sides.",
  release: "Release, and rest.",
  halfway: "Halfway.",
  end: "That is the end of the session. Well done.",
};
const GET_UP = "Roll to one side and get up slowly.";
const NUMBERS = ["", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine"];
const PRIORITIES = {
  step: "instruction",
  part: "instruction",
  "get-up": "instruction",
  switch: "instruction",
  release: "instruction",
  end: "instruction",
  prompt: "prompt",
  halfway: "prompt",
  round: "count",
};

/** The words of `text`, as a voice would say them. */
export const wordCount = (text) => (text.match(/[\p{L}\p{N}'’-]+/gu) ?? []).length;

/** How long saying `text` takes, estimated from its words (0 for nothing to say). */
export function speakingMs(text) {
  const words = wordCount(text ?? "");
  return words ? Math.round((words * 60_000) / WORDS_PER_MINUTE) + UTTERANCE_MS : 0;
}

/** Everything said as a step is introduced, before its clock starts. */
export function stepSaying(step) {
  const parts = [`${step.title}.`];
  if (step.kind === "mat") parts.push(layerSaying(step));
  parts.push(step.instruction, step.lower, caveatSaying(step));
  return parts.filter(Boolean).join(" ");
}

/** What the mat step says shortly before its end, when it has a way off the mat. */
export const getUpSaying = (step) => `When the bell sounds: ${step.get_up ?? GET_UP}`;

/** The text spoken for `cue` (of `step`), or "" for a cue that is only a sound. */
export function sayingOf(cue, step) {
  if (cue.type === "step") return stepSaying(step);
  if (cue.type === "prompt" || cue.type === "part") return cue.text;
  if (cue.type === "get-up") return getUpSaying(step);
  if (cue.type === "round") return cue.last ? "Last breath." : `${NUMBERS[cue.round] ?? cue.round}.`;
  return SAYINGS[cue.type] ?? "";
}

/** How urgent a spoken cue is: "instruction", "prompt" or "count". */
export const priorityOf = (cue) => PRIORITIES[cue.type] ?? "prompt";

/** Every spoken cue of `timeline`: {type, step, atMs, text, priority, speakingMs}. */
export function spokenCues(timeline) {
  const stepOf = new Map(timeline.steps.map((step) => [step.index, step]));
  return timeline.cues
    .map((cue) => ({ ...cue, text: sayingOf(cue, stepOf.get(cue.step)) }))
    .filter((cue) => cue.text)
    .map((cue) => ({ ...cue, priority: priorityOf(cue), speakingMs: speakingMs(cue.text) }));
}
