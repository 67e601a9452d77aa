import { openReport } from "acuplan/journal/report";

openReport(document);
