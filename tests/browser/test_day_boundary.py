"""The person's own day boundary, chosen in Settings and synced: a moment after midnight
and before it counts for the day before in the plan, the journal and the insights."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_planner_ui import onboard

pytestmark = pytest.mark.browser

NIGHT = "2026-11-24T01:30:00"  # a Tuesday, half past one at night


def preferences(page):
    return page.evaluate(
        """async () => {
             const { readPreferences } = await import("acuplan/settings/preferences");
             return readPreferences();
           }"""
    )


def journal_default_date(page, live_server):
    page.goto(live_server + "/journal/entry")
    expect(page.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    return page.locator("#date").input_value()


def test_after_midnight_counts_for_the_day_before_until_the_chosen_hour(phone, live_server):
    phone.clock.set_fixed_time(NIGHT)
    with phone.expect_request(lambda r: r.url.endswith("/api/plan")) as asked:
        onboard(phone, live_server)
    # by default the day ends at 04:00: at 01:30 it is still Monday everywhere
    expect(phone.locator("[data-today-date]")).to_have_text("Monday 23 November")
    assert json.loads(asked.value.post_data)["date"] == "2026-11-23"
    assert journal_default_date(phone, live_server) == "2026-11-23"

    phone.goto(live_server + "/settings")
    day_start = phone.get_by_label("My day ends at")
    expect(day_start).to_have_value("04:00")
    day_start.select_option("00:00")
    expect(phone.locator("[data-day-status]")).to_have_text("Saved: your day now ends at 00:00.")
    assert preferences(phone)["day"] == {"start": "00:00"}

    # midnight: 01:30 is Tuesday now, in the plan (asked for anew) and the journal
    with phone.expect_request(lambda r: r.url.endswith("/api/plan")) as asked:
        phone.goto(live_server + "/")
    expect(phone.locator("[data-today-date]")).to_have_text("Tuesday 24 November")
    assert json.loads(asked.value.post_data)["date"] == "2026-11-24"
    assert journal_default_date(phone, live_server) == "2026-11-24"


def test_the_hour_chosen_on_another_phone_is_followed_here(phone, live_server):
    phone.clock.set_fixed_time(NIGHT)
    phone.goto(live_server + "/settings")
    expect(phone.get_by_label("My day ends at")).to_have_value("04:00")
    phone.evaluate(
        """async () => {
             const { applyServerRecords } = await import("acuplan/sync/store");
             const { PREFERENCES_ID } = await import("acuplan/settings/preferences");
             await applyServerRecords([{ id: PREFERENCES_ID, kind: "preferences",
               data: { day: { start: "01:00" } }, modified: Date.now() + 1000, deleted: false }]);
           }"""
    )
    # the open page follows at once, and every page after it counts by the new hour
    expect(phone.get_by_label("My day ends at")).to_have_value("01:00")
    assert journal_default_date(phone, live_server) == "2026-11-24"
    moments = phone.evaluate(
        """async () => {
             const { dayOf } = await import("acuplan/plan/dates");
             return [dayOf(new Date(2026, 10, 24, 0, 59)), dayOf(new Date(2026, 10, 24, 1, 0))];
           }"""
    )
    assert moments == ["2026-11-23", "2026-11-24"]


def test_streaks_are_off_until_switched_on_and_the_choice_is_kept(phone, live_server):
    phone.goto(live_server + "/settings")
    streaks = phone.get_by_label("Show a streak")
    expect(streaks).not_to_be_checked()
    streaks.check()
    expect(phone.locator("[data-day-status]")).to_contain_text("your streak shows")
    assert preferences(phone)["streaks"] == {"on": True, "freezes": []}
    phone.reload()
    expect(phone.get_by_label("Show a streak")).to_be_checked()


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_screenshot_of_the_days_settings(phone, live_server, screenshot, request):
    phone.goto(live_server + "/settings")
    section = phone.locator("[data-day-settings]")
    expect(section.get_by_label("My day ends at")).to_have_value("04:00")
    section.scroll_into_view_if_needed()
    screenshot(phone, f"settings-days-{request.node.callspec.params['phone']}")
