/** Apply the list's filters on the device: offline, the page may come from the cache. */
const FILTERS = ["goal", "duration", "position", "level"];

export function filterCards(form, list, counter) {
  const wanted = new URLSearchParams(window.location.search);
  let shown = 0;
  for (const name of FILTERS) {
    const select = form.elements.namedItem(name);
    if (select && wanted.has(name)) select.value = wanted.get(name);
  }
  for (const card of list.querySelectorAll("[data-routine]")) {
    const matches = FILTERS.every((name) => {
      const value = wanted.get(name);
      return !value || card.dataset[name].split(" ").includes(value);
    });
    card.hidden = !matches;
    if (matches) shown += 1;
  }
  const filtered = FILTERS.some((name) => wanted.get(name));
  if (counter) {
    const match = filtered ? (shown === 1 ? " matches" : " match") : "";
    counter.textContent = `${shown} routine${shown === 1 ? "" : "s"}${match}`;
  }
  const empty = document.querySelector("[data-no-match]");
  if (empty) empty.hidden = shown > 0;
}
