/** A routine as a timed plan: each step's lead-in and span, each stretch hold, every cue. Pure. */
import { promisedCues } from "acuplan/player/promised-cues";
import { getUpSaying, speakingMs, stepSaying } from "acuplan/player/spoken";

// The shortest get-ready before the first step, and before each later one: each step's
// instruction is spoken in its lead-in, before its clock starts, so nothing talks over it.
export const COUNTDOWN_MS = 10_000;
export const LEAD_MIN_MS = 3_000;
const LEAD_GAP_MS = 1_000; // a breath of quiet between the words and the start
const LYING = new Set(["upper-back", "lower-back", "neck-pillow"]);
// The prickling peaks in the first 2–3 minutes and usually settles after 3–5 (DOMAIN.md).
const PRICKLE_NOTE_MS = 180_000;
const GET_UP_NOTE_MS = 30_000;

/** A step's lead-in: long enough to say its instruction, never shorter than `shortest`. */
export function leadMsOf(step, shortest = LEAD_MIN_MS) {
  const needed = Math.ceil((speakingMs(stepSaying(step)) + LEAD_GAP_MS) / 1000) * 1000;
  return Math.max(shortest, needed);
}

/**
 * Build a routine's timeline. Times are session milliseconds: 0 is the moment Start is
 * tapped; each step has a lead-in ("Get ready", from `leadStartMs`) and then its own span
 * (`startMs`–`endMs`). `countdownMs` is the first step's start.
 * @param {object} routine one routine from GET /api/routines
 * @param {{seconds?: Record<number, number>, countdownMs?: number}} options `seconds` overrides
 *   the length of steps by their index in the routine; 0 leaves a step out (a plan's edits);
 *   `countdownMs` is the shortest get-ready before the first step.
 */
export function buildTimeline(routine, { seconds = {}, countdownMs = COUNTDOWN_MS } = {}) {
  const steps = [];
  let at = 0;
  routine.steps.forEach((source, index) => {
    const length = seconds[index] ?? source.seconds;
    if (!(length > 0)) return;
    const durationMs = Math.round(length * 1000);
    const step = { ...source, index, order: steps.length, leadStartMs: at };
    step.leadMs = leadMsOf(step, steps.length ? LEAD_MIN_MS : countdownMs);
    step.startMs = at + step.leadMs;
    step.endMs = step.startMs + durationMs;
    step.durationMs = durationMs;
    step.notes = [];
    // what the instruction promises ("halfway, change direction") is said, and shown, then
    const promised = promisedCues(source).map(({ fraction, text }) => ({ at: (durationMs * fraction) / 1000, text }));
    if (promised.length) step.later = [...(source.later ?? []), ...promised].sort((a, b) => a.at - b.at);
    if (source.breathing) step.phases = phasesOf(source.breathing, durationMs);
    if (source.stretch) step.holds = holdsOf(source, durationMs);
    steps.push(step);
    at = step.endMs;
  });
  const lastLying = steps.findLast((s) => s.kind === "mat" && LYING.has(s.position));
  for (const step of steps) addNotes(step, step === lastLying);
  const stepMs = steps.reduce((sum, step) => sum + step.durationMs, 0);
  const timeline = {
    routine,
    steps,
    countdownMs: steps[0]?.startMs ?? countdownMs,
    endMs: at,
    totalMs: at - (steps[0]?.startMs ?? 0),
    stepMs,
    halfwayMs: halfwayOf(steps, stepMs / 2),
  };
  timeline.cues = cuesOf(timeline);
  timeline.ticks = ticksOf(steps);
  return timeline;
}

/** Session time when half the steps' own time has passed (lead-ins left out). */
function halfwayOf(steps, halfMs) {
  let left = halfMs;
  for (const step of steps) {
    if (left < step.durationMs) return step.startMs + Math.round(left);
    left -= step.durationMs;
  }
  return steps.at(-1)?.endMs ?? 0;
}

/**
 * A breathing pattern's phases with their offsets in whole milliseconds within one breath,
 * and each breath of the step ({startMs, list, cycleMs}). An out-breath that lengthens grows
 * evenly from the first round to `exhale_to` in the last round that fits the step, so a
 * plan's shorter step still reaches it.
 */
function phasesOf(pattern, durationMs) {
  const first = breathOf(pattern.phases, 0);
  const exhale = pattern.phases.find((phase) => phase.name === "exhale");
  const growMs = pattern.exhale_to ? Math.round((pattern.exhale_to - exhale.seconds) * 1000) : 0;
  const rounds = Math.max(1, Math.round(durationMs / (first.cycleMs + growMs / 2)));
  const breaths = [];
  for (let at = 0, round = 0; at < durationMs; round += 1) {
    const extraMs = rounds > 1 ? Math.round((growMs * Math.min(round, rounds - 1)) / (rounds - 1)) : 0;
    const breath = extraMs ? breathOf(pattern.phases, extraMs) : first;
    breaths.push({ startMs: at, ...breath });
    at += breath.cycleMs;
  }
  return { ...first, breaths };
}

function breathOf(phases, extraExhaleMs) {
  let at = 0;
  const list = phases.map(({ name, seconds }) => {
    const lengthMs = Math.round(seconds * 1000) + (name === "exhale" ? extraExhaleMs : 0);
    const phase = { name, startMs: at, endMs: at + lengthMs };
    at = phase.endMs;
    return phase;
  });
  return { list, cycleMs: at };
}

/** Stretch holds within the step: each side, each repetition, with switch pauses between. */
function holdsOf(step, durationMs) {
  const holds = [];
  const sides = step.stretch.sided ? ["first", "second"] : [null];
  let at = 0;
  // a step a plan lengthened gets more repetitions, not one long last hold
  for (let rep = 1; rep <= step.reps || at < durationMs; rep += 1) {
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
  if (step.kind !== "mat") return;
  if (LYING.has(step.position)) {
    const prickleMs = Math.min(PRICKLE_NOTE_MS, step.durationMs / 2);
    step.notes.push({ kind: "prickle", fromMs: 0, toMs: prickleMs });
  }
  if (isLastLying || step.get_up) {
    // Time to say it and a few seconds more before the bell, and never before the middle.
    const sayMs = speakingMs(getUpSaying(step)) + 5_000;
    const fromMs = step.durationMs - Math.min(Math.max(GET_UP_NOTE_MS, sayMs), step.durationMs / 2);
    step.notes.push({ kind: "get-up", fromMs: Math.round(fromMs), toMs: step.durationMs });
  }
}

/** Every cue of the session in time order: {type, step (routine index), atMs, ...}. */
function cuesOf(timeline) {
  const cues = [];
  const add = (type, step, atMs, extra) => cues.push({ type, step: step.index, atMs, ...extra });
  for (const step of timeline.steps) {
    add("step", step, step.leadStartMs);
    const { startMs, endMs } = step;
    add("begin", step, startMs);
    if (step.phases) addBreaths(step, add);
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
    for (const part of step.later ?? []) {
      const atMs = startMs + part.at * 1000;
      if (atMs < endMs) add("part", step, atMs, { text: part.text });
    }
    const everyMs = (step.bell_every ?? 0) * 1000;
    for (let bell = startMs + everyMs; everyMs && bell < endMs; bell += everyMs) {
      add("interval", step, bell);
    }
    const getUp = step.notes.find((note) => note.kind === "get-up");
    if (getUp) add("get-up", step, startMs + getUp.fromMs);
  }
  const halfway = timeline.steps.find((s) => s.endMs > timeline.halfwayMs);
  if (halfway) add("halfway", halfway, clearOfWords(cues, timeline.steps, timeline.halfwayMs));
  const last = timeline.steps.at(-1);
  if (last) add("end", last, timeline.endMs);
  // Stable: at one instant a step starts before its first breath and the session's bells.
  return cues.sort((a, b) => a.atMs - b.atMs);
}

/** Each breath's phases; in a counted breathing step, each new round is numbered. */
function addBreaths(step, add) {
  const { breaths } = step.phases;
  for (const [index, { startMs, list }] of breaths.entries()) {
    const round = index + 1;
    const breath = step.startMs + startMs;
    if (step.cycles && round > 1) add("round", step, breath, { round, last: round === breaths.length });
    for (const phase of list) {
      const atMs = breath + phase.startMs;
      if (atMs < step.endMs) add("phase", step, atMs, { phase: phase.name });
    }
  }
}

/** The first moment from `atMs` on when no words are being said (for the halfway bell). */
function clearOfWords(cues, steps, atMs) {
  const stepOf = new Map(steps.map((step) => [step.index, step]));
  const spans = [];
  for (const cue of cues) {
    const step = stepOf.get(cue.step);
    if (cue.type === "step") spans.push([cue.atMs, step.startMs]);
    if (cue.type === "part" || cue.type === "prompt") {
      spans.push([cue.atMs, cue.atMs + speakingMs(cue.text)]);
    }
    if (cue.type === "get-up") spans.push([cue.atMs, cue.atMs + speakingMs(getUpSaying(step))]);
  }
  let at = atMs;
  for (let moved = true; moved; ) {
    moved = false;
    for (const [fromMs, toMs] of spans) {
      if (fromMs <= at && at < toMs) {
        at = toMs;
        moved = true;
      }
    }
  }
  return at;
}

/**
 * The count made audible: a tick at each whole second of a breath phase after its first (the
 * phase's own tone marks that one), {atMs, phase}. Only for phases of two seconds or more.
 */
function ticksOf(steps) {
  const ticks = [];
  for (const step of steps) {
    if (!step.phases) continue;
    for (const { startMs, list } of step.phases.breaths) {
      const breath = step.startMs + startMs;
      for (const phase of list) {
        for (let at = phase.startMs + 1000; at < phase.endMs - 250; at += 1000) {
          if (breath + at < step.endMs) ticks.push({ atMs: breath + at, phase: phase.name });
        }
      }
    }
  }
  return ticks;
}
