"""The server's copy of the device's plan edits, case by case (tests/cases/plan_edits.json);
tests/browser/test_plan_edits_shared.py runs the same cases through the device's code."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from acuplan.planner.edits import apply_edits, mark_logged, minutes_of

CASES = json.loads((Path(__file__).parent / "cases" / "plan_edits.json").read_text())


def edited(case: dict) -> list[dict]:
    """What the server makes of a case: the plan's days, edited, then logged sessions marked."""
    days = apply_edits(copy.deepcopy(CASES["plan"]), case["edits"])
    return mark_logged(days, case.get("history", []))


def where(days: list[dict]) -> dict[str, dict]:
    return {f"{s['date']} {s['slot']}": s for day in days for s in day["sessions"]}


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["name"])
def test_each_case_gives_what_it_says(case):
    sessions = where(edited(case))
    for place, expected in case["expect"].items():
        if expected is None:
            assert place not in sessions
            continue
        got = sessions[place]
        assert {key: got.get(key) for key in expected} == expected


def test_edits_never_change_the_plan_they_are_given():
    plan = copy.deepcopy(CASES["plan"])
    apply_edits(plan, CASES["cases"][0]["edits"])
    assert plan == CASES["plan"]


@pytest.mark.parametrize(("seconds", "minutes"), [(298, 5), (270, 5), (269, 4), (29, 1)])
def test_minutes_round_half_up_as_the_device_does(seconds, minutes):
    assert minutes_of(seconds) == minutes
