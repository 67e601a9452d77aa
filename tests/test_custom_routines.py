"""A person's own routines obey the library's rules: the shared case table against the
catalog's validator, and pushed `custom-routine` records refused naming record, step and field.
tests/browser/test_custom_routine_rules.py runs the same cases through the device's rules.js."""

from __future__ import annotations

import copy
import json
import time
import uuid
from pathlib import Path

import pytest

from acuplan.catalog.custom import custom_routine_problems
from tests.conftest import Auth

CASES = json.loads((Path(__file__).parent / "cases" / "custom_routines.json").read_text())
VALID = CASES["cases"][0]["routine"]


def matches(problems: list[dict], expect: list[dict]) -> bool:
    """The problems name exactly the expected fields, with the expected messages where given."""
    if sorted(p["field"] for p in problems) != sorted(e["field"] for e in expect):
        return False
    for e in expect:
        if "message" in e and {"field": e["field"], "message": e["message"]} not in problems:
            return False
    return True


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["name"])
def test_each_case_gives_its_problems_from_the_catalogs_validator(case, library):
    problems = [
        {"field": p.field, "message": p.message}
        for p in custom_routine_problems(copy.deepcopy(case["routine"]), library)
    ]
    assert matches(problems, case["expect"]), problems


def test_every_library_routine_passes_as_a_custom_routine(library):
    """The rules are the library's own: a copy of any routine in its file form passes them."""
    from acuplan.catalog.load import read_toml

    root = Path(__file__).parent.parent / "routines"
    for path in sorted(root.glob("*.toml")):
        data = read_toml(path, root, [])
        data["id"] = f"{path.stem}-mine"
        assert custom_routine_problems(data, library) == [], path.stem


def record(data: dict, record_id: str | None = None) -> dict:
    return {
        "id": record_id or str(uuid.uuid4()),
        "kind": "custom-routine",
        "modified": int(time.time() * 1000),
        "deleted": False,
        "data": data,
    }


def test_a_pushed_custom_routine_is_stored_and_pulled_back(auth):
    auth.register()
    pushed = record(VALID)
    response = auth.post_json("/api/sync/push", {"records": [pushed]})
    assert response.status_code == 200, response.get_json()
    (pulled,) = auth.client.get("/api/sync/pull?cursor=0").get_json()["records"]
    assert pulled["data"] == VALID


def test_a_pushed_too_long_mat_step_is_refused_naming_record_step_and_field(auth):
    auth.register()
    data = copy.deepcopy(VALID)
    data["steps"][2]["minutes"] = 6
    bad = record(data)
    response = auth.post_json("/api/sync/push", {"records": [bad]})
    assert response.status_code == 400
    body = response.get_json()
    assert body["record"] == bad["id"]
    assert body["field"] == "data.steps[2].minutes"
    assert "at most 5 min" in body["message"]


def test_a_custom_routine_may_not_take_a_library_routines_id(auth):
    auth.register()
    taken = record({**VALID, "id": "evening-unwind"})
    response = auth.post_json("/api/sync/push", {"records": [taken]})
    assert response.status_code == 400
    assert response.get_json()["field"] == "data.id"


def test_the_published_rules_carry_what_the_device_checks_against(client, library):
    rules = client.get("/api/vocabulary").get_json()
    assert set(rules["library"]["routines"]) == set(library.routines)
    pattern = {p["id"]: p for p in rules["library"]["patterns"]}["relaxing-478"]
    assert pattern["max_cycles"]["beginner"] == 4
    assert pattern["cycle_seconds"] == library.patterns["relaxing-478"].cycle_seconds
    stretch = {s["id"]: s for s in rules["library"]["stretches"]}["figure-four"]
    assert stretch["sided"] is True


def own_mat_routine(minutes: float = 10, level: str = "intermediate") -> dict:
    """A person's own routine for sleep and stress: breathing, then the mat at `minutes`."""
    return {
        "id": "my-long-rest",
        "title": "My long rest",
        "summary": "Slow breathing, then a long rest on the mat.",
        "goals": ["sleep", "stress"],
        "level": level,
        "steps": [
            {"kind": "breathing", "pattern": "coherent", "cycles": 10},
            {
                "kind": "mat",
                "position": "upper-back",
                "layer": "shirt",
                "minutes": minutes,
                "instruction": "Sit with your back to the mat, knees bent.",
            },
        ],
    }


def test_the_plan_offers_a_persons_own_routines_and_plays_their_mat_at_the_limit(auth):
    from tests.test_plan_api import request_plan

    response = request_plan(auth, custom=[own_mat_routine()])
    assert response.status_code == 200, response.get_json()
    plan = response.get_json()["plan"]
    sessions = [s for w in plan["weeks"] for d in w["days"] for s in d["sessions"]]
    offered = {s["routine"] for s in sessions} | {
        swap["routine"] for s in sessions for swap in s["swaps"]
    }
    assert "my-long-rest" in offered
    # a newcomer's mat time starts short: the 10-minute step is played at their limit
    adapted = plan["adapted"]["my-long-rest"]["steps"]
    assert adapted[1]["seconds"] == plan["mat_limit"] < 600
    for session in (s for s in sessions if s["routine"] == "my-long-rest"):
        assert session["mat_seconds"] <= plan["mat_limit"]


def test_a_bad_own_routine_in_a_plan_request_is_named(auth):
    from tests.test_plan_api import request_plan

    response = request_plan(auth, custom=[own_mat_routine(minutes=45)])
    assert response.status_code == 400
    assert response.get_json()["field"] == "custom[0].steps[1].minutes"
    response = request_plan(auth, custom="all of them")
    assert response.status_code == 400
    assert response.get_json()["field"] == "custom"


@pytest.mark.parametrize(
    ("pattern", "asks"),
    [
        ({"inhale": 4, "hold_in": 6, "exhale": 6}, "breath-hold"),
        ({"inhale": 3, "exhale": 1.5}, "fast-breathing"),
        ({"inhale": 2, "exhale": 3}, "fast-breathing"),  # over ten breaths a minute
    ],
)
def test_an_own_pattern_is_left_out_of_the_day_of_someone_it_does_not_suit(auth, pattern, asks):
    """What an own pattern asks follows from its numbers, so the safety answers reach it on
    every path: the plan's sessions and the adapted version the player plays."""
    from tests.test_plan_api import request_plan

    routine = own_mat_routine()
    routine["steps"][0] = {"kind": "breathing", "pattern": pattern, "cycles": 4}
    plain = request_plan(auth, custom=[routine]).get_json()["plan"]
    assert plain["adapted"]["my-long-rest"]["steps"][0]["seconds"] > 0
    response = request_plan(auth, custom=[routine], screening={"flags": ["epilepsy"]})
    assert response.status_code == 200, response.get_json()
    plan = response.get_json()["plan"]
    adapted = plan["adapted"]["my-long-rest"]["steps"]
    assert adapted[0]["seconds"] == 0, asks  # the breathing is left out, the mat kept
    sessions = [s for w in plan["weeks"] for d in w["days"] for s in d["sessions"]]
    for session in sessions:
        for choice in (session, *session["swaps"]):
            if choice["routine"] == "my-long-rest":
                assert choice["step_seconds"][0] == 0


def test_each_app_checks_pushed_routines_against_its_own_library(make_app, library_copy):
    """Two apps in one process (tests, a reload) each read their own library: an id the
    first one's library has is refused there, though the second, made later, lacks it."""
    first = make_app()
    (library_copy / "evening-unwind.toml").unlink()
    second = make_app(ROUTINES_DIR=str(library_copy))
    taken = {**VALID, "id": "evening-unwind"}
    for app, email, status in ((first, "ada@example.com", 400), (second, "bo@example.com", 200)):
        person = Auth(app.test_client())
        person.register(email=email)
        response = person.post_json("/api/sync/push", {"records": [record(taken)]})
        assert response.status_code == status, response.get_json()
