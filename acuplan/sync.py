"""The sync rules: what a valid push is, and which copy wins. Pure: no Flask, no DB.

Wire format (documented in the README): a record is
    {"id": uuid, "kind": one of RECORD_KINDS, "modified": ms since the epoch (the device's
     clock at its last change), "deleted": bool, "data": object (null when deleted)},
whose `data` is read and written by acuplan.records, one schema per kind.
Conflict rule: last writer wins by the record's own `modified`; on a tie the server's
copy stays. The losing device gets the server's copy back and adopts it.
Clock rule: `modified` is brought into the server's time (see server_time), so a device
whose clock runs fast cannot win over later edits, nor a slow one lose to earlier ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .fields import Fields, Problem
from .records import read_data
from .vocabulary import MAX_BATCH, RECORD_KINDS

CLOCK_TOLERANCE_MS = 60 * 1000
MAX_INT64 = 2**63 - 1
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class SyncError(ValueError):
    """A push that cannot be accepted; names the record and the field."""

    def __init__(self, message: str, record: str | None = None, field: str | None = None):
        """What is wrong, with the record's id and the field's name when known."""
        super().__init__(message)
        self.message, self.record, self.field = message, record, field


@dataclass(frozen=True)
class Incoming:
    """A pushed record, checked, with its data as wire text."""

    uuid: str
    kind: str
    modified: int
    deleted: bool
    data: str | None  # canonical JSON text, None for a tombstone
    adjusted: bool = False  # `modified` was moved to the server's clock


@dataclass(frozen=True)
class Stored:
    """The server's copy of a record, as the conflict rule compares it."""

    modified: int
    deleted: bool
    data: str | None


def decide(stored: Stored | None, incoming: Incoming) -> str:
    """'apply' the incoming copy, or keep the server's: 'same' (a replay) or 'conflict'."""
    if (
        incoming.adjusted
        and stored is not None
        and (incoming.deleted, incoming.data) == (stored.deleted, stored.data)
    ):
        return "same"  # a replay: its time was moved again, to a slightly later now
    if stored is None or incoming.modified > stored.modified:
        return "apply"
    if (incoming.modified, incoming.deleted, incoming.data) == (
        stored.modified,
        stored.deleted,
        stored.data,
    ):
        return "same"
    return "conflict"


def parse_push(payload: Any, now_ms: int) -> list[Incoming]:
    """Validate a push body; raise SyncError naming the first bad record and field."""
    if not isinstance(payload, dict) or not isinstance(payload.get("records"), list):
        raise SyncError('the body must be a JSON object with a "records" list', field="records")
    records = payload["records"]
    shift = _clock_shift(payload.get("clock"), now_ms)
    if len(records) > MAX_BATCH:
        raise SyncError(
            f"at most {MAX_BATCH} records per push (got {len(records)})", field="records"
        )
    seen: set[str] = set()
    parsed = []
    for index, raw in enumerate(records):
        record = server_time(parse_record(raw, index, now_ms), shift, now_ms)
        if record.uuid in seen:
            raise SyncError(
                f"records[{index}]: id {record.uuid} appears twice in one push",
                record=record.uuid,
                field="id",
            )
        seen.add(record.uuid)
        parsed.append(record)
    return parsed


def parse_record(raw: Any, index: int, now_ms: int) -> Incoming:
    """One record of a push (`records[index]`); SyncError names its first problem."""
    problems: list[Problem] = []
    f = Fields(raw, f"records[{index}]", "", problems)
    uuid = f.text("id", max_length=36)
    if uuid is not None and not UUID.match(uuid):
        f.error("id", "must be a lowercase UUID")
    kind = f.choice("kind", RECORD_KINDS)
    modified = f.number("modified", integer=True, minimum=1, maximum=MAX_INT64)
    deleted = f.flag("deleted")
    data = None
    if deleted:
        f.read.add("data")
    elif kind in RECORD_KINDS:
        data = read_data(f, kind)
    f.finish()
    if problems:
        first = problems[0]
        record_id = uuid if isinstance(uuid, str) else None
        raise SyncError(str(first), record=record_id, field=first.field or None)
    return Incoming(uuid=uuid, kind=kind, modified=int(modified), deleted=bool(deleted), data=data)


def _clock_shift(clock: Any, now_ms: int) -> int:
    """How far the device's clock is behind the server's (ms), from the push's `clock`.

    `clock` is the device's time when it sent the push; without it, nothing is shifted.
    """
    if clock is None:
        return 0
    if isinstance(clock, bool) or not isinstance(clock, int) or not 0 < clock <= MAX_INT64:
        raise SyncError("clock must be the device's time in ms since the epoch", field="clock")
    shift = now_ms - clock
    return shift if abs(shift) > CLOCK_TOLERANCE_MS else 0


def server_time(record: Incoming, shift: int, now_ms: int) -> Incoming:
    """The record with `modified` in the server's time.

    A device whose clock is off by more than the tolerance has its times shifted by the
    difference; and no time may be more than the tolerance ahead of the server's clock
    (a device that sent no `clock`): such a time becomes the server's now.
    """
    modified = max(1, record.modified + shift)
    if modified > now_ms + CLOCK_TOLERANCE_MS:
        modified = now_ms
    if modified == record.modified:
        return record
    return replace(record, modified=modified, adjusted=True)
