/** Small, dismissible banners at the top of the page, announced politely. */

/**
 * Show a banner; returns a function that removes it.
 * @param {{text: string, action?: string, onAction?: () => void, id?: string}} options
 */
export function showBanner({ text, action, onAction, id }) {
  const region = document.querySelector("[data-banners]");
  if (!region) return () => {};
  if (id) region.querySelector(`[data-banner="${id}"]`)?.remove();
  const banner = document.createElement("div");
  banner.className = "banner";
  if (id) banner.dataset.banner = id;
  const message = document.createElement("p");
  message.textContent = text;
  banner.append(message);
  const remove = () => banner.remove();
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
  region.append(banner);
  return remove;
}
