"""What the plan tells the person about their progress: a break, a reaction, the skin."""

from __future__ import annotations

from datetime import date, timedelta

from .profile import Profile, SessionRecord
from .progression import LYING, break_before, rung

ADVERSE_NOTE = (
    "You noted a reaction after a recent session, so your time on the mat has stepped back. "
    "If redness lasts more than an hour, or you notice bruising, broken skin, dizziness or "
    "numbness, stop and ask a health professional."
)
ADVERSE_TODAY_NOTE = (
    "You noted a reaction today, so the rest of today is without the mat: breathing, "
    "gentle stretches or meditation instead. Tomorrow starts a step shorter."
)
SKIN_NOTE = (
    "You noted bruising or broken skin, so the mat stays out of your plan until it has "
    "healed. Next time you log a session, the journal asks whether it has."
)


def progress_notes(
    profile: Profile,
    history: tuple[SessionRecord, ...],
    on: date,
    mat: bool,
    skin: date | None,
    adverse_today: bool,
) -> tuple[str, ...]:
    """The notes about the person's progress on `on`, the most pressing first."""
    if not mat:
        return ()
    if skin:
        return (SKIN_NOTE,)
    notes = []
    if adverse_today:
        notes.append(ADVERSE_TODAY_NOTE)
    elif any(r.adverse and on - timedelta(days=14) <= r.date < on for r in history):
        notes.append(ADVERSE_NOTE)
    away = break_before(history, on)
    if away:
        minutes = LYING[rung(profile, history, on, today=on)] // 60
        length = f"{minutes} minute{'s' if minutes != 1 else ''}"
        if away.restart:
            notes.append(
                f"Welcome back. It has been {away.days} days since your last session, so "
                f"your time on the mat starts again from the beginning, at {length}, to let "
                "your skin get used to the spikes again."
            )
        else:
            notes.append(
                f"Welcome back. It has been {away.days} days since your last session, so "
                f"your time on the mat has stepped back one step, to {length}."
            )
    return tuple(notes)
