import { openJournal } from "acuplan/journal/list";

openJournal(document);
