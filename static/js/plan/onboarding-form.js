/** The onboarding form: filled in from the saved answers, checked field by field, saved. */
import { loadProfile, loadScreening, saveProfile, saveScreening } from "acuplan/plan/profile-store";
import { touchedFields } from "acuplan/ui/touched";

const LISTS = ["goals", "times", "flags"];
const CHOICES = ["experience", "sensitivity"];
const DEFAULTS = { goals: [], times: [], flags: [], sensitivity: "medium" };
const NONE = "none"; // "None of these apply to me": an answer of its own, never assumed

/** Ticking "none" clears the health answers, and ticking one of them clears "none". */
function keepNoneApart(form) {
  form.querySelector('[data-field="flags"]').addEventListener("change", ({ target }) => {
    if (target.name !== "flags" || !target.checked) return;
    for (const box of form.querySelectorAll('[name="flags"]:checked')) {
      if (box !== target && (box.value === NONE) !== (target.value === NONE)) box.checked = false;
    }
  });
}

/**
 * `check`: only the health questions (the short safety check before a first mat session),
 * saved on their own; otherwise every question, saved as the profile. The form answers at
 * once: what is ticked before the saved answers are read is kept, and a tap on the button
 * waits for them; `form.dataset.ready` marks the moment they are in.
 */
export async function setUpOnboarding(form, { onSaved, check = false }) {
  const touched = touchedFields(form);
  keepNoneApart(form);
  const filled = fillFromSaved(form, check, touched);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await filled;
    const { profile, flags, problems } = collect(form);
    const shown = check ? { flags: problems.flags } : problems;
    const relevant = Object.fromEntries(Object.entries(shown).filter(([, text]) => text));
    showProblems(form, relevant);
    if (Object.keys(relevant).length) return;
    try {
      await (check ? saveScreening(flags) : saveProfile(profile, flags));
    } catch {
      return say(form, "Your answers could not be saved: this browser's storage is off or full.");
    }
    onSaved();
  });
  await filled;
  form.dataset.ready = "true";
}

/** The saved answers (or the defaults) in the form, but for fields the person has touched. */
async function fillFromSaved(form, check, touched) {
  const saved = await loadProfile().catch(() => null);
  const screening = await loadScreening().catch(() => null);
  if (check) showOnlyTheHealthQuestions(form);
  else if (saved) {
    document.querySelector("[data-heading]").textContent = "Your answers";
    form.querySelector("[data-submit]").textContent = "Save and update my plan";
  }
  const flags = (saved?.screening ?? screening)?.flags ?? [];
  fill(form, saved ? { ...saved.profile, flags } : { ...DEFAULTS, flags }, touched);
}

function showOnlyTheHealthQuestions(form) {
  document.querySelector("[data-heading]").textContent = "A short safety check";
  document.querySelector("[data-intro]").textContent =
    "Before your first time on the mat: do any of these apply to you? Acuplan then leaves " +
    "out or changes what it must, in every routine.";
  for (const field of form.querySelectorAll("[data-field], .field-row")) {
    field.hidden = !field.matches('[data-field="flags"]');
  }
  form.querySelector("[data-submit]").textContent = "Save my answers";
}

function fill(form, data, touched = new Set()) {
  for (const name of [...LISTS, ...CHOICES].filter((n) => !touched.has(n))) {
    const wanted = [data[name] ?? []].flat();
    for (const box of form.querySelectorAll(`[name="${name}"]`)) {
      box.checked = wanted.includes(box.value);
    }
  }
  for (const name of ["minutes_per_day", "days_per_week"]) {
    if (data[name] !== undefined && data[name] !== null && !touched.has(name)) {
      form.elements.namedItem(name).value = String(data[name]);
    }
  }
}

/** The answers as the planner takes them, and a problem per field in plain words. */
export function collect(form) {
  const ticked = (name) =>
    [...form.querySelectorAll(`[name="${name}"]:checked`)].map((box) => box.value);
  const whole = (name) => {
    const text = form.elements.namedItem(name).value.trim();
    return /^\d+$/.test(text) ? Number(text) : NaN;
  };
  const minutes = form.elements.namedItem("minutes_per_day");
  const [low, high] = [Number(minutes.min), Number(minutes.max)];
  const profile = {
    goals: ticked("goals"),
    minutes_per_day: whole("minutes_per_day"),
    days_per_week: whole("days_per_week"),
    times: ticked("times"),
    experience: ticked("experience")[0] ?? null,
    sensitivity: ticked("sensitivity")[0] ?? null,
  };
  const problems = {};
  if (!profile.goals.length) problems.goals = "Goals: choose at least one.";
  if (!(profile.minutes_per_day >= low && profile.minutes_per_day <= high)) {
    problems.minutes_per_day = `Minutes a day: a whole number from ${low} to ${high}.`;
  }
  if (!(profile.days_per_week >= 1 && profile.days_per_week <= 7)) {
    problems.days_per_week = "Days a week: choose from 1 to 7.";
  }
  if (!profile.times.length) problems.times = "Time of day: choose morning, evening or both.";
  if (!profile.experience) problems.experience = "Experience with a mat: choose one answer.";
  if (!profile.sensitivity) problems.sensitivity = "Sensitivity: choose one answer.";
  const flags = ticked("flags");
  if (!flags.length) {
    problems.flags = "Health questions: tick each one that applies, or “None of these apply to me”.";
  } else if (flags.includes(NONE) && flags.length > 1) {
    problems.flags = "Health questions: “None of these apply to me” can't go with other answers.";
  }
  return { profile, flags, problems };
}

function showProblems(form, problems) {
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    const problem = problems[slot.dataset.errorFor];
    slot.textContent = problem ?? "";
    slot.hidden = !problem;
    const field = form.querySelector(`[data-field="${slot.dataset.errorFor}"]`);
    for (const input of field.querySelectorAll("input, select")) {
      if (problem) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
  }
  const count = Object.keys(problems).length;
  say(form, count ? `Please check ${count === 1 ? "one answer" : `${count} answers`} above.` : "");
  const first = form.querySelector('[aria-invalid="true"]');
  first?.focus();
}

/**
 * The /start page's form; `?check` asks only the short safety check and then goes back to
 * `?next` (a path on this site), else to Today.
 */
export function openOnboarding(form) {
  const query = new URLSearchParams(window.location.search);
  const next = /^\/(?![/\\])/.test(query.get("next") ?? "") ? query.get("next") : "/";
  const check = query.has("check");
  setUpOnboarding(form, { check, onSaved: () => window.location.assign(check ? next : "/") });
}

function say(form, text) {
  const message = form.querySelector("[data-form-error]");
  message.textContent = text;
  message.hidden = !text;
}
