/** Fill a <select> with the library's routines. */
import { routineTitles } from "acuplan/journal/entries";

export async function fillRoutineChoices(select) {
  const wanted = new URLSearchParams(window.location.search).get("routine");
  const titles = await routineTitles();
  const options = [...titles].sort((a, b) => a[1].localeCompare(b[1]));
  for (const [slug, title] of options) select.add(new Option(title, slug));
  if (wanted) select.value = wanted;
}
