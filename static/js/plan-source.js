/**
 * The plan: from POST /api/plan when there is a network, kept on the device (store meta)
 * for this week and the next, and asked for again only when what it was built from —
 * the answers, the history or the date — has changed.
 */
import { getMeta, setMeta } from "acuplan/store";

const KEY = "plan";

/** What the plan is built from, as the API takes it. */
export function planRequest(saved, history, today) {
  return { profile: saved.profile, screening: saved.screening, history, date: today };
}

/** The plan kept on the device: {plan, request, at} or null. */
export const cachedPlan = () => getMeta(KEY).catch(() => null);

export const isCurrent = (cached, request) =>
  Boolean(cached) && JSON.stringify(cached.request) === JSON.stringify(request);

/**
 * A fresh plan for `request`, kept on the device. Resolves with {plan} or, when the server
 * named a bad answer, {problem: {field, message}}; rejects when the network failed.
 */
export async function fetchPlan(request) {
  const { token } = await call("/api/csrf");
  const body = await call("/api/plan", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRFToken": token },
    body: JSON.stringify(request),
  });
  if (body.problem) return body;
  await setMeta(KEY, { plan: body.plan, request, at: Date.now() });
  return { plan: body.plan };
}

/** POST the request to `url` (the calendar file); the response itself. */
export async function postPlan(url, request) {
  const { token } = await call("/api/csrf");
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": token },
    body: JSON.stringify(request),
  });
}

async function call(url, options = {}) {
  const response = await fetch(url, { credentials: "same-origin", ...options });
  const body = await response.json().catch(() => ({}));
  if (response.status === 400 && body.field) {
    return { problem: { field: body.field, message: body.message } };
  }
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return body;
}
