"""Records: one schema per kind names every bad field, and what it reads it writes back."""

from __future__ import annotations

import json
import time
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acuplan import vocabulary as v
from acuplan.records import RecordError, read, read_profile, read_screening, write

ANSWERS = {
    "goals": ["stress"],
    "minutes_per_day": 10,
    "days_per_week": 3,
    "times": ["evening"],
    "experience": "never",
    "sensitivity": "medium",
}
JOURNAL = {"date": "2026-11-20", "minutes": 10}
SESSION = {
    "routine": "evening-unwind",
    "startedAt": "2026-11-20T20:00:00.000Z",
    "endedAt": "2026-11-20T20:10:00.000Z",
    "seconds": 600,
    "plannedSeconds": 600,
    "stepsDone": 1,
    "stepsTotal": 1,
    "endedEarly": False,
}
STEP = {"index": 0, "kind": "mat", "planned": 300, "done": 300}

BAD_RECORDS = [
    ("journal", JOURNAL | {"pain_after": 12}, "pain_after"),
    ("journal", JOURNAL | {"date": "20/11/2026"}, "date"),
    ("journal", {"minutes": 10}, "date"),
    ("journal", JOURNAL | {"areas": ["elbow"]}, "areas"),
    ("journal", JOURNAL | {"layer": "blanket"}, "layer"),
    ("journal", JOURNAL | {"healed": "yes"}, "healed"),
    ("journal", JOURNAL | {"notes": "x" * 5001}, "notes"),
    ("journal", JOURNAL | {"mood": "fine"}, "mood"),
    ("plan-edit", {"date": "2026-11-20", "slot": "noon", "action": "skip"}, "slot"),
    ("plan-edit", {"date": "2026-11-20", "slot": "evening", "action": "move"}, "to_date"),
    ("plan-edit", {"date": "2026-11-20", "slot": "evening", "action": "fly"}, "action"),
    (
        "plan-edit",
        {"date": "2026-11-20", "slot": "evening", "action": "shorten", "minutes": 0},
        "minutes",
    ),
    ("session", SESSION | {"startedAt": "yesterday"}, "startedAt"),
    ("session", SESSION | {"seconds": -1}, "seconds"),
    ("session", SESSION | {"steps": [STEP | {"kind": "nap"}]}, "steps[0].kind"),
    ("session", SESSION | {"steps": []}, "steps"),
    ("profile", {"profile": ANSWERS | {"minutes_per_day": 1000}}, "profile.minutes_per_day"),
    ("profile", {"profile": ANSWERS | {"goals": ["flying"]}}, "profile.goals"),
    ("profile", {"profile": ANSWERS | {"experience": None}}, "profile.experience"),
    ("profile", {"profile": ANSWERS, "screening": {"flags": ["none", "skin"]}}, "screening.flags"),
    ("profile", {"profile": None, "screening": {"flags": ["unicorn"]}}, "screening.flags"),
    ("profile", {"profile": "all of them"}, "profile"),
    ("profile", {"profile": ANSWERS, "colour": "blue"}, "colour"),
    ("preferences", ["not", "an", "object"], ""),
    ("custom-routine", "text", ""),
]


@pytest.mark.parametrize(("kind", "data", "field"), BAD_RECORDS)
def test_a_bad_record_names_the_field(kind, data, field):
    with pytest.raises(RecordError) as error:
        read(kind, data)
    assert error.value.field == field
    assert str(error.value).startswith(f"{field}: " if field else ": ")


def test_every_problem_of_a_record_is_named():
    with pytest.raises(RecordError) as error:
        read("journal", {"date": "soon", "minutes": 999, "pain_before": 11, "areas": ["elbow"]})
    assert [p.field for p in error.value.problems] == ["date", "minutes", "pain_before", "areas"]


def test_the_planner_reads_the_answers_a_profile_record_holds():
    record = read("profile", {"profile": ANSWERS, "screening": {"flags": ["skin"]}})
    profile = read_profile(record["profile"])
    assert profile.goals == ("stress",) and profile.minutes_per_day == 10
    assert read_screening(record["screening"]).flags == {"skin"}


def test_a_bad_profile_is_refused_at_push_naming_the_field(auth):
    auth.register()
    record = {
        "id": str(uuid.uuid4()),
        "kind": "profile",
        "modified": int(time.time() * 1000),
        "deleted": False,
        "data": {"profile": ANSWERS | {"minutes_per_day": 1000}, "screening": {"flags": []}},
    }
    response = auth.post_json("/api/sync/push", {"records": [record]})
    assert response.status_code == 400
    assert response.get_json()["field"] == "data.profile.minutes_per_day"
    assert response.get_json()["record"] == record["id"]
    good = record | {"data": {"profile": ANSWERS, "screening": {"flags": ["none"]}}}
    assert auth.post_json("/api/sync/push", {"records": [good]}).status_code == 200


def codes(values, least=0):
    return st.lists(st.sampled_from(values), min_size=least, max_size=3, unique=True)


dates = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
words = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=80).filter(str.strip)
journals = st.fixed_dictionaries(
    {"date": dates, "minutes": st.integers(0, 180)},
    optional={
        "routine": words,
        "position": st.sampled_from(list(v.POSITIONS)),
        "layer": st.sampled_from(list(v.LAYERS)),
        "pain_before": st.none() | st.integers(0, 10),
        "stress_after": st.none() | st.integers(0, 10),
        "sleep_quality": st.none() | st.integers(1, 5),
        "areas": codes(v.BODY_AREAS),
        "sensations": codes(v.SENSATIONS),
        "adverse": codes(v.ADVERSE_EFFECTS),
        "healed": st.none() | st.booleans(),
        "notes": st.none() | words,
    },
)
plan_edits = st.fixed_dictionaries(
    {
        "date": dates,
        "slot": st.sampled_from(v.SLOTS),
        "action": st.just("done"),
        "routine": st.sampled_from(["evening-unwind", "first-five-minutes"]),
        "mat_seconds": st.integers(0, 3600),
    }
)
answers = st.fixed_dictionaries(
    {
        "goals": codes(list(v.GOALS), least=1),
        "minutes_per_day": st.integers(5, 120),
        "days_per_week": st.integers(1, 7),
        "times": codes(v.SLOTS, least=1),
        "experience": st.sampled_from(v.EXPERIENCE),
        "sensitivity": st.sampled_from(v.SENSITIVITY),
    }
)
profiles = st.fixed_dictionaries(
    {
        "profile": st.none() | answers,
        "screening": st.fixed_dictionaries(
            {"flags": codes(v.FLAGS) | st.just([v.NONE])},
        ),
    }
)
sessions = st.fixed_dictionaries(
    {
        **{name: st.just(value) for name, value in SESSION.items()},
        "seconds": st.integers(0, 7200),
        "steps": st.lists(
            st.fixed_dictionaries(
                {
                    "index": st.integers(0, 100),
                    "kind": st.sampled_from(v.STEP_KINDS),
                    "planned": st.integers(0, 3600),
                    "done": st.integers(0, 3600),
                },
                optional={"layer": st.sampled_from(list(v.LAYERS))},
            ),
            min_size=1,
            max_size=3,
        ),
    }
)
RECORDS = st.one_of(
    journals.map(lambda d: ("journal", d)),
    plan_edits.map(lambda d: ("plan-edit", d)),
    profiles.map(lambda d: ("profile", d)),
    sessions.map(lambda d: ("session", d)),
    st.dictionaries(st.text(max_size=5), st.integers()).map(lambda d: ("preferences", d)),
)


@settings(max_examples=60, deadline=None)
@given(RECORDS)
def test_what_a_schema_reads_it_writes_back(record):
    kind, data = record
    text = write(kind, read(kind, data))
    assert json.loads(text) == data
    assert write(kind, read(kind, json.loads(text))) == text
    if kind == "profile" and data["profile"] is not None:
        assert read_profile(data["profile"]).days_per_week == data["profile"]["days_per_week"]
