import { openInsights } from "acuplan/insights/page";

openInsights(document);
