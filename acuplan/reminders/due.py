"""Which reminders are due: each subscription's chosen wall-clock times, in its own time
zone, turned into instants only now, so 20:00 stays 20:00 across a change of clocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

SLOTS = ("morning", "evening")
# A reminder still goes out this long after its time (the scheduler was restarting, the
# machine slept); later than that it would only disturb.
GRACE = timedelta(minutes=30)


@dataclass(frozen=True)
class Due:
    """One reminder to send: the slot on the person's local date, and when it was due."""

    slot: str
    date: date
    at: datetime


def due_now(times: dict[str, str | None], zone: ZoneInfo, now: datetime) -> list[Due]:
    """The slots whose time has come within GRACE before `now`, on the local date."""
    local = now.astimezone(zone)
    found = []
    for slot in SLOTS:
        clock = times.get(slot)
        if not clock:
            continue
        hours, minutes = map(int, clock.split(":"))
        for day in (local.date(), local.date() - timedelta(days=1)):
            at = local_instant(day, hours, minutes, zone)
            if at <= now < at + GRACE:
                found.append(Due(slot, day, at))
    return found


def local_instant(day: date, hours: int, minutes: int, zone: ZoneInfo) -> datetime:
    """The instant a wall clock in `zone` shows hours:minutes on `day`.

    A time the clocks skip (02:30 on the night they spring forward) is taken as the same
    length of time after midnight; a time that happens twice, as its first.
    """
    naive = datetime(day.year, day.month, day.day, hours, minutes)
    first = naive.replace(tzinfo=zone, fold=0)
    if first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        midnight = datetime(day.year, day.month, day.day, tzinfo=zone).astimezone(UTC)
        return (midnight + timedelta(hours=hours, minutes=minutes)).astimezone(zone)
    return first
