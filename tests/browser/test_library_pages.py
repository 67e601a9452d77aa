"""The routine library in real Chromium at a phone's size."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("phone", ["light", "dark"], indirect=True)
@pytest.mark.parametrize(
    "path", ["/", "/routines", "/routines/evening-unwind", "/safety", "/no-such-page"]
)
def test_pages_fit_a_phone_without_errors(phone, live_server, screenshot, path, request):
    phone.goto(live_server + path)
    expect(phone.locator("h1")).to_be_visible()
    assert no_horizontal_scroll(phone)
    expected = ["404"] if path == "/no-such-page" else []
    assert [e for e in phone.console.errors if not any(x in e for x in expected)] == []
    name = (
        (path.strip("/").replace("/", "-") or "home") + "-" + request.node.callspec.params["phone"]
    )
    screenshot(phone, name)


def test_dark_theme_follows_the_system(browser, live_server):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(live_server + "/routines")
        colours[scheme] = page.evaluate(
            "getComputedStyle(document.documentElement).backgroundColor"
        )
        context.close()
    assert colours["light"] != colours["dark"]


def test_choosing_a_goal_filters_at_once(phone, live_server):
    phone.goto(live_server + "/routines")
    total = phone.locator(".routine-card").count()
    phone.select_option("#filter-goal", "sleep")
    expect(phone).to_have_url(re.compile(r"goal=sleep"))
    filtered = phone.locator(".routine-card").count()
    assert 0 < filtered < total
    expect(phone.locator(".result-count")).to_contain_text(f"{filtered} routine")
    assert phone.console.errors == []


def test_filters_work_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/routines")
    page.select_option("#filter-level", "experienced")
    page.select_option("#filter-position", "lower-back")
    page.get_by_role("button", name="Show routines").click()
    expect(page).to_have_url(re.compile(r"level=experienced"))
    assert "position=lower-back" in page.url
    titles = page.locator(".routine-card .card-title").all_inner_texts()
    assert titles
    page.get_by_role("link", name=titles[0]).click()
    expect(page.locator(".facts")).to_contain_text("Experienced")
    context.close()


def test_empty_state_offers_a_way_back(phone, live_server):
    phone.goto(live_server + "/routines?level=beginner&duration=long")
    expect(phone.locator(".empty")).to_contain_text("No routine matches")
    phone.get_by_role("link", name="Show every routine").click()
    assert phone.locator(".routine-card").count() > 20


def test_touch_targets_are_at_least_44px(phone, live_server):
    phone.goto(live_server + "/routines")
    sizes = phone.eval_on_selector_all(
        "main a:not(.card-title a), main button, main select, nav a",
        "els => els.filter(e => e.offsetParent).map(e => {"
        "  const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.height]; })",
    )
    small = [(text, h) for text, h in sizes if h < 44]
    assert sizes and small == []


def test_a_whole_card_is_the_tap_target(phone, live_server):
    phone.goto(live_server + "/routines")
    card = phone.locator(".routine-card").first
    title = card.locator(".card-title").inner_text()
    box = card.bounding_box()
    assert box["height"] >= 44
    # Tap the card's lower part, well away from the title link's own text.
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] - 10)
    expect(phone.locator("h1")).to_have_text(title)


def test_skip_link_is_the_first_stop_and_moves_focus(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_server + "/routines")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to content"
    expect(page.locator(".skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


def test_routine_page_shows_every_step_in_order(phone, live_server):
    phone.goto(live_server + "/api/routines/evening-unwind")
    data = phone.evaluate("JSON.parse(document.body.innerText)")
    phone.goto(live_server + "/routines/evening-unwind")
    titles = phone.locator(".step-title").all_inner_texts()
    assert titles == [step["title"] for step in data["steps"]]
