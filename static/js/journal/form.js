/** The journal entry form: fill it from a record or from the player, check it, save it. */
import { deleteRecord, getRecord, listRecords, saveRecord } from "acuplan/sync/store";
import { SCALES } from "acuplan/journal/entries";
import { dayOf } from "acuplan/plan/dates";
import { touchedFields } from "acuplan/ui/touched";

const LISTS = ["areas", "sensations", "adverse"];
const TEXTS = ["date", "routine", "position", "layer", "notes"];
const PREFILL = ["routine", "minutes", "position", "layer", "date"];
const SKIN = ["bruising", "broken-skin"];

/** Whether an entry other than `id` noted bruising or broken skin not yet reported healed. */
async function skinToHeal(id) {
  const entries = (await listRecords("journal").catch(() => []))
    .filter((r) => !r.deleted && r.id !== id && r.data)
    .sort((a, b) => a.data.date.localeCompare(b.data.date) || a.modified - b.modified);
  let open = false;
  for (const { data } of entries) {
    if ((data.adverse ?? []).some((effect) => SKIN.includes(effect))) open = true;
    else if (data.healed === true) open = false;
  }
  return open;
}

/**
 * Wire the form at once (so nothing typed is lost), then fill it once the record and the
 * routine choices (`ready`, a promise) are in; `form.dataset.ready` marks that moment.
 */
export async function setUpEntryForm(form, { ready, onSaved, onDeleted }) {
  const params = new URLSearchParams(window.location.search);
  const id = params.get("id");
  let existing = null;
  let markFilled;
  const filled = new Promise((resolve) => (markFilled = resolve));
  // what the person changes before the form is filled is theirs: the fill leaves it be
  const touched = touchedFields(form);
  wireScales(form);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await filled; // a tap on Save before the form is filled saves what the person sees
    const error = form.querySelector("[data-form-error]");
    const { data, problem } = collect(form);
    error.hidden = !problem;
    error.textContent = problem ?? "";
    if (problem) return;
    onSaved(await saveRecord("journal", data, existing?.id));
  });
  form.querySelector("[data-delete]").addEventListener("click", async () => {
    if (!window.confirm("Delete this entry? This can't be undone.")) return;
    await deleteRecord(existing.id);
    onDeleted();
  });
  try {
    await fillForm(form, { id, params, ready, touched, found: (record) => (existing = record) });
  } finally {
    markFilled();
  }
  form.dataset.ready = "true";
}

/** Fill the form from the record `id`, or for a new entry from the link's parameters. */
async function fillForm(form, { id, params, ready, touched, found }) {
  const [record, toHeal] = await Promise.all([id ? getRecord(id) : null, skinToHeal(id), ready]);
  const healed = form.querySelector("[data-healed]");
  healed.hidden = !(toHeal || typeof record?.data?.healed === "boolean");
  if (record && !record.deleted) {
    found(record);
    fill(form, record.data, touched);
    form.querySelector("[data-delete]").hidden = false;
    document.querySelector("[data-heading]").textContent = "Edit entry";
  } else {
    const prefill = Object.fromEntries(PREFILL.filter((k) => params.get(k)).map((k) => [k, params.get(k)]));
    // pain and stress noted in the player, before and after the session
    for (const name of SCALES) {
      if (/^(10|[0-9])$/.test(params.get(name) ?? "")) prefill[name] = Number(params.get(name));
    }
    fill(form, { date: dayOf(new Date()), ...prefill }, touched);
  }
}

/** Show a 0–10 scale as noted (its value) or not noted (no value, no thumb). */
function showScale(form, name, noted) {
  const input = form.elements.namedItem(name);
  const output = form.querySelector(`[data-output="${name}"]`);
  if (noted) {
    delete input.dataset.unset;
    input.removeAttribute("aria-valuetext");
    output.textContent = input.value;
  } else {
    input.dataset.unset = "";
    input.setAttribute("aria-valuetext", "Not noted");
    output.textContent = "–";
  }
}

function wireScales(form) {
  for (const name of SCALES) {
    const input = form.elements.namedItem(name);
    showScale(form, name, !("unset" in input.dataset));
    input.addEventListener("input", () => showScale(form, name, true));
    // A tap on the value an unset scale already holds (its middle, 5) fires no "input" (nor,
    // on touch, "click"): the tap itself records it. A scroll that starts on the track
    // ends in "pointercancel", so it notes nothing.
    input.addEventListener("pointerup", () => showScale(form, name, true));
    form.querySelector(`[data-clear="${name}"]`).addEventListener("click", () => {
      input.value = 5;
      showScale(form, name, false);
    });
  }
}

function fill(form, data, touched = new Set()) {
  const untouched = (names) => names.filter((name) => !touched.has(name));
  for (const name of untouched([...TEXTS, "minutes", "sleep_quality"])) {
    const field = form.elements.namedItem(name);
    if (field && data[name] !== undefined && data[name] !== null) field.value = data[name];
  }
  for (const name of untouched(SCALES)) {
    if (typeof data[name] !== "number") continue;
    form.elements.namedItem(name).value = data[name];
    showScale(form, name, true);
  }
  for (const name of untouched(LISTS)) {
    for (const box of form.querySelectorAll(`input[name="${name}"]`)) {
      box.checked = (data[name] ?? []).includes(box.value);
    }
  }
  for (const box of touched.has("healed") ? [] : form.querySelectorAll('input[name="healed"]')) {
    box.checked = typeof data.healed === "boolean" && box.value === (data.healed ? "yes" : "no");
  }
}

/** Text with every lone UTF-16 surrogate (half an emoji, e.g. cut by maxlength) made U+FFFD. */
export function wellFormed(text) {
  if (typeof text.toWellFormed === "function") return text.toWellFormed();
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** The form as a journal record's data, or the first problem, naming the field. */
export function collect(form) {
  const value = (name) => wellFormed(form.elements.namedItem(name).value.trim());
  const data = {};
  for (const name of TEXTS) if (value(name)) data[name] = value(name);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(data.date ?? "")) return { problem: "Date: choose the day of the session." };
  const minutes = Number(value("minutes"));
  if (value("minutes") === "" || !Number.isInteger(minutes) || minutes < 0 || minutes > 180) {
    return { problem: "Minutes done: a whole number from 0 to 180." };
  }
  data.minutes = minutes;
  for (const name of SCALES) {
    const input = form.elements.namedItem(name);
    if (!("unset" in input.dataset)) data[name] = Number(input.value);
  }
  if (value("sleep_quality")) data.sleep_quality = Number(value("sleep_quality"));
  for (const name of LISTS) {
    data[name] = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((b) => b.value);
  }
  const healed = form.querySelector('[data-healed]:not([hidden]) input[name="healed"]:checked');
  if (healed) data.healed = healed.value === "yes";
  return { data };
}
