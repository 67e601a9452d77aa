"""The sync status line tells the truth: without an account the data is on this device
(never "Sync failed" or "waiting"), and what is waiting is named in words that match the
lists."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_sync import journal, store, sync

pytestmark = pytest.mark.browser


def describe(page, status):
    return page.evaluate("async (s) => (await import('acuplan/sync/status')).describe(s)", status)


def status_line(page):
    return page.locator("[data-sync-status]")


def test_without_an_account_the_status_names_what_is_on_the_device(phone, live_server):
    phone.goto(live_server + "/journal")
    for day in range(1, 16):
        store(phone, "saveRecord", "journal", journal(f"2026-11-{day:02}", 10))
    extra = store(phone, "saveRecord", "journal", journal("2026-11-16", 5))
    store(phone, "deleteRecord", extra["id"])
    store(phone, "saveRecord", "preferences", {"cues": {}})
    expect(phone.locator("[data-entries] .entry")).to_have_count(15)

    expected = "Saved on this device only: 15 journal entries and your settings."
    sync(phone)
    expect(status_line(phone)).to_contain_text(expected)

    phone.context.set_offline(True)
    assert sync(phone)["state"] == "offline"
    expect(status_line(phone)).to_contain_text(expected)
    expect(status_line(phone)).not_to_contain_text("Offline")
    phone.context.set_offline(False)

    # The server can't be reached: still nothing failed for a person without an account.
    phone.route("**/api/me", lambda route: route.abort())
    assert sync(phone)["state"] == "error"
    expect(status_line(phone)).to_contain_text(expected)
    for wrong in ("Sync failed", "waiting", "16", "unsynced"):
        expect(status_line(phone)).not_to_contain_text(wrong)


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (
            {
                "state": "synced",
                "account": True,
                "waiting": [
                    {"kind": "journal", "deleted": False},
                    {"kind": "journal", "deleted": False},
                    {"kind": "journal", "deleted": True},
                ],
            },
            "2 journal entries and 1 deletion waiting. Not synced yet.",
        ),
        (
            {
                "state": "offline",
                "account": True,
                "waiting": [
                    {"kind": "session", "deleted": False},
                    {"kind": "profile", "deleted": False},
                ],
            },
            "Offline — 1 finished session and your answers waiting. Not synced yet.",
        ),
        (
            {
                "state": "device-only",
                "account": True,
                "waiting": [
                    {"kind": "plan-edit", "deleted": False},
                ],
            },
            "Logged out — 1 change to your plan waiting. Log in to sync.",
        ),
        (
            {
                "state": "error",
                "account": False,
                "lastError": {"message": "The network failed."},
                "waiting": [{"kind": "journal", "deleted": True}],
            },
            "Saved on this device only. Create an account to back it up.",
        ),
    ],
)
def test_what_is_waiting_is_named_in_words(phone, live_server, status, text):
    phone.goto(live_server + "/settings")
    assert describe(phone, status).replace("  ", " ").strip() == text


def test_records_are_named_in_one_order_whatever_order_the_store_lists_them(call_module):
    """The store lists records by their random ids: the words must not follow that."""
    records = [
        {"kind": "preferences", "deleted": False},
        {"kind": "journal", "deleted": True},
        {"kind": "profile", "deleted": False},
        {"kind": "journal", "deleted": False},
        {"kind": "plan-edit", "deleted": False},
    ]
    assert call_module("sync/status", "nameRecords", records) == (
        "1 journal entry, 1 change to your plan, 1 deletion, your answers and your settings"
    )
