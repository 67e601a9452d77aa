"""One schema per kind of a person's record, read and written here. Pure: no Flask, no DB.

A record's `data` (README, "The sync protocol") enters through `read` — the sync push, and
`/api/plan` for the answers of a `profile` record — and leaves through `write`, the text
that is stored and pulled. Every problem is collected and names its field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .catalog.custom import check_custom_routine
from .fields import Fields, Problem
from .planner.profile import PlanInputError, Profile, Screening
from .vocabulary import (
    ADVERSE_EFFECTS,
    BODY_AREAS,
    DAYS_PER_WEEK,
    EXPERIENCE,
    FLAGS,
    GOALS,
    JOURNAL_MINUTES,
    LAYERS,
    MAX_DATA_BYTES,
    MINUTES_PER_DAY,
    NONE,
    NOTES_LENGTH,
    PAIN_SCALE,
    PLAN_ACTIONS,
    POSITIONS,
    SENSATIONS,
    SENSITIVITY,
    SHORTEN_MINUTES,
    SLEEP_QUALITY,
    SLOTS,
    STEP_KINDS,
    STRESS_SCALE,
)

DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
INSTANT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$")
WHOLE = re.compile(r"^[0-9]{1,9}$")


class RecordError(PlanInputError):
    """A record that does not match its schema; `problems` lists every one, first named."""

    def __init__(self, problems: list[Problem]) -> None:
        """Keep every problem; the error itself names the first."""
        self.problems = problems
        first = problems[0]
        super().__init__(first.field, first.message)


def read(kind: str, data: Any) -> dict[str, Any]:
    """The `data` of a `kind` record, checked; RecordError names every problem."""
    problems: list[Problem] = []
    check(Fields(data, "", "", problems), kind)
    if problems:
        raise RecordError(problems)
    return data


# one encoder for every record: json.dumps with options builds a new one per call
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def write(kind: str, data: dict[str, Any]) -> str:
    """The wire text of a record's checked data, as stored and pulled: canonical JSON."""
    return _CANONICAL.encode(data)


def check(f: Fields, kind: str) -> None:
    """Check the table `f` reads as the data of a `kind` record; problems go to f's list."""
    SCHEMAS[kind](f)


def read_data(f: Fields, kind: str) -> str | None:
    """The wire text of the `data` field of the record `f` reads, or None with a problem."""
    value = f.data.get("data")
    f.read.add("data")
    if not isinstance(value, dict):
        f.error("data", "must be an object (or set deleted to true)")
        return None
    text = write(kind, value)
    # a character is at most 4 bytes of UTF-8: most records need no encoding to tell
    if len(text) * 4 > MAX_DATA_BYTES and len(text.encode()) > MAX_DATA_BYTES:
        f.error("data", f"must be at most {MAX_DATA_BYTES // 1024} KB of JSON")
        return None
    before = len(f.problems)
    check(f.child("data", value), kind)
    return text if len(f.problems) == before else None


def read_profile(data: Any) -> Profile:
    """The onboarding answers (a profile record's `profile`) as the planner takes them."""
    return _typed(data, _answers)


def read_screening(data: Any) -> Screening:
    """The safety answers (a profile record's `screening`) as the planner takes them."""
    return _typed(data, _screening)


def _typed(data: Any, reader: Callable[[Fields], Any]) -> Any:
    problems: list[Problem] = []
    value = reader(Fields(data, "", "", problems))
    if problems:
        raise RecordError(problems)
    return value


def _date(f: Fields, name: str, *, required: bool = True) -> None:
    value = f.text(name, required=required, max_length=10)
    if value is not None and not DATE.match(value):
        f.error(name, f"must be a date as YYYY-MM-DD (got {value!r})")


def _nullable(f: Fields, name: str, read: Callable[[str], Any]) -> None:
    """Absent, null (or empty text) are all 'not given'."""
    if f.data.get(name) in (None, ""):
        f.read.add(name)
    else:
        read(name)


def _scale(f: Fields, name: str, scale: tuple[float, float]) -> None:
    # _nullable, written out: five scales in every journal record of a push
    if f.data.get(name) in (None, ""):
        f.read.add(name)
    else:
        f.number(name, required=False, integer=True, within=scale)


def _journal(f: Fields) -> None:
    """A journal entry: one session as the person felt it, or the next morning's sleep."""
    _date(f, "date")
    f.text("routine", required=False, max_length=80)
    f.text("plan_session", required=False, max_length=80)
    f.number("minutes", within=JOURNAL_MINUTES)
    f.choice("position", POSITIONS, required=False)
    f.choice("layer", LAYERS, required=False)
    for name in ("pain_before", "pain_after"):
        _scale(f, name, PAIN_SCALE)
    for name in ("stress_before", "stress_after"):
        _scale(f, name, STRESS_SCALE)
    _scale(f, "sleep_quality", SLEEP_QUALITY)
    f.texts("areas", required=False, choices=BODY_AREAS)
    f.texts("sensations", required=False, choices=SENSATIONS)
    f.texts("adverse", required=False, choices=ADVERSE_EFFECTS)
    # the follow-up after bruising or broken skin: has it healed? (true / false / not asked)
    _nullable(f, "healed", lambda n: f.flag(n))
    _nullable(f, "notes", lambda n: f.text(n, required=False, max_length=NOTES_LENGTH))
    f.finish()


def _plan_edit(f: Fields) -> None:
    """A change to the kept plan: a session moved, swapped, shortened, done or skipped."""
    _date(f, "date")
    f.choice("slot", SLOTS)
    action = f.choice("action", PLAN_ACTIONS)
    if action == "move":
        _date(f, "to_date")
    if action == "swap":
        f.text("routine", max_length=80)
    if action == "shorten":
        f.number("minutes", within=SHORTEN_MINUTES)
    if action in ("done", "skip"):
        # what was done or skipped, so progression can replay it after the plan moved on
        f.text("routine", required=False, max_length=80)
        f.number("mat_seconds", required=False, integer=True, maximum=3600)
    f.finish()


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


def _profile(f: Fields) -> None:
    """The person's answers: `profile` (null until onboarding) and `screening`, one record."""
    if f.data.get("profile") is None:
        f.read.add("profile")
    else:
        _answers(f.child("profile", f.data["profile"]))
        f.read.add("profile")
    if f.has("screening"):
        _screening(f.child("screening", f.data["screening"]))
        f.read.add("screening")
    f.finish()


def _answers(f: Fields) -> Profile | None:
    """The onboarding's answers; whole numbers may come as text (a form's values)."""
    before = len(f.problems)
    values = dict(
        goals=_codes(f, "goals", GOALS),
        minutes_per_day=_whole(f, "minutes_per_day", MINUTES_PER_DAY),
        days_per_week=_whole(f, "days_per_week", DAYS_PER_WEEK),
        times=_codes(f, "times", SLOTS),
        experience=f.choice("experience", EXPERIENCE),
        sensitivity=f.choice("sensitivity", SENSITIVITY) if f.has("sensitivity") else "medium",
    )
    f.finish()
    if len(f.problems) > before:
        return None
    values["times"] = tuple(sorted(values["times"], key=SLOTS.index))
    return Profile(**values)


def _screening(f: Fields) -> Screening | None:
    """The safety answers: the flags that apply, or `none`; an empty list is not answered."""
    flags = _codes(f, "flags", (*FLAGS, NONE), required=False)
    f.finish()
    if flags is None:
        return None
    if NONE in flags and len(flags) > 1:
        f.error("flags", f"{NONE!r} cannot go with other answers")
        return None
    return Screening(frozenset(flags) - {NONE}, NONE in flags)


def _codes(f: Fields, name: str, codes: Any, *, required: bool = True) -> tuple[str, ...] | None:
    """A list of codes (one alone may come as text), each once, at least one if required."""
    if isinstance(f.data.get(name), str):
        f.data = {**f.data, name: [f.data[name]]}
    values = f.texts(name, required=False, choices=codes)
    if values is not None and not values and required:
        f.error(name, "choose at least one")
        return None
    return None if values is None else tuple(dict.fromkeys(values))


def _whole(f: Fields, name: str, bounds: tuple[float, float]) -> int | None:
    value = f.data.get(name)
    if isinstance(value, str) and WHOLE.match(value.strip()):
        f.data = {**f.data, name: int(value.strip())}
    number = f.number(name, integer=True, within=bounds)
    return None if number is None else int(number)


def _free_object(f: Fields) -> None:
    """Preferences: size-checked only, their sections are the device's."""
    f.read.update(f.data)


_library: list[Callable[[], Any]] = []  # how to find the running library (see use_library)


def use_library(find: Callable[[], Any]) -> None:
    """Check pushed custom routines against the library `find()` gives (its patterns,
    stretches and slugs): the running app's, so two apps in one process keep their own."""
    _library[:] = [find]


def _custom_routine(f: Fields) -> None:
    """A person's own routine: the catalog's own validator, by the library's rules."""
    library = _library[0]() if _library else None
    if library is None:
        f.error("", "custom routines cannot be checked before the routine library is loaded")
        return
    check_custom_routine(f, library)


SCHEMAS: dict[str, Callable[[Fields], Any]] = {
    "journal": _journal,
    "plan-edit": _plan_edit,
    "session": _session,
    "profile": _profile,
    "custom-routine": _custom_routine,
    "preferences": _free_object,
}
"""The schema of each record kind, in vocabulary.RECORD_KINDS's order."""
