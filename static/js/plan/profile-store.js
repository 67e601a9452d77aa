/**
 * The person's answers from onboarding: ONE `profile` record on the device.
 *
 * Its id is fixed and the same everywhere, so every device of an account edits the same
 * record (last writer wins) instead of each adding its own.
 */
import { getRecord, saveRecord } from "acuplan/sync/store";

export const PROFILE_ID = "00000000-0000-4000-8000-00000000a11e";

/** {profile, screening: {flags}} or null when the person has not answered yet. */
export async function loadProfile() {
  const record = await getRecord(PROFILE_ID);
  if (!record || record.deleted || !record.data?.profile) return null;
  return { profile: record.data.profile, screening: record.data.screening ?? { flags: [] } };
}

/** Save the answers; resolves once they are stored on the device. */
export function saveProfile(profile, flags) {
  return saveRecord("profile", { profile, screening: { flags } }, PROFILE_ID);
}

/** The health answers ({flags}), also those of the short safety check alone; or null. */
export async function loadScreening() {
  const record = await getRecord(PROFILE_ID);
  if (!record || record.deleted) return null;
  return record.data?.screening ?? null;
}

/** Save the health answers alone (the short safety check), keeping any other answers. */
export async function saveScreening(flags) {
  const record = await getRecord(PROFILE_ID);
  const profile = record && !record.deleted ? (record.data?.profile ?? null) : null;
  return saveRecord("profile", { profile, screening: { flags } }, PROFILE_ID);
}
