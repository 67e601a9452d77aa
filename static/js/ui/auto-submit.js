/** Submit a filter form as soon as one of its selects changes; the button stays for no-JS. */
export function autoSubmit(form) {
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLSelectElement) form.requestSubmit();
  });
}
