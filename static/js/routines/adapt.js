/**
 * A routine as this person may do it today, the same wherever it is opened (the plan, the
 * library, a shared link, the player): from the plan's own fitting when the link carries it
 * (`steps=` seconds per step, `layers=` a layer per step, "-" for none), never beyond the
 * adaptation the server made with the plan for every routine (kept on the device with the
 * plan, so it works offline). Each change carries its reason.
 */
import { today } from "acuplan/plan/dates";
import { cachedCheck, cachedPlan, fetchCheck, fetchPlan } from "acuplan/plan/source";
import { loadProfile, loadScreening } from "acuplan/plan/profile-store";
import { durationText } from "acuplan/ui/time-format";

const LAYERS = new Set(["bare", "shirt", "towel", "socks"]);
const WEAR = { shirt: "a thin shirt", towel: "a towel", socks: "socks", bare: "bare skin" };

/** `steps=60,0,300`: one whole number of seconds per step, or null. */
function parseSteps(routine, text) {
  const values = (text ?? "").split(",").map((v) => (/^\d{1,4}$/.test(v.trim()) ? Number(v) : NaN));
  const fits = values.length === routine.steps.length && values.every((v) => v <= 3600);
  return fits && values.some((v) => v > 0) ? values : null;
}

// A plan may lengthen a breathing, stretch or meditation step the screening left whole, to
// twice its written length (acuplan/planner/filling.py), to fill the minutes asked for.
const GROWTH = 2;
const longestOf = (step, safe) =>
  step.kind !== "mat" && safe.seconds === step.seconds ? GROWTH * step.seconds : safe.seconds;

/** `layers=shirt,-,socks`: a layer (or "-") per step, or null. */
export function parseLayers(routine, text) {
  const values = (text ?? "").split(",").map((v) => v.trim());
  if (values.length !== routine.steps.length) return null;
  if (!values.every((v) => v === "-" || LAYERS.has(v))) return null;
  return values.map((v) => (v === "-" ? null : v));
}

/** The query that opens a fitted routine: `steps=...&layers=...`. */
export function fittedQuery({ step_seconds, step_layers }) {
  const query = new URLSearchParams({ steps: step_seconds.join(",") });
  if (step_layers) query.set("layers", step_layers.map((layer) => layer ?? "-").join(","));
  return query.toString();
}

/**
 * {routine (its steps' `layer` as adapted), seconds ({index: seconds}, {} when as
 * written), notes (per step, null when unchanged), notices, checked (the person has
 * answered the health questions)} for `routine` and the page's `query`.
 */
export async function adaptRoutine(routine, query) {
  const screening = await loadScreening().catch(() => null);
  const checked = Boolean(screening?.flags?.length);
  const safe = checked ? (await adaptations(screening))?.[routine.slug] : null;
  const planned = parseSteps(routine, query.get("steps"));
  const written = routine.steps.map((step) => step.seconds);
  let seconds = planned ?? written;
  let layers = parseLayers(routine, query.get("layers")) ?? routine.steps.map((s) => s.layer ?? null);
  if (safe) {
    seconds = seconds.map((s, i) => Math.min(s, longestOf(routine.steps[i], safe.steps[i])));
    layers = layers.map((layer, i) => (seconds[i] ? safe.steps[i].layer ?? layer : layer));
  }
  const notes = routine.steps.map((step, i) =>
    routine.custom && step.kind === "mat" && seconds[i] && seconds[i] < step.seconds
      ? atYourLimit(step, seconds[i])
      : noteFor(step, seconds[i], layers[i], safe?.steps[i]),
  );
  const changed = seconds.some((s, i) => s !== written[i]);
  const waiting = checked && !safe && routine.steps.some((step) => step.kind === "mat");
  return {
    routine: { ...routine, steps: routine.steps.map((step, i) => ({ ...step, layer: layers[i] })) },
    seconds: changed ? Object.fromEntries(seconds.map((s, i) => [i, s])) : {},
    notes,
    notices: [...(waiting ? [WAITING] : []), ...notices(routine, notes)],
    checked,
  };
}

const WAITING =
  "Your health answers apply here once Acuplan has been online: until then, take the mat " +
  "steps gently, or leave them out if your answers said to.";

/** Every routine adapted for the person: from the kept plan, or, for someone who answered
 * only the short safety check, from the check's own adaptation (asked for when online). */
async function adaptations(screening) {
  const saved = await loadProfile().catch(() => null);
  if (saved) {
    const cached = await cachedPlan().catch(() => null);
    if (cached?.plan?.adapted || !cached?.request || !navigator.onLine) {
      return cached?.plan?.adapted ?? null;
    }
    // a plan kept from before plans carried the adapted routines: ask again, once
    return (await fetchPlan(cached.request).catch(() => null))?.plan?.adapted ?? null;
  }
  const kept = await cachedCheck();
  if (kept && JSON.stringify(kept.flags) === JSON.stringify(screening.flags)) return kept.adapted;
  if (!navigator.onLine) return null;
  return (await fetchCheck(screening, today()).catch(() => null))?.adapted ?? null;
}

/** A person's own mat step longer than their mat time today: played at their limit. */
function atYourLimit(step, seconds) {
  return (
    `Played at your limit today: ${durationText(seconds * 1000)} of the ` +
    `${durationText(step.seconds * 1000)} you wrote. Your time on the mat grows step by step.`
  );
}

function noteFor(step, seconds, layer, safe) {
  let note = null;
  if (safe?.note && seconds === safe.seconds && seconds !== step.seconds) note = safe.note;
  else if (seconds === 0 && step.seconds) note = "Left out, to fit the time your plan gives it.";
  else if (seconds < step.seconds) {
    note = `Shortened to ${durationText(seconds * 1000)}, to fit the time your plan gives it.`;
  }
  const skin = note?.includes("for your skin's sake");
  if (step.kind === "mat" && seconds && layer && layer !== step.layer && !skin) {
    note = [note, `With ${WEAR[layer] ?? layer}, for your skin's sake.`].filter(Boolean).join(" ");
  }
  return note;
}

function notices(routine, notes) {
  const byNote = new Map();
  routine.steps.forEach((step, i) => {
    if (!notes[i]) return;
    const titles = byNote.get(notes[i]) ?? [];
    if (!titles.includes(step.title)) titles.push(step.title);
    byNote.set(notes[i], titles);
  });
  return [...byNote].map(([note, titles]) => `${titles.join(", ")} — ${note[0].toLowerCase()}${note.slice(1)}`);
}

/** Whether the routine, as adapted, still has time on the mat. */
export const hasMat = (adapted) =>
  adapted.routine.steps.some((step, i) => step.kind === "mat" && (adapted.seconds[i] ?? step.seconds) > 0);
