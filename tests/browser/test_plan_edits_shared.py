"""The device's plan edits (static/js/plan/edits.js) give exactly what the server's copy
gives (acuplan/planner/edits.py), case by case: the reminders and the calendar feed show the
plan the person sees on Today."""

from __future__ import annotations

import pytest

from tests.test_plan_edits import CASES, edited

pytestmark = pytest.mark.browser


def test_every_case_gives_the_same_days_on_the_device_and_the_server(module_page):
    on_device = module_page.evaluate(
        """async ({ plan, cases }) => {
             const { applyEdits, markLogged } = await import("acuplan/plan/edits");
             return cases.map((c) => markLogged(applyEdits(plan, c.edits), c.history ?? []));
           }""",
        CASES,
    )
    for case, days in zip(CASES["cases"], on_device, strict=True):
        assert days == edited(case), case["name"]
