/** Build DOM nodes in code. Text always goes in as text, never parsed as HTML. */

/**
 * make("button", {class: "button", type: "button", text: "Done", onclick}, ...children)
 * `text` sets textContent; `on<event>` adds a listener; false, null and undefined are left
 * out; other properties become attributes. Children may be nodes, strings or arrays.
 */
export function make(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  const kept = children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false);
  node.append(...kept);
  return node;
}
