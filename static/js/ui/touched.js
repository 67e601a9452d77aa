/**
 * The names of a form's fields the person has changed. A form filled late (from the store,
 * the library or the server, on a slow phone) fills only the others: what the person
 * changed before the fill is theirs.
 */
export function touchedFields(form) {
  const touched = new Set();
  const note = ({ target }) => target.name && touched.add(target.name);
  form.addEventListener("input", note);
  form.addEventListener("change", note);
  return touched;
}
