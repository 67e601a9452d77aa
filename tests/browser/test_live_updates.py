"""What a person sees is current: a change made on another phone (by sync) or in another
tab shows on an open journal page without a reload."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.test_sync import journal, login, register, store, sync

pytestmark = pytest.mark.browser


def entries(page):
    return page.locator("[data-entries] .entry")


def test_an_entry_from_another_phone_shows_and_goes_without_a_reload(browser, live_server):
    phone_a = browser.new_context().new_page()
    register(phone_a, live_server, email="live@example.com")
    phone_b = browser.new_context().new_page()
    login(phone_b, live_server, email="live@example.com")
    phone_b.goto(live_server + "/journal")
    expect(phone_b.locator("[data-empty]")).to_be_visible()

    record = store(phone_a, "saveRecord", "journal", journal("2026-11-20", 14))
    assert sync(phone_a)["state"] == "synced"
    # Phone B comes back online: its sync pulls the entry, and the open list shows it.
    phone_b.evaluate("() => window.dispatchEvent(new Event('online'))")
    expect(entries(phone_b)).to_have_count(1)
    expect(entries(phone_b).locator("[data-meta]")).to_have_text("14 min")
    expect(phone_b.locator("[data-empty]")).to_be_hidden()

    store(phone_a, "deleteRecord", record["id"])
    assert sync(phone_a)["state"] == "synced"
    assert sync(phone_b)["state"] == "synced"
    expect(entries(phone_b)).to_have_count(0)
    expect(phone_b.locator("[data-empty]")).to_be_visible()
    phone_a.context.close()
    phone_b.context.close()


def test_an_entry_written_in_another_tab_shows_at_once(browser, live_server):
    today = datetime.date.today()
    context = browser.new_context()
    listing, writer = context.new_page(), context.new_page()
    listing.goto(live_server + "/journal")
    expect(listing.locator("[data-empty]")).to_be_visible()
    writer.goto(live_server + "/settings")
    record = store(writer, "saveRecord", "journal", journal("2026-11-21", 9))
    expect(entries(listing)).to_have_count(1)
    expect(entries(listing).locator("[data-meta]")).to_have_text("9 min")
    store(writer, "deleteRecord", record["id"])
    expect(entries(listing)).to_have_count(0)
    listing.goto(live_server + "/journal/report")
    expect(listing.locator("[data-empty]")).to_be_visible()
    store(writer, "saveRecord", "journal", journal(today.isoformat(), 7))
    expect(listing.locator("[data-report-rows] tr")).to_have_count(1)
    expect(listing.locator("[data-report-summary]")).to_contain_text("7")
    context.close()
