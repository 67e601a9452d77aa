/**
 * The list of blocks: each with its steps' forms, how many times it plays, and ways to move
 * it — a drag handle (touch or mouse) and Move up / Move down buttons (keyboard and screen
 * readers), which keep focus on the moved block and say where it went.
 */
import { stepForm } from "acuplan/editor/step-form";
import { make } from "acuplan/ui/make-element";

const KIND_NAMES = { mat: "Mat", breathing: "Breathing", stretch: "Stretch", meditation: "Meditation" };

/** A step's name in a few words: "Stretch: figure-four stretch". */
export function stepName(step, items) {
  const find = (list, id) => list.find((item) => item.id === id)?.name;
  // a breathing step's own pattern is named by its numbers once they are in
  const detail =
    step.kind === "mat"
      ? step.position?.replace(/-/g, " ")
      : step.kind === "breathing"
        ? items.pattern(step.pattern)?.name
        : step.kind === "stretch"
          ? find(items.stretches, step.stretch)
          : find(items.meditations, step.meditation);
  return detail ? `${KIND_NAMES[step.kind]}: ${detail.toLowerCase()}` : KIND_NAMES[step.kind];
}

/** Draw every block into `list`; `actions` move, remove, repeat and add (see page.js). */
export function renderBlocks(list, blocks, { items, rules, actions }) {
  list.replaceChildren(
    ...blocks.map((block, b) => blockItem(block, b, blocks.length, { items, rules, actions })),
  );
}

function blockItem(block, b, count, { items, rules, actions }) {
  const name = block.steps.map((s) => stepName(s, items)).join(", ");
  const heading = `Block ${b + 1} of ${count}`;
  const handle = make("button", {
    type: "button",
    class: "editor-handle",
    "aria-label": `Drag to move block ${b + 1}, ${name}`,
    title: "Drag to move",
    text: "⠿",
  });
  dragWith(handle, b, actions.moveBlock);
  const repeat = make("input", {
    type: "number",
    inputmode: "numeric",
    min: 1,
    max: 20,
    value: block.repeat,
    id: `editor-repeat-${b}`,
    oninput: () => {
      const value = repeat.valueAsNumber;
      if (Number.isInteger(value) && value >= 1 && value <= 20) actions.setRepeat(b, value);
    },
  });
  const addKind = make(
    "select",
    {
      "aria-label": `Add a step to block ${b + 1}`,
      onchange: () => addKind.value && actions.addStep(b, addKind.value),
    },
    make("option", { value: "", text: "Add a step to this block…" }),
    Object.entries(KIND_NAMES).map(([kind, label]) => make("option", { value: kind, text: label })),
  );
  return make(
    "li",
    { class: "editor-block", "data-block": b, "aria-label": `${heading}: ${name}` },
    make(
      "div",
      { class: "editor-block-head" },
      handle,
      make(
        "h2",
        { class: "editor-block-title" },
        make("span", { class: "visually-hidden", text: `${heading}: ` }),
        name,
        make("span", { class: "editor-block-time", "data-block-time": true }),
      ),
      moveButtons(b, count, "block", actions.moveBlock, name),
    ),
    make(
      "ol",
      { class: "editor-steps" },
      block.steps.map((step, s) => stepItem(step, b, s, block.steps.length, { items, rules, actions })),
    ),
    make(
      "div",
      { class: "editor-block-foot" },
      make("label", { class: "editor-repeat", for: repeat.id }, "Play ", repeat, " times in a row"),
      addKind,
      make("button", {
        type: "button",
        class: "button button-quiet",
        text: "Remove block",
        "aria-label": `Remove block ${b + 1}, ${name}`,
        onclick: () => actions.removeBlock(b),
      }),
    ),
  );
}

function stepItem(step, b, s, count, { items, rules, actions }) {
  const name = stepName(step, items);
  const changed = (options = {}) => actions.changed(options);
  return make(
    "li",
    { class: `editor-step editor-step-${step.kind}`, "data-step": `${b}.${s}` },
    count > 1 &&
      make(
        "div",
        { class: "editor-step-head" },
        make("h3", { text: name }),
        moveButtons(s, count, "step", (from, to) => actions.moveStep(b, from, to), name),
        make("button", {
          type: "button",
          class: "button button-quiet",
          text: "Remove",
          "aria-label": `Remove ${name}`,
          onclick: () => actions.removeStep(b, s),
        }),
      ),
    stepForm(step, { items, rules, changed }),
  );
}

function moveButtons(index, count, what, move, name) {
  return make(
    "span",
    { class: "editor-move" },
    make("button", {
      type: "button",
      class: "button button-quiet",
      "data-move": "up",
      "aria-label": `Move ${what} ${name} up`,
      text: "↑",
      disabled: index === 0,
      onclick: () => move(index, index - 1, "up"),
    }),
    make("button", {
      type: "button",
      class: "button button-quiet",
      "data-move": "down",
      "aria-label": `Move ${what} ${name} down`,
      text: "↓",
      disabled: index === count - 1,
      onclick: () => move(index, index + 1, "down"),
    }),
  );
}

/** Drag a block by its handle: pointer events, so it works by touch as well as by mouse. */
function dragWith(handle, from, moveBlock) {
  handle.addEventListener("pointerdown", (event) => {
    const list = handle.closest("ol");
    const block = handle.closest("li");
    handle.setPointerCapture(event.pointerId);
    block.classList.add("editor-dragging");
    let to = from;
    const target = (y) => {
      const others = [...list.children];
      const index = others.findIndex((li) => {
        const box = li.getBoundingClientRect();
        return y < box.top + box.height / 2;
      });
      return index === -1 ? others.length - 1 : index > from ? index - 1 : index;
    };
    const onMove = (e) => {
      to = target(e.clientY);
      for (const li of list.children) li.classList.remove("editor-drop-here");
      list.children[to]?.classList.add("editor-drop-here");
    };
    const onUp = () => {
      handle.removeEventListener("pointermove", onMove);
      block.classList.remove("editor-dragging");
      for (const li of list.children) li.classList.remove("editor-drop-here");
      if (to !== from) moveBlock(from, to, "drag");
    };
    handle.addEventListener("pointermove", onMove);
    handle.addEventListener("pointerup", onUp, { once: true });
    handle.addEventListener("pointercancel", onUp, { once: true });
  });
}
