"""Notices are tidy: the "works offline" notice goes by itself, never covers a button,
and notices never stack (on iOS the install hint and the offline notice come together)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_offline import IPHONE_UA, wait_for_worker
from tests.browser.test_planner_ui import MONDAY, onboard
from tests.browser.test_player import open_player, start

pytestmark = pytest.mark.browser

OVERLAPS = """() => {
  const notice = document.querySelector(".banner").getBoundingClientRect();
  const hit = (r) => r.width && r.height && r.left < notice.right && notice.left < r.right
    && r.top < notice.bottom && notice.top < r.bottom;
  return [...document.querySelectorAll("main :is(a, button, input, select, summary)")]
    .filter((el) => hit(el.getBoundingClientRect()))
    .map((el) => el.textContent.trim() || el.outerHTML.slice(0, 80));
}"""


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
@pytest.mark.parametrize("path", ["/", "/journal", "/routines"])
def test_the_works_offline_notice_goes_by_itself_and_covers_no_button(
    phone, live_server, screenshot, path
):
    phone.clock.install()
    phone.goto(live_server + path)
    wait_for_worker(phone)
    notice = phone.locator(".banner", has_text="now works offline")
    expect(notice).to_be_visible()
    assert phone.evaluate(OVERLAPS) == []
    dark = phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    name = path.strip("/") or "today"
    screenshot(phone, f"notice-{name}-{'dark' if dark else 'light'}")
    phone.clock.run_for(3000)
    expect(notice).to_be_visible()
    phone.clock.run_for(4000)
    expect(notice).to_have_count(0)


def test_notices_never_stack(browser, live_server):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, user_agent=IPHONE_UA
    )
    page = context.new_page()
    page.clock.install()
    page.goto(live_server + "/")
    wait_for_worker(page)
    banners = page.locator(".banner")
    expect(banners).to_have_text(["Install Acuplan: tap Share, then “Add to Home Screen”.×"])
    # The offline notice waits for the hint to go, then has its own few seconds.
    banners.get_by_role("button", name="Dismiss").click()
    expect(banners).to_have_count(1)
    expect(banners).to_contain_text("now works offline")
    page.clock.run_for(7000)
    expect(banners).to_have_count(0)
    context.close()


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_a_notice_covers_no_button_of_todays_plan(phone, live_server, screenshot):
    phone.clock.install(time=MONDAY)
    onboard(phone, live_server)
    expect(phone.locator("[data-day]").first).to_be_visible()
    phone.evaluate(
        """async () => (await import("acuplan/ui/banner")).showBanner({
          id: "ready", text: "Acuplan now works offline, even in airplane mode.", timeout: 6000,
        })"""
    )
    notice = phone.locator(".banner", has_text="now works offline")
    expect(notice).to_have_count(1)
    assert phone.evaluate(OVERLAPS) == []
    dark = phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    screenshot(phone, f"notice-today-plan-{'dark' if dark else 'light'}")
    phone.clock.run_for(7000)
    expect(notice).to_have_count(0)


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
def test_a_notice_covers_none_of_the_players_words_or_controls(phone, live_server, screenshot):
    open_player(phone, live_server, "first-five-minutes")
    start(phone)
    phone.evaluate(
        """async () => (await import("acuplan/ui/banner")).showBanner({
          id: "ready", text: "Acuplan now works offline, even in airplane mode.", timeout: 6000,
        })"""
    )
    expect(phone.locator(".banner")).to_have_count(1)
    covered = phone.evaluate(
        """() => {
          const notice = document.querySelector(".banner").getBoundingClientRect();
          return [...document.querySelectorAll("[data-session] *")]
            .filter((el) => el.checkVisibility() && el.textContent.trim())
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width && r.height && r.top < notice.bottom && notice.top < r.bottom;
            })
            .map((el) => el.textContent.trim().slice(0, 60));
        }"""
    )
    assert covered == []
    dark = phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    screenshot(phone, f"notice-player-{'dark' if dark else 'light'}")
