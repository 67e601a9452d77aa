/**
 * The routine library (GET /api/routines), fetched once per page and shared by every module
 * that needs it, with the person's own routines beside it (marked `custom: true`). Offline
 * the service worker answers from its copy; a device that never had the library gets a
 * LibraryError saying so.
 */
import { ApiError, getJson } from "acuplan/sync/api";
import { listCustom } from "acuplan/routines/custom";
import { resolveRoutine } from "acuplan/routines/resolve";
import { loadRules, validateRoutine } from "acuplan/routines/rules";

export class LibraryError extends Error {}

let routines = null;

/** Every routine, the library's and the person's own, as the API lists them. */
export async function loadLibrary() {
  const [library, own] = await Promise.all([libraryRoutines(), ownRoutines()]);
  return [...library, ...own.map((o) => o.routine)];
}

/**
 * The person's own routines that keep today's rules: [{data, routine}] (the data as saved,
 * the routine as the player reads it). None when the rules have never been fetched.
 */
export async function ownRoutines() {
  const saved = await listCustom().catch(() => []);
  if (!saved.length) return []; // most people: no rules to fetch
  const rules = await loadRules().catch(() => null);
  if (!rules) return [];
  return saved
    .filter((data) => validateRoutine(data, rules).length === 0)
    .map((data) => ({ data, routine: resolveRoutine(data, rules) }));
}

function libraryRoutines() {
  routines ??= getJson("/api/routines").then(
    (body) => body.routines,
    (error) => {
      routines = null; // the next call tries again: the network may be back
      throw new LibraryError(
        error instanceof ApiError
          ? `The routine library could not be loaded: ${error.message}`
          : "The routine library is not on this device yet: open Acuplan once online.",
        { cause: error },
      );
    },
  );
  return routines;
}

/** The routine called `slug`, or null when the library has none. */
export async function findRoutine(slug) {
  return (await loadLibrary()).find((routine) => routine.slug === slug) ?? null;
}
