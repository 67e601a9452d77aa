import { setUpExports } from "acuplan/journal/data-panel";
import { renderJournal } from "acuplan/journal/list";
import { onRecordsChanged } from "acuplan/sync/store";

// One render at a time, in order: a slow render never overwrites a newer one.
let rendering = Promise.resolve();
const refresh = () =>
  (rendering = rendering.catch(() => {}).then(() => renderJournal(document)));

refresh();
setUpExports(document, refresh);
onRecordsChanged(["journal"], refresh);
