/**
 * A custom routine (the library's file format, routines/README.md) as the player and every
 * page read routines: the shape of GET /api/routines (acuplan/catalog/query.routine_json),
 * built from the published rules so it works offline. tests/browser/test_custom_routines.py
 * checks it gives the API's own JSON for every library routine.
 */

import { cyclesIn, isOwnPattern, ownPattern, patternSeconds, roundHalfEven } from "acuplan/routines/own-pattern";

/** The routine `data` as /api/routines lists routines, marked `custom: true`. */
export function resolveRoutine(data, rules) {
  const steps = data.steps.map((step) => resolveStep(step, rules));
  const positions = [...new Set(steps.map((s) => s.position).filter(Boolean))];
  return {
    slug: data.id,
    title: data.title,
    summary: data.summary,
    goals: [...data.goals],
    level: data.level,
    safety: [...(data.safety ?? [])],
    seconds: sum(steps),
    mat_seconds: sum(steps.filter((s) => s.kind === "mat")),
    positions,
    steps,
    custom: true,
  };
}

const sum = (steps) => steps.reduce((total, s) => total + s.seconds, 0);

function find(items, id) {
  return items.find((item) => item.id === id);
}

function duration(step) {
  return step.minutes !== undefined ? roundHalfEven(step.minutes * 60) : step.seconds;
}

function carried(item, keep) {
  return Object.fromEntries(keep.filter((name) => name in item).map((name) => [name, structuredClone(item[name])]));
}

/** A step's pattern: the library's, by id, or the person's own written into the step. */
function patternOf(step, rules) {
  const ref = step.kind === "breathing" ? step.pattern : step.breathing;
  return isOwnPattern(ref) ? ownPattern(ref, rules) : find(rules.library.patterns, ref);
}

const PATTERN = ["id", "name", "label", "cycle_seconds", "phases", "exhale_to"];
const STRETCH = ["id", "name", "sided"];
const MEDITATION = ["id", "name", "kind", "prompts"];

function resolveStep(step, rules) {
  const lib = rules.library;
  const out = { kind: step.kind };
  const asks = new Set();
  const pattern = patternOf(step, rules);
  const stretch = step.kind === "stretch" ? find(lib.stretches, step.stretch) : undefined;
  const meditation = step.meditation ? find(lib.meditations, step.meditation) : undefined;
  if (step.kind === "mat") {
    out.title = rules.codes.positions.find((p) => p.code === step.position).label;
    out.seconds = duration(step);
    out.instruction = step.instruction;
    out.position = step.position;
    out.layer = step.layer;
    for (const name of ["lower", "later", "get_up"]) {
      if (step[name]?.length) out[name] = structuredClone(step[name]);
    }
    const lying = rules.mat.lying_positions.includes(step.position);
    if (lying && out.seconds > rules.mat.long_lying_seconds) asks.add("lying-back");
  } else if (step.kind === "breathing") {
    const cycles = step.cycles ?? cyclesIn(pattern, duration(step));
    out.title = pattern.name;
    out.seconds = roundHalfEven(patternSeconds(pattern, cycles));
    out.instruction = step.instruction || pattern.instruction;
    out.cycles = cycles;
  } else if (step.kind === "stretch") {
    const hold = step.hold ?? stretch.hold;
    const reps = step.reps ?? 1;
    const pause = step.switch_pause ?? rules.steps.switch_pause_default;
    const holds = reps * (stretch.sided ? 2 : 1);
    out.title = stretch.name;
    out.seconds = holds * hold + (holds - 1) * pause;
    out.instruction = step.instruction || stretch.instruction;
    out.stretch = carried(stretch, STRETCH);
    Object.assign(out, { hold, reps, switch_pause: pause });
    for (const tag of stretch.asks) asks.add(tag);
  } else {
    out.title = meditation.name;
    out.seconds = duration(step);
    out.instruction = step.instruction || meditation.summary;
  }
  if (pattern) {
    out.breathing = carried(pattern, PATTERN);
    if (pattern.caveat) out.caveat = pattern.caveat;
    for (const tag of pattern.asks) asks.add(tag);
  }
  if (meditation) {
    out.meditation = carried(meditation, MEDITATION);
    if (step.bell_every) out.bell_every = step.bell_every;
  }
  out.asks = [...asks].sort();
  return out;
}
