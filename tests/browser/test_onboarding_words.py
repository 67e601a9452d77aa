"""Onboarding, on the built (minified) modules: its errors read as sentences, and the goal
grid holds labels of two lines."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_errors_read_as_sentences_from_the_minified_modules(phone, live_server, screenshot):
    phone.goto(live_server + "/start")
    module = phone.evaluate(
        "() => JSON.parse(document.querySelector('script[type=importmap]').textContent)"
        ".imports['acuplan/plan/onboarding-form']"
    )
    source = phone.evaluate("async (url) => (await fetch(url)).text()", module)
    assert ".min." in module or "\n" not in source.strip()[:2000], "the modules are built"
    phone.get_by_label("Minutes a day").fill("")
    phone.get_by_role("button", name="Save and plan my week").click()
    error = phone.locator("[data-form-error]")
    expect(error).to_have_text(re.compile(r"^Please check \d+ answers above\.$"))
    phone.get_by_label("Stress", exact=True).check()
    phone.get_by_label("Minutes a day").fill("10")
    phone.get_by_label("In the evening").check()
    phone.get_by_label("Never", exact=True).check()
    # the health questions left unanswered: one problem
    phone.get_by_role("button", name="Save and plan my week").click()
    expect(error).to_have_text("Please check one answer above.")
    screenshot(phone, "onboarding-error", full_page=True)


def test_the_goal_grid_holds_two_line_labels(phone, live_server, screenshot):
    phone.goto(live_server + "/start")
    goals = phone.locator('[data-field="goals"]')
    labels = goals.locator("label")
    expect(labels.first).to_be_visible()
    grid = goals.bounding_box()
    two_lines = 0
    for i in range(labels.count()):
        label = labels.nth(i)
        box = label.bounding_box()
        box_input = label.locator("input").bounding_box()
        assert box["x"] >= grid["x"] and box["x"] + box["width"] <= grid["x"] + grid["width"]
        fits = label.evaluate(
            "(l) => l.scrollWidth <= l.clientWidth + 1 && l.scrollHeight <= l.clientHeight + 1"
        )
        assert fits, label.text_content()
        assert round(box_input["width"]) == round(box_input["height"]) == 20
        lines = label.evaluate(
            "(l) => { const r = document.createRange(); r.selectNodeContents(l);"
            " return new Set([...r.getClientRects()].map((c) => Math.round(c.top))).size; }"
        )
        two_lines += lines >= 2
    assert two_lines >= 1, "some goal labels take two lines at 390 px"
    screenshot(phone, "onboarding-goals")


# Holds the device's store from answering until the test lets it: what a slow phone does.
HOLD_THE_STORE = """
(() => {
  const own = Object.getOwnPropertyDescriptor(IDBRequest.prototype, "onsuccess");
  Object.defineProperty(IDBOpenDBRequest.prototype, "onsuccess", {
    configurable: true,
    get() { return own.get.call(this); },
    set(handler) {
      own.set.call(this, (event) => {
        const go = () => handler.call(this, event);
        if (window.storeHeld === false) go();
        else window.releaseStore = go;
      });
    },
  });
})();
"""


def test_answers_ticked_before_the_saved_ones_are_read_are_kept(browser, live_server):
    """A person who ticks at once, on a phone slow to read its store, keeps every tick: the
    form fills in around them, and a tap on the button waits for it."""
    context = browser.new_context(service_workers="block")
    context.add_init_script(HOLD_THE_STORE)
    page = context.new_page()
    page.goto(live_server + "/start")
    page.get_by_label("Stress", exact=True).check()
    page.get_by_label("Minutes a day").fill("15")
    page.get_by_role("button", name="Save and plan my week").click()  # before the fill, too
    page.wait_for_function("() => typeof window.releaseStore === 'function'")
    assert page.locator("[data-onboarding]").get_attribute("data-ready") is None
    page.evaluate("window.storeHeld = false; window.releaseStore()")
    expect(page.locator("[data-onboarding]")).to_have_attribute("data-ready", "true")
    expect(page.get_by_label("Stress", exact=True)).to_be_checked()
    expect(page.get_by_label("Minutes a day")).to_have_value("15")
    # the early tap was checked once the form was in: the questions still open are named
    expect(page.locator("[data-form-error]")).to_have_text(re.compile(r"^Please check \d+ answers"))
    assert page.url == live_server + "/start"
    context.close()
