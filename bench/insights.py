"""Every insight for two years of daily entries, computed on the device in Chromium.

730 days of journal (about 900 sessions: most days one, some two, some none) go into
IndexedDB; then, at 390x844 with the page's own modules, it times (median of 7 runs):
the statistics alone (every finding the page shows) and the whole page (read the store,
compute, draw). Target for the statistics: at most 100 ms. It also reports the ratio of the
statistics to a baseline in the same run: the same entries summed in one loop, the least
any computation over them costs.

    .venv/bin/python -m bench.insights
"""

from __future__ import annotations

import random
import statistics
from datetime import date, timedelta

from playwright.sync_api import sync_playwright

from bench.server import acuplan_server
from tests.browser.chromium import CHROMIUM_ARGS, find_chromium

TODAY = date(2026, 11, 22)
RUNS = 7


def two_years(seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    entries = []
    for n in range(730):
        day = (TODAY - timedelta(days=729 - n)).isoformat()
        sessions = rng.choices([0, 1, 2], weights=[10, 57, 33])[0]
        if not sessions:
            entries.append({"date": day, "minutes": 0, "sleep_quality": rng.randint(1, 4)})
        for _ in range(sessions):
            before = rng.randint(2, 8)
            entries.append(
                {
                    "date": day,
                    "routine": rng.choice(["evening-unwind", "first-five-minutes", "desk-reset"]),
                    "minutes": rng.choice([5, 10, 15]),
                    "pain_before": before,
                    "pain_after": max(before - rng.randint(-1, 3), 0),
                    "stress_before": rng.randint(2, 9),
                    "stress_after": rng.randint(1, 6),
                    "sleep_quality": rng.randint(2, 5),
                }
            )
    return entries


TIMING = """async ([runs]) => {
  const { loadEntries } = await import("acuplan/journal/entries");
  const f = await import("acuplan/insights/findings");
  const d = await import("acuplan/insights/days");
  const { renderInsights } = await import("acuplan/insights/page");
  const entries = (await loadEntries()).map((r) => r.data);
  const time = (work) => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const baseline = [], stats = [], page = [];
  for (let i = 0; i < runs; i += 1) {
    baseline.push(time(() => entries.reduce((sum, e) => sum + (e.pain_before ?? 0), 0)));
    stats.push(time(() => {
      for (const scale of ["pain", "stress"]) f.changesBy(entries, (e) => [e.routine], scale);
      for (const field of ["pain_before", "stress_before", "sleep_quality"]) {
        f.trend(f.weeklyMedians(entries, field));
      }
      const done = new Set(entries.filter((e) => e.minutes > 0).map((e) => e.date));
      const sleep = new Map(entries.map((e) => [e.date, e.sleep_quality]));
      const days = d.dateRange(entries.at(-1).date, entries[0].date)
        .map((day) => ({ day, practised: done.has(day), value: sleep.get(day) ?? null }));
      f.withAndWithout(days, { comparisons: 2 });
      f.withAndWithout(days.map((x, i) => ({ ...x, value: days[i + 1]?.value ?? null })),
        { comparisons: 2 });
      d.habitStrength([...done], days[0].day, days.at(-1).day);
    }));
    const started = performance.now();
    await renderInsights(document, "2026-11-22");
    page.push(performance.now() - started);
  }
  return { count: entries.length, baseline, stats, page };
}"""


def main() -> None:
    entries = two_years()
    with acuplan_server(1) as port, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
        page.goto(f"http://127.0.0.1:{port}/insights")
        page.evaluate(
            """async (entries) => {
                 const { saveRecord } = await import("acuplan/sync/store");
                 for (const entry of entries) await saveRecord("journal", entry);
               }""",
            entries,
        )
        result = page.evaluate(TIMING, [RUNS])
        browser.close()
    base, stats, whole = (statistics.median(result[k]) for k in ("baseline", "stats", "page"))
    sessions = sum(1 for e in entries if e["minutes"])
    print(
        f"{result['count']} entries over 730 days ({sessions} sessions), 390x844, median of {RUNS}"
    )
    print(f"statistics: {stats:.1f} ms (target <= 100 ms)")
    print(f"whole page (store, statistics, charts): {whole:.1f} ms")
    print(
        f"baseline (one pass over the entries): {base:.2f} ms; statistics / baseline: "
        f"{stats / max(base, 0.01):.0f}"
    )


if __name__ == "__main__":
    main()
