/** The insights for a set of entries as figures and sentences: the clinician report's part. */
import { changeChart, lineChart } from "acuplan/insights/chart";
import { changeWithin, pairs, weeklyMedians } from "acuplan/insights/findings";
import { NOT_PROOF, changeSentence, startedHighCaveat, weeklyChartText } from "acuplan/insights/words";
import { shortDay } from "acuplan/plan/dates";
import { make } from "acuplan/ui/make-element";

/** Nodes telling how pain and stress changed within the sessions, and week by week. */
export function insightsSummary(entries) {
  const nodes = [];
  for (const scale of ["pain", "stress"]) {
    const found = changeWithin(entries, scale);
    if (found.count === 0) continue;
    const sentence = changeSentence(found);
    nodes.push(make("p", { "data-report-change": scale, text: sentence }));
    if (found.enough) {
      const changes = pairs(entries, scale).map((p) => p.change);
      nodes.push(changeChart(changes, found.median, found.interval,
        `${scale}: change within each session. ${sentence}`,
        `How many sessions changed ${scale} by each amount (left of 0: it went down).`));
    }
    const caveat = startedHighCaveat(found);
    if (caveat) nodes.push(make("p", { class: "hint", text: caveat }));
  }
  const weekly = weeklyMedians(entries, "pain_before");
  if (weekly.length > 1) {
    const title = "Pain before sessions";
    nodes.push(lineChart(weekly.map((w) => ({ label: shortDay(w.week), value: w.median })), [0, 10],
      weeklyChartText(title, weekly, (week) => `week of ${shortDay(week)}`),
      `${title}: the middle value of each week.`));
  }
  if (nodes.length) nodes.push(make("p", { class: "hint", text: NOT_PROOF }));
  return nodes;
}
