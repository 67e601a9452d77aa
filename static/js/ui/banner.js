/**
 * Small notices above the tab bar, announced politely, one at a time: a second waits for
 * the first to go, so they never stack. A notice without an action goes by itself.
 */

const queue = [];
let current = null;

function nextBanner() {
  const region = document.querySelector("[data-banners]");
  current = queue.shift() ?? null;
  if (!current || !region) return;
  region.append(current.element);
  if (current.timeout) current.timer = setTimeout(current.remove, current.timeout);
}

function buildBanner({ text, action, onAction, id }, remove) {
  const banner = document.createElement("div");
  banner.className = "banner";
  if (id) banner.dataset.banner = id;
  const message = document.createElement("p");
  message.textContent = text;
  banner.append(message);
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button button-primary";
    button.textContent = action;
    button.addEventListener("click", () => {
      onAction?.();
      remove();
    });
    banner.append(button);
  }
  const close = document.createElement("button");
  close.type = "button";
  close.className = "banner-close";
  close.setAttribute("aria-label", "Dismiss");
  close.textContent = "×";
  close.addEventListener("click", remove);
  banner.append(close);
  return banner;
}

/**
 * Show a notice (after any already showing); returns a function that removes it.
 * `timeout` (ms) removes it by itself once shown; a notice with an action goes first.
 * @param {{text: string, action?: string, onAction?: () => void, id?: string, timeout?: number}} options
 */
export function showBanner(options) {
  if (!document.querySelector("[data-banners]")) return () => {};
  const entry = { timeout: options.timeout, timer: null };
  entry.remove = () => {
    clearTimeout(entry.timer);
    const waiting = queue.indexOf(entry);
    if (waiting >= 0) queue.splice(waiting, 1);
    if (current !== entry) return;
    entry.element.remove();
    nextBanner();
  };
  entry.element = buildBanner(options, entry.remove);
  // The same notice again replaces the old one rather than queueing behind it.
  for (const other of [current, ...queue]) {
    if (other && options.id && other.element.dataset.banner === options.id) other.remove();
  }
  if (options.action) queue.unshift(entry);
  else queue.push(entry);
  if (!current) nextBanner();
  return entry.remove;
}
