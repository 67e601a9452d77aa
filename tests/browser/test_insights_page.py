"""The insights page in real Chromium: empty, a little data, months of data; offline, live,
dark, and user text kept as text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import wait_for_worker

pytestmark = pytest.mark.browser

TODAY = date(2026, 11, 22)  # a Sunday


def months_of_journal(weeks: int = 12) -> list[dict]:
    """A person who practises on five days a week: pain drops in each session, their usual
    pain eases over the weeks, and they sleep a little better after a session."""
    first = TODAY - timedelta(days=weeks * 7 - 1)
    entries = []
    for n in range((TODAY - first).days + 1):
        day = first + timedelta(days=n)
        practised = n % 7 not in (2, 5)
        if practised:
            before = 7 - (n // 7) // 3 + n % 2
            entries.append(
                {
                    "date": day.isoformat(),
                    "routine": "evening-unwind",
                    "minutes": 10,
                    "pain_before": before,
                    "pain_after": before - 2 - (n % 3 == 0),
                    "stress_before": 6,
                    "stress_after": 3 + n % 2,
                    "sleep_quality": 4 if n % 4 else 3,
                }
            )
        else:
            entries.append({"date": day.isoformat(), "minutes": 0, "sleep_quality": 3 - n % 2})
    return entries


def open_with(phone, live_server, entries):
    phone.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00")
    phone.goto(live_server + "/insights")
    phone.evaluate(
        """async (entries) => {
             const { saveRecord } = await import("acuplan/sync/store");
             for (const entry of entries) await saveRecord("journal", entry);
           }""",
        entries,
    )
    phone.reload()
    expect(phone.locator("[data-loading]")).to_be_hidden()


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_with_no_entries_the_page_says_how_to_begin(phone, live_server, screenshot, request):
    phone.goto(live_server + "/insights")
    expect(phone.locator("[data-empty]")).to_be_visible()
    expect(phone.locator("[data-empty]")).to_contain_text("Nothing to show yet")
    expect(phone.locator("[data-sections]")).to_be_hidden()
    expect(phone.locator(".site-nav [aria-current=page]")).to_have_text("Journal")
    screenshot(phone, f"insights-empty-{request.node.callspec.params['phone']}")


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_five_sessions_show_progress_toward_eight_never_a_number(
    phone, live_server, screenshot, request
):
    # a routine opened but not done (0 minutes), pain noted anyway, is not a sixth session
    noted_day = {"date": "2026-11-21", "routine": "evening-unwind", "minutes": 0}
    noted_day |= {"pain_before": 5, "pain_after": 4}
    entries = [*[e for e in months_of_journal(2) if e["minutes"]][:5], noted_day]
    open_with(phone, live_server, entries)
    progress = phone.locator("[data-insight=progress]").first
    expect(progress).to_contain_text(
        "5 of 8 sessions of Evening unwind logged with pain before and after"
    )
    expect(progress.locator("progress")).to_have_attribute("value", "5")
    expect(phone.locator("[data-insight=finding]")).to_have_count(0)
    expect(phone.locator("[data-compare=sleep]")).to_contain_text("we need 14 days of each")
    screenshot(phone, f"insights-little-{request.node.callspec.params['phone']}")


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_months_of_entries_show_findings_charts_and_caveats(
    phone, live_server, screenshot, request
):
    open_with(phone, live_server, months_of_journal())
    finding = phone.locator("[data-insight=finding]").first
    expect(finding).to_contain_text("Pain usually drops by about 2 points during Evening unwind")
    expect(finding).to_contain_text("of 60 sessions went down")
    expect(phone.locator("[data-trend-field=pain_before]")).to_contain_text(
        "Your pain before sessions has gone down over the last 12 weeks."
    )
    expect(phone.locator("[data-compare=sleep]")).to_contain_text(
        "points higher after days with a session"
    )
    expect(phone.locator("[data-strength]")).to_contain_text("Your habit strength is")
    expect(phone.locator(".insights-caveat")).to_contain_text("not what caused it")
    charts = phone.locator("figure.chart svg[role=img]")
    assert charts.count() >= 4
    for label in charts.evaluate_all("(svgs) => svgs.map((s) => s.getAttribute('aria-label'))"):
        assert len(label) > 20  # each chart says in words what it shows
    scheme = request.node.callspec.params["phone"]
    screenshot(phone, f"insights-months-{scheme}", full_page=True)


def test_the_page_works_offline_and_follows_new_entries(phone, live_server):
    open_with(phone, live_server, [e for e in months_of_journal(2) if e["minutes"]][:7])
    wait_for_worker(phone)
    phone.context.set_offline(True)
    phone.reload()
    progress = phone.locator("[data-insight=progress]").first
    expect(progress).to_contain_text("7 of 8 sessions")
    phone.evaluate(
        """async () => (await import("acuplan/sync/store")).saveRecord("journal",
             {date: "2026-11-22", routine: "evening-unwind", minutes: 10,
              pain_before: 6, pain_after: 3})"""
    )
    expect(phone.locator("[data-insight=finding]").first).to_contain_text(
        "Pain usually drops by about"
    )


def test_a_routine_name_from_the_journal_is_shown_as_text(phone, live_server):
    hostile = '<img src=x onerror="document.title=1">'
    entries = [{**e, "routine": hostile} for e in months_of_journal(2) if e["minutes"]][:3]
    open_with(phone, live_server, entries)
    expect(phone.locator("[data-insight=progress]").first).to_contain_text(hostile)
    assert phone.locator("[data-sections] img").count() == 0


def test_the_clinician_report_shows_the_same_findings_for_its_period(
    phone, live_server, screenshot
):
    open_with(phone, live_server, months_of_journal())
    phone.goto(live_server + "/journal/report")
    phone.locator("#days").select_option("30")
    pain = phone.locator("[data-report-change=pain]")
    expect(pain).to_contain_text("Pain usually drops by about 2 points during a session")
    in_period = sum(1 for e in months_of_journal() if e["minutes"] and e["date"] >= "2026-10-24")
    expect(pain).to_contain_text(f"of {in_period} sessions went down")
    expect(phone.locator(".report-insights figure.chart svg[role=img]")).to_have_count(3)
    phone.locator("[data-report-insights] h2").scroll_into_view_if_needed()
    screenshot(phone, "report-insights")
    phone.locator("#days").select_option("7")
    expect(pain).to_contain_text("of 8 sessions logged with pain")  # 5 in a week: no number


def test_a_report_period_without_pairs_shows_no_findings(phone, live_server):
    open_with(phone, live_server, [{"date": "2026-11-20", "minutes": 10}])
    phone.goto(live_server + "/journal/report")
    expect(phone.locator("[data-report-rows] tr")).to_have_count(1)
    expect(phone.locator("[data-report-insights]")).to_be_hidden()


def test_today_carries_the_clearest_finding_and_follows_the_journal(phone, live_server, screenshot):
    from tests.browser.test_planner_ui import onboard

    phone.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00")
    onboard(phone, live_server)
    card = phone.locator("[data-insight-card]")
    expect(phone.locator("[data-next]")).to_be_visible()
    expect(card).to_be_hidden()  # nothing noted yet: no card
    entries = [e for e in months_of_journal(3) if e["minutes"]]
    phone.evaluate(
        """async (entries) => {
             const { saveRecord } = await import("acuplan/sync/store");
             for (const entry of entries) await saveRecord("journal", entry);
           }""",
        entries[:3],
    )
    expect(card).to_contain_text("3 of 8 sessions of Evening unwind")
    phone.evaluate(
        """async (entries) => {
             const { saveRecord } = await import("acuplan/sync/store");
             for (const entry of entries) await saveRecord("journal", entry);
           }""",
        entries[3:10],
    )
    expect(card).to_contain_text("Pain usually drops by about 2 points during Evening unwind")
    card.scroll_into_view_if_needed()
    screenshot(phone, "today-insight-card")
    card.get_by_role("link", name="See what your journal shows").click()
    expect(phone).to_have_url(live_server + "/insights")
