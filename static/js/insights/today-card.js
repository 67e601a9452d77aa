/** Today's card from the insights: the clearest finding so far, or how far there is to go. */
import { changesBy } from "acuplan/insights/findings";
import { changeSentence } from "acuplan/insights/words";
import { loadEntries } from "acuplan/journal/entries";
import { loadLibrary } from "acuplan/routines/library";
import { onRecordsChanged } from "acuplan/sync/store";
import { oneAtATime } from "acuplan/ui/one-at-a-time";

/** Fill the card in `view` now and whenever the journal changes; hidden until a pair exists. */
export function showInsightCard(view) {
  const refresh = oneAtATime(() => renderCard(view));
  refresh();
  onRecordsChanged(["journal"], refresh);
}

async function renderCard(view) {
  const card = view.querySelector("[data-insight-card]");
  const entries = (await loadEntries()).map((record) => record.data);
  const titles = new Map((await loadLibrary().catch(() => [])).map((r) => [r.slug, r.title]));
  const found = [...changesBy(entries, (e) => (e.routine ? [e.routine] : []), "pain")]
    .filter(([, f]) => f.count > 0)
    .sort(([, a], [, b]) => Number(b.enough) - Number(a.enough) || b.count - a.count);
  card.hidden = found.length === 0;
  if (!found.length) return;
  const [slug, best] = found[0];
  card.querySelector("[data-insight-card-text]").textContent =
    changeSentence(best, titles.get(slug) ?? slug);
}
