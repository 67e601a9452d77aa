"""The journal's 0-10 scales: nothing noted until touched, no thumb where nothing is
noted, and a tap anywhere on the track records that value — the middle (5) included."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_sync import store

pytestmark = pytest.mark.browser


def saved_entry(page, live_server):
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(live_server + "/journal")
    [record] = store(page, "listRecords", "journal")
    return record["data"]


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_a_tap_at_the_middle_notes_5_and_untouched_scales_note_nothing(
    phone, live_server, screenshot
):
    phone.goto(live_server + "/journal/entry")
    form = phone.locator("[data-journal-form]")
    expect(form).to_have_attribute("data-ready", "true")
    phone.get_by_label("Minutes done").fill("10")
    dark = phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    theme = "dark" if dark else "light"
    phone.locator(".scales").first.scroll_into_view_if_needed()
    screenshot(phone, f"journal-scales-unset-{theme}")
    pain_before = phone.locator("#pain_before")
    expect(pain_before).to_have_attribute("aria-valuetext", "Not noted")
    pain_before.scroll_into_view_if_needed()
    pain_before.tap()  # the centre of the track: 5, the value an unset range holds
    expect(phone.locator('[data-output="pain_before"]')).to_have_text("5")
    expect(pain_before).not_to_have_attribute("aria-valuetext", "Not noted")
    # Near the right end of another track: 10.
    phone.locator("#stress_after").scroll_into_view_if_needed()
    box = phone.locator("#stress_after").bounding_box()
    phone.touchscreen.tap(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2)
    expect(phone.locator('[data-output="stress_after"]')).to_have_text("10")
    screenshot(phone, f"journal-scales-{theme}")
    data = saved_entry(phone, live_server)
    assert data["pain_before"] == 5
    assert data["stress_after"] == 10
    assert "pain_after" not in data and "stress_before" not in data


def test_not_noted_takes_a_value_back(phone, live_server):
    phone.goto(live_server + "/journal/entry")
    expect(phone.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    phone.get_by_label("Minutes done").fill("10")
    phone.locator("#pain_after").fill("3")
    phone.locator('[data-clear="pain_after"]').click()
    expect(phone.locator('[data-output="pain_after"]')).to_have_text("–")
    expect(phone.locator("#pain_after")).to_have_attribute("aria-valuetext", "Not noted")
    assert "pain_after" not in saved_entry(phone, live_server)
