"""The planner in real Chromium: onboarding, Today, changes made offline, safety answers,
bad answers named, the calendar file, and the player taking the plan's step lengths."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.test_offline import wait_for_worker

pytestmark = pytest.mark.browser

MONDAY = datetime(2026, 11, 23, 12, 0)  # 3 days a week: Monday, Wednesday and Friday


def onboard(page, live_server, *, flags=(), minutes="10", goals=("Stress", "Sleep")):
    """Answer the onboarding questions for an evening newcomer, three days a week."""
    page.goto(live_server + "/start")
    for goal in goals:
        page.get_by_label(goal, exact=True).check()
    page.get_by_label("Minutes a day").fill(minutes)
    page.get_by_label("Days a week").select_option("3")
    page.get_by_label("In the evening").check()
    page.get_by_label("Never", exact=True).check()
    for flag in flags or ["None of these apply to me"]:
        page.get_by_label(flag).check()
    page.get_by_role("button", name="Save and plan my week").click()


def day(page, date: str):
    return page.locator(f'[data-day="{date}"]')


@pytest.fixture
def monday(phone):
    phone.clock.set_fixed_time(MONDAY)
    return phone


def test_onboarding_then_offline_changes_survive_a_reload(monday, live_server):
    phone = monday
    phone.goto(live_server + "/")
    wait_for_worker(phone)
    phone.get_by_role("link", name="Plan my week").click()
    onboard(phone, live_server)
    expect(phone).to_have_url(live_server + "/")
    expect(phone.locator("h1")).to_have_text("Today")
    expect(phone.locator("[data-mat-limit]")).to_have_text("You're at 5 minutes on the mat.")
    next_card = phone.locator("[data-next]")
    expect(next_card.locator("[data-next-when]")).to_have_text("Today · Evening")
    expect(next_card.locator("[data-next-title]")).not_to_be_empty()
    expect(phone.locator("[data-week-0] .plan-day")).to_have_count(7)
    expect(phone.locator("[data-week-0] .plan-rest")).to_have_count(4)
    wednesday = day(phone, "2026-11-25").locator(".plan-session-title a").text_content()

    phone.context.set_offline(True)
    # move Wednesday's session to Thursday
    day(phone, "2026-11-25").get_by_text("Change").click()
    day(phone, "2026-11-25").get_by_label("Move to").select_option("2026-11-26")
    day(phone, "2026-11-25").get_by_role("button", name="Move").click()
    expect(day(phone, "2026-11-25").locator(".plan-rest")).to_have_text("Rest day")
    expect(day(phone, "2026-11-26").locator(".plan-session-title a")).to_have_text(wednesday)
    # shorten today's to five minutes, then mark it done
    next_card.get_by_label("Less time today?").select_option("5")
    next_card.get_by_role("button", name="Shorten").click()
    expect(next_card.locator("[data-next-facts]")).to_contain_text("5 min · ")
    expect(next_card.locator("[data-next-facts]")).to_contain_text("shortened")
    start = next_card.locator("[data-start]").get_attribute("href")
    assert "steps=" in start
    next_card.get_by_role("button", name="Mark done").click()
    expect(day(phone, "2026-11-23").locator(".plan-session-facts .plan-mark")).to_have_text("Done")
    expect(next_card.locator("[data-next-when]")).to_have_text("Thursday · Evening")

    phone.reload()
    expect(phone.locator("[data-connection]")).to_be_visible()
    expect(phone.locator("[data-plan-status]")).to_contain_text("offline")
    expect(day(phone, "2026-11-25").locator(".plan-rest")).to_have_text("Rest day")
    expect(day(phone, "2026-11-26").locator(".plan-session-title a")).to_have_text(wednesday)
    today = day(phone, "2026-11-23")
    expect(today.locator(".plan-session-facts .plan-mark")).to_have_text("Done")
    expect(today.locator(".plan-session-facts")).to_contain_text("5 min · ")
    expect(today.locator(".plan-session-facts")).to_contain_text("shortened")
    expect(next_card.locator("[data-next-when]")).to_have_text("Thursday · Evening")
    edits = phone.evaluate(
        """() => new Promise((resolve) => {
          indexedDB.open("acuplan").onsuccess = (event) => {
            const index = event.target.result.transaction("records").objectStore("records")
              .index("kind").getAll("plan-edit");
            index.onsuccess = () => resolve(index.result.map((r) => r.data.action).sort());
          };
        })"""
    )
    assert edits == ["done", "move", "shorten"]
    assert [e for e in phone.console.errors if "net::" not in e] == []


def test_a_pregnant_person_gets_no_mat_and_is_asked_to_see_a_professional(monday, live_server):
    onboard(monday, live_server, flags=["I am pregnant"])
    notes = monday.locator("[data-plan-notes]")
    expect(notes).to_be_visible()
    expect(notes).to_contain_text("Please ask a health professional before you use the mat.")
    expect(monday.locator("[data-mat-limit]")).to_have_text(
        "No time on the mat for now: breathing, gentle stretches and meditation."
    )
    expect(monday.locator("[data-next-facts]")).to_contain_text("no mat")
    facts = monday.locator("[data-week-0] .plan-session-facts")
    expect(facts).to_have_count(3)
    for text in facts.all_text_contents():
        assert "no mat" in text


def test_bad_onboarding_answers_are_named_and_nothing_is_saved(phone, live_server):
    phone.goto(live_server + "/start")
    phone.get_by_label("Minutes a day").fill("1000")
    phone.get_by_role("button", name="Save and plan my week").click()
    expect(phone.locator('[data-error-for="goals"]')).to_have_text("Goals: choose at least one.")
    expect(phone.locator('[data-error-for="minutes_per_day"]')).to_have_text(
        "Minutes a day: a whole number from 5 to 120."
    )
    expect(phone.locator('[data-error-for="times"]')).to_have_text(
        "Time of day: choose morning, evening or both."
    )
    expect(phone.locator('[data-error-for="experience"]')).to_have_text(
        "Experience with a mat: choose one answer."
    )
    expect(phone.get_by_label("Stress", exact=True)).to_be_focused()
    expect(phone).to_have_url(live_server + "/start")
    phone.goto(live_server + "/")
    expect(phone.get_by_role("link", name="Plan my week")).to_be_visible()


def test_answers_can_be_changed_on_the_same_page(monday, live_server):
    onboard(monday, live_server)
    expect(monday.locator("[data-next]")).to_be_visible()
    monday.get_by_role("link", name="Change my answers").last.click()
    expect(monday.locator("h1")).to_have_text("Your answers")
    expect(monday.get_by_label("Stress", exact=True)).to_be_checked()
    expect(monday.get_by_label("Minutes a day")).to_have_value("10")
    monday.get_by_label("Days a week").select_option("5")
    monday.get_by_role("button", name="Save and update my plan").click()
    expect(monday.locator("[data-week-0] .plan-rest")).to_have_count(2)


def test_the_calendar_file_downloads_with_the_chosen_time_and_reminder(monday, live_server):
    onboard(monday, live_server)
    expect(monday.locator("[data-next]")).to_be_visible()
    calendar = monday.locator("[data-calendar]")
    expect(calendar.get_by_label("Mornings at")).to_be_hidden()
    calendar.get_by_label("Evenings at").fill("20:15")
    calendar.get_by_label("Reminder").select_option("15")
    with monday.expect_download() as download:
        calendar.get_by_role("button", name="Add to calendar (.ics)").click()
    assert download.value.suggested_filename == "acuplan.ics"
    events = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert len(events) == 6
    for event in events:
        start = event.decoded("dtstart")
        assert (start.hour, start.minute) == (20, 15) and start.weekday() in (0, 2, 4)
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(minutes=-15)
    expect(calendar.locator("[data-calendar-status]")).to_contain_text("Downloaded")


def test_start_plays_the_plans_step_lengths(monday, live_server):
    onboard(monday, live_server)
    card = monday.locator("[data-next]")
    card.get_by_label("Less time today?").select_option("5")
    card.get_by_role("button", name="Shorten").click()
    expect(card.locator("[data-next-facts]")).to_contain_text("shortened")
    mat = card.locator("[data-next-facts]").text_content().split(" · ")[1]
    title = card.locator("[data-next-title]").text_content()
    card.get_by_role("link", name="Start").click()
    expect(monday.locator("[data-title]")).to_have_text(title)
    facts = monday.locator("[data-routine-facts]")
    expect(facts).to_contain_text(mat)
    assert facts.text_content().startswith("4 min") or facts.text_content().startswith("5 min")


def test_a_session_logged_in_the_journal_shows_as_done(monday, live_server):
    onboard(monday, live_server)
    card = monday.locator("[data-next]")
    expect(card.locator("[data-next-when]")).to_have_text("Today · Evening")
    slug = card.locator("[data-start]").get_attribute("href").split("routine=")[1].split("&")[0]
    monday.evaluate(
        """async (routine) => (await import("acuplan/sync/store")).saveRecord("journal",
          {date: "2026-11-23", routine, minutes: 9, adverse: []})""",
        slug,
    )
    today = day(monday, "2026-11-23")
    expect(today.locator(".plan-session-facts .plan-mark")).to_have_text("Done")
    expect(card.locator("[data-next-when]")).to_have_text("Wednesday · Evening")


def session(date, slot="evening", routine="a", swaps=()):
    fitted = {"seconds": 600, "mat_seconds": 300, "step_seconds": [300, 300]}
    shorter = [{"seconds": 298, "mat_seconds": 120, "step_seconds": [120, 178]}]
    return {
        "date": date,
        "slot": slot,
        "routine": routine,
        **fitted,
        "step_layers": ["shirt", None],
        "shorter": shorter,
        "swaps": [
            {"routine": r, **fitted, "step_layers": [None, None], "shorter": shorter} for r in swaps
        ],
    }


def test_edits_apply_in_order_and_those_that_no_longer_fit_are_left_out(phone, live_server):
    days = [
        {"date": f"2026-11-{23 + n}", "sessions": [], "rest": True, "mat_limit": 300}
        for n in range(7)
    ]
    days[0]["sessions"] = [session("2026-11-23", swaps=["b"])]
    days[2]["sessions"] = [session("2026-11-25")]
    plan = {"weeks": [{"start": "2026-11-23", "days": days}]}

    def edit(n, **data):
        return {"id": f"id-{n}", "modified": n, "data": {"slot": "evening", **data}}

    edits = [
        edit(5, date="2026-11-26", action="done"),  # made after the move below
        edit(1, date="2026-11-25", action="move", to_date="2026-11-26"),
        edit(2, date="2026-11-23", action="move", to_date="2026-11-26"),  # taken by then
        edit(3, date="2026-11-23", action="swap", routine="b"),
        edit(4, date="2026-11-23", action="shorten", minutes=5),
        edit(6, date="2026-11-23", action="swap", routine="gone"),
        edit(7, date="2026-12-30", action="skip"),  # outside the plan
    ]
    phone.goto(live_server + "/start")
    days = phone.evaluate(
        """async ([plan, edits]) => {
          const { applyEdits } = await import("acuplan/plan/edits");
          return applyEdits(plan, edits).map((day) => [day.date, day.rest,
            day.sessions.map((s) => [s.routine, s.seconds, s.status, s.shortened, s.edits])]);
        }""",
        [plan, edits],
    )
    assert days[0] == ["2026-11-23", False, [["b", 298, None, True, ["id-3", "id-4"]]]]
    assert days[2] == ["2026-11-25", True, []]
    assert days[3] == ["2026-11-26", False, [["a", 600, "done", False, ["id-1", "id-5"]]]]


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_screenshots_of_today_and_onboarding(monday, live_server, screenshot, phone):
    scheme = phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    name = "dark" if scheme else "light"
    phone.goto(live_server + "/start")
    screenshot(phone, f"planner-start-{name}")
    onboard(phone, live_server, flags=["I have mild varicose veins"])
    expect(phone.locator("[data-next]")).to_be_visible()
    screenshot(phone, f"planner-today-{name}")
    screenshot(phone, f"planner-today-{name}-full", full_page=True)


def test_an_adverse_effect_in_the_journal_steps_the_plan_back(monday, live_server):
    onboard(monday, live_server)
    expect(monday.locator("[data-mat-limit]")).to_have_text("You're at 5 minutes on the mat.")
    monday.goto(live_server + "/journal/entry")
    expect(monday.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    monday.get_by_label("Date").fill("2026-11-22")
    monday.get_by_label("Minutes done").fill("5")
    monday.get_by_label("Dizziness").check()
    monday.get_by_role("button", name="Save").click()
    advice = monday.locator("[data-advice]")
    expect(advice).to_be_visible()  # shown only once the entry is committed on the device
    expect(advice).to_contain_text("Your plan steps back")
    monday.goto(live_server + "/")
    expect(monday.locator("[data-mat-limit]")).to_have_text("You're at 3 minutes on the mat.")
    expect(monday.locator("main")).to_contain_text("has stepped back")
