/** A planned session in words: when, how long, how long on the mat, what to wear. */
import { dayInWords } from "acuplan/plan/dates";
import { minutesOf } from "acuplan/plan/edits";
import { fittedQuery } from "acuplan/routines/adapt";
import { durationText } from "acuplan/ui/time-format";

export const SLOT_NAMES = { morning: "Morning", evening: "Evening" };
const LAYER_NAMES = { bare: "bare skin", shirt: "a thin shirt", towel: "a towel", socks: "socks" };

export const titleOf = (routines, slug) => routines.get(slug)?.title ?? slug;

/** "Today · Evening" */
export const whenText = (session, today) =>
  `${dayInWords(session.date, today)} · ${SLOT_NAMES[session.slot] ?? session.slot}`;

/** "10 min · 5 min on the mat", or "10 min · no mat". */
export function lengthText(session) {
  const mat = session.mat_seconds
    ? `${durationText(session.mat_seconds * 1000)} on the mat`
    : "no mat";
  return `${minutesOf(session.seconds)} min · ${mat}`;
}

/** "On the mat: a thin shirt and socks", or "" when no mat step is kept. */
export function layerText(session) {
  const layers = session.step_layers.filter((layer, i) => layer && session.step_seconds[i] > 0);
  const names = [...new Set(layers)].map((layer) => LAYER_NAMES[layer] ?? layer);
  if (!names.length) return "";
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  return `On the mat: ${list}.`;
}

/** The player for this session, with the plan's length and layer for every step. */
export function playerUrl(session) {
  return `/play?routine=${encodeURIComponent(session.routine)}&${fittedQuery(session)}`;
}

/** The routine's page as the plan fitted it for this session (a person's own routine has
 * no page of the library's: the player shows it). `routines`: slug → routine. */
export function routineUrl(session, routines) {
  if (routines?.get(session.routine)?.custom) return playerUrl(session);
  return `/routines/${encodeURIComponent(session.routine)}?${fittedQuery(session)}`;
}

/** "You're at 5 minutes on the mat." */
export function matLimitText(plan) {
  if (!plan.mat_allowed) {
    return "No time on the mat for now: breathing, gentle stretches and meditation.";
  }
  if (!plan.mat_limit) return "No more time on the mat today: breathing, gentle stretches and meditation.";
  const minutes = Math.round(plan.mat_limit / 60);
  return `You're at ${minutes} minute${minutes === 1 ? "" : "s"} on the mat.`;
}
