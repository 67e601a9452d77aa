/**
 * A person's settings, one synced `preferences` record shared by all their phones. Each
 * setting lives in its own section of the record's data ({cues, day, reminders, ...}), and
 * saving one section keeps the others.
 */
import { getRecord, updateRecord } from "acuplan/sync/store";

// One preferences record per person: the same id on every device, so they share it.
export const PREFERENCES_ID = "00000000-0000-4000-8000-000000000c5e";

/** The saved sections, or {} when nothing is saved (or the store cannot be opened). */
export async function readPreferences() {
  const record = await getRecord(PREFERENCES_ID).catch(() => null);
  return record && !record.deleted && record.data ? record.data : {};
}

/** Save `value` as the section `name`, keeping every other section. */
export const savePreference = (name, value) =>
  updateRecord("preferences", PREFERENCES_ID, (data) => ({ ...data, [name]: value }));
