import { setUpExports } from "acuplan/journal-data-panel";
import { renderJournal } from "acuplan/journal-list";

renderJournal(document);
setUpExports(document, () => renderJournal(document));
