/** Spoken cues through the browser's own voices (speechSynthesis), where there are any.
 *
 * Cues queue; none cancels another. Instructions go first and are never dropped, prompts
 * wait behind them (and are dropped only when they have waited too long to still fit), and a
 * count is said only when nothing else is: a count that would have to wait is dropped.
 */
import { PRIORITY, speakingMs } from "acuplan/player/spoken";

export const canSpeak = () => "speechSynthesis" in window;

const PROMPT_WAIT_MS = 20_000;
const LONGEST_WORDS = 25; // some voices stop an utterance after about 15 s: say it in parts
const queue = []; // {text, priority, queuedAt, volume}
let speaking = null;
let fallback = 0;

/** Call from a tap: iOS only lets a page speak after it has spoken inside a user gesture. */
export function unlockSpeech() {
  if (!canSpeak()) return;
  const silence = new SpeechSynthesisUtterance("");
  silence.volume = 0;
  speechSynthesis.speak(silence);
}

/**
 * Say `text` once everything more urgent queued before it has been said. `priority`:
 * "instruction", "prompt" or "count" (spoken.js).
 */
export function speak(text, volume = 1, priority = "instruction") {
  if (!canSpeak() || !text) return;
  const rank = PRIORITY[priority] ?? PRIORITY.prompt;
  if (rank === PRIORITY.count && (speaking || queue.length)) return;
  const at = queue.findIndex((item) => item.rank > rank);
  const items = partsOf(text).map((part) => ({ text: part, rank, queuedAt: Date.now(), volume }));
  queue.splice(at === -1 ? queue.length : at, 0, ...items);
  next();
}

/** Stop saying anything and forget what was queued (a pause, a skip, changed settings). */
export function stopSpeaking() {
  const busy = speaking || queue.length;
  queue.length = 0;
  speaking = null;
  clearTimeout(fallback);
  if (busy && canSpeak()) speechSynthesis.cancel();
}

function next() {
  if (speaking) return;
  let item = queue.shift();
  while (item && item.rank === PRIORITY.prompt && Date.now() - item.queuedAt > PROMPT_WAIT_MS) {
    item = queue.shift();
  }
  if (!item) return;
  const utterance = new SpeechSynthesisUtterance(item.text);
  utterance.lang = document.documentElement.lang || "en";
  utterance.volume = item.volume;
  utterance.rate = 0.92;
  speaking = item;
  const done = () => {
    if (speaking !== item) return;
    speaking = null;
    clearTimeout(fallback);
    next();
  };
  utterance.onend = done;
  utterance.onerror = done;
  // A voice that never reports its end must not silence the rest: move on once it must be done.
  fallback = setTimeout(done, 2 * speakingMs(item.text) + 3000);
  speechSynthesis.speak(utterance);
}

/** `text` in utterances of whole sentences, each at most about LONGEST_WORDS words. */
function partsOf(text) {
  const parts = [];
  for (const sentence of text.split(/(?<=[.!?:;])\s+/)) {
    const last = parts.at(-1);
    const words = (t) => t.split(/\s+/).length;
    if (last && words(last) + words(sentence) <= LONGEST_WORDS) parts[parts.length - 1] += ` ${sentence}`;
    else parts.push(sentence);
  }
  return parts;
}
