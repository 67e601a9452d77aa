/**
 * Today's card from the insights: the clearest finding so far (or how far there is to go),
 * and the week of a running self-experiment.
 */
import { QUESTIONS, experimentStatus } from "acuplan/insights/experiment";
import { loadExperiment, weekSentence } from "acuplan/insights/experiment-view";
import { changesBy } from "acuplan/insights/findings";
import { changeSentence } from "acuplan/insights/words";
import { loadEntries } from "acuplan/journal/entries";
import { today } from "acuplan/plan/dates";
import { loadLibrary } from "acuplan/routines/library";
import { onRecordsChanged } from "acuplan/sync/store";
import { oneAtATime } from "acuplan/ui/one-at-a-time";

/** Fill the card in `view` now and whenever the journal or the settings change. */
export function showInsightCard(view) {
  const refresh = oneAtATime(() => renderCard(view));
  refresh();
  onRecordsChanged(["journal", "preferences"], refresh);
}

async function renderCard(view) {
  const card = view.querySelector("[data-insight-card]");
  const [records, experiment] = await Promise.all([loadEntries(), loadExperiment()]);
  const entries = records.map((record) => record.data);
  const titles = new Map((await loadLibrary().catch(() => [])).map((r) => [r.slug, r.title]));
  const found = [...changesBy(entries, (e) => (e.routine ? [e.routine] : []), "pain")]
    .filter(([, f]) => f.count > 0)
    .sort(([, a], [, b]) => Number(b.enough) - Number(a.enough) || b.count - a.count);
  const week = card.querySelector("[data-experiment-today]");
  const status = experiment ? experimentStatus(experiment.start, today()) : null;
  week.hidden = !status?.week;
  if (status?.week) {
    week.textContent = `Your experiment. ${weekSentence(status, QUESTIONS[experiment.question])}`;
  }
  const text = card.querySelector("[data-insight-card-text]");
  text.hidden = found.length === 0;
  card.hidden = text.hidden && week.hidden;
  if (!found.length) return;
  const [slug, best] = found[0];
  text.textContent = changeSentence(best, titles.get(slug) ?? slug);
}
