"""A new person's first fortnight at 390x844, light and dark: onboarding, Today on day 1
and day 10, the journal and the report, each checked and saved for a person to look at."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_planner_ui import onboard

pytestmark = pytest.mark.browser

DAY_1 = datetime(2026, 11, 22, 19, 0)  # a Sunday evening
DAY_10 = DAY_1 + timedelta(days=9)


def log(page, day: date, routine: str, **scales) -> None:
    page.evaluate(
        """async (data) => (await import("acuplan/sync/store")).saveRecord("journal", data)""",
        {
            "date": day.isoformat(),
            "routine": routine,
            "minutes": 10,
            "position": "upper-back",
            "layer": "shirt",
            "areas": [],
            "sensations": ["warmth"],
            "adverse": [],
            **scales,
        },
    )


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_screens_of_the_first_fortnight(phone, live_server, screenshot):
    name = (
        "dark" if phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "light"
    )
    phone.clock.set_fixed_time(DAY_1)
    phone.goto(live_server + "/start")
    fits_the_phone(phone)
    screenshot(phone, f"fortnight-onboarding-{name}", full_page=True)
    onboard(phone, live_server)
    expect(phone.locator("[data-next-when]")).to_have_text("Today · Evening")
    fits_the_phone(phone)
    screenshot(phone, f"fortnight-today-day1-{name}", full_page=True)
    routine = phone.locator("[data-start]").get_attribute("href").split("routine=")[1]
    routine = routine.split("&")[0]
    for n, (pain, stress) in enumerate([(6, 7), (5, 6), (5, 5), (4, 5), (3, 4)]):
        day = DAY_1.date() + timedelta(days=2 * n)
        log(
            phone,
            day,
            routine,
            pain_before=pain,
            pain_after=pain - 2,
            stress_before=stress,
            stress_after=stress - 3,
        )

    phone.clock.set_fixed_time(DAY_10)
    phone.reload()
    expect(phone.locator("[data-today-date]")).to_have_text("Tuesday 1 December")
    past = phone.locator(".plan-day.is-past")
    expect(past.first).to_be_visible()
    expect(phone.locator(".plan-day.is-past .plan-mark-done").first).to_have_text("Done")
    fits_the_phone(phone)
    screenshot(phone, f"fortnight-today-day10-{name}", full_page=True)

    phone.goto(live_server + "/journal")
    expect(phone.locator("[data-entries] li, .entry").first).to_be_visible()
    fits_the_phone(phone)
    screenshot(phone, f"fortnight-journal-{name}", full_page=True)
    phone.goto(live_server + "/journal/report")
    expect(phone.locator("[data-report-rows] tr")).to_have_count(5)
    fits_the_phone(phone)
    screenshot(phone, f"fortnight-report-{name}", full_page=True)
    assert [e for e in phone.console.errors if "net::" not in e] == []
