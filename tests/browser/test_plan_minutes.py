"""The minutes asked for: Today's session fills them, the player plays them, or Today says
why not."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.test_planner_ui import onboard

pytestmark = pytest.mark.browser

SUNDAY = datetime(2026, 11, 22, 12, 0)


def test_fifteen_minutes_a_day_are_planned_and_played_in_full(phone, live_server):
    phone.clock.set_fixed_time(SUNDAY)
    onboard(phone, live_server, minutes="15")
    card = phone.locator("[data-next]")
    expect(card.locator("[data-next-facts]")).to_have_text(re.compile(r"^1[45] min · "))
    expect(card.locator("[data-next-why]")).to_be_hidden()
    card.locator("[data-start]").click()
    facts = phone.locator("[data-routine-facts]")
    expect(facts).to_have_text(re.compile(r"^1[45] min"))
    assert [e for e in phone.console.errors if "net::" not in e] == []


def test_thirty_minutes_for_a_newcomer_say_the_mat_time_is_still_growing(phone, live_server):
    phone.clock.set_fixed_time(SUNDAY)
    onboard(phone, live_server, minutes="30")
    why = phone.locator("[data-next] [data-next-why]")
    expect(why).to_be_visible()
    expect(why).to_contain_text("of your 30 minutes: your time on the mat is still growing")
