"""The planner's typed inputs: profile, safety screening and session history, validated.

Every check raises PlanInputError naming the field, so the web layer can answer 400 with it.
The answers arrive as a `profile` record, read by acuplan.records; the history is built on
the device from several kinds of record, and read here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from acuplan.vocabulary import (
    DAYS_PER_WEEK,
    EXPERIENCE,
    FLAGS,
    GOALS,
    MINUTES_PER_DAY,
    NONE,
    SENSITIVITY,
    SLOTS,
    STATUSES,
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PlanInputError(ValueError):
    """One input is wrong: `field` names it, `message` says why in plain words."""

    def __init__(self, field: str, message: str) -> None:
        """The field's name (dotted, with list indexes) and what is wrong with it."""
        self.field, self.message = field, message
        super().__init__(f"{field}: {message}")


@dataclass(frozen=True)
class Profile:
    """What a person told us in onboarding."""

    goals: tuple[str, ...]
    minutes_per_day: int
    days_per_week: int
    times: tuple[str, ...]
    experience: str
    sensitivity: str

    def __post_init__(self) -> None:
        """Refuse answers the planner does not know."""
        _choices("goals", self.goals, GOALS, "goal")
        _between("minutes_per_day", self.minutes_per_day, *MINUTES_PER_DAY)
        _between("days_per_week", self.days_per_week, *DAYS_PER_WEEK)
        _choices("times", self.times, SLOTS, "time")
        for name in ("goals", "times"):
            if len(set(getattr(self, name))) < len(getattr(self, name)):
                raise PlanInputError(name, "give each choice once")
        _choice("experience", self.experience, EXPERIENCE)
        _choice("sensitivity", self.sensitivity, SENSITIVITY)


@dataclass(frozen=True)
class Screening:
    """The safety answers that apply to the person: a set of FLAGS, or `none` when the
    person said that none applies. Neither means the questions are not answered yet."""

    flags: frozenset[str] = frozenset()
    none: bool = False

    def __post_init__(self) -> None:
        """Refuse unknown answers, and `none` with others."""
        _choices("flags", tuple(sorted(self.flags)), FLAGS, "answer", allow_empty=True)
        if self.none and self.flags:
            raise PlanInputError("flags", f"{NONE!r} cannot go with other answers")

    @property
    def answered(self) -> bool:
        """Whether the questions were answered at all."""
        return self.none or bool(self.flags)


@dataclass(frozen=True)
class SessionRecord:
    """One session in the history: done or skipped, and whether an adverse effect was noted.

    `lying_seconds` is the part of `mat_seconds` spent lying (None: not known, taken as all
    of it); `skin` marks bruising or broken skin, and `healed` the journal's answer to "has
    it healed?" (None: not asked).
    """

    date: date
    routine: str
    mat_seconds: int
    status: str
    adverse: bool = False
    lying_seconds: int | None = None
    skin: bool = False
    healed: bool | None = None

    def __post_init__(self) -> None:
        """Refuse a session the planner cannot count."""
        if not isinstance(self.date, date) or isinstance(self.date, datetime):
            raise PlanInputError("date", "not a date (YYYY-MM-DD)")
        if not isinstance(self.routine, str) or not self.routine.strip():
            raise PlanInputError("routine", "must name a routine")
        _between("mat_seconds", self.mat_seconds, 0, 3600)
        if self.lying_seconds is not None:
            _between("lying_seconds", self.lying_seconds, 0, 3600)
        _choice("status", self.status, STATUSES)
        for name in ("adverse", "skin"):
            if not isinstance(getattr(self, name), bool):
                raise PlanInputError(name, "must be true or false")
        if self.healed is not None and not isinstance(self.healed, bool):
            raise PlanInputError("healed", "must be true, false or null")

    @property
    def lying(self) -> int:
        """Seconds spent lying on the mat: what counts toward the lying ladder."""
        if self.lying_seconds is None:
            return self.mat_seconds
        return min(self.lying_seconds, self.mat_seconds)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SessionRecord:
        """A session of the history as the device sends it."""
        lying = data.get("lying_seconds")
        return cls(
            date=parse_date(data.get("date")),
            routine=data.get("routine"),
            mat_seconds=_whole("mat_seconds", data.get("mat_seconds", 0)),
            status=data.get("status"),
            adverse=data.get("adverse", False),
            lying_seconds=None if lying is None else _whole("lying_seconds", lying),
            skin=data.get("skin", False),
            healed=data.get("healed"),
        )


def parse_history(items: Iterable[Mapping[str, Any]]) -> tuple[SessionRecord, ...]:
    """Session records from a list of dicts; an error names the item, e.g. history[2].date."""
    records = []
    for index, item in enumerate(items):
        try:
            if not isinstance(item, Mapping):
                raise PlanInputError("", "must be an object")
            records.append(SessionRecord.from_dict(item))
        except PlanInputError as error:
            name = f"history[{index}]" + (f".{error.field}" if error.field else "")
            raise PlanInputError(name, error.message) from None
    return tuple(records)


def parse_date(value: Any, field: str = "date") -> date:
    """A calendar date from a date or from YYYY-MM-DD text."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PlanInputError(field, "not a date (YYYY-MM-DD)")


def _choices(field: str, values, choices, what: str, allow_empty: bool = False) -> None:
    if not isinstance(values, tuple):
        raise PlanInputError(field, "must be a list of choices")
    if not values and not allow_empty:
        raise PlanInputError(field, f"choose at least one {what}")
    for value in values:
        if value not in choices:
            known = ", ".join(choices)
            raise PlanInputError(field, f"unknown {what} {value!r}; choose from {known}")


def _choice(field: str, value: Any, choices) -> None:
    if value not in choices:
        raise PlanInputError(field, f"unknown value {value!r}; choose one of {', '.join(choices)}")


def _whole(field: str, value: Any) -> int:
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanInputError(field, "must be a whole number")
    return value


def _between(field: str, value: Any, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanInputError(field, "must be a whole number")
    if not low <= value <= high:
        raise PlanInputError(field, f"must be between {low} and {high}")
