/** The breathing pacer: a shape that grows on the in-breath, rests on a hold and shrinks on
 * the out-breath, redrawn each frame from the session clock (a transform only: no layout).
 * With prefers-reduced-motion it does not move: the text leads, with a gentle change of
 * opacity instead of size.
 */

const SMALL = 0.5;
const LARGE = 1;
const REST = 0.72; // between breaths (stretches, prompts, the countdown)
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

const ease = (t) => (1 - Math.cos(Math.PI * Math.min(1, Math.max(0, t)))) / 2;

export function createPacer(root) {
  const shape = root.querySelector("[data-pacer-shape]");
  const label = root.querySelector("[data-pacer-label]");
  const count = root.querySelector("[data-pacer-count]");
  const still = window.matchMedia("(prefers-reduced-motion: reduce)");
  let levels = null;
  let phases = null;
  let drawn = "";

  function setText(element, text) {
    if (element.textContent !== text) element.textContent = text;
  }

  /** Size 0.5–1 as a scale, or, with reduced motion, as opacity. */
  function draw(size, breathing) {
    root.classList.toggle("pacer-breathing", breathing);
    root.classList.toggle("pacer-still", still.matches);
    // Steps of 1/400 are about a device pixel across the shape: a frame that would not
    // change what is seen writes nothing, so it costs no style, paint or commit.
    const level = Math.round(size * 400) / 400;
    const key = `${level}${still.matches}`;
    if (key === drawn) return;
    drawn = key;
    if (still.matches) {
      shape.style.transform = "";
      shape.style.opacity = (0.35 + 0.65 * ((level - SMALL) / (LARGE - SMALL))).toFixed(3);
    } else {
      shape.style.transform = `scale(${level})`;
      shape.style.opacity = "";
    }
  }

  return {
    /** Draw the breath of `state.breath` for the step's `phases` (from the timeline). */
    breathe(breath, stepPhases) {
      if (stepPhases !== phases) {
        phases = stepPhases;
        levels = levelsOf(stepPhases.list);
      }
      const [from, to] = levels[breath.index];
      draw(from + (to - from) * ease(breath.progress), true);
      setText(label, LABELS[breath.name]);
      setText(count, String(countOf(breath)));
      if (root.dataset.phase !== breath.name) root.dataset.phase = breath.name;
    },
    /** No breath to pace: the shape rests, with a word and a number inside (or none). */
    rest(text = "", number = "") {
      draw(REST, false);
      setText(label, text);
      setText(count, number);
      delete root.dataset.phase;
    },
  };
}
