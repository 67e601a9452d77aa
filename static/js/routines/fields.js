/**
 * Typed reading of one table of a routine, as acuplan/fields.py reads it on the server: the
 * same checks and the same words, so the editor says what the server would. Every getter
 * returns undefined when the value is missing or wrong, so one pass names every problem.
 */

/** Python's `{x:g}` (six significant digits, no trailing zeros). */
export const g = (x) => String(Number(x.toPrecision(6)));

const isTable = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

function typeName(value) {
  if (typeof value === "boolean") return "true/false";
  if (typeof value === "number") return "a number";
  if (typeof value === "string") return "text";
  if (Array.isArray(value)) return "a list";
  return isTable(value) ? "a table" : "nothing";
}

/** Python's repr() of a value a person typed, for messages: 'text' in quotes. */
const repr = (value) => (typeof value === "string" ? `'${value}'` : String(value));

/**
 * Fields of `data` (a table) in step `step` (null for the routine's own) at `path` within it;
 * problems go to `problems` as {step, field, message}.
 */
export function fields(data, step, problems, path = "") {
  const table = isTable(data) ? data : {};
  const read = new Set();
  const error = (name, message) => {
    problems.push({ step, field: [path, name].filter(Boolean).join("."), message });
  };
  if (!isTable(data)) error("", `must be a table, not ${typeName(data)}`);
  const get = (name, required) => {
    read.add(name);
    if (!(name in table)) {
      if (required) error(name, "is required");
      return undefined;
    }
    return table[name];
  };
  return {
    table,
    error,
    has: (name) => name in table,
    /** Mark `name` as read and give its raw value. */
    raw: (name) => get(name, false),
    child: (name, value) => fields(value, step, problems, [path, name].filter(Boolean).join(".")),
    text(name, { required = true, maxLength = 2000 } = {}) {
      const value = get(name, required);
      if (value === undefined) return undefined;
      if (typeof value !== "string" || !value.trim()) {
        error(name, `must be non-empty text, not ${typeName(value)}`);
        return undefined;
      }
      if (value.length > maxLength) {
        error(name, `must be at most ${maxLength} characters`);
        return undefined;
      }
      return value.trim().split(/\s+/).join(" ");
    },
    number(name, { min = 0, max = 86400, integer = false, required = true } = {}) {
      const value = get(name, required);
      if (value === undefined) return undefined;
      if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
        error(name, `must be ${integer ? "a whole number" : "a number"}, not ${typeName(value)}`);
        return undefined;
      }
      if (value < min || value > max) {
        error(name, `must be between ${g(min)} and ${g(max)} (got ${g(value)})`);
        return undefined;
      }
      return value;
    },
    choice(name, choices, { required = true } = {}) {
      const value = get(name, required);
      if (value === undefined) return undefined;
      if (typeof value !== "string" || !choices.includes(value)) {
        error(name, `unknown value ${repr(value)}; expected one of: ${choices.join(", ")}`);
        return undefined;
      }
      return value;
    },
    texts(name, { required = true, choices = null } = {}) {
      const value = get(name, required);
      if (value === undefined) return required ? undefined : [];
      if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && v.trim())) {
        error(name, "must be a list of non-empty texts");
        return undefined;
      }
      const unknown = choices ? value.filter((v) => !choices.includes(v)) : [];
      if (unknown.length) {
        error(name, `unknown value(s) ${unknown.map(repr).join(", ")}; expected any of: ${choices.join(", ")}`);
        return undefined;
      }
      return value;
    },
    reference(name, items, what, { required = true } = {}) {
      const value = get(name, required);
      if (value === undefined) return undefined;
      const item = typeof value === "string" ? items.find((i) => i.id === value) : undefined;
      if (!item) error(name, `unknown ${what} ${repr(value)}`);
      return item;
    },
    /**
     * A non-empty list of tables, each as fields named `name[i]`; as `steps`, each as the
     * fields of step i (problems name the step and the field within it).
     */
    tableList(name, { steps = false } = {}) {
      const value = get(name, true);
      if (value === undefined) return [];
      if (!Array.isArray(value) || value.length === 0) {
        error(name, "must be a non-empty list of tables");
        return [];
      }
      return value.map((item, i) =>
        steps ? fields(item, i, problems) : this.child(`${name}[${i}]`, item),
      );
    },
    /** Every field never read is unknown: a problem, as on the server. */
    finish() {
      for (const name of Object.keys(table).sort()) {
        if (!read.has(name)) error(name, "unknown field");
      }
    },
  };
}
