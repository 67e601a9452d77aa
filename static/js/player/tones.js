/** Cue sounds, synthesised with Web Audio and scheduled on the AudioContext's own clock.
 *
 * Scheduled sounds play on time even while the page's timers are throttled; each can be
 * cancelled (pause, skip) until it has played.
 */

let context = null;
let master = null;
const pending = new Set();

/** Create or wake the audio context; browsers only allow it from a tap or a key press. */
export function unlockAudio(volume) {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!Context) return;
  if (!context) {
    context = new Context();
    master = context.createGain();
    master.connect(context.destination);
  }
  if (volume !== undefined) setVolume(volume);
  if (context.state !== "running") context.resume().catch(() => {});
}

export const audioReady = () => context?.state === "running";

/** Seconds on the audio clock, for scheduling: `audioTime() + delay`. */
export const audioTime = () => context?.currentTime ?? 0;

export function setVolume(volume) {
  if (master) master.gain.value = volume;
}

/** Stop every sound scheduled and not yet finished. */
export function stopSounds() {
  for (const node of pending) node.stop();
  pending.clear();
}

/** Play a named sound at `when` on the audio clock. */
export function playSound(name, when) {
  if (!audioReady()) return;
  SOUNDS[name]?.(Math.max(when, context.currentTime));
}

/** One voice: an oscillator gliding from `from` to `to` Hz under a soft envelope. */
function tone(when, from, to, seconds, { type = "sine", level = 0.3 } = {}) {
  const oscillator = context.createOscillator();
  const gain = context.createGain();
  oscillator.type = type;
  oscillator.frequency.setValueAtTime(from, when);
  if (to !== from) oscillator.frequency.exponentialRampToValueAtTime(to, when + seconds);
  gain.gain.setValueAtTime(0.0001, when);
  gain.gain.exponentialRampToValueAtTime(level, when + Math.min(0.04, seconds / 4));
  gain.gain.exponentialRampToValueAtTime(0.0001, when + seconds);
  oscillator.connect(gain).connect(master);
  oscillator.start(when);
  oscillator.stop(when + seconds + 0.05);
  pending.add(oscillator);
  oscillator.onended = () => pending.delete(oscillator);
}

/** A struck bell: a few inharmonic partials, the higher ones dying away sooner. */
function bell(when, pitch, level = 0.25, seconds = 3.5) {
  for (const [ratio, share, decay] of [
    [1, 1, 1],
    [2.76, 0.45, 0.55],
    [5.4, 0.25, 0.3],
  ]) {
    tone(when, pitch * ratio, pitch * ratio, seconds * decay, { level: level * share });
  }
}

// Inhale rises and exhale falls, in different timbres: told apart with eyes closed.
const SOUNDS = {
  inhale: (t) => tone(t, 330, 523, 0.7, { level: 0.28 }),
  "top-up": (t) => tone(t, 523, 659, 0.3, { level: 0.22 }),
  exhale: (t) => tone(t, 440, 247, 1.1, { type: "triangle", level: 0.3 }),
  hold: (t) => tone(t, 392, 392, 0.18, { level: 0.08 }),
  step: (t) => {
    tone(t, 587, 587, 0.5, { level: 0.2 });
    tone(t + 0.18, 880, 880, 0.7, { level: 0.2 });
  },
  switch: (t) => {
    tone(t, 698, 698, 0.35, { type: "triangle", level: 0.18 });
    tone(t + 0.3, 523, 523, 0.5, { type: "triangle", level: 0.18 });
  },
  release: (t) => tone(t, 523, 523, 0.4, { type: "triangle", level: 0.15 }),
  prompt: (t) => tone(t, 784, 784, 0.6, { level: 0.1 }),
  begin: (t) => tone(t, 440, 660, 0.4, { level: 0.18 }),
  // The count, one soft tick a second: high while breathing in, low while breathing out,
  // in between while holding; short and quiet, so it marks time without waking anyone.
  "tick-inhale": (t) => tone(t, 1320, 1320, 0.05, { level: 0.06 }),
  "tick-top-up": (t) => tone(t, 1320, 1320, 0.05, { level: 0.06 }),
  "tick-hold": (t) => tone(t, 990, 990, 0.05, { level: 0.05 }),
  "tick-exhale": (t) => tone(t, 660, 660, 0.05, { level: 0.06 }),
  bell: (t) => bell(t, 528),
  "soft-bell": (t) => bell(t, 528, 0.14, 2.5),
  "end-bell": (t) => {
    bell(t, 440);
    bell(t + 2.2, 440, 0.22, 5);
  },
};
