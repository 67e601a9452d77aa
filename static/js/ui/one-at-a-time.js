/**
 * `task` wrapped so that calls run one at a time, in the order made: a slow render never
 * overwrites a newer one, and one that failed does not stop the next.
 */
export function oneAtATime(task) {
  let last = Promise.resolve();
  return (...args) => (last = last.catch(() => {}).then(() => task(...args)));
}
