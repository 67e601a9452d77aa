/** A running session: draws the clock's moment and fires the cues that fell due. */
import { playsSounds } from "acuplan/player/cue-settings";
import { createCues } from "acuplan/player/cues";
import { bindControls } from "acuplan/player/controls";
import { nextCountInMs } from "acuplan/player/pacer";
import { createView } from "acuplan/player/view";
import { unlockSpeech } from "acuplan/player/speech";
import { stateAt } from "acuplan/player/timeline-state";
import { audioReady, unlockAudio } from "acuplan/player/tones";
import { keepScreenOn } from "acuplan/player/wake-lock";

// "Back" this far into a step starts it again; sooner, it goes to the step before.
const RESTART_STEP_MS = 3000;
const FIRST_CUE_GRACE_MS = 1000;

/**
 * Run `session` until it ends or is ended; `onEnd(record)` receives what was done.
 * Returns `settingsChanged()`, to call when the cue settings change mid-session.
 */
export function runSession(root, timeline, session, settings, labels, onEnd) {
  const view = createView(root, timeline, labels);
  const cues = createCues(timeline, settings);
  const releaseScreen = keepScreenOn();
  const controls = bindControls(root, { toggle, previous, skip, end: () => finish(true), sound });
  let timer = 0;
  let finished = false;

  /** Bring the page to the clock's moment; returns the state drawn. */
  function tick() {
    if (finished) return null;
    const ms = session.position();
    if (!session.paused()) {
      cues.update(ms);
      session.tick(ms);
      if (ms >= timeline.endMs) return finish(false);
    }
    const state = stateAt(timeline, ms);
    view.render(state, !session.paused());
    controls.offerSound(playsSounds(settings) && !audioReady());
    return state;
  }
  /** Tick, then sleep until the next thing to show or say. */
  function loop() {
    const state = tick();
    clearTimeout(timer);
    if (!state || session.paused()) return;
    // Between whole seconds, cues and changes of the breath count nothing on the page
    // changes (the pacer's shape is a compositor animation), so a timer wakes it just then.
    const ms = session.position();
    const toSecond = (timeline.endMs - ms) % 1000 || 1000;
    const toCount = state.breath ? nextCountInMs(state.breath) : Infinity;
    const wait = Math.min(toSecond, toCount, cues.nextAt() - ms);
    timer = setTimeout(loop, Math.max(0, wait));
  }
  function redraw() {
    controls.show(session.paused());
    loop();
  }
  function toggle() {
    if (session.paused()) {
      session.resume();
      view.announce("Resumed.");
      // A pause silenced the step's instruction: its lead-in starts again, so it is said whole.
      const state = stateAt(timeline, session.position());
      if (state.stage === "countdown") return seek(state.next.leadStartMs);
    } else {
      session.pause();
      cues.hush();
      view.announce("Paused.");
    }
    redraw();
  }
  function seek(target) {
    session.seek(target);
    cues.reset(target);
    redraw();
  }
  function previous() {
    const state = stateAt(timeline, session.position());
    if (state.stage === "countdown" && state.next.order > 0) {
      seek(timeline.steps[state.next.order - 1].leadStartMs);
      return;
    }
    if (state.stage !== "step") return;
    const { step, intoMs } = state;
    const back = intoMs < RESTART_STEP_MS && step.order > 0;
    // Back to a step's lead-in, so its instruction is said again before it starts.
    seek(back ? timeline.steps[step.order - 1].leadStartMs : step.leadStartMs);
  }
  function skip() {
    const state = stateAt(timeline, session.position());
    if (state.stage === "countdown") seek(state.next.startMs);
    else if (state.stage === "step") seek(state.step.endMs);
  }
  function sound() {
    unlockAudio(settings.volume);
    unlockSpeech();
  }
  function finish(endedEarly) {
    if (finished) return;
    finished = true;
    // The end bell was scheduled ahead: let it ring, unless the person ended early.
    if (endedEarly) cues.hush();
    clearTimeout(timer);
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("pagehide", onHide);
    releaseScreen();
    onEnd(session.record(endedEarly));
  }
  // Back in view after minutes hidden, the very next drawing is at the right moment; going
  // out of view, the sounds for the next minute or so are scheduled at once.
  const onVisibility = () => {
    loop();
    if (document.visibilityState === "hidden") session.save();
  };
  const onHide = () => session.save();
  // Any tap or key counts as the gesture audio needs (after a reload there was none).
  document.addEventListener("pointerdown", sound, { once: true });
  document.addEventListener("keydown", sound, { once: true });
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", onHide);
  root.querySelector("[data-session]").hidden = false;
  root.dataset.stage = "session";
  // A session just started gives its first cue (the first instruction, at 0) even if a
  // millisecond or two passed since; a resumed one goes on from where it is.
  const position = session.position();
  cues.reset(position < FIRST_CUE_GRACE_MS ? 0 : position);
  redraw();
  return () => cues.hush();
}
