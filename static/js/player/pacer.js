/** The breathing pacer: a shape that grows on the in-breath, rests on a hold and shrinks on
 * the out-breath. Each phase is one Web Animation of `transform` (or, with
 * prefers-reduced-motion, of `opacity` only: the text leads), started when the phase starts
 * and run by the compositor: the page's own code runs only when a number or word changes.
 */

const SMALL = 0.5;
const LARGE = 1;
const REST = 0.72; // between breaths (stretches, prompts, the countdown)
const DRIFT_MS = 120; // re-align an animation that has drifted this far from the session clock
const EASE = "cubic-bezier(0.37, 0, 0.63, 1)"; // ease-in-out sine: a breath's own curve
const LABELS = {
  inhale: "Breathe in",
  "top-up": "A little more in",
  hold: "Hold",
  exhale: "Breathe out",
};

/** The size a breath goes from and to in each phase of a pattern. */
function levelsOf(phases) {
  const topUp = phases.some((phase) => phase.name === "top-up");
  let level = SMALL;
  return phases.map(({ name }) => {
    const from = level;
    if (name === "inhale") level = topUp ? 0.88 : LARGE;
    if (name === "top-up") level = LARGE;
    if (name === "exhale") level = SMALL;
    return [from, level];
  });
}

/** The count rises through an in-breath and a hold, and falls through the out-breath. */
function countOf(breath) {
  if (breath.name === "exhale") return Math.ceil(breath.remainingMs / 1000 - 1e-6);
  return Math.floor(breath.elapsedMs / 1000) + 1;
}

/** Milliseconds until the count of `breath` next changes. */
export function nextCountInMs(breath) {
  if (breath.name === "exhale") return breath.remainingMs % 1000 || 1000;
  return 1000 - (breath.elapsedMs % 1000);
}

const opacityOf = (level) => (0.35 + 0.65 * ((level - SMALL) / (LARGE - SMALL))).toFixed(3);

export function createPacer(root) {
  const shape = root.querySelector("[data-pacer-shape]");
  const label = root.querySelector("[data-pacer-label]");
  const count = root.querySelector("[data-pacer-count]");
  const still = window.matchMedia("(prefers-reduced-motion: reduce)");
  let levels = null;
  let phases = null;
  let animation = null;
  let animating = ""; // which phase of which breath the animation draws

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }
  function setClass(name, on) {
    if (root.classList.contains(name) !== on) root.classList.toggle(name, on);
  }
  function stop() {
    animation?.cancel();
    animation = null;
    animating = "";
  }

  /** One phase as an animation from `from` to `to`, at `elapsedMs` into its `lengthMs`. */
  function animate(from, to, elapsedMs, lengthMs) {
    stop();
    const frames = still.matches
      ? [{ opacity: opacityOf(from) }, { opacity: opacityOf(to) }]
      : [{ transform: `scale(${from})` }, { transform: `scale(${to})` }];
    animation = shape.animate(frames, { duration: lengthMs, easing: EASE, fill: "both" });
    animation.currentTime = elapsedMs;
  }

  return {
    /**
     * Draw the breath of `state.breath` for the step's `phases` (from the timeline); `running`
     * is false while the session is paused (the shape then holds still where it is).
     */
    breathe(breath, stepPhases, running = true) {
      if (stepPhases !== phases) {
        phases = stepPhases;
        levels = levelsOf(stepPhases.list);
      }
      setClass("pacer-breathing", true);
      setClass("pacer-still", still.matches);
      const key = `${breath.breath}:${breath.index}:${still.matches}`;
      const lengthMs = breath.elapsedMs + breath.remainingMs;
      if (key !== animating) {
        const [from, to] = levels[breath.index];
        animate(from, to, breath.elapsedMs, lengthMs);
        animating = key;
      } else if (Math.abs(animation.currentTime - breath.elapsedMs) > DRIFT_MS || !running) {
        animation.currentTime = breath.elapsedMs; // back from hidden, resumed, or a pause
      }
      if (running && animation.playState === "paused") animation.play();
      if (!running && animation.playState !== "paused") animation.pause();
      setText(label, LABELS[breath.name]);
      setText(count, String(countOf(breath)));
      if (root.dataset.phase !== breath.name) root.dataset.phase = breath.name;
    },
    /** No breath to pace: the shape rests, with a word and a number inside (or none). */
    rest(text = "", number = "") {
      if (animation) stop();
      setClass("pacer-breathing", false);
      setClass("pacer-still", still.matches);
      const transform = still.matches ? "" : `scale(${REST})`;
      if (shape.style.transform !== transform) shape.style.transform = transform;
      if (shape.style.opacity !== "") shape.style.opacity = "";
      setText(label, text);
      setText(count, number);
      if (root.dataset.phase) delete root.dataset.phase;
    },
  };
}
