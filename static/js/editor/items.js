/**
 * What a step can use: the shared breathing patterns, stretches and meditations the server
 * publishes with the rules (GET /api/vocabulary's `library`), and the words a mat step
 * starts from, taken from the library's own mat steps (GET /api/routines). Both are cached
 * by the worker, so the editor works offline.
 */
import { loadLibrary } from "acuplan/routines/library";
import { isOwnPattern, ownPattern } from "acuplan/routines/own-pattern";
import { loadRules } from "acuplan/routines/rules";

/** {rules, items, routines}: the rules to check against, the items to choose from. */
export async function loadEditorData() {
  const [rules, routines] = await Promise.all([loadRules(), loadLibrary()]);
  const byName = (list) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  const items = {
    patterns: byName(rules.library.patterns),
    stretches: byName(rules.library.stretches),
    meditations: byName(rules.library.meditations),
    matStarts: matStarts(routines),
    /** A step's pattern: the library's by id, or the person's own once its numbers are in. */
    pattern(ref) {
      if (!isOwnPattern(ref)) return items.patterns.find((p) => p.id === ref);
      const usable = ["inhale", "exhale"].every((n) => ref[n] > 0);
      return usable ? ownPattern(ref, rules) : undefined;
    },
  };
  return { rules, items, routines };
}

/** For each position, the first library mat step's words: what to do, how to lower, get up. */
function matStarts(routines) {
  const starts = new Map();
  for (const step of routines.flatMap((routine) => routine.steps)) {
    if (step.kind !== "mat" || starts.has(step.position)) continue;
    const words = { instruction: step.instruction };
    if (step.lower) words.lower = step.lower;
    if (step.get_up) words.get_up = step.get_up;
    starts.set(step.position, { position: step.position, words });
  }
  return [...starts.values()];
}
