"""The vocabulary: every code has a label, and the published limits are the ones enforced."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from acuplan import vocabulary
from acuplan.catalog import CatalogError, load_library
from acuplan.catalog.custom import library_rules
from acuplan.planner import mat_limit, standing_limit
from acuplan.planner.fitting import mat_minimum
from acuplan.planner.progression import start_rung
from acuplan.published import CODES, published
from acuplan.records import SCHEMAS, RecordError, read, read_profile
from acuplan.sync import SyncError, parse_push
from tests.test_catalog_validation import mat_routine

PUBLISHED = published()
MONDAY = date(2024, 6, 3)
CODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.mark.parametrize("name", list(CODES))
def test_every_code_has_a_label(name):
    labels = CODES[name]
    assert labels, name
    for code, label in labels.items():
        assert CODE.match(code), (name, code)
        assert isinstance(label, str) and label.strip() == label and label, (name, code)
    published_codes = PUBLISHED["codes"][name]
    assert [item["code"] for item in published_codes] == list(labels)


def test_the_code_tuples_are_the_labelled_codes():
    pairs = [
        (vocabulary.STEP_KINDS, vocabulary.STEP_KIND_LABELS),
        (vocabulary.SLOTS, vocabulary.SLOT_LABELS),
        (vocabulary.EXPERIENCE, vocabulary.EXPERIENCE_LABELS),
        (vocabulary.SENSITIVITY, vocabulary.SENSITIVITY_LABELS),
        (vocabulary.FLAGS, vocabulary.FLAG_QUESTIONS),
        (vocabulary.BODY_AREAS, vocabulary.BODY_AREA_LABELS),
        (vocabulary.SENSATIONS, vocabulary.SENSATION_LABELS),
        (vocabulary.ADVERSE_EFFECTS, vocabulary.ADVERSE_LABELS),
        (vocabulary.PLAN_ACTIONS, vocabulary.PLAN_ACTION_LABELS),
        (vocabulary.STATUSES, vocabulary.STATUS_LABELS),
        (vocabulary.RECORD_KINDS, vocabulary.RECORD_KIND_LABELS),
    ]
    for codes, labels in pairs:
        assert codes == tuple(labels)
    assert tuple(SCHEMAS) == vocabulary.RECORD_KINDS


def test_every_code_the_library_uses_is_labelled(library):
    for routine in library.routines.values():
        assert set(routine.goals) <= set(vocabulary.GOALS)
        for step in routine.steps:
            assert step.kind in vocabulary.STEP_KIND_LABELS
            assert step.asks <= set(vocabulary.ASKS)
            if step.kind == "mat":
                assert step.position in vocabulary.POSITIONS
                assert step.layer in vocabulary.LAYERS


def mat_minutes(level: str, position: str, layer: str, seconds: int):
    return mat_routine(level=level, position=position, layer=layer, minutes=seconds / 60)


@pytest.mark.parametrize(
    ("level", "position", "layer", "most"),
    [
        ("beginner", "upper-back", "shirt", PUBLISHED["mat"]["beginner_step_seconds_max"]),
        ("experienced", "upper-back", "shirt", PUBLISHED["mat"]["step_seconds_max"]),
        (
            "intermediate",
            "standing",
            "socks",
            PUBLISHED["mat"]["standing_seconds_max"]["intermediate"],
        ),
    ],
)
def test_the_library_keeps_the_published_mat_limits(
    write_routine, library_copy, level, position, layer, most
):
    write_routine(mat_minutes(level, position, layer, most))
    assert load_library(library_copy).routines["broken"].mat_seconds == most
    write_routine(mat_minutes(level, position, layer, most + 30))
    with pytest.raises(CatalogError) as caught:
        load_library(library_copy)
    assert any(f"at most {most // 60} min" in str(p) for p in caught.value.problems)


PERSON = {
    "goals": ["stress"],
    "minutes_per_day": 10,
    "days_per_week": 3,
    "times": ["evening"],
    "experience": "never",
}


@pytest.mark.parametrize("field", ["minutes_per_day", "days_per_week"])
def test_the_planner_takes_the_published_profile_bounds(field):
    bounds = PUBLISHED["profile"][field]
    for value in (bounds["min"], bounds["max"]):
        assert getattr(read_profile(PERSON | {field: value}), field) == value
    for value in (bounds["min"] - 1, bounds["max"] + 1):
        with pytest.raises(RecordError) as error:
            read_profile(PERSON | {field: value})
        assert error.value.field == field


@pytest.mark.parametrize(
    ("scale", "fields"),
    [
        ("pain", ["pain_before", "pain_after"]),
        ("stress", ["stress_before", "stress_after"]),
        ("sleep_quality", ["sleep_quality"]),
        ("minutes", ["minutes"]),
    ],
)
def test_the_journal_takes_the_published_scales(scale, fields):
    bounds = PUBLISHED["journal"][scale]
    entry = {"date": "2026-11-20", "minutes": 10}
    for field in fields:
        for value in (bounds["min"], bounds["max"]):
            assert read("journal", entry | {field: value})[field] == value
        for value in (bounds["min"] - 1, bounds["max"] + 1):
            with pytest.raises(RecordError) as error:
                read("journal", entry | {field: value})
            assert error.value.field == field


def test_a_push_takes_the_published_batch_size():
    most = PUBLISHED["sync"]["records_per_push_max"]
    records = [
        {
            "id": f"00000000-0000-4000-8000-{n:012d}",
            "kind": "preferences",
            "modified": 1,
            "data": {},
        }
        for n in range(most + 1)
    ]
    assert len(parse_push({"records": records[:most]}, now_ms=10)) == most
    with pytest.raises(SyncError, match=f"at most {most} records"):
        parse_push({"records": records}, now_ms=10)


def test_the_vocabulary_is_served_with_an_etag(client, library):
    response = client.get("/api/vocabulary")
    assert response.status_code == 200
    # the routine rules add what a custom routine may refer to in the library
    assert response.get_json() == {**PUBLISHED, "library": library_rules(library)}
    assert response.headers["Cache-Control"] == "no-cache"
    etag = response.headers["ETag"]
    again = client.get("/api/vocabulary", headers={"If-None-Match": etag})
    assert again.status_code == 304 and not again.data
    assert again.headers["ETag"] == etag


def test_every_layer_has_words_for_a_sentence():
    assert list(vocabulary.LAYER_WORDS) == list(vocabulary.LAYERS)


def test_the_planner_keeps_the_published_mat_minimum_of_each_position(library):
    least = PUBLISHED["mat"]["step_seconds_min"]
    mat_steps = [s for r in library.routines.values() for s in r.steps if s.kind == "mat"]
    for position in vocabulary.POSITIONS:
        step = replace(mat_steps[0], position=position, breathing=None, meditation=None)
        for seconds in (20, 45, 600):
            assert mat_minimum(replace(step, seconds=seconds)) == min(least[position], seconds)


@pytest.mark.parametrize("experience", vocabulary.EXPERIENCE)
@pytest.mark.parametrize("sensitivity", vocabulary.SENSITIVITY)
def test_the_day_limits_come_from_the_published_ladders(make_profile, experience, sensitivity):
    person = make_profile(experience=experience, sensitivity=sensitivity)
    ladders = PUBLISHED["mat"]["day_seconds_max"]
    step = start_rung(person)
    assert mat_limit(person, (), MONDAY) == ladders["lying"][step]
    assert standing_limit(person, (), MONDAY) == ladders["standing"][step]
