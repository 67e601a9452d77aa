/**
 * The shared-routine page: a routine from a link's fragment or a file, shown with its
 * safety check (the same rules the server keeps) before the person saves it as their own.
 */
import { loadLibrary } from "acuplan/routines/library";
import { resolveRoutine } from "acuplan/routines/resolve";
import { loadRules, validateRoutine } from "acuplan/routines/rules";
import { importRoutine, readRoutineFile, readShareLink } from "acuplan/routines/share";
import { make } from "acuplan/ui/make-element";
import { durationText } from "acuplan/ui/time-format";

const KINDS = { mat: "Mat", breathing: "Breathing", stretch: "Stretch", meditation: "Meditation" };
const NO_RULES = "The safety rules are not on this phone yet: open Acuplan once online.";
const minutes = (seconds) => `${Math.max(1, Math.round(seconds / 60))} min`;

/**
 * Show the routine the page's fragment carries, and any file the person opens. The file
 * picker and Save answer from the first moment: what they need of the rules (a slow
 * phone may still be fetching them) is awaited inside, never a listener added later.
 */
export async function openSharedRoutine(page) {
  const at = (name) => page.querySelector(`[data-shared-${name}]`);
  const rules = loadRules();
  rules.catch(() => {}); // each use below says what a failure means
  let shown = null;
  let latest = 0;
  const show = async (read) => {
    const turn = ++latest; // a file opened later wins over a link still being read
    let routine;
    try {
      routine = await read();
    } catch (error) {
      if (turn === latest) fail(at, error.message);
      return;
    }
    const checked = await rules.catch(() => null);
    if (turn !== latest) return;
    if (!checked) return fail(at, NO_RULES);
    shown = routine;
    preview(at, routine, checked);
  };
  at("file").addEventListener("change", () => {
    const file = at("file").files[0];
    if (file) show(async () => readRoutineFile(await file.text()));
  });
  at("save").addEventListener("click", async () => {
    const libraryIds = (await rules).library.routines;
    const { routine, copied, same } = await importRoutine(shown, libraryIds);
    const play = make("a", { href: `/play?routine=${encodeURIComponent(routine.id)}`, text: "Play it" });
    const said = same
      ? "You already have this routine."
      : copied
        ? `Saved as “${routine.title}”: you already had a routine with this id, so this is a copy.`
        : "Saved to your routines.";
    at("saved").replaceChildren(`${said} `, play);
    at("save").disabled = true;
    loadLibrary().catch(() => {});
  });
  if (window.location.hash) await show(() => readShareLink(window.location.hash));
  else await rules.catch(() => fail(at, NO_RULES));
  page.dataset.ready = "true";
}

function fail(at, message) {
  at("error").textContent = message;
  at("error").hidden = false;
  at("preview").hidden = true;
}

function preview(at, routine, rules) {
  at("error").hidden = true;
  const problems = validateRoutine(routine, rules).filter((p) => p.field !== "id" || !p.message.includes("library"));
  at("heading").textContent = typeof routine.title === "string" ? routine.title : "A shared routine";
  at("summary").textContent = typeof routine.summary === "string" ? routine.summary : "";
  at("problems").replaceChildren(
    ...problems.map((p) => make("li", { text: `${where(p, routine)}: ${p.field} ${p.message}` })),
  );
  at("check").textContent = problems.length
    ? "This routine breaks the safety rules, so it cannot be saved:"
    : "It keeps the safety rules. Mat steps longer than your mat time today are played at your limit.";
  at("save").disabled = problems.length > 0;
  at("saved").textContent = "";
  if (problems.length) {
    at("steps").replaceChildren();
    for (const name of ["total", "mat", "level", "count"]) at(name).textContent = "–";
  } else {
    const resolved = resolveRoutine(routine, rules);
    at("total").textContent = minutes(resolved.seconds);
    at("mat").textContent = resolved.mat_seconds ? minutes(resolved.mat_seconds) : "None";
    at("level").textContent = rules.codes.levels.find((l) => l.code === resolved.level).label;
    at("count").textContent = String(resolved.steps.length);
    at("steps").replaceChildren(
      ...resolved.steps.map((step) =>
        make(
          "li",
          { class: `step step-${step.kind}` },
          make(
            "div",
            { class: "step-head" },
            make("span", { class: "step-kind", text: KINDS[step.kind] }),
            make("span", { class: "step-time", text: durationText(step.seconds * 1000) }),
          ),
          make("h3", { class: "step-title", text: step.title }),
          make("p", { class: "step-instruction", text: step.instruction }),
        ),
      ),
    );
  }
  at("preview").hidden = false;
}

function where(problem, routine) {
  if (problem.step === null) return "The routine";
  const step = routine.steps?.[problem.step];
  return `Step ${problem.step + 1}${step?.kind ? ` (${step.kind})` : ""}`;
}
