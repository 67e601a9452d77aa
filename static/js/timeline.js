/** A routine as a timed plan: each step's span, each stretch hold, every cue. Pure: no DOM. */

export const COUNTDOWN_MS = 10_000;
const LYING = new Set(["upper-back", "lower-back", "neck-pillow"]);
// The prickling peaks in the first 2–3 minutes and usually settles after 3–5 (DOMAIN.md).
const PRICKLE_NOTE_MS = 180_000;
const GET_UP_NOTE_MS = 30_000;

/**
 * Build a routine's timeline. Times are session milliseconds: 0 is the start of the get-ready
 * countdown, the first step starts at `countdownMs`.
 * @param {object} routine one routine from GET /api/routines
 * @param {{seconds?: Record<number, number>, countdownMs?: number}} options `seconds` overrides
 *   the length of steps by their index in the routine; 0 leaves a step out (a plan's edits).
 */
export function buildTimeline(routine, { seconds = {}, countdownMs = COUNTDOWN_MS } = {}) {
  const steps = [];
  let at = countdownMs;
  routine.steps.forEach((source, index) => {
    const length = seconds[index] ?? source.seconds;
    if (!(length > 0)) return;
    const durationMs = Math.round(length * 1000);
    const step = { ...source, index, order: steps.length, startMs: at, endMs: at + durationMs };
    step.durationMs = durationMs;
    step.notes = [];
    if (source.breathing) step.phases = phasesOf(source.breathing);
    if (source.stretch) step.holds = holdsOf(source, durationMs);
    steps.push(step);
    at += durationMs;
  });
  const lastLying = steps.findLast((s) => s.kind === "mat" && LYING.has(s.position));
  for (const step of steps) addNotes(step, step === lastLying);
  const timeline = {
    routine,
    steps,
    countdownMs,
    endMs: at,
    totalMs: at - countdownMs,
    halfwayMs: countdownMs + Math.round((at - countdownMs) / 2),
  };
  timeline.cues = cuesOf(timeline);
  return timeline;
}

/** A breathing pattern's phases with their offsets in whole milliseconds within one breath. */
function phasesOf(pattern) {
  let at = 0;
  const phases = pattern.phases.map(({ name, seconds }) => {
    const phase = { name, startMs: at, endMs: at + Math.round(seconds * 1000) };
    at = phase.endMs;
    return phase;
  });
  return { list: phases, cycleMs: at };
}

/** Stretch holds within the step: each side, each repetition, with switch pauses between. */
function holdsOf(step, durationMs) {
  const holds = [];
  const sides = step.stretch.sided ? ["first", "second"] : [null];
  let at = 0;
  for (let rep = 1; rep <= step.reps; rep += 1) {
    for (const side of sides) {
      if (holds.length) at += step.switch_pause * 1000;
      holds.push({ side, rep, startMs: at, endMs: at + step.hold * 1000 });
      at += step.hold * 1000;
    }
  }
  // A plan may shorten or lengthen the step: clip the holds, or let the last one run on.
  const kept = holds.filter((hold) => hold.startMs < durationMs);
  kept.at(-1).endMs = durationMs;
  return kept;
}

function addNotes(step, isLastLying) {
  if (step.kind !== "mat" || !LYING.has(step.position)) return;
  const prickleMs = Math.min(PRICKLE_NOTE_MS, step.durationMs / 2);
  step.notes.push({ kind: "prickle", fromMs: 0, toMs: prickleMs });
  if (isLastLying) {
    const fromMs = step.durationMs - Math.min(GET_UP_NOTE_MS, step.durationMs / 4);
    step.notes.push({ kind: "get-up", fromMs, toMs: step.durationMs });
  }
}

/** Every cue of the session in time order: {type, step (routine index), atMs, ...}. */
function cuesOf(timeline) {
  const cues = [];
  const add = (type, step, atMs, extra) => cues.push({ type, step: step.index, atMs, ...extra });
  for (const step of timeline.steps) {
    add("step", step, step.startMs);
    const { startMs, endMs } = step;
    if (step.phases) {
      const { list, cycleMs } = step.phases;
      for (let breath = startMs; breath < endMs; breath += cycleMs) {
        for (const phase of list) {
          const atMs = breath + phase.startMs;
          if (atMs < endMs) add("phase", step, atMs, { phase: phase.name });
        }
      }
    }
    step.holds?.forEach((hold, i) => {
      if (i === 0) return;
      const type = hold.side && hold.side !== step.holds[i - 1].side ? "switch" : "release";
      add(type, step, startMs + step.holds[i - 1].endMs, { side: hold.side });
      add("hold", step, startMs + hold.startMs, { side: hold.side, rep: hold.rep });
    });
    for (const prompt of step.meditation?.prompts ?? []) {
      const atMs = startMs + prompt.at * 1000;
      if (atMs < endMs) add("prompt", step, atMs, { text: prompt.text });
    }
    const everyMs = (step.bell_every ?? 0) * 1000;
    for (let bell = startMs + everyMs; everyMs && bell < endMs; bell += everyMs) {
      add("interval", step, bell);
    }
    const getUp = step.notes.find((note) => note.kind === "get-up");
    if (getUp) add("get-up", step, startMs + getUp.fromMs);
  }
  const halfway = timeline.steps.find((s) => s.endMs > timeline.halfwayMs);
  if (halfway) add("halfway", halfway, timeline.halfwayMs);
  const last = timeline.steps.at(-1);
  if (last) add("end", last, timeline.endMs);
  // Stable: at one instant a step starts before its first breath and the session's bells.
  return cues.sort((a, b) => a.atMs - b.atMs);
}
