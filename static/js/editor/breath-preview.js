/** Hear one round of a breathing pattern with the player's own tones, before saving it. */
import { audioTime, playSound, unlockAudio } from "acuplan/player/tones";

const SOUND = { inhale: "inhale", "top-up": "top-up", exhale: "exhale" };

/**
 * Play the phases of `pattern` once, and when its out-breath lengthens, its last round after
 * the first; the button says so until they are over.
 */
export function previewPattern(pattern, button) {
  if (!pattern) return;
  unlockAudio(0.8);
  const start = audioTime() + 0.1;
  let at = start;
  for (const exhale of pattern.exhale_to ? [0, pattern.exhale_to] : [0]) {
    for (const phase of pattern.phases) {
      playSound(SOUND[phase.name] ?? "hold", at);
      at += phase.name === "exhale" && exhale ? exhale : phase.seconds;
    }
  }
  const label = button.textContent;
  button.textContent = `Playing: ${pattern.label}`;
  button.disabled = true;
  setTimeout(() => {
    button.textContent = label;
    button.disabled = false;
  }, (at - start) * 1000);
}
