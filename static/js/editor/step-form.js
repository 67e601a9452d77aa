/**
 * One step's fields, for its kind, with the library's field names (routines/README.md). Each
 * input writes its value into the step and calls `changed`; each field carries
 * `data-field` so a problem the validator names is shown beside it.
 */
import { previewPattern } from "acuplan/editor/breath-preview";
import { cyclesIn, isOwnPattern, patternSeconds } from "acuplan/routines/own-pattern";
import { make } from "acuplan/ui/make-element";

let uid = 0;

/** The form of `step` (mutated in place as the person edits). */
export function stepForm(step, { items, rules, changed }) {
  const build = { mat: matFields, breathing: breathingFields, stretch: stretchFields };
  const fields = (build[step.kind] ?? meditationFields)(step, { items, rules, changed });
  return make("div", { class: "editor-fields" }, fields);
}

function field(label, name, control, hint) {
  const id = `editor-field-${(uid += 1)}`;
  control.id = id;
  return make(
    "div",
    { class: `editor-field editor-field-${name}`, "data-field": name },
    make("label", { for: id, text: label }),
    control,
    hint && make("span", { class: "hint", text: hint }),
    make("span", { class: "editor-problem", "data-problem": name, hidden: true }),
  );
}

function select(step, name, options, changed, { optional = false, after } = {}) {
  const control = make(
    "select",
    {
      onchange: () => {
        if (control.value) step[name] = control.value;
        else delete step[name];
        after?.(control.value);
        changed();
      },
    },
    optional && make("option", { value: "", text: "None" }),
    options.map(([value, label]) =>
      make("option", { value, text: label, selected: step[name] === value }),
    ),
  );
  return control;
}

function number(step, name, { min, max, stepBy = 1, placeholder }, changed) {
  const control = make("input", {
    type: "number",
    placeholder,
    inputmode: stepBy < 1 ? "decimal" : "numeric",
    min,
    max,
    step: stepBy,
    value: step[name] ?? "",
    oninput: () => {
      const value = control.valueAsNumber;
      if (Number.isNaN(value)) delete step[name];
      else step[name] = value;
      changed();
    },
  });
  return control;
}

function text(step, name, changed, rows = 2) {
  const control = make("textarea", {
    rows,
    oninput: () => {
      step[name] = control.value;
      changed();
    },
  });
  control.value = step[name] ?? "";
  return control;
}

const labelled = (rules, name) => rules.codes[name].map((c) => [c.code, c.label]);

function matFields(step, { items, rules, changed }) {
  const words = (position) => items.matStarts.find((s) => s.position === position)?.words;
  const instruction = text(step, "instruction", changed);
  // A new position brings its own words, unless the person wrote their own.
  const swapWords = (position) => {
    const before = Object.values(items.matStarts).find(
      (s) => s.words.instruction === step.instruction,
    );
    const next = words(position);
    if (!next || (step.instruction && !before)) return;
    delete step.lower;
    delete step.get_up;
    Object.assign(step, next);
    instruction.value = step.instruction;
  };
  return [
    field("Position", "position", select(step, "position", labelled(rules, "positions"), changed, { after: swapWords })),
    field("Between you and the spikes", "layer", select(step, "layer", labelled(rules, "layers"), changed)),
    field("Minutes", "minutes", number(step, "minutes", { min: 0.5, max: 30, stepBy: 0.5 }, changed)),
    field(
      "Breathing while on the mat",
      "breathing",
      select(step, "breathing", items.patterns.map((p) => [p.id, `${p.name} (${p.label})`]), changed, { optional: true }),
    ),
    field(
      "Or meditation prompts while on the mat",
      "meditation",
      select(step, "meditation", items.meditations.map((m) => [m.id, m.name]), changed, { optional: true }),
    ),
    field("What to do (said before the step)", "instruction", instruction),
  ];
}

const OWN = "own";

function breathingFields(step, { items, rules, changed }) {
  const pattern = () => items.pattern(step.pattern);
  const own = isOwnPattern(step.pattern);
  const byTime = step.minutes !== undefined;
  const amount = byTime
    ? number(step, "minutes", { min: 0.5, max: 60, stepBy: 0.5 }, changed)
    : number(step, "cycles", { min: 1, max: 200 }, changed);
  const unit = make(
    "select",
    {
      onchange: () => {
        // the same length in the other unit, a lengthening out-breath counted in
        const chosen = pattern() ?? { cycle_seconds: 10, phases: [] };
        if (unit.value === "minutes") {
          step.minutes = Math.max(0.5, Math.round(patternSeconds(chosen, step.cycles ?? 6) / 30) / 2);
          delete step.cycles;
        } else {
          step.cycles = cyclesIn(chosen, (step.minutes ?? 1) * 60);
          delete step.minutes;
        }
        changed({ rebuild: true });
      },
    },
    make("option", { value: "cycles", text: "Rounds", selected: !byTime }),
    make("option", { value: "minutes", text: "Minutes", selected: byTime }),
  );
  const preview = make("button", {
    type: "button",
    class: "button editor-preview",
    text: own && step.pattern.exhale_to ? "Hear the first and last rounds" : "Hear one round",
    onclick: () => previewPattern(pattern(), preview),
  });
  const choices = [...items.patterns.map((p) => [p.id, `${p.name} (${p.label})`]), [OWN, "My own pattern…"]];
  const choice = make(
    "select",
    {
      onchange: () => {
        if (choice.value === OWN) step.pattern = startOwn(pattern());
        else step.pattern = choice.value;
        changed({ rebuild: true });
      },
    },
    choices.map(([value, label]) =>
      make("option", { value, text: label, selected: own ? value === OWN : step.pattern === value }),
    ),
  );
  return [
    field("Pattern", "pattern", choice),
    own && ownPatternFields(step.pattern, rules, changed),
    field("Count in", "unit", unit),
    field(byTime ? "Minutes" : "Rounds", byTime ? "minutes" : "cycles", amount),
    make("p", { class: "editor-actions-row" }, preview),
  ];
}

/** An own pattern starts from the one chosen before: its phases, ready to change. */
function startOwn(from) {
  const seconds = (name, nth = 0) => from?.phases.filter((p) => p.name === name)[nth]?.seconds;
  const holds = from?.phases.map((p) => p.name).join(" ") ?? "";
  return {
    inhale: seconds("inhale") ?? 4,
    hold_in: holds.includes("inhale hold") ? seconds("hold") : 0,
    exhale: seconds("exhale") ?? 6,
    hold_out: holds.endsWith("exhale hold") ? seconds("hold", holds.includes("inhale hold") ? 1 : 0) : 0,
  };
}

/** The four phase lengths, an optional lengthening of the out-breath, and a name. */
function ownPatternFields(table, rules, changed) {
  const { phase_seconds: phase, hold_seconds: hold, own_pattern: limits } = rules.breathing;
  const seconds = (name, range, placeholder) =>
    number(table, name, { min: range.min, max: range.max, stepBy: 0.5, placeholder }, changed);
  const lengthen = make("input", {
    type: "checkbox",
    checked: table.exhale_to !== undefined,
    onchange: () => {
      if (lengthen.checked) table.exhale_to = (table.exhale ?? 6) + 2;
      else delete table.exhale_to;
      changed({ rebuild: true });
    },
  });
  const name = make("input", {
    type: "text",
    maxlength: limits.name_length_max,
    placeholder: limits.name,
    value: table.name ?? "",
    oninput: () => {
      if (name.value.trim()) table.name = name.value;
      else delete table.name;
      changed();
    },
  });
  return make(
    "fieldset",
    { class: "editor-own-pattern" },
    make("legend", { text: "Your pattern, in seconds (0 for no hold)" }),
    field("Breathe in", "pattern.inhale", seconds("inhale", phase)),
    field("Hold after breathing in", "pattern.hold_in", seconds("hold_in", hold, "0")),
    field("Breathe out", "pattern.exhale", seconds("exhale", phase)),
    field("Hold after breathing out", "pattern.hold_out", seconds("hold_out", hold, "0")),
    make(
      "div",
      { class: "editor-check" },
      make("label", { class: "field-check-label" }, lengthen, "Lengthen the out-breath a little each round"),
    ),
    table.exhale_to !== undefined &&
      field("Out-breath in the last round", "pattern.exhale_to", seconds("exhale_to", phase)),
    field("Name (optional)", "pattern.name", name),
  );
}

function stretchFields(step, { items, changed }) {
  const names = items.stretches.map((s) => [s.id, s.sided ? `${s.name} (each side)` : s.name]);
  return [
    field("Stretch", "stretch", select(step, "stretch", names, changed, { after: (id) => {
      const stretch = items.stretches.find((s) => s.id === id);
      if (stretch) step.hold = stretch.hold;
      changed({ rebuild: true });
    } })),
    field("Hold (seconds)", "hold", number(step, "hold", { min: 5, max: 180, stepBy: 5 }, changed)),
    field("Times", "reps", number(step, "reps", { min: 1, max: 20 }, changed)),
    field("Pause between holds and sides (s)", "switch_pause", number(step, "switch_pause", { min: 0, max: 60 }, changed)),
  ];
}

function meditationFields(step, { items, changed }) {
  return [
    field("Meditation", "meditation", select(step, "meditation", items.meditations.map((m) => [m.id, m.name]), changed)),
    field("Minutes", "minutes", number(step, "minutes", { min: 0.5, max: 60, stepBy: 0.5 }, changed)),
    field("A bell every (seconds)", "bell_every", number(step, "bell_every", { min: 15, max: 1800, stepBy: 15 }, changed), "Leave empty for no interval bell."),
  ];
}
