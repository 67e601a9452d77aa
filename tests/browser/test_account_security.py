"""Accounts in real Chromium: remember-me, log out everywhere, well-formed notes, the clock."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.test_sync import PASSWORD, register, store, sync

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2}


def test_the_login_form_offers_remember_me_unticked(browser, live_server, screenshot):
    page = browser.new_context(**PHONE).new_page()
    page.goto(live_server + "/account/login")
    remember = page.get_by_label("Keep me logged in on this device")
    expect(remember).not_to_be_checked()
    screenshot(page, "account-login", full_page=True)
    page.context.close()


def test_log_out_everywhere_clears_this_device_and_ends_the_other(browser, live_server, screenshot):
    page = browser.new_context(**PHONE).new_page()
    register(page, live_server, email="dee@example.com")
    other = browser.new_context().new_page()
    other.goto(live_server + "/account/login")
    other.get_by_label("Email").fill("dee@example.com")
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_label("Keep me logged in on this device").check()
    other.get_by_role("button", name="Log in").click()
    expect(other.get_by_role("heading", name="Signed in")).to_be_visible()
    store(page, "saveRecord", "journal", {"date": "2026-11-20", "minutes": 7})
    sync(page)
    page.goto(live_server + "/account")
    screenshot(page, "account-signed-in", full_page=True)
    page.get_by_role("button", name="End every session").click()
    expect(page.get_by_text("You are logged out on every device.")).to_be_visible()
    assert store(page, "allRecords") == []
    other.context.clear_cookies(name="session")  # only the remember-me cookie is left
    other.goto(live_server + "/account")
    expect(other.get_by_role("heading", name="Using Acuplan on this device only")).to_be_visible()
    page.context.close()
    other.context.close()


def test_a_note_with_half_an_emoji_is_saved_well_formed(browser, live_server):
    page = browser.new_context().new_page()
    page.goto(live_server + "/journal/entry")
    expect(page.locator("[data-journal-form]")).to_have_attribute("data-ready", "true")
    result = page.evaluate(
        """async () => {
          const { collect, wellFormed } = await import('acuplan/journal/form');
          const form = document.querySelector('[data-journal-form]');
          form.elements.namedItem('minutes').value = '5';
          form.elements.namedItem('notes').value = 'calm \\uD83C';
          const native = collect(form).data.notes;
          const saved = String.prototype.toWellFormed;
          delete String.prototype.toWellFormed;  // browsers without it take the fallback
          try {
            return { native, fallback: wellFormed('a\\uDF3Fb \\uD83C\\uDF3F \\uD83C') };
          } finally {
            String.prototype.toWellFormed = saved;
          }
        }"""
    )
    assert result == {"native": "calm \ufffd", "fallback": "a\ufffdb 🌿 \ufffd"}
    page.context.close()


def test_a_push_carries_the_device_s_clock(browser, live_server):
    page = browser.new_context().new_page()
    register(page, live_server, email="eve@example.com")
    bodies = []
    page.on(
        "request",
        lambda r: r.url.endswith("/api/sync/push") and bodies.append(json.loads(r.post_data)),
    )
    page.clock.set_system_time(1_900_000_000_000)  # a phone whose clock runs years ahead
    store(page, "saveRecord", "journal", {"date": "2026-11-20", "minutes": 7})
    assert sync(page)["state"] == "synced"
    assert bodies and bodies[-1]["clock"] >= 1_900_000_000_000
    (record,) = store(page, "allRecords")
    assert record["modified"] < 1_900_000_000_000  # adopted the server's time
    assert store(page, "pendingRecords") == []
    page.context.close()
