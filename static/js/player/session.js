/** A session in progress as stored data: its clock, what was skipped, what it amounts to. */
import { createClock } from "acuplan/player/clock";
import { newRecordId, saveSession } from "acuplan/player/store";

// Away longer than this (or past the end), a stored session is offered, not resumed.
const LONG_AWAY_MS = 20 * 60_000;
const HEARTBEAT_MS = 5_000;

/**
 * A new session of `timeline`, or the stored one (`saved`) picked up again; `before`: the
 * pain and stress noted in the intro, kept with it until its journal entry is saved.
 */
export function createSession(timeline, saved = null, seconds = {}, before = {}) {
  const clock = createClock(saved?.clock ?? null);
  const data = saved ?? {
    slug: timeline.routine.slug,
    seconds,
    before,
    startedAt: clock.now(),
    skipped: [],
    seenAt: clock.now(),
  };
  const { steps, endMs } = timeline;
  // Time done, step by step: what the clock ran through each step's own span (lead-ins,
  // pauses and skips left out), accounted up to `data.mark` on the timeline.
  data.done ??= {};
  data.mark ??= clock.positionMs();

  function account(to) {
    const upTo = Math.min(to, endMs);
    for (const step of steps) {
      const ms = Math.min(upTo, step.endMs) - Math.max(data.mark, step.startMs);
      if (ms > 0) data.done[step.index] = (data.done[step.index] ?? 0) + ms;
    }
    data.mark = Math.max(data.mark, upTo);
  }

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
    pause: () => (account(clock.positionMs()), clock.pause(), save()),
    resume: () => (clock.resume(), save()),
    /** Called on every tick: counts the time done; stores a heartbeat now and then. */
    tick(ms) {
      account(ms);
      if (clock.now() - data.seenAt >= HEARTBEAT_MS) return save();
    },
    /** Move to `target`: steps jumped over unfinished are skipped, steps gone back to are not. */
    seek(target) {
      const from = clock.positionMs();
      account(from);
      data.mark = target;
      if (target > from) {
        const jumped = steps
          .filter((s) => s.endMs > from && s.startMs < target)
          .map((s) => s.index);
        data.skipped = [...new Set([...data.skipped, ...jumped])];
      } else {
        const again = new Set(steps.filter((s) => s.endMs > target).map((s) => s.index));
        data.skipped = data.skipped.filter((index) => !again.has(index));
      }
      clock.seek(target);
      return save();
    },
    /** The finished session: time done per step (pauses, lead-ins and skips left out). */
    record(endedEarly) {
      const position = clock.positionMs();
      account(position);
      const reached = Math.min(position, endMs);
      const done = steps.filter((s) => s.endMs <= reached && !data.skipped.includes(s.index));
      const doneSeconds = (s) => Math.round((data.done[s.index] ?? 0) / 1000);
      return {
        id: newRecordId(),
        routine: data.slug,
        title: timeline.routine.title,
        startedAt: new Date(data.startedAt).toISOString(),
        endedAt: new Date(clock.now()).toISOString(),
        seconds: Math.round(steps.reduce((sum, s) => sum + (data.done[s.index] ?? 0), 0) / 1000),
        plannedSeconds: Math.round(timeline.stepMs / 1000),
        stepsDone: done.length,
        matSeconds: steps.filter((s) => s.kind === "mat").reduce((n, s) => n + doneSeconds(s), 0),
        stepsTotal: steps.length,
        steps: steps.map((s) => ({
          index: s.index,
          kind: s.kind,
          planned: Math.round(s.durationMs / 1000),
          done: doneSeconds(s),
          ...(s.kind === "mat" ? { position: s.position, layer: s.layer } : {}),
        })),
        endedEarly,
        before: data.before ?? {},
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
