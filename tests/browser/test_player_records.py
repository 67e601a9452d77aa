"""A finished session is a synced `session` record; logging out leaves nothing of the person.

Real Chromium against the live app: the player's record goes through the store (IndexedDB)
and the sync protocol, older localStorage sessions move into the store once, the planner's
history reads them there, and logging out removes every trace of the person from the device.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import wait_for_worker
from tests.browser.test_sync import PASSWORD, login, register, store, sync

pytestmark = pytest.mark.browser

SHORT = "first-five-minutes"
OLD_SESSION = {
    "id": "0f0e0d0c-0b0a-4909-8807-060504030201",
    "routine": "evening-unwind",
    "title": "Evening unwind",
    "startedAt": "2026-11-19T20:00:00.000Z",
    "endedAt": "2026-11-19T20:10:00.000Z",
    "seconds": 600,
    "plannedSeconds": 617,
    "stepsDone": 5,
    "matSeconds": 300,
    "stepsTotal": 5,
    "endedEarly": False,
}


def play_and_end(page, base, slug=SHORT, seconds=30):
    """Play `slug` for `seconds` past its get-ready, then end it and save what was done."""
    page.goto(f"{base}/play?routine={slug}")
    # time stands still but for run_for: a slow machine's real seconds between the taps
    # would otherwise be played time too (31 s for 30, seen once under load)
    now = datetime.fromtimestamp(page.evaluate("Date.now()") / 1000, UTC)
    page.clock.pause_at(now + timedelta(minutes=1))
    page.locator("[data-start]").click()
    page.locator("[data-skip]").click()  # past the get-ready
    page.clock.run_for(seconds * 1000)
    page.locator("[data-end]").click()
    page.locator("[data-end-confirm]").click()
    expect(page.locator("[data-summary]")).to_be_visible()
    expect(page.locator("[data-saved]")).to_have_text("This session is saved on this device.")


def cached_texts(page) -> list[str]:
    """The body of every response in the worker's caches."""
    return page.evaluate(
        """async () => {
          const texts = [];
          for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
              texts.push(await (await cache.match(request)).text());
            }
          }
          return texts;
        }"""
    )


def sessions(page):
    return [r for r in store(page, "allRecords") if r["kind"] == "session"]


def test_a_finished_session_is_a_synced_record_with_its_steps(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()
    register(page, live_server, email="dot@example.com")
    play_and_end(page, live_server)
    (record,) = sessions(page)
    data = record["data"]
    assert (data["routine"], data["seconds"], data["endedEarly"]) == (SHORT, 30, True)
    assert data["steps"][0] == {"index": 0, "kind": "breathing", "planned": 48, "done": 30}
    mat = data["steps"][1]
    assert (mat["kind"], mat["layer"], mat["done"], mat["planned"]) == ("mat", "shirt", 0, 240)
    assert page.evaluate("localStorage['acuplan.finished-sessions']") is None
    sync(page)
    assert store(page, "pendingRecords") == []  # the server took it
    other = browser.new_context().new_page()
    login(other, live_server, email="dot@example.com")
    (pulled,) = sessions(other)
    assert pulled["id"] == record["id"] and pulled["data"] == data
    other.context.close()
    context.close()


def test_older_sessions_move_into_the_store_once_and_the_planner_reads_them(phone, live_server):
    phone.add_init_script(
        "if (!sessionStorage.seeded) { sessionStorage.seeded = 1; localStorage.setItem("
        f"'acuplan.finished-sessions', {json.dumps(json.dumps([OLD_SESSION]))}); }}"
    )
    phone.goto(f"{live_server}/play?routine={SHORT}")
    history = phone.evaluate(
        """async () => {
          const { loadHistory } = await import("acuplan/plan/history");
          return loadHistory(new Map());
        }"""
    )
    assert history == [
        {
            "adverse": False,
            "date": "2026-11-19",
            "routine": "evening-unwind",
            "mat_seconds": 300,
            "status": "done",
        }
    ]
    (record,) = sessions(phone)
    assert record["id"] == OLD_SESSION["id"] and record["data"]["seconds"] == 600
    assert phone.evaluate("localStorage['acuplan.finished-sessions']") is None
    phone.reload()
    phone.evaluate("async () => (await import('acuplan/player/store')).listFinished()")
    assert len(sessions(phone)) == 1  # moved once, not again


def test_after_logout_the_next_person_finds_nothing_of_the_first(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()
    register(page, live_server, email="eve@example.com")
    play_and_end(page, live_server)
    page.evaluate("localStorage.setItem('acuplan.cue-settings', '{\"mode\":\"silent\"}')")
    page.get_by_role("link", name="Log how you feel").click()
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(f"{live_server}/journal")
    page.goto(f"{live_server}/play?routine={SHORT}")  # a session left in progress, too
    page.locator("[data-start]").click()
    page.clock.run_for(6_000)
    kinds = sorted({r["kind"] for r in store(page, "allRecords")})
    assert {"journal", "session"} <= set(kinds)
    assert page.evaluate("localStorage['acuplan.session']") is not None
    sync(page)

    wait_for_worker(page)
    # Pages the worker kept while she was signed in (sign-in pages are never kept, but a
    # page that shows something of hers could be): one stands in for them here.
    page.evaluate(
        """async () => {
          const name = (await caches.keys()).find((n) => n.startsWith("acuplan-"));
          await (await caches.open(name)).put("/journal?as=eve", new Response("eve@example.com"));
        }"""
    )
    assert any("eve@example.com" in text for text in cached_texts(page))
    shared = len(cached_texts(page)) - 1
    page.goto(live_server + "/account")
    page.get_by_role("button", name="Log out").click()
    heading = page.get_by_role("heading", name="Using Acuplan on this device only")
    expect(heading).to_be_visible(timeout=15_000)
    register(page, live_server, email="fay@example.com")

    assert store(page, "allRecords") == []
    keys = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('acuplan.'))")
    assert "acuplan.session" not in keys and "acuplan.cue-settings" not in keys
    kept = cached_texts(page)
    assert not any("eve@example.com" in text for text in kept)
    assert len(kept) >= shared - 1  # the app itself (static files, library) is still offline
    page.goto(f"{live_server}/journal")
    expect(page.get_by_text("eve@example.com")).to_have_count(0)
    context.close()


def test_deleting_the_account_removes_the_person_from_the_device(browser, live_server):
    context = browser.new_context()
    page = context.new_page()
    register(page, live_server, email="gus@example.com")
    store(page, "saveRecord", "journal", {"date": "2026-11-20", "minutes": 5})
    page.evaluate("localStorage.setItem('acuplan.cue-settings', '{\"mode\":\"silent\"}')")
    page.goto(live_server + "/account")
    deletion = page.get_by_role("region", name="Delete your account")
    deletion.get_by_label("Your password").fill("not the password")
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("That password is not right")).to_be_visible()
    assert len(store(page, "allRecords")) == 1  # a wrong password changes nothing
    deletion.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.get_by_text("everything stored with it on our server are deleted")).to_be_visible()
    assert store(page, "allRecords") == []
    keys = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('acuplan.'))")
    assert "acuplan.cue-settings" not in keys
    context.close()
