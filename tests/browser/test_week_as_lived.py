"""This week as the person lives it: a plan made on a Sunday starts that Sunday, and days
gone by show what happened, never what was planned for them."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import wait_for_worker
from tests.browser.test_planner_ui import day, onboard

pytestmark = pytest.mark.browser

SUNDAY = datetime(2026, 11, 22, 12, 0)  # 3 days a week from Sunday: Sunday, Tuesday, Thursday
WEDNESDAY = datetime(2026, 11, 25, 12, 0)
TODAY = re.compile(r"\bis-today\b")


def log_session(page, date: str, routine: str) -> None:
    page.evaluate(
        """async ([date, routine]) => (await import("acuplan/sync/store")).saveRecord("journal",
          {date, routine, minutes: 5, adverse: []})""",
        [date, routine],
    )


def test_a_plan_made_on_a_sunday_starts_today_and_past_days_show_what_happened(
    phone, live_server, screenshot
):
    phone.clock.set_fixed_time(SUNDAY)
    phone.goto(live_server + "/")
    wait_for_worker(phone)
    onboard(phone, live_server)
    week = phone.locator("[data-week-0] .plan-day")
    expect(week).to_have_count(7)
    expect(week.first).to_have_attribute("data-day", "2026-11-22")
    expect(week.first).to_have_class(TODAY)
    expect(phone.locator("[data-week-0] .is-past")).to_have_count(0)
    expect(phone.locator("[data-next-when]")).to_have_text("Today · Evening")
    tuesday_title = day(phone, "2026-11-24").locator(".plan-session-title a").text_content()
    sunday = phone.locator("[data-start]").get_attribute("href")
    slug = sunday.split("routine=")[1].split("&")[0]
    log_session(phone, "2026-11-22", slug)
    expect(day(phone, "2026-11-22").locator(".plan-session-facts .plan-mark")).to_have_text("Done")

    # Wednesday, offline: the plan kept on the phone still lists Tuesday's session
    phone.context.set_offline(True)
    phone.clock.set_fixed_time(WEDNESDAY)
    phone.reload()
    expect(phone.locator("[data-plan-status]")).to_contain_text("offline")
    expect(phone.locator("[data-week-0] .is-past")).to_have_count(3)
    sunday_day = day(phone, "2026-11-22")
    expect(sunday_day.locator(".plan-mark")).to_have_text("Done")
    expect(sunday_day).to_contain_text(
        phone.evaluate(
            "async (slug) => (await (await fetch('/api/routines')).json()).routines"
            ".find((r) => r.slug === slug).title",
            slug,
        )
    )
    for past in ("2026-11-23", "2026-11-24"):
        expect(day(phone, past).locator(".plan-rest")).to_have_text("Nothing noted")
    tuesday = day(phone, "2026-11-24")
    expect(tuesday).not_to_contain_text(tuesday_title)
    expect(phone.locator("[data-week-0] .is-past details, [data-week-0] .is-past a")).to_have_count(
        0
    )
    expect(phone.locator("[data-next-when]")).not_to_have_text("Tuesday · Evening")

    # back online, the plan asked for again keeps the person's week from Sunday
    phone.context.set_offline(False)
    phone.reload()
    expect(phone.locator("[data-plan-status]")).to_have_text("")
    expect(week.first).to_have_attribute("data-day", "2026-11-22")
    expect(phone.locator("[data-week-0] .is-past")).to_have_count(3)
    expect(day(phone, "2026-11-22").locator(".plan-mark")).to_have_text("Done")
    expect(day(phone, "2026-11-24").locator(".plan-rest")).to_have_text("Nothing noted")
    expect(day(phone, "2026-11-25")).to_have_class(TODAY)
    screenshot(phone, "week-as-lived-wednesday", full_page=True)
    assert [e for e in phone.console.errors if "net::" not in e] == []
