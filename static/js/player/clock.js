/** Session time from timestamps, never from counted ticks.
 *
 * Wall time (Date.now) rather than performance.now: the stored start survives a reload or a
 * killed app, and wall time keeps running while a phone sleeps. A hidden or throttled tab
 * therefore shows the right moment as soon as it looks at the clock again.
 */

let latest = 0;
/** Never backwards, even if the device's clock is set back during a session. */
const wallNow = () => {
  latest = Math.max(latest, Date.now());
  return latest;
};

/**
 * A pausable, seekable session clock. `state` is plain data, stored as is and handed back
 * after a reload: {startedAt, pausedMs, pausedAt, offsetMs}.
 */
export function createClock(state = null, now = wallNow) {
  let s = state ?? { startedAt: now(), pausedMs: 0, pausedAt: null, offsetMs: 0 };
  const reading = () => s.pausedAt ?? now();
  const activeMs = () => reading() - s.startedAt - s.pausedMs;
  return {
    now,
    /** Real time spent in the session, pauses left out; seeking does not change it. */
    activeMs,
    /** Where the session is on its timeline: active time plus every skip and step back. */
    positionMs: () => activeMs() + s.offsetMs,
    get paused() {
      return s.pausedAt !== null;
    },
    pause() {
      if (s.pausedAt === null) s = { ...s, pausedAt: now() };
    },
    resume() {
      if (s.pausedAt !== null)
        s = { ...s, pausedMs: s.pausedMs + now() - s.pausedAt, pausedAt: null };
    },
    /** Jump to a position on the timeline (skip, previous) without changing active time. */
    seek(positionMs) {
      s = { ...s, offsetMs: positionMs - activeMs() };
    },
    state: () => ({ ...s }),
  };
}
