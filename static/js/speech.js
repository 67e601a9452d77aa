/** Spoken cues through the browser's own voices (speechSynthesis), where there are any. */

export const canSpeak = () => "speechSynthesis" in window;

/** Call from a tap: iOS only lets a page speak after it has spoken inside a user gesture. */
export function unlockSpeech() {
  if (!canSpeak()) return;
  const silence = new SpeechSynthesisUtterance("");
  silence.volume = 0;
  speechSynthesis.speak(silence);
}

/** Say `text`, replacing anything still being said: a cue is only useful at its moment. */
export function speak(text, volume = 1) {
  if (!canSpeak() || !text) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en";
  utterance.volume = volume;
  utterance.rate = 0.92;
  speechSynthesis.speak(utterance);
}

export function stopSpeaking() {
  if (canSpeak()) speechSynthesis.cancel();
}
