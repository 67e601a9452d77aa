"""Progression: how long on the mat a day may hold, from the profile and the sessions so far.

A ladder of rungs; each rung has a limit for a whole day lying (or sitting) on the mat and a
shorter one standing on it. People start on a rung set by experience and sensitivity and
move up one rung after STEP_UP_AFTER separate days with a session whose time lying on the
mat reached the current rung's length (never in the first week after their first session).
They move down one rung after every session with an adverse effect, one rung after a week
without a session, and back to their start after four weeks without one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from acuplan.vocabulary import DAY_LYING_LADDER as LYING
from acuplan.vocabulary import DAY_STANDING_LADDER as STANDING

from .profile import Profile, SessionRecord

START = {"never": 3, "few": 4, "regular": 6}  # 5, 7 and 12 minutes lying
HIGH_SENSITIVITY_START = {"never": 1, "few": 3, "regular": 5}  # 2, 5 and 10 minutes
STEP_UP_AFTER = 3
FIRST_WEEK = timedelta(days=7)
SHORT_BREAK = timedelta(days=7)  # one rung down
LONG_BREAK = timedelta(days=28)  # back to the start


@dataclass(frozen=True)
class Break:
    """A break before a day: how many days since the last session, and what it changed."""

    days: int
    restart: bool


def mat_limit(
    profile: Profile, history: Iterable[SessionRecord], on: date, today: date | None = None
) -> int:
    """Seconds a day may spend lying on the mat on `on`, from the sessions before that day."""
    return LYING[rung(profile, history, on, today)]


def standing_limit(
    profile: Profile, history: Iterable[SessionRecord], on: date, today: date | None = None
) -> int:
    """Seconds a day may spend standing on the mat on `on`."""
    return STANDING[rung(profile, history, on, today)]


def start_rung(profile: Profile) -> int:
    """The rung a person starts on (and comes back to after a long break)."""
    starts = HIGH_SENSITIVITY_START if profile.sensitivity == "high" else START
    return starts[profile.experience]


def rung(
    profile: Profile, history: Iterable[SessionRecord], on: date, today: date | None = None
) -> int:
    """The person's rung on `on`: the sessions before that day replayed.

    A break is counted up to `today` at most: a plan for the days ahead assumes the person
    keeps to it, so it does not step back for days that have not happened yet.
    """
    start = start_rung(profile)
    level = start
    days: dict[date, list[SessionRecord]] = defaultdict(list)
    for record in history:
        if record.date < on:
            days[record.date].append(record)
    first: date | None = None
    last: date | None = None
    stage = 0  # the break already stepped back for: 0 none, 1 a week, 2 four weeks
    good_days = 0
    for day in sorted(days):
        records = days[day]
        level, good_days, first, stage = _after_break(
            level, good_days, first, last, day, stage, start
        )
        level, good_days = _step_up(level, good_days, first, day)
        done = [r for r in records if r.status == "done"]
        if done:
            first, last, stage = first or day, day, 0
        adverse = sum(r.adverse for r in records)
        if adverse:
            level, good_days = max(0, level - adverse), 0
        elif any(r.lying >= LYING[level] for r in done):
            good_days += 1
    until = min(on, today or on)
    level, good_days, first, stage = _after_break(
        level, good_days, first, last, until, stage, start
    )
    level, _ = _step_up(level, good_days, first, on)
    return level


def break_before(history: Iterable[SessionRecord], on: date) -> Break | None:
    """The break the person is coming back from on `on`, or None when there is none."""
    done = [r.date for r in history if r.status == "done" and r.date < on]
    if not done:
        return None
    gap = on - max(done)
    if gap < SHORT_BREAK:
        return None
    return Break(gap.days, gap >= LONG_BREAK)


def _after_break(level, good_days, first, last, day, stage, start):
    """Step back for the days without a session between `last` and `day`, once per stage."""
    if last is None:
        return level, good_days, first, stage
    gap = day - last
    now = 2 if gap >= LONG_BREAK else 1 if gap >= SHORT_BREAK else 0
    if now <= stage:
        return level, good_days, first, stage
    if now == 2:
        return min(level, start), 0, None, 2  # start again, the first week included
    return max(0, level - 1), 0, first, 1


def _step_up(level: int, good_days: int, first: date | None, day: date) -> tuple[int, int]:
    ready = good_days >= STEP_UP_AFTER and first is not None and day >= first + FIRST_WEEK
    if ready and level < len(LYING) - 1:
        return level + 1, 0
    return level, good_days
