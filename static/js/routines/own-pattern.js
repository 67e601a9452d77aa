/**
 * A person's own breathing pattern, written into a breathing step: four phase lengths and an
 * out-breath that may lengthen round by round. Its asks, level, cycle limits, caveat and
 * words follow from the numbers by the published rules (rules.breathing.own_pattern), as
 * acuplan/catalog/own_pattern.py derives them on the server.
 */

export const OWN_PATTERN_ID = "own";

/** Whether a step's `pattern` is the person's own (a table) rather than a library id. */
export const isOwnPattern = (pattern) => typeof pattern === "object" && pattern !== null && !Array.isArray(pattern);

/** Python's `{x:g}` for the phase lengths people type (4, 5.5, 0.75). */
const g = (x) => String(Number(x.toPrecision(6)));

/**
 * The pattern as the library's patterns are published ({id, name, label, cycle_seconds,
 * phases, instruction, caveat, asks, level, max_cycles}, plus exhale_to), from checked numbers.
 */
export function ownPattern(table, rules) {
  const own = rules.breathing.own_pattern;
  const p = {
    inhale: table.inhale,
    hold_in: table.hold_in ?? 0,
    exhale: table.exhale,
    hold_out: table.hold_out ?? 0,
    exhale_to: table.exhale_to ?? null,
  };
  const holds = Math.max(p.hold_in, p.hold_out);
  const cycle = p.inhale + p.hold_in + p.exhale + p.hold_out;
  const asks = [];
  if (holds >= rules.breathing.breath_hold_asks_from) asks.push("breath-hold");
  if (p.exhale < own.fast_exhale_below || cycle < own.fast_breath_below) asks.push("fast-breathing");
  let level = "beginner";
  for (const [longerThan, atLeast] of own.hold_levels) if (holds > longerThan) level = atLeast;
  const caps = [];
  if (holds >= own.long_hold_from) caps.push(own.beginner_cycles_max["long-hold"]);
  if (asks.includes("fast-breathing")) caps.push(own.beginner_cycles_max["fast-breathing"]);
  const caveat = asks.map((a) => own.caveats[a]).join(" ") || null;
  const exhale = p.exhale_to ? `${g(p.exhale)}→${g(p.exhale_to)}` : g(p.exhale);
  const phases = [
    ["inhale", p.inhale],
    ["hold", p.hold_in],
    ["exhale", p.exhale],
    ["hold", p.hold_out],
  ].filter(([, seconds]) => seconds > 0);
  return {
    id: OWN_PATTERN_ID,
    name: table.name?.trim() || own.name,
    label: [g(p.inhale), g(p.hold_in), exhale, g(p.hold_out)].join("-"),
    cycle_seconds: cycle,
    phases: phases.map(([name, seconds]) => ({ name, seconds })),
    ...(p.exhale_to ? { exhale_to: p.exhale_to } : {}),
    instruction: [...ownWords(p), ...(caveat ? [caveat] : [])].join(" "),
    caveat,
    asks,
    level,
    max_cycles: caps.length ? { beginner: Math.min(...caps) } : {},
  };
}

function ownWords(p) {
  let exhale = `Breathe out slowly for ${g(p.exhale)}`;
  if (p.exhale_to) exhale += `, a little longer each round, up to ${g(p.exhale_to)}`;
  return [
    `Breathe in for ${g(p.inhale)}.`,
    ...(p.hold_in ? [`Hold gently for ${g(p.hold_in)}.`] : []),
    `${exhale}.`,
    ...(p.hold_out ? [`Rest with empty lungs for ${g(p.hold_out)}.`] : []),
  ];
}

/** Seconds of `cycles` rounds, the out-breath lengthening evenly over them if it does. */
export function patternSeconds(pattern, cycles) {
  const growth = pattern.exhale_to && cycles > 1 ? pattern.exhale_to - exhaleOf(pattern) : 0;
  return cycles * pattern.cycle_seconds + (growth * cycles) / 2;
}

/** The whole rounds, at least one, nearest to lasting `seconds` (Python's round, halves even). */
export function cyclesIn(pattern, seconds) {
  const growth = pattern.exhale_to ? pattern.exhale_to - exhaleOf(pattern) : 0;
  return Math.max(1, roundHalfEven(seconds / (pattern.cycle_seconds + growth / 2)));
}

const exhaleOf = (pattern) => pattern.phases.find((phase) => phase.name === "exhale").seconds;

/** Python's round(): halves go to the even neighbour, so both sides count the same. */
export function roundHalfEven(x) {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
