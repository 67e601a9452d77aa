/**
 * The plan: from POST /api/plan when there is a network, kept on the device (store meta)
 * for this week and the next, and asked for again only when what it was built from —
 * the answers, the history or the date — has changed.
 */
import { ApiError, apiFetch, postJson } from "acuplan/sync/api";
import { getMeta, setMeta } from "acuplan/sync/store";

const KEY = "plan";

/** What the plan is built from, as the API takes it (`custom`: the person's own routines). */
export function planRequest(saved, history, today, custom = []) {
  const request = { profile: saved.profile, screening: saved.screening, history, date: today };
  return custom.length ? { ...request, custom } : request;
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
  const body = await askForPlan(request);
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
  const body = await askForPlan({ profile: NEWCOMER, screening, history: [], date: today });
  if (body.problem) return null;
  const kept = { adapted: body.plan.adapted, flags: screening.flags };
  await setMeta(CHECK_KEY, kept);
  return kept;
}

/** POST the request to `url` (the calendar file); the response itself. */
export function postPlan(url, request) {
  return apiFetch(url, { method: "POST", json: request });
}

/** POST /api/plan: its answer, or {problem: {field, message}} for an answer it refused. */
async function askForPlan(request) {
  try {
    return await postJson("/api/plan", request);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && error.field) {
      return { problem: { field: error.field, message: error.message } };
    }
    throw error;
  }
}
