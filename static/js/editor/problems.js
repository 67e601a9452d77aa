/**
 * The validator's problems, shown where they belong: beside the field of the step they name,
 * or in the list above the save button for the routine's own (and any field not on screen).
 */

/** Show `problems` ([{step, field, message}]) in `root`; `origins` maps a step to its form. */
export function showProblems(root, problems, origins, nameOfStep) {
  for (const spot of root.querySelectorAll("[data-problem]")) {
    spot.hidden = true;
    spot.textContent = "";
    spot.closest("[data-field]")?.classList.remove("editor-invalid");
  }
  const list = root.querySelector("[data-problems]");
  const listed = [];
  const seen = new Set();
  for (const problem of problems) {
    const origin = problem.step === null ? null : origins[problem.step];
    const key = origin ? `${origin.block}.${origin.step}.${problem.field}` : `r.${problem.field}`;
    if (seen.has(key)) continue; // a repeated block's steps share one form
    seen.add(key);
    const scope = origin
      ? root.querySelector(`[data-step="${origin.block}.${origin.step}"]`)
      : root.querySelector("[data-details]");
    const spot = scope?.querySelector(`[data-problem="${problem.field}"]`);
    if (spot) {
      spot.textContent = sentence(problem.message);
      spot.hidden = false;
      spot.closest("[data-field]")?.classList.add("editor-invalid");
    }
    const where = origin
      ? `Block ${origin.block + 1}, ${nameOfStep(problem.step)} (${problem.field})`
      : problem.field === "steps"
        ? "The routine"
        : `The routine's ${problem.field}`;
    listed.push(`${where}: ${problem.message}`);
  }
  list.replaceChildren(
    ...listed.map((text) => Object.assign(document.createElement("li"), { textContent: text })),
  );
  list.hidden = listed.length === 0;
  const count = root.querySelector("[data-problem-count]");
  count.textContent = listed.length
    ? `${listed.length === 1 ? "One thing" : `${listed.length} things`} to change before saving.`
    : "";
}

function sentence(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
