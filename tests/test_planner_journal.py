"""The journal's follow-up after bruising or broken skin: `healed` on the next entry."""

from __future__ import annotations

import json
import uuid

import pytest

from acuplan.sync import SyncError, parse_push

NOW = 1_800_000_000_000


def entry(**data):
    return {
        "id": str(uuid.uuid4()),
        "kind": "journal",
        "modified": NOW - 1000,
        "data": {"date": "2026-11-21", "minutes": 0, **data},
    }


@pytest.mark.parametrize("healed", [True, False, None])
def test_a_journal_entry_may_say_whether_the_skin_has_healed(healed):
    (record,) = parse_push({"records": [entry(healed=healed)]}, NOW)
    assert json.loads(record.data).get("healed") is healed


def test_healed_must_be_true_or_false():
    with pytest.raises(SyncError) as caught:
        parse_push({"records": [entry(healed="yes")]}, NOW)
    assert "data.healed: must be true or false" in caught.value.message
