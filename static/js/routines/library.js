/**
 * The routine library (GET /api/routines), fetched once per page and shared by every module
 * that needs it. Offline the service worker answers from its copy; a device that never had
 * the library gets a LibraryError saying so.
 */
import { ApiError, getJson } from "acuplan/sync/api";

export class LibraryError extends Error {}

let routines = null;

/** Every routine, as the API lists them; the same promise for the whole page. */
export function loadLibrary() {
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
