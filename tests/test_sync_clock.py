"""The clock rule: `modified` is taken into the server's time, so real time decides conflicts."""

from __future__ import annotations

import pytest

from acuplan.sync import CLOCK_TOLERANCE_MS, Incoming, SyncError, parse_push, server_time
from acuplan.web import sync_api
from tests.test_sync_api import entry, server_state

HOUR = 3600 * 1000
START = 1_800_000_000_000
RECORD = "0c8a2d1e-3f4b-4c5d-8e6f-7a8b9c0d1e2f"


def incoming(modified: int) -> Incoming:
    return Incoming(uuid=RECORD, kind="journal", modified=modified, deleted=False, data="{}")


@pytest.mark.parametrize(
    ("modified", "shift", "expected"),
    [
        (START + 3 * HOUR, 0, START),  # ahead, and no clock sent: brought back to now
        (START + CLOCK_TOLERANCE_MS, 0, START + CLOCK_TOLERANCE_MS),  # within the tolerance
        (START - 5000, -3 * HOUR, START - 3 * HOUR - 5000),  # a fast clock, shifted back
        (START - 3 * HOUR, 3 * HOUR, START),  # a slow clock, shifted forward
        (START + 3 * HOUR, 3 * HOUR, START),  # never ahead of the server, shifted or not
    ],
)
def test_times_are_taken_into_the_server_s_clock(modified, shift, expected):
    record = server_time(incoming(modified), shift, START)
    assert record.modified == expected
    assert record.adjusted == (expected != modified)


def test_the_push_s_clock_sets_the_shift_beyond_the_tolerance_only():
    body = {"records": [{**entry(modified=START - 1000), "id": RECORD}]}
    (close,) = parse_push({**body, "clock": START - CLOCK_TOLERANCE_MS}, START)
    assert close.modified == START - 1000 and not close.adjusted
    (fast,) = parse_push({**body, "clock": START + 3 * HOUR}, START)
    assert fast.modified == START - 1000 - 3 * HOUR and fast.adjusted


@pytest.mark.parametrize("clock", ["now", -1, 2**64, True, [1]])
def test_a_bad_clock_is_named(clock):
    with pytest.raises(SyncError) as caught:
        parse_push({"records": [], "clock": clock}, START)
    assert caught.value.field == "clock"


class Device:
    """A logged-in device whose clock is off from real time by `skew` ms."""

    def __init__(self, auth, skew: int, real_clock: list[int], sends_clock: bool = True):
        self.auth, self.skew, self.real, self.sends_clock = auth, skew, real_clock, sends_clock

    def now(self) -> int:
        return self.real[0] + self.skew

    def edit(self, minutes: int, modified: int | None = None):
        modified = modified or self.now()
        body = {"records": [entry(minutes=minutes, modified=modified, record_id=RECORD)]}
        if self.sends_clock:
            body["clock"] = self.now()
        response = self.auth.post_json("/api/sync/push", body)
        assert response.status_code == 200, response.get_json()
        return response.get_json()


@pytest.fixture
def real_clock(monkeypatch):
    """Real time as the server reads it, moved by hand."""
    now = [START]
    monkeypatch.setattr(sync_api.time, "time", lambda: now[0] / 1000)
    return now


@pytest.fixture
def fast_and_slow(auth, make_auth, real_clock):
    auth.register()
    other = make_auth()
    other.login()
    return Device(auth, +3 * HOUR, real_clock), Device(other, -3 * HOUR, real_clock)


def minutes_on_server(auth) -> int:
    (record,) = auth.client.get("/api/sync/pull").get_json()["records"]
    return record["data"]["minutes"]


def test_a_slow_device_s_later_edit_wins_over_a_fast_device_s_earlier_one(
    fast_and_slow, real_clock
):
    fast, slow = fast_and_slow
    fast.edit(minutes=10)
    real_clock[0] += 5 * 60 * 1000
    answer = slow.edit(minutes=20)
    assert answer["applied"] == [RECORD]
    assert minutes_on_server(fast.auth) == 20


def test_a_fast_device_s_later_edit_wins_over_a_slow_device_s_earlier_one(
    fast_and_slow, real_clock
):
    fast, slow = fast_and_slow
    slow.edit(minutes=20)
    real_clock[0] += 5 * 60 * 1000
    fast.edit(minutes=10)
    assert minutes_on_server(slow.auth) == 10


def test_an_earlier_edit_pushed_late_still_loses(fast_and_slow, real_clock):
    """A fast device offline for a while: its edit is placed at its real time, not at the push."""
    fast, slow = fast_and_slow
    edited_at = fast.now()
    real_clock[0] += 5 * 60 * 1000
    slow.edit(minutes=20)
    real_clock[0] += 5 * 60 * 1000
    body = {
        "records": [entry(minutes=10, modified=edited_at, record_id=RECORD)],
        "clock": fast.now(),
    }
    answer = fast.auth.post_json("/api/sync/push", body).get_json()
    assert [c["data"]["minutes"] for c in answer["conflicts"]] == [20]
    assert minutes_on_server(slow.auth) == 20


def test_a_time_ahead_with_no_clock_is_brought_back_and_returned(app, auth, real_clock):
    auth.register()
    fast = Device(auth, +3 * HOUR, real_clock, sends_clock=False)
    edited_at = fast.now()
    answer = fast.edit(minutes=10, modified=edited_at)
    assert answer["applied"] == [RECORD]
    (copy,) = answer["conflicts"]  # the device adopts the server's time
    assert copy["modified"] == START and copy["data"]["minutes"] == 10
    before = server_state(app)
    real_clock[0] += 1000
    replay = fast.edit(minutes=10, modified=edited_at)  # sent again after a lost answer
    assert replay["unchanged"] == [RECORD]
    assert server_state(app) == before
