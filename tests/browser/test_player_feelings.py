"""Pain and stress asked around a session: "before" in the player's intro (one tap each,
skippable), "after" in its summary, saved together in the session's journal entry."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_player import open_player, start

pytestmark = pytest.mark.browser

SHORT = "reset-three-minutes"


def journal_entries(page) -> list[dict]:
    return page.evaluate(
        """async () => (await (await import("acuplan/sync/store")).listRecords("journal"))
          .map((r) => r.data)"""
    )


def finish(page):
    page.locator("[data-end]").click()
    page.locator("[data-end-confirm]").click()
    expect(page.locator("[data-summary]")).to_be_visible()


def test_pain_and_stress_before_and_after_are_saved_as_pairs(phone, live_server, screenshot):
    open_player(phone, live_server, SHORT)
    intro = phone.locator("[data-intro]")
    expect(intro.locator("[data-feel-pain]")).to_be_visible()
    intro.locator("[data-feel-pain]").get_by_role("button", name="6", exact=True).click()
    intro.locator("[data-feel-stress]").get_by_role("button", name="8", exact=True).click()
    # a second tap takes a value back, a third gives it again
    stress_7 = intro.locator("[data-feel-stress]").get_by_role("button", name="7", exact=True)
    stress_7.click()
    stress_7.click()
    expect(stress_7).to_have_attribute("aria-pressed", "false")
    intro.locator("[data-feel-stress]").get_by_role("button", name="7", exact=True).click()
    # the ends are named, seen and heard; each button is a target a thumb can hit
    pain = intro.locator("[data-feel-pain]")
    expect(pain.locator(".feel-ends")).to_have_text("nonethe worst")
    expect(pain.get_by_role("button", name="10, the worst")).to_be_visible()
    box = pain.get_by_role("button", name="0, none").bounding_box()
    assert box["width"] >= 24 and box["height"] >= 44
    screenshot(phone, "player-intro-feelings")
    start(phone)
    phone.clock.run_for(90_000)
    phone.reload()  # a reload mid-session keeps "before"
    expect(phone.locator("[data-session]")).to_be_visible()
    finish(phone)

    summary = phone.locator("[data-summary]")
    summary.locator("[data-feel-pain]").get_by_role("button", name="3", exact=True).click()
    summary.locator("[data-feel-stress]").get_by_role("button", name="4", exact=True).click()
    link = summary.get_by_role("link", name="Log how you feel")
    expect(link).to_have_attribute(
        "href",
        re.compile("pain_before=6&pain_after=3&stress_before=7&stress_after=4$"),
    )
    summary.get_by_role("button", name="Save to my journal").click()
    expect(summary.locator("[data-saved]")).to_have_text(
        "Saved in your journal, with how you felt before and after."
    )
    screenshot(phone, "player-summary-feelings")
    # a second thought after saving changes the saved entry, not a new one
    summary.locator("[data-feel-pain]").get_by_role("button", name="2", exact=True).click()
    summary.locator("[data-feel-pain]").get_by_role("button", name="3", exact=True).click()
    (entry,) = journal_entries(phone)
    assert entry["routine"] == SHORT and entry["date"] == "2026-03-02"
    assert (entry["pain_before"], entry["pain_after"]) == (6, 3)
    assert (entry["stress_before"], entry["stress_after"]) == (7, 4)
    link.click()  # the entry opens for more details, with the pairs in place
    expect(phone.get_by_role("heading", name="Edit entry")).to_be_visible()
    expect(phone.locator('[data-output="pain_before"]')).to_have_text("6")
    expect(phone.locator('[data-output="stress_after"]')).to_have_text("4")
    assert [e for e in phone.console.errors if "net::" not in e] == []


def test_skipping_the_questions_saves_no_pain_or_stress(phone, live_server):
    open_player(phone, live_server, SHORT)
    start(phone)
    phone.clock.run_for(30_000)
    finish(phone)
    phone.locator("[data-summary]").get_by_role("button", name="Save to my journal").click()
    expect(phone.locator("[data-saved]")).to_contain_text("Saved in your journal")
    (entry,) = journal_entries(phone)
    assert not {"pain_before", "pain_after", "stress_before", "stress_after"} & set(entry)
