"""The sync rules: what a valid record is, and which copy wins. Pure: no Flask, no DB.

Wire format (documented in the README): a record is
    {"id": uuid, "kind": one of KINDS, "modified": ms since the epoch (the device's clock
     at its last change), "deleted": bool, "data": object (absent or null when deleted)}.
Conflict rule: last writer wins by the record's own `modified`; on a tie the server's
copy stays. The losing device gets the server's copy back and adopts it.
Clock rule: `modified` is brought into the server's time (see server_time), so a device
whose clock runs fast cannot win over later edits, nor a slow one lose to earlier ones.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any

from .catalog import LAYERS, POSITIONS
from .catalog.model import STEP_KINDS
from .fields import Fields, Problem

MAX_BATCH = 500
MAX_DATA_BYTES = 16 * 1024
CLOCK_TOLERANCE_MS = 60 * 1000
MAX_INT64 = 2**63 - 1
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")

BODY_AREAS = (
    "head",
    "neck",
    "shoulders",
    "upper-back",
    "lower-back",
    "hips",
    "legs",
    "feet",
    "belly",
    "whole-body",
)
SENSATIONS = (
    "warmth",
    "tingling",
    "relaxation",
    "prickling",
    "heaviness",
    "lightness",
    "calm",
    "energy",
    "sleepiness",
)
ADVERSE_EFFECTS = (
    "lasting-redness",
    "bruising",
    "broken-skin",
    "dizziness",
    "numbness",
    "growing-pain",
)
PLAN_ACTIONS = ("move", "swap", "shorten", "done", "skip")
SLOTS = ("morning", "evening")


class SyncError(ValueError):
    """A push that cannot be accepted; names the record and the field."""

    def __init__(self, message: str, record: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message, self.record, self.field = message, record, field


@dataclass(frozen=True)
class Incoming:
    uuid: str
    kind: str
    modified: int
    deleted: bool
    data: str | None  # canonical JSON text, None for a tombstone
    adjusted: bool = False  # `modified` was moved to the server's clock


@dataclass(frozen=True)
class Stored:
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
    problems: list[Problem] = []
    f = Fields(raw, f"records[{index}]", "", problems)
    uuid = f.text("id", max_length=36)
    if uuid is not None and not UUID.match(uuid):
        f.error("id", "must be a lowercase UUID")
    kind = f.choice("kind", KINDS)
    modified = f.number("modified", integer=True, minimum=1, maximum=MAX_INT64)
    deleted = f.flag("deleted")
    data = None
    if deleted:
        f.read.add("data")
    elif kind in KINDS:
        data = _data(f, kind, problems)
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


def _data(f: Fields, kind: str, problems: list[Problem]) -> str | None:
    value = f.data.get("data")
    f.read.add("data")
    if not isinstance(value, dict):
        f.error("data", "must be an object (or set deleted to true)")
        return None
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    if len(text.encode()) > MAX_DATA_BYTES:
        f.error("data", f"must be at most {MAX_DATA_BYTES // 1024} KB of JSON")
        return None
    before = len(problems)
    KINDS[kind](f.child("data", value))
    return text if len(problems) == before else None


def _date(f: Fields, name: str, *, required: bool = True) -> None:
    value = f.text(name, required=required, max_length=10)
    if value is not None and not DATE.match(value):
        f.error(name, f"must be a date as YYYY-MM-DD (got {value!r})")


def _journal(f: Fields) -> None:
    _date(f, "date")
    f.text("routine", required=False, max_length=80)
    f.text("plan_session", required=False, max_length=80)
    f.number("minutes", minimum=0, maximum=180)
    for name in ("position",):
        f.choice(name, POSITIONS, required=False)
    f.choice("layer", LAYERS, required=False)
    for name in ("pain_before", "pain_after", "stress_before", "stress_after"):
        _nullable(f, name, lambda n: f.number(n, required=False, integer=True, maximum=10))
    _nullable(
        f,
        "sleep_quality",
        lambda n: f.number(n, required=False, integer=True, minimum=1, maximum=5),
    )
    f.texts("areas", required=False, choices=BODY_AREAS)
    f.texts("sensations", required=False, choices=SENSATIONS)
    f.texts("adverse", required=False, choices=ADVERSE_EFFECTS)
    # the follow-up after bruising or broken skin: has it healed? (true / false / not asked)
    _nullable(f, "healed", lambda n: f.flag(n))
    _nullable(f, "notes", lambda n: f.text(n, required=False, max_length=5000))
    f.finish()


def _nullable(f: Fields, name: str, read) -> None:
    """Absent, null (or empty text) are all 'not given'."""
    if f.data.get(name) in (None, ""):
        f.read.add(name)
    else:
        read(name)


def _plan_edit(f: Fields) -> None:
    _date(f, "date")
    f.choice("slot", SLOTS)
    action = f.choice("action", PLAN_ACTIONS)
    if action == "move":
        _date(f, "to_date")
    if action == "swap":
        f.text("routine", max_length=80)
    if action == "shorten":
        f.number("minutes", minimum=1, maximum=120)
    if action in ("done", "skip"):
        # what was done or skipped, so progression can replay it after the plan moved on
        f.text("routine", required=False, max_length=80)
        f.number("mat_seconds", required=False, integer=True, maximum=3600)
    f.finish()


INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$")


def _session(f: Fields) -> None:
    """A session the player finished or was stopped: planned and done seconds per step."""
    f.text("routine", max_length=80)
    f.text("title", required=False, max_length=200)
    for name in ("startedAt", "endedAt"):
        value = f.text(name, max_length=30)
        if value is not None and not INSTANT.match(value):
            f.error(name, f"must be a UTC time as YYYY-MM-DDTHH:MM:SS.sssZ (got {value!r})")
    f.number("seconds", integer=True, maximum=7200)
    f.number("plannedSeconds", integer=True, maximum=7200)
    f.number("matSeconds", required=False, integer=True, maximum=3600)
    f.number("stepsDone", integer=True, maximum=100)
    f.number("stepsTotal", integer=True, maximum=100)
    f.flag("endedEarly")
    # Sessions finished before the player kept its steps were moved here without them.
    for step in f.table_list("steps") if f.has("steps") else ():
        step.number("index", integer=True, maximum=100)
        step.choice("kind", STEP_KINDS)
        step.number("planned", integer=True, maximum=3600)
        step.number("done", integer=True, maximum=3600)
        step.choice("position", POSITIONS, required=False)
        step.choice("layer", LAYERS, required=False)
        step.finish()
    f.finish()


def _free_object(f: Fields) -> None:
    """Profile, custom routines, preferences: size-checked here, shape-checked by the app."""
    f.read.update(f.data)


KINDS = {
    "journal": _journal,
    "plan-edit": _plan_edit,
    "session": _session,
    "profile": _free_object,
    "custom-routine": _free_object,
    "preferences": _free_object,
}
