"""The rest of the insights: the guided ABAB self-experiment (its result, its weeks on the
page and on Today), optional streaks with freeze days, and findings by goal."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_insights_page import TODAY, months_of_journal, open_with

pytestmark = pytest.mark.browser

START = TODAY - timedelta(days=35)  # an experiment begun five weeks ago has just ended


def sleep_on(n: int, with_sleep: int, without_sleep: int) -> int:
    """The sleep noted on day n of the experiment: some nights are worse anyway."""
    practised = n // 7 in (0, 1, 3)
    return (with_sleep if practised else without_sleep) - (n % 7 in (2, 5))


def experiment_journal(start: date, *, with_sleep=4, without_sleep=3, skip=()) -> list[dict]:
    """Five weeks as planned: a session each evening in weeks 2 and 4, none in 3 and 5, and
    sleep noted each morning (better after the sessions, if the person's data say so)."""
    entries = []
    for n in range(35):
        day = start + timedelta(days=n)
        if n in skip:
            continue
        practised = n // 7 in (0, 1, 3)
        sleep = sleep_on(n, with_sleep, without_sleep)
        entries.append(
            {"date": day.isoformat(), "minutes": 10 if practised else 0, "sleep_quality": sleep}
            | ({"routine": "evening-unwind"} if practised else {})
        )
    return entries


@pytest.fixture
def result(call_module):
    def run(entries, question="sleep", start=START):
        experiment = {"question": question, "start": start.isoformat()}
        return call_module("insights/experiment", "experimentResult", experiment, entries)

    return run


def test_the_result_compares_the_planned_weeks_with_an_interval(result):
    found = result(experiment_journal(START))
    assert found["enough"] and found["with"] == 14 and found["without"] == 14
    with_weeks = [sleep_on(n, 4, 3) for n in [*range(7, 14), *range(21, 28)]]
    without_weeks = [sleep_on(n, 4, 3) for n in [*range(14, 21), *range(28, 35)]]
    assert found["difference"] == pytest.approx(sum(with_weeks) / 14 - sum(without_weeks) / 14)
    low, high = found["interval"]
    assert 0 < low <= found["difference"] <= high
    assert found["kept"] == {"with": 14, "without": 14, "days": 14}


def test_no_difference_and_too_few_days_are_said_as_such(result):
    same = result(experiment_journal(START, with_sleep=3, without_sleep=3))
    assert same["enough"] and same["interval"][0] <= 0 <= same["interval"][1]
    # five mornings not noted in the "without" weeks: 9 of 14, fewer than the 10 needed
    sparse = result(experiment_journal(START, skip=(14, 15, 16, 28, 29)))
    assert sparse["without"] == 9 and not sparse["enough"]


def test_the_next_day_pain_question_reads_the_morning_after(result):
    entries = []
    for n in range(36):
        day = (START + timedelta(days=n)).isoformat()
        practised_yesterday = n > 0 and (n - 1) // 7 in (1, 3)
        entries.append({"date": day, "minutes": 0, "pain_before": 3 if practised_yesterday else 5})
    found = result(entries, question="pain")
    assert found["enough"] and found["difference"] == pytest.approx(-2)


def test_starting_an_experiment_shows_its_weeks_here_and_on_today(phone, live_server, screenshot):
    from tests.browser.test_planner_ui import onboard

    phone.clock.set_fixed_time(f"{TODAY.isoformat()}T12:00:00")
    onboard(phone, live_server)
    expect(phone.locator("[data-next]")).to_be_visible()  # onboarding has finished loading
    phone.goto(live_server + "/insights")
    form = phone.locator("[data-experiment-form]")
    form.get_by_label("Does a session in the evening help my sleep?").check()
    form.get_by_role("button", name="Start: week 1 begins today").click()
    week = phone.locator("[data-experiment-week]")
    expect(week).to_have_text(
        "Week 1 of 5: as usual. Practise as you do now, and note how you slept, each morning."
    )
    weeks = phone.locator(".experiment-weeks li")
    expect(weeks).to_have_count(5)
    expect(weeks.nth(0)).to_have_attribute("aria-current", "step")
    expect(weeks.nth(2)).to_have_text("Sun 6 Dec – Sat 12 Dec: without")
    saved = phone.evaluate(
        "async () => (await (await import('acuplan/settings/preferences')).readPreferences())"
    )
    assert saved["experiment"] == {"question": "sleep", "start": TODAY.isoformat()}
    screenshot(phone, "insights-experiment-week-1")

    # two weeks later Today says which week it is, and that it is a week without
    phone.clock.set_fixed_time(f"{(TODAY + timedelta(days=15)).isoformat()}T12:00:00")
    phone.goto(live_server + "/")
    expect(phone.locator("[data-experiment-today]")).to_have_text(
        "Your experiment. Week 3 of 5: without the mat. Rest from it this week, and keep "
        "noting how you slept, each morning."
    )
    phone.goto(live_server + "/insights")
    phone.get_by_role("button", name="Stop the experiment").click()
    phone.get_by_role("button", name="Keep it").click()  # a slip of the thumb loses nothing
    phone.get_by_role("button", name="Stop the experiment").click()
    expect(phone.locator("[data-experiment]")).to_contain_text("will not be compared")
    phone.get_by_role("button", name="Yes, end it").click()
    expect(phone.locator("[data-experiment-form]")).to_be_visible()


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_an_ended_experiment_shows_its_result_and_what_it_cannot_say(
    phone, live_server, screenshot, request
):
    open_with(phone, live_server, experiment_journal(START))
    phone.evaluate(
        """async (start) => (await import("acuplan/settings/preferences")).savePreference(
             "experiment", { question: "sleep", start })""",
        START.isoformat(),
    )
    finding = phone.locator("[data-experiment-result]")
    expect(finding).to_contain_text("Your sleep was about 1.0 points higher in the weeks with")
    expect(finding).to_contain_text("likely between")
    section = phone.locator("[data-experiment]")
    expect(section).to_contain_text("You practised on 14 of the 14 “with” days")
    expect(section).to_contain_text("What it cannot say")
    section.scroll_into_view_if_needed()
    screenshot(phone, f"insights-experiment-result-{request.node.callspec.params['phone']}")


def test_a_streak_shows_only_when_switched_on_and_a_freeze_never_adds(phone, live_server):
    practised = [(TODAY - timedelta(days=n)).isoformat() for n in (2, 3, 4)]  # not yesterday
    open_with(phone, live_server, [{"date": d, "minutes": 10} for d in practised])
    expect(phone.locator("[data-strength]")).to_be_visible()
    expect(phone.locator("[data-streak]")).to_have_count(0)  # off by default
    phone.evaluate(
        """async () => (await import("acuplan/settings/preferences")).savePreference(
             "streaks", { on: true, freezes: [] })"""
    )
    streak = phone.locator("[data-streak]")
    expect(streak).to_have_attribute("data-streak", "0")  # yesterday was missed
    protect = "Protect yesterday with a freeze day (2 left this month)"
    streak.get_by_role("button", name=protect).click()
    expect(streak).to_have_attribute("data-streak", "3")  # kept going, but not one more
    expect(streak).to_contain_text("Freeze days used this month: 1")
    expect(streak.get_by_role("button")).to_have_count(0)


def test_findings_by_goal_gather_every_routine_made_for_it(phone, live_server):
    # one routine alone: its goals would only repeat its own card
    open_with(phone, live_server, months_of_journal())
    expect(phone.locator("[data-insight=finding]").first).to_be_visible()
    expect(phone.locator("[data-goal]")).to_have_count(0)
    # every third session a body scan: it shares one goal (stress) with Evening unwind
    entries = months_of_journal()
    for n, entry in enumerate(e for e in entries if e["minutes"]):
        if n % 3 == 0:
            entry["routine"] = "body-scan-on-the-mat"
    phone.evaluate("async () => (await import('acuplan/sync/store')).clearStore()")
    open_with(phone, live_server, entries)
    goals = phone.locator("[data-goal]")
    expect(goals.first).to_be_visible()
    codes = goals.evaluate_all("(cards) => cards.map((c) => c.dataset.goal)")
    assert set(codes) == {"stress"}
    expect(goals.first).to_contain_text("Stress routines · pain")
    expect(goals.first).to_contain_text("Pain usually drops by about 2 points during your")
