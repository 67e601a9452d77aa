/** The player's records on this device: the session in progress and finished sessions.
 *
 * A finished or stopped session is a synced `session` record in the store (IndexedDB), so it
 * reaches the person's other devices and the planner's history. The session in progress is
 * only a resume point for this device (localStorage, rewritten every few seconds and on
 * pagehide, when an IndexedDB transaction might not finish); logging out removes it too.
 */
import { listRecords, saveRecord } from "acuplan/sync/store";

const SESSION = "acuplan.session";
const FINISHED = "acuplan.finished-sessions"; // where finished sessions were kept before
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let moved = null;

/** The session in progress, or null. */
export async function loadSession() {
  return read(SESSION, null);
}

export async function saveSession(session) {
  localStorage.setItem(SESSION, JSON.stringify(session));
}

export async function clearSession() {
  localStorage.removeItem(SESSION);
}

/** Every finished session stored on this device, as {id, routine, seconds, ...}. */
export async function listFinished() {
  await moveOldSessions();
  return (await listRecords("session")).map(({ id, data }) => ({ id, ...data }));
}

/** Store a finished session as a `session` record; one with the same id replaces it. */
export async function recordFinished(record) {
  await moveOldSessions();
  const { id, ...data } = record;
  await saveRecord("session", data, id);
  return record;
}

/** Once: sessions finished before they were records move from localStorage into the store. */
function moveOldSessions() {
  moved ??= (async () => {
    const old = read(FINISHED, null);
    if (!Array.isArray(old)) return;
    for (const { id, ...data } of old.filter((s) => s && !Number.isNaN(Date.parse(s.startedAt)))) {
      await saveRecord("session", olderSession(data), UUID.test(id ?? "") ? id : newRecordId());
    }
    localStorage.removeItem(FINISHED);
  })();
  return moved;
}

/** An older stored session in today's shape: the fields a `session` record has, in range. */
function olderSession(data) {
  const whole = (value, most) => Math.min(most, Math.max(0, Math.round(Number(value) || 0)));
  const time = (value) => new Date(Date.parse(value) || Date.parse(data.startedAt)).toISOString();
  return {
    routine: String(data.routine || "own").slice(0, 80),
    title: String(data.title || data.routine || "").slice(0, 200) || undefined,
    startedAt: time(data.startedAt),
    endedAt: time(data.endedAt),
    seconds: whole(data.seconds, 7200),
    plannedSeconds: whole(data.plannedSeconds, 7200),
    // absent in the oldest: the planner's history then takes the routine's own mat time
    matSeconds: data.matSeconds === undefined ? undefined : whole(data.matSeconds, 3600),
    stepsDone: whole(data.stepsDone, 100),
    stepsTotal: whole(data.stepsTotal, 100),
    endedEarly: Boolean(data.endedEarly),
  };
}

/** A record id the server can keep (sync keys records by a UUID the client makes). */
export function newRecordId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];
  return [...groups, hex.slice(20)].join("-");
}

function read(key, fallback) {
  try {
    return JSON.parse(localStorage.getItem(key)) ?? fallback;
  } catch {
    return fallback;
  }
}
