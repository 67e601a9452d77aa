"""The front end's two clients, in Chromium: the API client (a fresh CSRF token for every
change, a refusal as an error carrying the server's message and field) and the library
client (GET /api/routines once per page, a clear error when it can't be had)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_sync import store

pytestmark = pytest.mark.browser

# Counts the page's own requests by path (the service worker's are not the page's).
COUNT_FETCHES = """
window.fetched = [];
const pageFetch = window.fetch;
window.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  window.fetched.push(new URL(url, location.href).pathname);
  return pageFetch(input, init);
};
"""
BAD_PLAN = {"profile": {"goals": ["flying"]}, "screening": {}, "history": [], "date": "2026-11-20"}


def fetched(page, path: str) -> int:
    return page.evaluate("(path) => window.fetched.filter((p) => p === path).length", path)


def test_the_journal_asks_for_the_library_once_however_often_it_renders(phone, live_server):
    routine = phone.request.get(live_server + "/api/routines").json()["routines"][0]
    phone.add_init_script(COUNT_FETCHES)
    phone.goto(live_server + "/journal")
    entries = phone.locator("[data-entries] .entry")
    for day, count in (("2026-11-19", 1), ("2026-11-20", 2)):
        entry = {"date": day, "minutes": 10, "routine": routine["slug"]}
        store(phone, "saveRecord", "journal", entry)
        expect(entries).to_have_count(count)  # the list rendered again
    expect(entries.first).to_contain_text(routine["title"])
    assert fetched(phone, "/api/routines") == 1
    assert phone.console.errors == []


def test_a_refused_change_is_an_error_with_the_servers_message_and_field(phone, live_server):
    phone.add_init_script(COUNT_FETCHES)
    phone.goto(live_server + "/settings")
    before = fetched(phone, "/api/csrf")
    seen = phone.evaluate(
        """async (body) => {
          const { token } = await (await fetch("/api/csrf")).json();
          const raw = await (await fetch("/api/plan", { method: "POST", body: JSON.stringify(body),
            headers: { "Content-Type": "application/json", "X-CSRFToken": token } })).json();
          const { ApiError, postJson } = await import("acuplan/sync/api");
          const errors = [];
          for (let i = 0; i < 2; i += 1) {
            try {
              await postJson("/api/plan", body);
            } catch (error) {
              errors.push({ api: error instanceof ApiError, status: error.status,
                field: error.field, message: error.message });
            }
          }
          return { raw, errors };
        }""",
        BAD_PLAN,
    )
    raw = seen["raw"]
    assert raw["field"] and raw["message"]
    expected = {"api": True, "status": 400, "field": raw["field"], "message": raw["message"]}
    assert seen["errors"] == [expected, expected]
    # the test's own token, then a fresh one for each of the client's two changes
    assert fetched(phone, "/api/csrf") - before == 3


def test_without_network_or_copy_the_library_fails_clearly_then_recovers(browser, live_server):
    # no service worker, so nothing on the device can answer for the network
    page = browser.new_context(service_workers="block").new_page()
    page.goto(live_server + "/settings")
    page.route("**/api/routines", lambda route: route.abort())
    load = """async () => {
      try {
        return (await (await import("acuplan/routines/library")).loadLibrary()).length;
      } catch (error) {
        return `${error.name}/${error.constructor.name}: ${error.message}`;
      }
    }"""
    assert page.evaluate(load) == (
        "Error/LibraryError: The routine library is not on this device yet: "
        "open Acuplan once online."
    )
    page.unroute("**/api/routines")
    assert page.evaluate(load) > 5  # a failure is not remembered: the next call asks again
    page.context.close()
