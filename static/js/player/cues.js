/** A session's cues at their moments, to follow with eyes closed.
 *
 * Sounds are scheduled ahead on the audio clock, so they keep time even when the page's
 * timers are throttled. Vibration and speech happen when a cue falls due on the page, which
 * also announces it: `acuplan:cue` on document, {type, step, atMs}, for tests and listeners.
 */
import { playsSounds } from "acuplan/player/cue-settings";
import { speak, stopSpeaking } from "acuplan/player/speech";
import { priorityOf, sayingOf } from "acuplan/player/spoken";
import { audioReady, audioTime, playSound, stopSounds } from "acuplan/player/tones";

const AHEAD_MS = 1500;
// A hidden tab's timers may run as rarely as once a minute: schedule sounds past that.
const AHEAD_HIDDEN_MS = 75_000;
// A cue noticed later than this (the tab was hidden) is not vibrated or spoken any more.
const STALE_MS = 1500;

const SOUNDS = {
  step: "step",
  halfway: "bell",
  end: "end-bell",
  interval: "soft-bell",
  switch: "switch",
  release: "release",
  hold: "step",
  begin: "begin",
  prompt: "prompt",
  part: "prompt",
  "get-up": "step",
};
const VIBRATIONS = {
  inhale: [400],
  exhale: [80, 120, 80, 120, 80],
  step: [150, 100, 150],
  switch: [60, 80, 60, 80, 60, 80, 60],
  hold: [150],
  begin: [150],
  halfway: [600],
  end: [600, 300, 600],
  "get-up": [150, 100, 150],
};
/** Cues for `timeline`, following `settings` (changed in place by the settings form). */
export function createCues(timeline, settings) {
  const { cues, steps, ticks } = timeline;
  let due = 0; // the next cue to fall due
  let scheduled = 0; // the next cue whose sound is not scheduled yet
  let ticked = 0; // the next tick not scheduled yet
  let lastMs = 0;
  const stepOf = (cue) => steps.find((step) => step.index === cue.step);
  const soundOf = (cue) => {
    if (cue.type === "phase") return cue.phase;
    // Mat steps end on a bell ("when the bell sounds, roll onto one side").
    if (cue.type === "step" && steps[stepOf(cue).order - 1]?.kind === "mat") return "bell";
    if (cue.type === "begin" && stepOf(cue).phases) return null; // its first breath has a tone
    return SOUNDS[cue.type];
  };

  function schedule(ms) {
    const ahead = document.visibilityState === "hidden" ? AHEAD_HIDDEN_MS : AHEAD_MS;
    if (!playsSounds(settings) || !audioReady()) {
      scheduled = Math.max(scheduled, due);
      ticked = tickAfter(ms);
      return;
    }
    const start = audioTime();
    for (; scheduled < cues.length && cues[scheduled].atMs <= ms + ahead; scheduled += 1) {
      const cue = cues[scheduled];
      const sound = soundOf(cue);
      if (sound && cue.atMs >= ms - 250) playSound(sound, start + (cue.atMs - ms) / 1000);
    }
    for (; ticked < ticks.length && ticks[ticked].atMs <= ms + ahead; ticked += 1) {
      const tick = ticks[ticked];
      if (settings.ticks !== false && tick.atMs >= ms - 250) {
        playSound(`tick-${tick.phase}`, start + (tick.atMs - ms) / 1000);
      }
    }
  }

  /** The first tick at or after `ms`. */
  function tickAfter(ms) {
    const index = ticks.findIndex((tick) => tick.atMs >= ms);
    return index === -1 ? ticks.length : index;
  }

  function fire(cue, ms) {
    const fresh = ms - cue.atMs < STALE_MS && document.visibilityState === "visible";
    const detail = { ...cue, dueMs: cue.atMs, atMs: ms };
    document.dispatchEvent(new CustomEvent("acuplan:cue", { detail }));
    if (!fresh) return;
    const kind = cue.type === "phase" ? cue.phase : cue.type;
    if (settings.mode === "vibration" && VIBRATIONS[kind]) navigator.vibrate?.(VIBRATIONS[kind]);
    if (settings.mode === "voice") {
      speak(sayingOf(cue, stepOf(cue)), settings.volume, priorityOf(cue));
    }
  }

  return {
    /** Start from `ms` on, without the cues before it (a start, a skip, a resumed session). */
    reset(ms) {
      stopSounds();
      stopSpeaking();
      due = cues.findIndex((cue) => cue.atMs >= ms);
      if (due === -1) due = cues.length;
      scheduled = due;
      ticked = tickAfter(ms);
    },
    /** The session is at `ms`: schedule what comes soon, fire what has fallen due. */
    update(ms) {
      lastMs = ms;
      schedule(ms);
      while (due < cues.length && cues[due].atMs <= ms) fire(cues[due++], ms);
    },
    /** The session time of the next cue to fall due (Infinity after the last). */
    nextAt: () => cues[due]?.atMs ?? Infinity,
    /** Silence what was scheduled ahead (pause, changed settings); `update` schedules anew. */
    hush() {
      stopSounds();
      stopSpeaking();
      scheduled = due;
      ticked = tickAfter(lastMs);
    },
  };
}
