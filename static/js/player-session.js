/** A session in progress as stored data: its clock, what was skipped, what it amounts to. */
import { createClock } from "acuplan/player-clock";
import { newRecordId, saveSession } from "acuplan/player-store";

// Away longer than this (or past the end), a stored session is offered, not resumed.
const LONG_AWAY_MS = 20 * 60_000;
const HEARTBEAT_MS = 5_000;

/** A new session of `timeline`, or the stored one (`saved`) picked up again. */
export function createSession(timeline, saved = null, seconds = {}) {
  const clock = createClock(saved?.clock ?? null);
  const data = saved ?? {
    slug: timeline.routine.slug,
    seconds,
    startedAt: clock.now(),
    skipped: [],
    countdownSpentMs: null,
    seenAt: clock.now(),
  };
  const { steps, countdownMs, endMs } = timeline;

  function save() {
    data.clock = clock.state();
    data.seenAt = clock.now();
    data.seenMs = clock.positionMs();
    return saveSession(data);
  }

  return {
    data,
    clock,
    save,
    paused: () => clock.paused,
    position: () => clock.positionMs(),
    pause: () => (clock.pause(), save()),
    resume: () => (clock.resume(), save()),
    /** Called on every tick: notes the end of the countdown; stores a heartbeat now and then. */
    tick(ms) {
      if (data.countdownSpentMs === null && ms >= countdownMs) {
        data.countdownSpentMs = Math.max(0, clock.activeMs() - (ms - countdownMs));
        return save();
      }
      if (clock.now() - data.seenAt >= HEARTBEAT_MS) return save();
    },
    /** Move to `target`: steps jumped over unfinished are skipped, steps gone back to are not. */
    seek(target) {
      const from = clock.positionMs();
      if (target > from) {
        const jumped = steps
          .filter((s) => s.endMs > from && s.startMs < target)
          .map((s) => s.index);
        data.skipped = [...new Set([...data.skipped, ...jumped])];
        if (data.countdownSpentMs === null && target >= countdownMs)
          data.countdownSpentMs = clock.activeMs();
      } else {
        const again = new Set(steps.filter((s) => s.endMs > target).map((s) => s.index));
        data.skipped = data.skipped.filter((index) => !again.has(index));
      }
      clock.seek(target);
      return save();
    },
    /** The finished session: real time spent on the steps (pauses and countdown left out). */
    record(endedEarly) {
      const position = clock.positionMs();
      const overshoot = Math.max(0, position - endMs); // hidden past the end: not time done
      const activeMs = clock.activeMs() - overshoot;
      const doneMs = Math.max(0, activeMs - (data.countdownSpentMs ?? activeMs));
      const reached = Math.min(position, endMs);
      const done = steps.filter((s) => s.endMs <= reached && !data.skipped.includes(s.index));
      return {
        id: newRecordId(),
        routine: data.slug,
        title: timeline.routine.title,
        startedAt: new Date(data.startedAt).toISOString(),
        endedAt: new Date(clock.now()).toISOString(),
        seconds: Math.round(doneMs / 1000),
        plannedSeconds: Math.round(timeline.totalMs / 1000),
        stepsDone: done.length,
        matSeconds: Math.round(
          done.filter((s) => s.kind === "mat").reduce((sum, s) => sum + s.durationMs, 0) / 1000,
        ),
        stepsTotal: steps.length,
        endedEarly,
      };
    },
  };
}

/**
 * How a stored session is picked up: where the person is now, by the clock (or still paused,
 * if it was); after a long time away or past its end, paused where they were last seen,
 * with an offer to resume (`offer`).
 */
export function pickUp(saved, timeline, now = Date.now()) {
  const { clock } = saved;
  if (clock.pausedAt !== null) return { saved, offer: false };
  const position = now - clock.startedAt - clock.pausedMs + clock.offsetMs;
  if (position < timeline.endMs && now - saved.seenAt < LONG_AWAY_MS)
    return { saved, offer: false };
  return { saved: { ...saved, clock: { ...clock, pausedAt: saved.seenAt } }, offer: true };
}
