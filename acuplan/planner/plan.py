"""Building the plan: this week and the next, day by day; a day's slots share its limits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from acuplan.catalog import Library
from acuplan.vocabulary import LYING_POSITIONS, SLOTS

from .adapt import Adaptation, Allowance, adapt_routine
from .choose import Limits, Memory, Session, plan_session
from .fitting import MIND_GOALS, position_seconds
from .notes import progress_notes
from .profile import Profile, Screening, SessionRecord
from .progression import LYING, STANDING, rung
from .safety import Safety, assess_screening

UNANSWERED = (
    "You have not answered the health questions yet. Please answer them, or tick "
    "\u201cNone of these apply to me\u201d, before your first session on the mat."
)


@dataclass(frozen=True)
class Day:
    """One day of the plan; a rest day has no sessions. `mat_limit` is the mat time the day
    still allows: after a reaction noted today, none (a session done before it stays)."""

    date: date
    mat_limit: int
    sessions: tuple[Session, ...]
    past: bool = False  # before the plan was made: never planned after the fact


@dataclass(frozen=True)
class Week:
    """Seven days of the plan from `start`."""

    start: date
    days: tuple[Day, ...]


@dataclass(frozen=True)
class Plan:
    """Two weeks of sessions for one person, with the limits and notes that shaped them."""

    today: date
    mat_allowed: bool
    mat_limit: int
    notes: tuple[str, ...]
    weeks: tuple[Week, ...]
    screened: bool = True
    adapted: tuple[Adaptation, ...] = ()  # every routine of the library, as today allows it


@dataclass(frozen=True)
class _Today:
    """What already happened on the plan's first day: sessions done, reactions noted."""

    done: tuple[SessionRecord, ...]
    adverse: bool


def build_plan(
    library: Library,
    profile: Profile,
    screening: Screening,
    history: Iterable[SessionRecord],
    on: date,
) -> Plan:
    """The plan for the person's week holding `on` and the week after. A week starts on the
    weekday of their first session (today for a new plan); its days before `on` are past."""
    safety = assess_screening(screening)
    history = tuple(with_lying(library, record) for record in history)
    start = week_start(history, on)
    training = training_days(profile.days_per_week)
    memory = Memory(recent=_last_done(history, on))
    skin = unhealed_since(history, on)
    today = _Today(
        done=tuple(r for r in history if r.date == on and r.status == "done"),
        adverse=any(r.adverse for r in history if r.date == on),
    )
    days = []
    for offset in range(14):
        day = start + timedelta(days=offset)
        if day < on:
            days.append(Day(day, 0, (), past=True))
            continue
        level = rung(profile, history, day, today=on)
        mat = safety.mat and not (skin and day >= skin)
        sessions: tuple[Session, ...] = ()
        if offset % 7 in training:
            before = memory.copy()
            sessions = _plan_day(library, profile, safety, day, level, mat, memory)
            if day == on and (today.done or today.adverse):
                kept, extra = _match(sessions, today.done)
                if today.adverse or extra:
                    memory = before
                    mat = mat and not today.adverse
                    sessions = _plan_day(
                        library, profile, safety, day, level, mat, memory, kept, extra
                    )
            memory.recent, memory.today = memory.today, set()
        elif day == on and today.adverse:
            mat = False
        days.append(Day(day, LYING[level] if mat else 0, sessions))
    first_day = days[(on - start).days]
    allowance = _allowance(profile, safety, history, on, skin, today)
    return Plan(
        today=on,
        mat_allowed=safety.mat and not skin,
        mat_limit=first_day.mat_limit,
        notes=(() if safety.answered else (UNANSWERED,))
        + safety.notes
        + progress_notes(profile, history, on, safety.mat, skin, today.adverse),
        weeks=(Week(start, tuple(days[:7])), Week(start + timedelta(days=7), tuple(days[7:]))),
        screened=safety.answered,
        adapted=tuple(
            adapt_routine(routine, allowance, safety)
            for routine in (library.routines[slug] for slug in sorted(library.routines))
        ),
    )


def week_start(history: Iterable[SessionRecord], on: date) -> date:
    """The first day of the person's week holding `on`: weeks run from the weekday of their
    first session noted, so a plan made on a Sunday starts on that Sunday."""
    first = min((r.date for r in history if r.date <= on), default=on)
    return on - timedelta(days=(on - first).days % 7)


def training_days(days_per_week: int) -> frozenset[int]:
    """Days of the person's week (its first day 0) spread evenly: 3 gives days 0, 2 and 4."""
    return frozenset(i * 7 // days_per_week for i in range(days_per_week))


def slot_budgets(profile: Profile) -> tuple[tuple[str, int], ...]:
    """Seconds for each slot; morning and evening share the day's minutes."""
    total = profile.minutes_per_day * 60
    if len(profile.times) == 1:
        return ((profile.times[0], total),)
    return (("morning", total // 2), ("evening", total - total // 2))


def _covered(profile: Profile, safety: Safety) -> bool:
    """Whether bare skin is out: the screening asks for a layer, or the person is new to the
    mat or sensitive."""
    return safety.covered or profile.experience == "never" or profile.sensitivity == "high"


def _allowance(
    profile: Profile,
    safety: Safety,
    history: tuple[SessionRecord, ...],
    on: date,
    skin: date | None,
    today: _Today,
) -> Allowance:
    """What is left of today's mat time for a routine started outside the plan."""
    covered = _covered(profile, safety)
    if not safety.mat:
        return Allowance(0, 0, covered, safety.mat_reason)
    if skin:
        return Allowance(0, 0, covered, "until the bruising or broken skin you noted has healed.")
    if today.adverse:
        return Allowance(0, 0, covered, "for the rest of today, after the reaction you noted.")
    level = rung(profile, history, on, today=on)
    mat = LYING[level] - sum(r.mat_seconds for r in today.done)
    standing = STANDING[level] - sum(r.mat_seconds - r.lying for r in today.done)
    if mat <= 0:
        return Allowance(0, 0, covered, "you have had today's time on the mat. More tomorrow.")
    return Allowance(mat, max(0, standing), covered)


def with_lying(library: Library, record: SessionRecord) -> SessionRecord:
    """The record with its lying time bounded by what its routine holds lying on the mat."""
    routine = library.routines.get(record.routine)
    if routine is None:
        return record
    lying = position_seconds(routine, None, LYING_POSITIONS)
    return replace(record, lying_seconds=min(record.lying, lying))


def unhealed_since(history: tuple[SessionRecord, ...], on: date) -> date | None:
    """The day of bruising or broken skin not yet reported healed by `on`, if any."""
    since = None
    for record in sorted(history, key=lambda r: (r.date, r.skin)):
        if record.date > on:
            break
        if record.skin:
            since = since or record.date
        elif since and record.healed:
            since = None
    return since


def _plan_day(
    library: Library,
    profile: Profile,
    safety: Safety,
    day: date,
    level: int,
    mat: bool,
    memory: Memory,
    kept: dict[str, Session] | None = None,
    extra: SessionRecord | None = None,
) -> tuple[Session, ...]:
    """One day's sessions. The slots share the day's mat time: the slot the person's goals
    favour (the evening for calm and sleep) is filled first. `kept` sessions were already
    done today; `extra` is mat time done today outside the plan."""
    kept = kept or {}
    lying = LYING[level] - (extra.mat_seconds if extra else 0) if mat else 0
    standing = STANDING[level] - (extra.mat_seconds - extra.lying if extra else 0) if mat else 0
    covered = _covered(profile, safety)
    budgets = slot_budgets(profile)
    if set(profile.goals) & MIND_GOALS:
        budgets = budgets[::-1]
    sessions = []
    for slot, budget in budgets:
        limits = Limits(
            budget, max(0, lying), max(0, standing), LYING[level], safety.rules, covered
        )
        session = kept.get(slot) or plan_session(library, profile, day, slot, limits, memory)
        if slot in kept:
            memory.note(library.routines[session.routine], profile)
        if session:
            sessions.append(session)
            routine = library.routines[session.routine]
            lying -= session.mat_seconds
            standing -= position_seconds(routine, session.step_seconds, ("standing",))
    return tuple(sorted(sessions, key=lambda s: SLOTS.index(s.slot)))


def _match(
    sessions: tuple[Session, ...], done: tuple[SessionRecord, ...]
) -> tuple[dict[str, Session], SessionRecord | None]:
    """Planned sessions already done today (same routine), and the mat time done outside
    them, as one record (None when there is none)."""
    kept: dict[str, Session] = {}
    mat = lying = 0
    for record in done:
        session = next(
            (s for s in sessions if s.routine == record.routine and s.slot not in kept), None
        )
        if session:
            kept[session.slot] = session
        else:
            mat, lying = mat + record.mat_seconds, lying + record.lying
    if not mat:
        return kept, None
    outside = SessionRecord(done[0].date, "outside the plan", min(mat, 3600), "done")
    return kept, replace(outside, lying_seconds=min(lying, 3600))


def _last_done(history: tuple[SessionRecord, ...], before: date) -> set[str]:
    """Routines done on the last day with a done session before `before`."""
    done = [r for r in history if r.status == "done" and r.date < before]
    last = max((r.date for r in done), default=None)
    return {r.routine for r in done if r.date == last}
