"""Choosing and fitting the routine for one slot of one day."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from acuplan.catalog import Library, Routine
from acuplan.vocabulary import EXPERIENCE, LEVELS

from .filling import fill_steps, tolerance, why_shorter
from .fitting import MIND_GOALS, StepRules, fit_routine, mat_layers, mat_seconds
from .profile import Profile
from .shorten import shorten_keeping_mat

LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}
EXPERIENCE_RANK = {answer: rank for rank, answer in enumerate(EXPERIENCE)}
UNLOCK = ((900, 2), (420, 1))  # mat seconds reached -> the routine level that now fits
SHORTER = (900, 600, 300)
SWAPS = 3  # other routines offered in place of a planned one


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
    why_shorter: str | None = None  # why it lasts well under the minutes asked for


@dataclass(frozen=True)
class Session:
    """One planned session: the routine, its steps' seconds and layers, and its options."""

    date: date
    slot: str
    routine: str
    step_seconds: tuple[int, ...]
    step_layers: tuple[str | None, ...]
    seconds: int
    mat_seconds: int
    shorter: tuple[Version, ...]
    swaps: tuple[Swap, ...] = ()
    why_shorter: str | None = None  # why it lasts well under the minutes asked for


@dataclass(frozen=True)
class Limits:
    """What one slot may hold: seconds in all, on the mat, standing on it, and the steps'
    rules; `ladder` is the day's lying limit (which routine levels it unlocks)."""

    budget: int
    mat: int
    standing: int
    ladder: int
    rules: StepRules
    covered: bool


@dataclass
class Memory:
    """What the plan chose so far, for variety and for sharing time between goals."""

    recent: set[str] = field(default_factory=set)  # routines of the last planned day
    today: set[str] = field(default_factory=set)
    uses: Counter[str] = field(default_factory=Counter)
    served: Counter[str] = field(default_factory=Counter)

    def note(self, routine: Routine, profile: Profile) -> None:
        """Remember that `routine` was planned."""
        self.today.add(routine.slug)
        self.uses[routine.slug] += 1
        self.served.update(g for g in profile.goals if g in routine.goals)

    def copy(self) -> Memory:
        """An independent copy, to try a choice without keeping it."""
        return Memory(set(self.recent), set(self.today), Counter(self.uses), Counter(self.served))


def plan_session(
    library: Library, profile: Profile, day: date, slot: str, limits: Limits, memory: Memory
) -> Session | None:
    """The best-scoring routine for one slot, fitted, or None when nothing fits at all."""
    unlocked = [rank for seconds, rank in UNLOCK if limits.ladder >= seconds]
    allowed = max([EXPERIENCE_RANK[profile.experience], *unlocked])
    fits = []
    for slug in sorted(library.routines):
        routine = library.routines[slug]
        if slot == "morning" and "sleep" in routine.goals:
            continue
        if LEVEL_RANK[routine.level] > allowed + 1:
            continue
        steps = fit_routine(routine, limits.budget, limits.mat, limits.standing, limits.rules)
        steps = fill_steps(routine, steps, limits.budget, limits.rules)
        if sum(steps) and (mat_seconds(routine, steps) or not limits.mat):
            fits.append((routine, steps))
    # prefer a routine not done on the last planned day or earlier today, and one that
    # fills a fair part of the time
    fresh = [f for f in fits if f[0].slug not in memory.recent | memory.today]
    # routines that serve the person's goals and fill the minutes asked for come first
    full = [
        f
        for f in fits
        if set(profile.goals) & set(f[0].goals)
        and sum(f[1]) >= limits.budget - tolerance(limits.budget)
    ]
    fair = [f for f in fits if sum(f[1]) >= min(limits.budget // 2, 180)]
    choices = (
        [f for f in fresh if f in full] or [f for f in fresh if f in fair] or fresh or fair or fits
    )
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
        mat = mat_seconds(routine, steps)
        fill = 5 * sum(steps) / limits.budget + (3 * mat / limits.mat if limits.mat else 0)
        return goals + timing + level_fit + fill - memory.uses[routine.slug]

    routine, steps = max(choices, key=score)
    # the best of the rest, for when the person would rather do something else offline
    others = [f for f in fits if f[0] is not routine and sum(f[1]) <= sum(steps)]
    others = sorted(others, key=score, reverse=True)[:SWAPS]
    # a person's own routines that fit are always offered: they made them to be done
    others += [f for f in fits if f[0].own and f[0] is not routine and f not in others]
    memory.note(routine, profile)
    return Session(
        date=day,
        slot=slot,
        **fitted(routine, steps, limits),
        swaps=tuple(Swap(**fitted(r, s, limits)) for r, s in others),
    )


def fitted(routine: Routine, steps: tuple[int, ...], limits: Limits) -> dict:
    """A fitted routine's fields, shorter versions included."""
    return dict(
        routine=routine.slug,
        step_seconds=steps,
        step_layers=mat_layers(routine, steps, limits.covered),
        seconds=sum(steps),
        mat_seconds=mat_seconds(routine, steps),
        shorter=shorter_versions(routine, steps, limits),
        why_shorter=why_shorter(routine, steps, limits.budget, limits.mat, limits.ladder),
    )


def shorter_versions(
    routine: Routine, steps: tuple[int, ...], limits: Limits
) -> tuple[Version, ...]:
    """10- and 5-minute versions (15 too for long sessions), or half when it is shorter;
    each keeps the session's mat time as long as the other steps can give way."""
    total = sum(steps)
    targets = [t for t in SHORTER if t <= total - 60] or [total // 2]
    versions: dict[tuple[int, ...], Version] = {}
    for target in targets:
        version = shorten_keeping_mat(routine, steps, target, limits.standing)
        if 0 < sum(version) < total and version not in versions:
            versions[version] = Version(sum(version), mat_seconds(routine, version), version)
    return tuple(versions.values())
