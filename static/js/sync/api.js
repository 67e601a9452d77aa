/**
 * The one way to the server's /api/: JSON both ways, a fresh CSRF token for every change,
 * and a refusal turned into an ApiError that carries the server's `message` and `field`.
 */

/** The server refused: `status`, its `message` (or a plain one) and the `field` it named. */
export class ApiError extends Error {
  constructor(status, { message, field } = {}) {
    super(message || `The server answered ${status}.`);
    this.name = "ApiError";
    this.status = status;
    this.field = field ?? null;
  }
}

/**
 * The response to `url`. A change (any method but GET) first asks for a fresh CSRF token:
 * the page may have been open, or offline, for days. `json` is sent as the JSON body.
 */
export async function apiFetch(url, { method = "GET", json } = {}) {
  const headers = {};
  if (method !== "GET") headers["X-CSRFToken"] = (await getJson("/api/csrf")).token;
  if (json !== undefined) headers["Content-Type"] = "application/json";
  const body = json === undefined ? undefined : JSON.stringify(json);
  return fetch(url, { method, headers, body, credentials: "same-origin" });
}

/** GET `url`: its JSON body, or an ApiError. */
export async function getJson(url) {
  return bodyOf(await apiFetch(url));
}

/** POST `data` to `url` as JSON, with a fresh CSRF token: the JSON answer, or an ApiError. */
export async function postJson(url, data) {
  return bodyOf(await apiFetch(url, { method: "POST", json: data }));
}

async function bodyOf(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}
