/** Where a session is at a given moment of its timeline. Pure: no DOM, no clock. */

/**
 * The state at session time `ms`: the stage (countdown, step or done), the current step and
 * what remains of it, the breath phase and its progress, the stretch hold and its side, the
 * latest meditation prompt and any mat note showing now.
 */
export function stateAt(timeline, ms) {
  const { steps, countdownMs, endMs, totalMs } = timeline;
  const doneMs = Math.min(Math.max(ms - countdownMs, 0), totalMs);
  const common = { ms, doneMs, leftMs: totalMs - doneMs, progress: totalMs ? doneMs / totalMs : 1 };
  if (ms >= endMs || !steps.length) return { ...common, stage: "done", step: null, next: null };
  const step = steps[stepIndexAt(steps, ms)];
  if (ms < step.startMs) {
    // The lead-in: the step's instruction is being said; its clock has not started.
    return {
      ...common,
      stage: "countdown",
      first: step.order === 0,
      step: null,
      next: step,
      remainingMs: step.startMs - ms,
    };
  }
  const intoMs = ms - step.startMs;
  return {
    ...common,
    stage: "step",
    step,
    next: steps[step.order + 1] ?? null,
    intoMs,
    remainingMs: step.endMs - ms,
    breath: step.phases ? breathAt(step, intoMs) : null,
    hold: step.holds ? holdAt(step.holds, intoMs) : null,
    prompt: latestText(step.meditation?.prompts, intoMs),
    part: latestText(step.later, intoMs),
    note: step.notes.findLast((note) => note.fromMs <= intoMs && intoMs < note.toMs)?.kind ?? null,
  };
}

/** The last step whose lead-in starts at or before `ms`. */
const stepIndexAt = (steps, ms) => lastStartingBy(steps, ms, "leadStartMs");

/** The index of the last item whose `key` is at or before `ms` (binary search; sorted items). */
function lastStartingBy(items, ms, key = "startMs") {
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (items[mid][key] <= ms) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The breath phase at `intoMs` into a step: its name, index, progress 0–1 and what is left. */
function breathAt(step, intoMs) {
  const { breaths } = step.phases;
  const cycle = lastStartingBy(breaths, intoMs);
  const { list, startMs } = breaths[cycle];
  const inCycle = intoMs - startMs;
  const index = list.findIndex((phase) => inCycle < phase.endMs);
  const phase = list[index];
  const lengthMs = phase.endMs - phase.startMs;
  return {
    name: phase.name,
    index,
    progress: (inCycle - phase.startMs) / lengthMs,
    elapsedMs: inCycle - phase.startMs,
    remainingMs: Math.min(phase.endMs - inCycle, step.durationMs - intoMs),
    breath: cycle + 1,
    breaths: step.cycles ?? null,
  };
}

/** The stretch hold, or the pause before the next one, at `intoMs` into the step. */
function holdAt(holds, intoMs) {
  const index = holds.findIndex((hold) => intoMs < hold.endMs);
  const hold = holds[index === -1 ? holds.length - 1 : index];
  const pausing = intoMs < hold.startMs;
  return {
    side: hold.side,
    rep: hold.rep,
    number: holds.indexOf(hold) + 1,
    holds: holds.length,
    pausing,
    switching: pausing && hold.side !== holds[index - 1]?.side,
    remainingMs: (pausing ? hold.startMs : hold.endMs) - intoMs,
  };
}

function latestText(timed, intoMs) {
  let latest = null;
  for (const { at, text } of timed ?? []) if (at * 1000 <= intoMs) latest = text;
  return latest;
}
