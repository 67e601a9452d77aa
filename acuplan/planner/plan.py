"""Building the plan: this week and the next, day by day, slot by slot."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from acuplan.catalog import Library, Routine

from .fitting import MIND_GOALS, fit_routine, mat_layers, mat_seconds
from .profile import Profile, Screening, SessionRecord
from .progression import LYING, STANDING, rung
from .safety import Safety, assess_screening

LEVEL_RANK = {"beginner": 0, "intermediate": 1, "experienced": 2}
EXPERIENCE_RANK = {"never": 0, "few": 1, "regular": 2}
UNLOCK = ((900, 2), (420, 1))  # mat seconds reached -> the routine level that now fits
SHORTER = (900, 600, 300)
SWAPS = 3  # other routines offered in place of a planned one
ADVERSE_NOTE = (
    "You noted a reaction after a recent session, so your time on the mat has stepped back. "
    "If redness lasts more than an hour, or you notice bruising, broken skin, dizziness or "
    "numbness, stop and ask a health professional."
)


@dataclass(frozen=True)
class Version:
    """A shorter way to do a planned session, for when there is less time today."""

    seconds: int
    mat_seconds: int
    step_seconds: tuple[int, ...]


@dataclass(frozen=True)
class Swap:
    """Another routine that fits a planned session's slot, no longer and fitted the same way."""

    routine: str
    step_seconds: tuple[int, ...]
    step_layers: tuple[str | None, ...]
    seconds: int
    mat_seconds: int
    shorter: tuple[Version, ...]


@dataclass(frozen=True)
class Session:
    date: date
    slot: str
    routine: str
    step_seconds: tuple[int, ...]
    step_layers: tuple[str | None, ...]
    seconds: int
    mat_seconds: int
    shorter: tuple[Version, ...]
    swaps: tuple[Swap, ...] = ()


@dataclass(frozen=True)
class Day:
    """One day of the plan; a rest day has no sessions."""

    date: date
    mat_limit: int
    sessions: tuple[Session, ...]


@dataclass(frozen=True)
class Week:
    start: date
    days: tuple[Day, ...]


@dataclass(frozen=True)
class Plan:
    today: date
    mat_allowed: bool
    mat_limit: int
    notes: tuple[str, ...]
    weeks: tuple[Week, ...]


@dataclass
class _Memory:
    """What the plan chose so far, for variety and for sharing time between goals."""

    recent: set[str] = field(default_factory=set)  # routines of the last planned day
    today: set[str] = field(default_factory=set)
    uses: Counter[str] = field(default_factory=Counter)
    served: Counter[str] = field(default_factory=Counter)


def build_plan(
    library: Library,
    profile: Profile,
    screening: Screening,
    history: Iterable[SessionRecord],
    on: date,
) -> Plan:
    """The plan for the week of `on` (from its Monday) and the week after."""
    safety = assess_screening(screening)
    history = tuple(history)
    start = on - timedelta(days=on.weekday())
    training = training_days(profile.days_per_week)
    memory = _Memory(recent=_last_done(history, start))
    days = []
    for offset in range(14):
        day = start + timedelta(days=offset)
        level = rung(profile, history, day)
        sessions = []
        if offset % 7 in training:
            for slot, budget in slot_budgets(profile):
                session = _plan_session(library, profile, safety, day, slot, budget, level, memory)
                if session:
                    sessions.append(session)
            memory.recent, memory.today = memory.today, set()
        days.append(Day(day, LYING[level] if safety.mat else 0, tuple(sessions)))
    notes = safety.notes
    if any(r.adverse and on - timedelta(days=14) <= r.date < on for r in history):
        notes += (ADVERSE_NOTE,)
    return Plan(
        today=on,
        mat_allowed=safety.mat,
        mat_limit=LYING[rung(profile, history, on)] if safety.mat else 0,
        notes=notes,
        weeks=(Week(start, tuple(days[:7])), Week(start + timedelta(days=7), tuple(days[7:]))),
    )


def training_days(days_per_week: int) -> frozenset[int]:
    """Weekdays (Monday 0) spread evenly: 3 gives Monday, Wednesday and Friday."""
    return frozenset(i * 7 // days_per_week for i in range(days_per_week))


def slot_budgets(profile: Profile) -> tuple[tuple[str, int], ...]:
    """Seconds for each slot; morning and evening share the day's minutes."""
    total = profile.minutes_per_day * 60
    if len(profile.times) == 1:
        return ((profile.times[0], total),)
    return (("morning", total // 2), ("evening", total - total // 2))


def _plan_session(
    library: Library,
    profile: Profile,
    safety: Safety,
    day: date,
    slot: str,
    budget: int,
    level: int,
    memory: _Memory,
) -> Session | None:
    """The best-scoring routine for one slot, fitted, or None when nothing fits at all."""
    limit, standing = (LYING[level], STANDING[level]) if safety.mat else (0, 0)
    unlocked = [rank for seconds, rank in UNLOCK if LYING[level] >= seconds]
    allowed = max([EXPERIENCE_RANK[profile.experience], *unlocked])
    fits = []
    for slug in sorted(library.routines):
        routine = library.routines[slug]
        if slot == "morning" and "sleep" in routine.goals:
            continue
        if LEVEL_RANK[routine.level] > allowed + 1:
            continue
        steps = fit_routine(routine, budget, limit, standing, safety.stretches)
        if sum(steps) and (mat_seconds(routine, steps) or not limit):
            fits.append((routine, steps))
    # prefer a routine not done on the last planned day or earlier today, and one that
    # fills a fair part of the time
    fresh = [f for f in fits if f[0].slug not in memory.recent | memory.today]
    full = [f for f in fits if sum(f[1]) >= min(budget // 2, 180)]
    choices = [f for f in fresh if f in full] or fresh or full or fits
    if not choices:
        return None
    neglected = min(profile.goals, key=lambda g: memory.served[g])

    def score(fit: tuple[Routine, tuple[int, ...]]) -> float:
        routine, steps = fit
        matched = [g for g in profile.goals if g in routine.goals]
        goals = (10 + 2 * len(matched) + 4 * (neglected in matched)) if matched else 0
        calming, energising = MIND_GOALS & set(routine.goals), "morning-energy" in routine.goals
        if slot == "evening":
            timing = 4 if calming else -4 if energising else 0
        else:
            timing = 4 if energising else 0
        above = LEVEL_RANK[routine.level] - allowed
        level_fit = -8 * above if above > 0 else above
        fill = 5 * sum(steps) / budget + (3 * mat_seconds(routine, steps) / limit if limit else 0)
        return goals + timing + level_fit + fill - memory.uses[routine.slug]

    routine, steps = max(choices, key=score)
    # the best of the rest, for when the person would rather do something else offline
    others = [f for f in fits if f[0] is not routine and sum(f[1]) <= sum(steps)]
    others = sorted(others, key=score, reverse=True)[:SWAPS]
    memory.today.add(routine.slug)
    memory.uses[routine.slug] += 1
    memory.served.update(g for g in profile.goals if g in routine.goals)
    covered = safety.covered or profile.experience == "never" or profile.sensitivity == "high"

    def fitted(routine: Routine, steps: tuple[int, ...]) -> dict:
        return dict(
            routine=routine.slug,
            step_seconds=steps,
            step_layers=mat_layers(routine, steps, covered),
            seconds=sum(steps),
            mat_seconds=mat_seconds(routine, steps),
            shorter=_shorter(routine, steps, limit, standing, safety.stretches),
        )

    return Session(
        date=day,
        slot=slot,
        **fitted(routine, steps),
        swaps=tuple(Swap(**fitted(r, s)) for r, s in others),
    )


def _shorter(
    routine: Routine, steps: tuple[int, ...], limit: int, standing: int, stretches: bool
) -> tuple[Version, ...]:
    """10- and 5-minute versions (15 too for long sessions), or half when it is shorter."""
    total = sum(steps)
    targets = [t for t in SHORTER if t <= total - 60] or [total // 2]
    versions: dict[tuple[int, ...], Version] = {}
    for target in targets:
        fitted = fit_routine(routine, target, limit, standing, stretches)
        if 0 < sum(fitted) < total and fitted not in versions:
            versions[fitted] = Version(sum(fitted), mat_seconds(routine, fitted), fitted)
    return tuple(versions.values())


def _last_done(history: tuple[SessionRecord, ...], before: date) -> set[str]:
    """Routines done on the last day with a done session before `before`."""
    done = [r for r in history if r.status == "done" and r.date < before]
    last = max((r.date for r in done), default=None)
    return {r.routine for r in done if r.date == last}


def plan_json(plan: Plan) -> dict:
    """The plan as JSON-ready dicts, dates as YYYY-MM-DD."""
    return {
        "today": plan.today.isoformat(),
        "mat_allowed": plan.mat_allowed,
        "mat_limit": plan.mat_limit,
        "notes": list(plan.notes),
        "weeks": [
            {"start": week.start.isoformat(), "days": [_day_json(day) for day in week.days]}
            for week in plan.weeks
        ],
    }


def _day_json(day: Day) -> dict:
    return {
        "date": day.date.isoformat(),
        "rest": not day.sessions,
        "mat_limit": day.mat_limit,
        "sessions": [_session_json(s) for s in day.sessions],
    }


def _session_json(session: Session) -> dict:
    return {
        "date": session.date.isoformat(),
        "slot": session.slot,
        **_fitted_json(session),
        "swaps": [_fitted_json(swap) for swap in session.swaps],
    }


def _fitted_json(fitted: Session | Swap) -> dict:
    return {
        "routine": fitted.routine,
        "seconds": fitted.seconds,
        "mat_seconds": fitted.mat_seconds,
        "step_seconds": list(fitted.step_seconds),
        "step_layers": list(fitted.step_layers),
        "shorter": [
            {
                "seconds": v.seconds,
                "mat_seconds": v.mat_seconds,
                "step_seconds": list(v.step_seconds),
            }
            for v in fitted.shorter
        ],
    }
