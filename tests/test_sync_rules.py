"""The pure sync rules: record validation and the conflict rule."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acuplan.sync import Incoming, Stored, SyncError, decide, parse_push

NOW = 1_800_000_000_000


def journal(**data):
    base = {"date": "2026-11-20", "minutes": 10}
    return {
        "id": str(uuid.uuid4()),
        "kind": "journal",
        "modified": NOW - 1000,
        "deleted": False,
        "data": {**base, **data},
    }


def test_a_full_journal_entry_is_valid():
    record = journal(
        routine="evening-unwind",
        position="upper-back",
        layer="shirt",
        pain_before=6,
        pain_after=3,
        stress_before=7,
        stress_after=2,
        areas=["neck", "upper-back"],
        sensations=["warmth", "tingling"],
        adverse=[],
        notes="Felt calm.\nSlept well.",
        sleep_quality=4,
    )
    (parsed,) = parse_push({"records": [record]}, NOW)
    assert parsed.uuid == record["id"] and parsed.kind == "journal"
    assert '"notes":"Felt calm.\\nSlept well."' in parsed.data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "not-a-uuid"}, "records[0]: id: must be a lowercase UUID"),
        ({"kind": "diary"}, "records[0]: kind: unknown value 'diary'"),
        ({"modified": "yesterday"}, "records[0]: modified: must be a whole number"),
        ({"modified": 2**64}, "records[0]: modified: must be between 1 and"),
        ({"deleted": "no"}, "records[0]: deleted: must be true or false"),
        ({"data": [1, 2]}, "records[0]: data: must be an object"),
        ({"colour": "red"}, "records[0]: colour: unknown field"),
        ({"data": {"minutes": 5}}, "records[0]: data.date: is required"),
        (
            {"data": {"date": "2026-13-01", "minutes": 5}},
            "records[0]: data.date: must be a date as YYYY-MM-DD",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 500}},
            "records[0]: data.minutes: must be between 0 and 180 (got 500)",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 5, "pain_after": 11}},
            "records[0]: data.pain_after: must be between 0 and 10 (got 11)",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 5, "stress_before": 2.5}},
            "records[0]: data.stress_before: must be a whole number",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 5, "sleep_quality": 0}},
            "records[0]: data.sleep_quality: must be between 1 and 5 (got 0)",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 5, "position": "ceiling"}},
            "records[0]: data.position: unknown value 'ceiling'",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 5, "adverse": ["headache-cure"]}},
            "records[0]: data.adverse: unknown value(s) 'headache-cure'",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 5, "notes": "x" * 5001}},
            "records[0]: data.notes: must be at most 5000 characters",
        ),
        (
            {"data": {"date": "2026-11-20", "minutes": 5, "mood": "good"}},
            "records[0]: data.mood: unknown field",
        ),
        (
            {"kind": "preferences", "data": {"blob": "x" * 20000}},
            "records[0]: data: must be at most 16 KB of JSON",
        ),
        (
            {"kind": "plan-edit", "data": {"date": "2026-11-20", "slot": "noon", "action": "done"}},
            "records[0]: data.slot: unknown value 'noon'",
        ),
        (
            {
                "kind": "plan-edit",
                "data": {"date": "2026-11-20", "slot": "evening", "action": "move"},
            },
            "records[0]: data.to_date: is required",
        ),
        (
            {
                "kind": "plan-edit",
                "data": {"date": "2026-11-20", "slot": "evening", "action": "done", "minutes": 5},
            },
            "records[0]: data.minutes: unknown field",
        ),
        (
            {
                "kind": "plan-edit",
                "data": {
                    "date": "2026-11-20",
                    "slot": "evening",
                    "action": "done",
                    "mat_seconds": 4000,
                },
            },
            "records[0]: data.mat_seconds: must be between 0 and 3600",
        ),
    ],
)
def test_bad_records_are_named_with_their_field(change, message):
    record = {**journal(), **change}
    with pytest.raises(SyncError) as caught:
        parse_push({"records": [record]}, NOW)
    assert caught.value.message.startswith(message), caught.value.message
    if isinstance(record["id"], str) and record["id"] != "not-a-uuid":
        assert caught.value.record == record["id"]


@pytest.mark.parametrize(
    "data",
    [
        {"date": "2026-11-20", "slot": "evening", "action": "move", "to_date": "2026-11-21"},
        {"date": "2026-11-20", "slot": "morning", "action": "swap", "routine": "evening-unwind"},
        {"date": "2026-11-20", "slot": "evening", "action": "shorten", "minutes": 5},
        {"date": "2026-11-20", "slot": "evening", "action": "skip"},
        {
            "date": "2026-11-20",
            "slot": "evening",
            "action": "done",
            "routine": "evening-unwind",
            "mat_seconds": 300,
        },
    ],
)
def test_plan_edits_carry_what_their_action_needs(data):
    record = {**journal(), "kind": "plan-edit", "data": data}
    (parsed,) = parse_push({"records": [record]}, NOW)
    assert parsed.kind == "plan-edit"


@pytest.mark.parametrize("body", [None, [], {"records": "x"}, {"entries": []}])
def test_a_body_without_a_records_list_is_refused(body):
    with pytest.raises(SyncError, match='"records" list'):
        parse_push(body, NOW)


def test_a_batch_is_limited_and_ids_are_unique():
    record = journal()
    with pytest.raises(SyncError, match="appears twice"):
        parse_push({"records": [record, record]}, NOW)
    with pytest.raises(SyncError, match="at most 500 records"):
        parse_push({"records": [journal() for _ in range(501)]}, NOW)


def test_a_tombstone_needs_no_data():
    record = {**journal(), "deleted": True, "data": None}
    (parsed,) = parse_push({"records": [record]}, NOW)
    assert parsed.deleted and parsed.data is None


def incoming(modified, data='{"a":1}', deleted=False):
    return Incoming(uuid="u", kind="journal", modified=modified, deleted=deleted, data=data)


def test_the_newer_copy_wins_and_ties_keep_the_server_copy():
    assert decide(None, incoming(5)) == "apply"
    assert decide(Stored(4, False, '{"a":0}'), incoming(5)) == "apply"
    assert decide(Stored(6, False, '{"a":0}'), incoming(5)) == "conflict"
    assert decide(Stored(5, False, '{"a":0}'), incoming(5)) == "conflict"
    assert decide(Stored(5, False, '{"a":1}'), incoming(5)) == "same"
    assert decide(Stored(7, True, None), incoming(6)) == "conflict", "no resurrection"


@given(
    st.lists(
        st.tuples(st.integers(1, 50), st.sampled_from(['{"a":1}', '{"a":2}']), st.booleans()),
        min_size=1,
        max_size=30,
    )
)
def test_replaying_any_sequence_of_writes_changes_nothing(writes):
    """Apply writes in order, then all of them again: the stored copy is the same."""

    def run(stored, batch):
        for modified, data, deleted in batch:
            record = incoming(modified, None if deleted else data, deleted)
            if decide(stored, record) == "apply":
                stored = Stored(record.modified, record.deleted, record.data)
        return stored

    once = run(None, writes)
    assert run(once, writes) == once
    assert once.modified == max(m for m, _, _ in writes)


def finished_session(**data):
    steps = [
        {"index": 0, "kind": "breathing", "planned": 66, "done": 66},
        {
            "index": 3,
            "kind": "mat",
            "planned": 300,
            "done": 120,
            "position": "upper-back",
            "layer": "towel",
        },
    ]
    base = {
        "routine": "evening-unwind",
        "title": "Evening unwind",
        "startedAt": "2026-11-20T20:00:00.000Z",
        "endedAt": "2026-11-20T20:05:00.000Z",
        "seconds": 186,
        "plannedSeconds": 366,
        "matSeconds": 120,
        "stepsDone": 1,
        "stepsTotal": 2,
        "endedEarly": True,
        "steps": steps,
    }
    return {**journal(), "kind": "session", "data": {**base, **data}}


def test_a_finished_session_is_a_valid_record():
    (parsed,) = parse_push({"records": [finished_session()]}, NOW)
    assert parsed.kind == "session"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"routine": None}, "records[0]: data.routine: must be non-empty text"),
        ({"startedAt": "yesterday"}, "records[0]: data.startedAt: must be a UTC time"),
        ({"seconds": -1}, "records[0]: data.seconds: must be between 0 and 7200"),
        ({"endedEarly": "no"}, "records[0]: data.endedEarly: must be true or false"),
        ({"steps": []}, "records[0]: data.steps: must be a non-empty list of tables"),
        (
            {"steps": [{"index": 0, "kind": "nap", "planned": 60, "done": 60}]},
            "records[0]: data.steps[0].kind: unknown value 'nap'",
        ),
        (
            {"steps": [{"index": 0, "kind": "mat", "planned": 60, "done": 60, "layer": "wool"}]},
            "records[0]: data.steps[0].layer: unknown value 'wool'",
        ),
        (
            {"steps": [{"index": 0, "kind": "mat", "planned": 60, "done": 4000}]},
            "records[0]: data.steps[0].done: must be between 0 and 3600",
        ),
        ({"colour": "blue"}, "records[0]: data.colour: unknown field"),
    ],
)
def test_a_bad_session_names_its_field(data, message):
    record = finished_session(**data)
    with pytest.raises(SyncError) as caught:
        parse_push({"records": [record]}, NOW)
    assert caught.value.message.startswith(message), caught.value.message
