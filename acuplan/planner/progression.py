"""Progression: how long on the mat today, from the profile and the sessions so far.

A ladder of rungs; each rung has a limit lying (or sitting) on the mat and a shorter one
standing on it. People start on a rung set by experience and sensitivity, move up one rung
after sessions at the current length went well on STEP_UP_AFTER separate days (never in the
first week after their first session), and move down one rung after every session with an
adverse effect.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from .profile import Profile, SessionRecord

LYING = (60, 120, 180, 300, 420, 600, 720, 900, 1200)
STANDING = (30, 60, 90, 120, 180, 240, 300, 360, 420)
START = {"never": 3, "few": 4, "regular": 6}  # 5, 7 and 12 minutes lying
HIGH_SENSITIVITY_START = {"never": 1, "few": 3, "regular": 5}  # 2, 5 and 10 minutes
STEP_UP_AFTER = 3
FIRST_WEEK = timedelta(days=7)


def mat_limit(profile: Profile, history: Iterable[SessionRecord], on: date) -> int:
    """Seconds a session may spend on the mat on `on`, from the sessions before that day."""
    return LYING[rung(profile, history, on)]


def standing_limit(profile: Profile, history: Iterable[SessionRecord], on: date) -> int:
    """Seconds a session may spend standing on the mat on `on`."""
    return STANDING[rung(profile, history, on)]


def rung(profile: Profile, history: Iterable[SessionRecord], on: date) -> int:
    """The person's rung on the ladder on `on`: the sessions before that day replayed."""
    starts = HIGH_SENSITIVITY_START if profile.sensitivity == "high" else START
    level = starts[profile.experience]
    days: dict[date, list[SessionRecord]] = defaultdict(list)
    for record in history:
        if record.date < on:
            days[record.date].append(record)
    done = [day for day, records in days.items() if any(r.status == "done" for r in records)]
    first = min(done, default=None)
    good_days = 0
    for day in sorted(days):
        level, good_days = _step_up(level, good_days, first, day)
        adverse = sum(r.adverse for r in days[day])
        if adverse:
            level, good_days = max(0, level - adverse), 0
        elif any(_counts(r, level) for r in days[day]):
            good_days += 1
    level, _ = _step_up(level, good_days, first, on)
    return level


def _counts(record: SessionRecord, level: int) -> bool:
    """A done session counts toward the next rung when its mat time reached the rung below."""
    floor = LYING[level - 1] if level else 1
    return record.status == "done" and record.mat_seconds >= floor


def _step_up(level: int, good_days: int, first: date | None, day: date) -> tuple[int, int]:
    ready = good_days >= STEP_UP_AFTER and first is not None and day >= first + FIRST_WEEK
    if ready and level < len(LYING) - 1:
        return level + 1, 0
    return level, good_days
