/**
 * The device's copy of the catalog's routine rules (acuplan/catalog/load.py, rules.py): the
 * same limits, read from GET /api/vocabulary, with the same messages. tests/cases/
 * custom_routines.json runs against both, so they cannot drift.
 */
import { fields, g } from "acuplan/routines/fields";
import { getJson } from "acuplan/sync/api";
import {
  OWN_PATTERN_ID,
  cyclesIn,
  isOwnPattern,
  ownPattern,
  patternSeconds,
  roundHalfEven,
} from "acuplan/routines/own-pattern";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KINDS = ["mat", "breathing", "stretch", "meditation"];
const LEVEL_ORDER = ["beginner", "intermediate", "experienced"];

let rules = null;

/** The published limits, vocabularies and shared library items; one fetch per page. */
export function loadRules() {
  rules ??= getJson("/api/vocabulary").catch((error) => {
    rules = null;
    throw error;
  });
  return rules;
}

/** Every problem of one routine as [{step, field, message}]; step is null for the routine's. */
export function validateRoutine(routine, rules) {
  const problems = [];
  const v = fields(routine, null, problems);
  const id = v.text("id", { maxLength: 60 });
  if (id !== undefined && !SLUG.test(id)) v.error("id", "must be lowercase words joined by hyphens");
  else if (id !== undefined && rules.library.routines.includes(id)) {
    v.error("id", `'${id}' is a routine of the library; choose another id`);
  }
  v.text("title", { maxLength: 80 });
  v.text("summary", { maxLength: 300 });
  v.texts("goals", { choices: codes(rules, "goals") });
  const level = v.choice("level", codes(rules, "levels"));
  v.texts("safety", { required: false });
  const parsed = v.tableList("steps", { steps: true }).map((step) => readStep(step, level, rules));
  v.finish();
  const read = parsed.filter((s) => s !== null);
  checkRoutine(v, level, read, read.length === parsed.length, rules);
  return problems;
}

function codes(rules, name) {
  return rules.codes[name].map((c) => c.code);
}

function duration(v, rules) {
  const { min: low, max: high } = rules.steps.seconds;
  if (v.has("minutes") === v.has("seconds")) {
    v.error("minutes", "give exactly one of minutes or seconds");
    v.raw("minutes");
    v.raw("seconds");
    return undefined;
  }
  if (v.has("minutes")) {
    const minutes = v.number("minutes", { min: 0.25, max: high / 60 });
    return minutes === undefined ? undefined : Math.round(minutes * 60);
  }
  return v.number("seconds", { min: low, max: high, integer: true });
}

/** A part of a mat step's words short enough to say in one go (acuplan/catalog/spoken.py). */
function spokenPart(v, name, rules, required = true) {
  const text = v.text(name, { required });
  const most = rules.steps.spoken_part_words;
  const count = text?.split(" ").length ?? 0;
  if (count > most) {
    v.error(name, `has ${count} words; keep each spoken part to ${most} (move the rest to \`lower\` or \`later\`)`);
    return undefined;
  }
  return text;
}

/** `later`: parts said at their own time, in order, within the step. */
function laterParts(v, seconds, rules) {
  if (!v.has("later")) return;
  const margin = rules.steps.later_margin;
  let previous;
  for (const part of v.tableList("later")) {
    const at = part.number("at", { min: margin, max: 3600, integer: true });
    const text = spokenPart(part, "text", rules);
    part.finish();
    if (at === undefined || text === undefined) continue;
    if (previous !== undefined && at <= previous) {
      part.error("at", `must come after the previous part (${previous} s)`);
    } else if (seconds !== undefined && at > seconds - margin) {
      part.error("at", `must be at least ${margin} s before the step ends (${seconds} s)`);
    }
    previous = at;
  }
}

function readStep(v, level, rules) {
  const kind = v.choice("kind", KINDS);
  const read = { mat: matStep, breathing: breathingStep, stretch: stretchStep }[kind];
  const parsed = kind === "meditation" ? meditationStep(v, rules) : read?.(v, level, rules);
  v.finish();
  return parsed ?? null;
}

function matStep(v, level, rules) {
  const mat = rules.mat;
  const position = v.choice("position", codes(rules, "positions"));
  const layer = v.choice("layer", codes(rules, "layers"));
  const instruction = spokenPart(v, "instruction", rules);
  spokenPart(v, "lower", rules, false);
  spokenPart(v, "get_up", rules, false);
  const pattern = v.reference("breathing", rules.library.patterns, "breathing pattern", { required: false });
  v.reference("meditation", rules.library.meditations, "meditation", { required: false });
  const seconds = duration(v, rules);
  laterParts(v, seconds, rules);
  if (v.has("breathing") && v.has("meditation")) {
    v.error("meditation", "a mat step carries a breathing pattern or meditation prompts, not both");
  }
  if (seconds !== undefined) {
    let [limit, why] = [mat.step_seconds_max, "longer sessions risk bruising"];
    if (level === "beginner") {
      [limit, why] = [mat.beginner_step_seconds_max, "beginners start with short sessions"];
    }
    if (position === "standing" && level in mat.standing_seconds_max) {
      [limit, why] = [mat.standing_seconds_max[level], "standing starts short"];
    }
    if (seconds > limit) {
      v.error(
        v.has("minutes") ? "minutes" : "seconds",
        `a mat step here may last at most ${limit / 60} min (${why}); got ${minutes(seconds)} min`,
      );
    }
  }
  if (mat.feet_positions.includes(position) && layer && !mat.foot_layers.includes(layer)) {
    v.error("layer", `feet on the mat go bare or in socks, not '${layer}'`);
  }
  if (position === "standing" && level === "beginner" && layer && layer !== "socks") {
    v.error("layer", "beginners stand on the mat in socks");
  }
  if (layer === "socks" && position && !mat.feet_positions.includes(position)) {
    const where = mat.lying_positions.includes(position) ? "lying" : "sitting";
    v.error(
      "layer",
      `socks are for feet on the mat; a ${where} position ('${position}') goes bare or with a shirt or towel`,
    );
  }
  if (pattern && seconds !== undefined) {
    patternUse(v, pattern, Math.floor(seconds / pattern.cycle_seconds), level, null, "breathing");
  }
  if ([position, layer, instruction, seconds].includes(undefined)) return null;
  return { kind: "mat", seconds, position };
}

function breathingStep(v, level, rules) {
  const pattern = isOwnPattern(v.table.pattern)
    ? readOwnPattern(v.child("pattern", v.raw("pattern")), rules)
    : v.reference("pattern", rules.library.patterns, "breathing pattern");
  const instruction = v.text("instruction", { required: false });
  let cycles;
  if (v.has("cycles")) {
    const { min: low, max: high } = rules.steps.breathing_cycles;
    cycles = v.number("cycles", { min: low, max: high, integer: true });
    if (v.has("minutes") || v.has("seconds")) {
      v.error("cycles", "give cycles, or minutes or seconds, not both");
    }
  } else {
    const seconds = duration(v, rules);
    if (seconds !== undefined && pattern) cycles = cyclesIn(pattern, seconds);
  }
  if (!pattern || cycles === undefined) return null;
  patternUse(v, pattern, cycles, level, instruction, "pattern");
  return { kind: "breathing", seconds: roundHalfEven(patternSeconds(pattern, cycles)) };
}

/** The person's own pattern (acuplan/catalog/own_pattern.py): its numbers checked. */
function readOwnPattern(v, rules) {
  const { phase_seconds: phase, hold_seconds: hold, own_pattern: own } = rules.breathing;
  v.text("name", { maxLength: own.name_length_max, required: false });
  const within = (name, range, required = true) =>
    v.number(name, { min: range.min, max: range.max, required });
  const numbers = {
    inhale: within("inhale", phase),
    hold_in: within("hold_in", hold, false) ?? (v.has("hold_in") ? undefined : 0),
    exhale: within("exhale", phase),
    hold_out: within("hold_out", hold, false) ?? (v.has("hold_out") ? undefined : 0),
    exhale_to: within("exhale_to", phase, false),
  };
  v.finish();
  const { exhale, exhale_to: to } = numbers;
  if (to !== undefined && exhale !== undefined && to <= exhale) {
    v.error("exhale_to", `must be longer than the out-breath it grows from (${g(exhale)} s)`);
    return undefined;
  }
  const missing = ["inhale", "hold_in", "exhale", "hold_out"].some((n) => numbers[n] === undefined);
  if (missing || (v.has("exhale_to") && to === undefined)) return undefined;
  return ownPattern(v.table, rules);
}

function stretchStep(v, level, rules) {
  const limits = rules.steps;
  const stretch = v.reference("stretch", rules.library.stretches, "stretch");
  v.text("instruction", { required: false });
  const range = (name, r, required = false) =>
    v.number(name, { min: r.min, max: r.max, integer: true, required });
  const hold = range("hold", limits.stretch_hold);
  const reps = v.has("reps") ? range("reps", limits.stretch_reps) : 1;
  const pause = v.has("switch_pause")
    ? range("switch_pause", limits.switch_pause)
    : limits.switch_pause_default;
  if (!stretch || reps === undefined || pause === undefined) return null;
  if (v.has("hold") && hold === undefined) return null;
  const holds = reps * (stretch.sided ? 2 : 1);
  return { kind: "stretch", seconds: holds * (hold ?? stretch.hold) + (holds - 1) * pause };
}

function meditationStep(v, rules) {
  const meditation = v.reference("meditation", rules.library.meditations, "meditation");
  v.text("instruction", { required: false });
  const { min: low, max: high } = rules.steps.bell_every;
  const bell = v.number("bell_every", { min: low, max: high, integer: true, required: false });
  const seconds = duration(v, rules);
  if (meditation && seconds !== undefined && seconds <= meditation.last_prompt_at) {
    v.error(
      v.has("minutes") ? "minutes" : "seconds",
      `must be longer than the last prompt of '${meditation.id}' (${meditation.last_prompt_at} s); got ${seconds} s`,
    );
  }
  if (!meditation || seconds === undefined || (v.has("bell_every") && bell === undefined)) {
    return null;
  }
  return { kind: "meditation", seconds };
}

function patternUse(v, pattern, cycles, level, instruction, field) {
  const called = pattern.id === OWN_PATTERN_ID ? "your own pattern" : `'${pattern.id}'`;
  if (level && LEVEL_ORDER.indexOf(pattern.level) > LEVEL_ORDER.indexOf(level)) {
    v.error(field, `${called} is for ${pattern.level} routines and up; this one is ${level}`);
  }
  const limit = level ? pattern.max_cycles[level] : undefined;
  if (limit !== undefined && cycles > limit) {
    const name = field === "pattern" && v.has("cycles") ? "cycles" : field;
    v.error(name, `${cycles} cycles of ${called}; ${article(level)} routine asks for at most ${limit}`);
  }
  const words = (text) => text.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  if (pattern.caveat && instruction && !words(instruction).includes(words(pattern.caveat))) {
    v.error(
      "instruction",
      `drops the safety caveat of ${called}; say it: '${pattern.caveat}'`,
    );
  }
}

function checkRoutine(v, level, steps, complete, rules) {
  const mat = steps.filter((s) => s.kind === "mat").reduce((sum, s) => sum + s.seconds, 0);
  const limits = rules.mat;
  if (mat > limits.routine_seconds_max) {
    v.error(
      "steps",
      `mat steps add up to ${minutes(mat)} min; at most ${limits.routine_seconds_max / 60} min on the mat per routine`,
    );
  } else if (level === "beginner" && mat > limits.beginner_routine_seconds_max) {
    v.error(
      "steps",
      `mat steps add up to ${minutes(mat)} min; a beginner routine has at most ${limits.beginner_routine_seconds_max / 60} min on the mat in all (first sessions are short)`,
    );
  }
  const standing = steps.filter((s) => s.position === "standing").map((s) => s.seconds);
  const standingMax = limits.standing_seconds_max[level];
  const standingSum = standing.reduce((a, b) => a + b, 0);
  if (standingMax !== undefined && standing.length > 1 && standingSum > standingMax) {
    v.error(
      "steps",
      `standing steps add up to ${minutes(standingSum)} min; ${article(level)} routine stands at most ${standingMax / 60} min (standing starts short and grows slowly)`,
    );
  }
  const total = steps.reduce((sum, s) => sum + s.seconds, 0);
  const { min: low, max: high } = rules.routine.seconds;
  if (total > high || (complete && total < low)) {
    v.error(
      "steps",
      `the routine lasts ${minutes(total)} min; it must last between ${low / 60} and ${high / 60} min`,
    );
  }
}

const minutes = (seconds) => g(seconds / 60);

function article(level) {
  return "aeiou".includes(level[0]) ? `an ${level}` : `a ${level}`;
}
