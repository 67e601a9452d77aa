/**
 * A person's own routines: `custom-routine` records in the device's store, synced like every
 * record. Each is a routine in the library's format (routines/README.md) with an `id` slug
 * distinct from the library's; the server checks it with the catalog's own validator.
 */
import { deleteRecord, listRecords, saveRecord } from "acuplan/sync/store";

const KIND = "custom-routine";

/** Save (create or replace) a custom routine by its `id`; returns the stored record. */
export async function saveCustom(routine) {
  const existing = await findRecord(routine.id);
  return saveRecord(KIND, routine, existing?.id);
}

/** Every custom routine on the device (their data), by title. */
export async function listCustom() {
  const records = await listRecords(KIND);
  return records.map((r) => r.data).sort((a, b) => a.title.localeCompare(b.title));
}

/** The custom routine with this id, or null. */
export async function getCustom(id) {
  return (await findRecord(id))?.data ?? null;
}

/** Delete the custom routine with this id (a tombstone, so other devices delete it too). */
export async function deleteCustom(id) {
  const record = await findRecord(id);
  if (record) await deleteRecord(record.id);
}

/**
 * "Make it mine": a custom routine copied from a library routine (as /api/routines lists it)
 * or from a custom one, with an id not in `takenIds` and a title marked `(mark)`. Not saved:
 * pass it to saveCustom.
 */
export function copyOf(routine, takenIds = [], mark = "mine") {
  const base = (routine.id ?? routine.slug).replace(new RegExp(`-${mark}(-\\d+)?$`), "");
  let id = `${base}-${mark}`;
  for (let n = 2; takenIds.includes(id); n += 1) id = `${base}-${mark}-${n}`;
  const copy = {
    id,
    title: `${routine.title} (${mark})`.slice(0, 80),
    summary: routine.summary,
    goals: [...routine.goals],
    level: routine.level,
    steps: routine.steps.map(sourceStep),
  };
  if (routine.safety?.length) copy.safety = [...routine.safety];
  return copy;
}

async function findRecord(id) {
  return (await listRecords(KIND)).find((record) => record.data?.id === id) ?? null;
}

const STEP_FIELDS = {
  mat: ["position", "layer", "instruction", "lower", "get_up", "later"],
  breathing: ["instruction", "cycles"],
  stretch: ["instruction", "hold", "reps", "switch_pause"],
  meditation: ["instruction", "bell_every"],
};

/** A step in the library's file format, from its API form (which resolves references). */
function sourceStep(step) {
  if (!("title" in step)) return structuredClone(step); // already a custom routine's step
  const out = { kind: step.kind };
  for (const name of STEP_FIELDS[step.kind]) {
    if (step[name] !== undefined) out[name] = structuredClone(step[name]);
  }
  if (step.kind === "breathing") out.pattern = step.breathing.id;
  if (step.kind === "mat" && step.breathing) out.breathing = step.breathing.id;
  if (step.stretch) out.stretch = step.stretch.id;
  if (step.meditation) out.meditation = step.meditation.id;
  if (step.kind === "mat" || step.kind === "meditation") out.seconds = step.seconds;
  if (step.kind === "breathing" && !out.cycles) out.seconds = step.seconds;
  return out;
}
