/**
 * The plan: from POST /api/plan when there is a network, kept on the device (store meta)
 * for this week and the next, and asked for again only when what it was built from —
 * the answers, the history or the date — has changed.
 */
import { getMeta, setMeta } from "acuplan/sync/store";

const KEY = "plan";

/** What the plan is built from, as the API takes it. */
export function planRequest(saved, history, today) {
  return { profile: saved.profile, screening: saved.screening, history, date: today };
}

/** The plan kept on the device: {plan, request, at} or null. */
export const cachedPlan = () => getMeta(KEY).catch(() => null);

// a plan kept before plans carried every routine adapted is asked for again
export const isCurrent = (cached, request) =>
  Boolean(cached?.plan?.adapted) && JSON.stringify(cached.request) === JSON.stringify(request);

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

// Someone who answered only the short safety check is planned for as a newcomer: the
// adaptation of every routine is all that is kept of that plan.
const NEWCOMER = { goals: ["stress"], minutes_per_day: 10, days_per_week: 7, times: ["evening"],
  experience: "never", sensitivity: "medium" };
const CHECK_KEY = "safety-check";

/** The routines adapted for the short safety check's answers: {adapted, flags} or null. */
export const cachedCheck = () => getMeta(CHECK_KEY).catch(() => null);

/** Ask for the adaptation of every routine for `screening` alone, and keep it. */
export async function fetchCheck(screening, today) {
  const body = await call("/api/plan", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRFToken": (await call("/api/csrf")).token },
    body: JSON.stringify({ profile: NEWCOMER, screening, history: [], date: today }),
  });
  if (body.problem) return null;
  const kept = { adapted: body.plan.adapted, flags: screening.flags };
  await setMeta(CHECK_KEY, kept);
  return kept;
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
