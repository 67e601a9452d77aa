/**
 * The routine editor (/routines/new, /routines/edit?id=…, /routines/new?from=<slug> for
 * "Make it mine"): blocks of steps, their total and time on the mat always in view, the
 * validator's problems beside the field they name, saved on the device (works offline).
 */
import { loadEditorData } from "acuplan/editor/items";
import { moved, newBlock, newStep, idFor, stepOrigins, toBlocks, toRoutine, totals } from "acuplan/editor/model";
import { renderBlocks, stepName } from "acuplan/editor/blocks-view";
import { showProblems } from "acuplan/editor/problems";
import { copyOf, deleteCustom, getCustom, listCustom, saveCustom } from "acuplan/routines/custom";
import { validateRoutine } from "acuplan/routines/rules";
import { durationText, minutesText } from "acuplan/ui/time-format";

/** Start the editor in `root` (the page's [data-editor] element). */
export async function openEditor(root) {
  const $ = (name) => root.querySelector(`[data-${name}]`);
  const announce = (text) => {
    $("announce").textContent = text;
  };
  let data;
  try {
    data = await loadEditorData();
  } catch (error) {
    $("loading").textContent = error.message;
    return;
  }
  const { rules, items } = data;
  const state = await startingState(data, new URL(location.href));
  const form = $("details");
  fillDetails(form, state.details, rules);

  const refresh = () => {
    state.details = readDetails(form);
    const sums = totals(state.blocks, items);
    $("total").textContent = minutesText(sums.seconds * 1000);
    $("mat").textContent = sums.matSeconds ? minutesText(sums.matSeconds * 1000) : "None";
    state.blocks.forEach((block, b) => {
      const time = $("blocks").children[b]?.querySelector("[data-block-time]");
      const each = totals([{ ...block, repeat: 1 }], items).seconds * 1000;
      if (time) time.textContent = ` · ${durationText(each)}${block.repeat > 1 ? ` × ${block.repeat}` : ""}`;
    });
    const routine = toRoutine({ id: state.id ?? "my-routine", ...state.details }, state.blocks);
    const problems = state.blocks.length ? validateRoutine(routine, rules) : [];
    showProblems(root, problems, stepOrigins(state.blocks), (step) => stepName(routine.steps[step], items));
    $("empty").hidden = state.blocks.length > 0;
    return { routine, problems };
  };
  const draw = (focus) => {
    renderBlocks($("blocks"), state.blocks, { items, rules, actions });
    refresh();
    focus?.();
  };
  const focusMoved = (b, direction) => () => {
    const block = $("blocks").children[b];
    const button = block?.querySelector(`[data-move="${direction}"]:not(:disabled)`);
    (button ?? block?.querySelector("[data-move]:not(:disabled)") ?? block?.querySelector("button"))?.focus();
  };
  const actions = {
    changed: ({ rebuild } = {}) => (rebuild ? draw() : refresh()),
    moveBlock(from, to, how) {
      if (to < 0 || to >= state.blocks.length) return;
      state.blocks = moved(state.blocks, from, to);
      draw(how === "drag" ? null : focusMoved(to, how));
      announce(`Block moved to place ${to + 1} of ${state.blocks.length}.`);
    },
    moveStep(b, from, to) {
      state.blocks[b].steps = moved(state.blocks[b].steps, from, to);
      draw();
      announce(`Step moved to place ${to + 1} in block ${b + 1}.`);
    },
    removeBlock(b) {
      state.blocks.splice(b, 1);
      draw(() => $("add").querySelector("button")?.focus());
      announce(`Block removed. ${state.blocks.length} left.`);
    },
    removeStep(b, s) {
      state.blocks[b].steps.splice(s, 1);
      draw();
      announce("Step removed.");
    },
    setRepeat(b, repeat) {
      state.blocks[b].repeat = repeat;
      refresh();
    },
    addStep(b, kind) {
      state.blocks[b].steps.push(newStep(kind, items));
      draw();
      announce(`${stepName(newStep(kind, items), items)} added to block ${b + 1}.`);
    },
  };
  for (const button of $("add").querySelectorAll("[data-kind]")) {
    button.addEventListener("click", () => {
      const step = newStep(button.dataset.kind, items);
      state.blocks.push(newBlock([step]));
      draw();
      announce(`Block ${state.blocks.length} added: ${stepName(step, items)}.`);
    });
  }
  form.addEventListener("input", () => refresh());
  form.addEventListener("submit", (event) => event.preventDefault());
  $("save").addEventListener("click", async () => {
    state.details = readDetails(form);
    if (!state.id) {
      const taken = [...rules.library.routines, ...(await listCustom()).map((r) => r.id)];
      state.id = idFor(state.details.title, taken);
    }
    const { routine, problems } = refresh();
    if (!state.blocks.length || problems.length) {
      const count = state.blocks.length ? problems.length : 0;
      $("status").textContent = count
        ? `Not saved: ${count === 1 ? "one thing needs" : `${count} things need`} changing first (shown in red).`
        : "Not saved: add a step first.";
      root.querySelector(".editor-problem:not([hidden])")?.closest("[data-field], [data-problems]")?.querySelector("input, select, textarea")?.focus();
      return;
    }
    await saveCustom(routine);
    history.replaceState(null, "", `/routines/edit?id=${encodeURIComponent(state.id)}`);
    $("status").textContent = "Saved on this phone.";
    const play = $("play");
    play.href = `/play?routine=${encodeURIComponent(state.id)}`;
    play.hidden = false;
    $("delete").hidden = false;
  });
  $("delete").hidden = !state.saved;
  $("delete").addEventListener("click", async () => {
    if (!confirm(`Delete “${state.details.title}” from your routines?`)) return;
    await deleteCustom(state.id);
    location.assign("/routines");
  });
  $("loading").hidden = true;
  $("editor-body").hidden = false;
  draw();
}

async function startingState({ routines }, url) {
  const blank = {
    title: "My routine",
    summary: "A routine I made.",
    goals: [],
    level: "beginner",
  };
  const editing = url.searchParams.get("id");
  const from = url.searchParams.get("from");
  let routine = null;
  let id = null;
  if (editing) {
    routine = await getCustom(editing);
    id = routine ? editing : null;
    if (routine) return { id, saved: true, details: detailsOf(routine), blocks: toBlocks(routine.steps) };
  } else if (from) {
    const source = routines.find((r) => r.slug === from) ?? (await getCustom(from));
    if (source) routine = copyOf(source, (await listCustom()).map((r) => r.id));
    id = routine?.id ?? null;
  }
  if (!routine) return { id: null, details: blank, blocks: [] };
  return { id, details: detailsOf(routine), blocks: toBlocks(routine.steps) };
}

function detailsOf(routine) {
  const { title, summary, goals, level, safety } = routine;
  return { title, summary, goals, level, ...(safety?.length ? { safety } : {}) };
}

function fillDetails(form, details, rules) {
  form.elements.title.value = details.title;
  form.elements.summary.value = details.summary;
  form.elements.safety.value = (details.safety ?? []).join("\n");
  const level = form.elements.level;
  for (const { code, label } of rules.codes.levels) level.add(new Option(label, code, false, code === details.level));
  const goals = form.querySelector("[data-goals]");
  for (const { code, label } of rules.codes.goals) {
    const box = Object.assign(document.createElement("input"), { type: "checkbox", name: "goals", value: code });
    box.checked = details.goals.includes(code);
    const label_ = document.createElement("label");
    label_.className = "check";
    label_.append(box, ` ${label}`);
    goals.append(label_);
  }
}

function readDetails(form) {
  const goals = [...form.querySelectorAll("[name=goals]:checked")].map((box) => box.value);
  const details = {
    title: form.elements.title.value,
    summary: form.elements.summary.value,
    goals,
    level: form.elements.level.value,
  };
  const safety = form.elements.safety.value.split("\n").map((line) => line.trim());
  if (safety.some(Boolean)) details.safety = safety.filter(Boolean);
  return details;
}
