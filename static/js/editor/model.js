/**
 * The routine editor's model (pure): a routine as blocks of steps, each block played N times.
 * The library's format has no blocks, so a saved routine is its blocks written out as steps
 * (`toRoutine`), and a routine read back is folded into blocks again (`toBlocks`).
 */

import { cyclesIn, patternSeconds, roundHalfEven } from "acuplan/routines/own-pattern";

/** A new step of `kind` with the library's fields, filled from the items the device knows. */
export function newStep(kind, items) {
  if (kind === "mat") {
    const start = items.matStarts.find((s) => s.position === "upper-back") ?? items.matStarts[0];
    return { kind, position: "upper-back", layer: "shirt", minutes: 5, ...start?.words };
  }
  if (kind === "breathing") {
    const pattern = items.patterns.find((p) => p.id === "coherent") ?? items.patterns[0];
    return { kind, pattern: pattern.id, cycles: 6 };
  }
  if (kind === "stretch") {
    // A two-sided stretch first: most of a newcomer's stretches are done on both sides.
    const stretch =
      items.stretches.find((s) => s.id === "figure-four") ??
      items.stretches.find((s) => s.sided) ??
      items.stretches[0];
    return { kind, stretch: stretch.id, hold: stretch.hold, reps: 1, switch_pause: 5 };
  }
  const meditation = items.meditations.find((m) => m.id === "body-scan") ?? items.meditations[0];
  return { kind: "meditation", meditation: meditation.id, minutes: 5 };
}

/** A block: the steps played together, and how many times in a row. */
export function newBlock(steps, repeat = 1) {
  return { steps, repeat };
}

/** The routine in the library's format, each block's steps written out `repeat` times. */
export function toRoutine(details, blocks) {
  const steps = [];
  for (const block of blocks) {
    for (let n = 0; n < block.repeat; n += 1) steps.push(...block.steps.map(clean));
  }
  const routine = { ...details, steps };
  if (!routine.safety?.length) delete routine.safety;
  return routine;
}

/** Where each written-out step came from: [{block, step}] by the routine's step index. */
export function stepOrigins(blocks) {
  const origins = [];
  blocks.forEach((block, b) => {
    for (let n = 0; n < block.repeat; n += 1) {
      block.steps.forEach((_, s) => origins.push({ block: b, step: s }));
    }
  });
  return origins;
}

/** A routine's steps folded into blocks: a run of the same steps becomes one block ×N. */
export function toBlocks(steps) {
  const blocks = [];
  let at = 0;
  while (at < steps.length) {
    const { length, repeat } = longestRun(steps, at);
    if (repeat > 1) {
      blocks.push(newBlock(steps.slice(at, at + length).map(clean), repeat));
      at += length * repeat;
    } else {
      blocks.push(newBlock([clean(steps[at])]));
      at += 1;
    }
  }
  return blocks;
}

function longestRun(steps, at) {
  let best = { length: 1, repeat: 1 };
  for (let length = 1; at + 2 * length <= steps.length; length += 1) {
    const key = JSON.stringify(steps.slice(at, at + length));
    let repeat = 1;
    while (JSON.stringify(steps.slice(at + repeat * length, at + (repeat + 1) * length)) === key) {
      repeat += 1;
    }
    if (repeat > 1 && length * repeat > best.length * best.repeat) best = { length, repeat };
  }
  return best;
}

/** A step without empty optional fields (the validator refuses empty text). */
function clean(step) {
  const out = {};
  for (const [name, value] of Object.entries(step)) {
    if (value === "" || value === null || value === undefined) continue;
    out[name] = value;
  }
  return out;
}

/** One step's seconds as the player plays it, or null when a field is not yet usable. */
export function stepSeconds(step, items) {
  const timed = () => {
    if (step.minutes !== undefined) return Math.round(Number(step.minutes) * 60) || null;
    return Number(step.seconds) || null;
  };
  if (step.kind === "mat" || step.kind === "meditation") return timed();
  if (step.kind === "breathing") {
    const pattern = items.pattern(step.pattern);
    if (!pattern) return null;
    if (step.cycles !== undefined) return roundHalfEven(patternSeconds(pattern, Number(step.cycles)));
    const seconds = timed();
    return seconds && roundHalfEven(patternSeconds(pattern, cyclesIn(pattern, seconds)));
  }
  const stretch = items.stretches.find((s) => s.id === step.stretch);
  if (!stretch) return null;
  const holds = Number(step.reps ?? 1) * (stretch.sided ? 2 : 1);
  const pause = Number(step.switch_pause ?? 5);
  return holds * Number(step.hold ?? stretch.hold) + (holds - 1) * pause;
}

/** The total and the time on the mat of the blocks, in seconds. */
export function totals(blocks, items) {
  let seconds = 0;
  let matSeconds = 0;
  for (const block of blocks) {
    for (const step of block.steps) {
      const each = (stepSeconds(step, items) ?? 0) * block.repeat;
      seconds += each;
      if (step.kind === "mat") matSeconds += each;
    }
  }
  return { seconds, matSeconds };
}

/** The list with the item at `from` moved to `to` (a new list). */
export function moved(list, from, to) {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item);
  return out;
}

/** An id of lowercase words from a title, distinct from every id in `taken`. */
export function idFor(title, taken) {
  const base =
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "") // accents off, so "Évening" reads "evening"
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50)
      .replace(/-+$/, "") || "my-routine";
  let id = taken.includes(base) ? `${base}-mine` : base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}-mine-${n}`;
  return id;
}
