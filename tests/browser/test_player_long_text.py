"""The longest instruction of the library, on a phone: it scrolls into view above the
player's controls, never hidden behind them."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_player import open_player, start

pytestmark = pytest.mark.browser


def longest_instruction(page) -> tuple[str, int, str]:
    return page.evaluate(
        """async () => {
          const { routines } = await (await fetch("/api/routines")).json();
          const all = routines.flatMap((r) => r.steps.map((s, i) => [r, i, s.instruction ?? ""]));
          const [routine, index, text] = all.sort((a, b) => b[2].length - a[2].length)[0];
          // the steps before it left out, so the player opens on it
          const steps = routine.steps.map((s, i) => (i < index ? 0 : s.seconds)).join(",");
          return [`${routine.slug}&steps=${steps}`, index, text];
        }"""
    )


def test_the_longest_instruction_scrolls_clear_of_the_controls(phone, live_server, screenshot):
    phone.goto(live_server + "/routines")
    slug, index, text = longest_instruction(phone)
    open_player(phone, live_server, slug)
    start(phone)
    assert index >= 0
    instruction = phone.locator("[data-instruction]")
    expect(instruction).to_have_text(text)
    phone.clock.run_for(2_000)
    phone.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    controls = phone.locator("[data-controls]").bounding_box()
    box = instruction.bounding_box()
    screenshot(phone, "player-longest-instruction")
    assert box["y"] + box["height"] <= controls["y"] + 1, (box, controls)
    # and it can be read from its first line: scrolled to, its top is on screen
    instruction.scroll_into_view_if_needed()
    top = instruction.bounding_box()["y"]
    assert 0 <= top < phone.locator("[data-controls]").bounding_box()["y"]
