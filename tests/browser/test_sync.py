"""The device's records and their sync, in real Chromium: merge on sign-up, second device,
logout clearing the device, and the status line."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "a calm evening walk"


def store(page, call: str, *args):
    """Call a function of the store module inside the page."""
    return page.evaluate(
        f"async (args) => (await import('acuplan/sync/store')).{call}(...args)", list(args)
    )


def sync(page):
    return page.evaluate("async () => (await import('acuplan/sync/client')).syncNow()")


def journal(date, minutes):
    return {"date": date, "minutes": minutes}


def register(page, base, email="ada@example.com"):
    page.goto(base + "/account/register")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.locator("[data-sync-status]")).to_contain_text("All synced")


def login(page, base, email="ada@example.com"):
    page.goto(base + "/account/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("[data-sync-status]")).to_contain_text("All synced")


def kinds(records):
    return sorted((r["kind"], r["data"]["minutes"]) for r in records if not r["deleted"])


def test_device_data_is_merged_into_a_new_account_and_reaches_a_second_phone(browser, live_server):
    phone1 = browser.new_context().new_page()
    phone1.goto(live_server + "/settings")
    store(phone1, "saveRecord", "journal", journal("2026-11-19", 10))
    store(phone1, "saveRecord", "journal", journal("2026-11-20", 12))
    status = sync(phone1)
    assert status["state"] == "device-only" and status["pending"] == 2
    expect(phone1.locator("[data-sync-status]")).to_contain_text("device only")

    register(phone1, live_server)
    assert store(phone1, "pendingRecords") == []

    phone2 = browser.new_context().new_page()
    login(phone2, live_server)
    assert kinds(store(phone2, "allRecords")) == [("journal", 10), ("journal", 12)]

    # An edit and a delete on the second phone reach the first.
    first, second = sorted(
        store(phone2, "listRecords", "journal"), key=lambda r: r["data"]["minutes"]
    )
    store(phone2, "saveRecord", "journal", journal("2026-11-19", 15), first["id"])
    store(phone2, "deleteRecord", second["id"])
    assert sync(phone2)["state"] == "synced"
    assert sync(phone1)["state"] == "synced"
    assert kinds(store(phone1, "allRecords")) == [("journal", 15)]
    phone1.context.close()
    phone2.context.close()


def test_logout_removes_the_accounts_data_from_the_device(browser, live_server):
    page = browser.new_context().new_page()
    register(page, live_server, email="bea@example.com")
    store(page, "saveRecord", "journal", journal("2026-11-20", 8))
    sync(page)
    page.goto(live_server + "/account")
    page.get_by_role("button", name="Log out").click()
    heading = page.get_by_role("heading", name="Using Acuplan on this device only")
    expect(heading).to_be_visible(timeout=15_000)
    assert store(page, "allRecords") == []
    page.context.close()


def test_logout_warns_about_changes_that_could_not_sync(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    register(page, live_server, email="cat@example.com")
    page.route("**/api/sync/push", lambda route: route.abort())
    store(page, "saveRecord", "journal", journal("2026-11-20", 9))
    page.goto(live_server + "/account")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("button", name="Log out")).to_be_enabled()
    assert dialogs and "1 change has not synced yet" in dialogs[0]
    assert len(store(page, "allRecords")) == 1
    expect(page.locator("[data-sync-status]")).to_contain_text("Sync failed")
    context.close()
