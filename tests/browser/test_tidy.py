"""Tidy pages at 390 px: the account page says "device only" once, checkboxes keep one
size whatever their label, and a 404 speaks the app's words."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_sync import journal, store

pytestmark = pytest.mark.browser


def theme(page):
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    return "dark" if dark else "light"


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_the_account_page_says_device_only_once(phone, live_server, screenshot):
    phone.goto(live_server + "/account")
    store(phone, "saveRecord", "journal", journal("2026-11-20", 10))
    store(phone, "saveRecord", "journal", journal("2026-11-21", 12))
    phone.reload()
    status = phone.locator("[data-sync-status]")
    expect(status).to_have_text("On this device now: 2 journal entries.")
    text = phone.locator("main").inner_text().lower()
    assert text.count("device only") == 1, text
    assert text.count("back it up") == 1, text
    screenshot(phone, f"account-device-only-{theme(phone)}")


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_checkboxes_keep_one_size_whatever_their_label(phone, live_server, screenshot):
    phone.goto(live_server + "/journal/entry")
    sizes = phone.eval_on_selector_all(
        ".checks input[type=checkbox]",
        "(boxes) => boxes.map((b) => [b.offsetWidth, b.offsetHeight])",
    )
    assert len(sizes) > 10
    assert len(set(map(tuple, sizes))) == 1, sizes
    phone.get_by_label("Pain that grew instead of settling").scroll_into_view_if_needed()
    screenshot(phone, f"journal-checkboxes-{theme(phone)}")


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_an_unknown_address_gets_the_apps_own_404(phone, live_server, screenshot):
    response = phone.goto(live_server + "/no/such/page")
    assert response.status == 404
    expect(phone.get_by_role("heading", level=1)).to_have_text("We can’t find that page")
    expect(phone.locator("main")).to_contain_text("That address isn’t part of Acuplan")
    expect(phone.locator("main")).not_to_contain_text("requested URL")
    expect(phone).to_have_title("We can’t find that page · Acuplan")
    screenshot(phone, f"not-found-{theme(phone)}")


@pytest.mark.parametrize("path", ["/journal/entry", "/start"])
def test_box_headings_sit_inside_their_box(phone, live_server, path):
    phone.goto(live_server + path)
    outside = phone.eval_on_selector_all(
        ".checks, .scales",
        """(boxes) => boxes.filter((box) => {
          const legend = box.querySelector("legend");
          if (!legend || !legend.checkVisibility()) return false;
          const outer = box.getBoundingClientRect(), inner = legend.getBoundingClientRect();
          return inner.top < outer.top + 1 || inner.bottom > outer.bottom;
        }).map((box) => box.querySelector("legend").textContent.trim())""",
    )
    assert outside == []
