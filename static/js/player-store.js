/** The player's records on this device: the session in progress and finished sessions.
 *
 * localStorage for now; the journal moves them to IndexedDB, which is why every function
 * already returns a promise and the interface is these five.
 */

const SESSION = "acuplan.session";
const FINISHED = "acuplan.finished-sessions";

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

/** Every finished session stored on this device. */
export async function listFinished() {
  return read(FINISHED, []);
}

/** Store a finished session; a record with the same id replaces it. */
export async function recordFinished(record) {
  const records = read(FINISHED, []).filter((r) => r.id !== record.id);
  records.push(record);
  localStorage.setItem(FINISHED, JSON.stringify(records));
  return record;
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
