"""Lengths read ahead of time are whole minutes: the player's intro says "3 min", not
"2 min 58 s"; the session's own clock and summary keep their seconds."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_player import open_player

pytestmark = pytest.mark.browser


def test_the_intro_gives_the_length_in_whole_minutes(phone, live_server):
    open_player(phone, live_server, "reset-three-minutes")  # 2 min 58 s as written
    facts = phone.locator("[data-routine-facts]")
    expect(facts).to_have_text("3 min · 3 steps · 2 min on the mat")
    lengths = phone.evaluate(
        """async () => {
          const { minutesText } = await import("acuplan/ui/time-format");
          return [598_000, 45_000, 89_000, 90_000, 0].map(minutesText);
        }"""
    )
    assert lengths == ["10 min", "45 s", "1 min", "2 min", "0 s"]
