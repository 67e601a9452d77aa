/**
 * Cues an instruction promises: "Halfway through, change direction" is said at the step's
 * middle, whatever length a plan gives the step. Pure.
 */
const HALFWAY = /\bhalfway\b/i;

const sentences = (text) => text.match(/[^.!?]+[.!?]*/g)?.map((s) => s.trim()) ?? [];
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** What to say at the promised moment, from the sentence that promises it. */
function halfwayWords(sentence) {
  const words = sentence
    .replace(/^halfway( through)?,?\s*/i, "")
    .replace(/,?\s*halfway( through)?/i, "")
    .replace(/^.*?\bthen\s+/i, "");
  return `Halfway: ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
}

/** [{fraction, text}]: each cue `step`'s instruction promises, at a fraction of its span. */
export function promisedCues(step) {
  const promise = sentences(step.instruction ?? "").find((s) => HALFWAY.test(s));
  return promise ? [{ fraction: 0.5, text: capital(halfwayWords(promise)) }] : [];
}
