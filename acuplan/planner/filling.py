"""Filling the minutes a person asked for: breathing, stretches and meditation lengthened.

The mat never grows here: its time follows the person's progression. A kept breathing,
stretch or meditation step, at its written length and not kept brief by the screening, may
grow in whole units (a breath, a repetition, half a minute of quiet) up to twice its
written length, and a breathing pattern never beyond the cycles the library allows a
routine of its level. When even that leaves the session well short of what was asked, the
session says why.
"""

from __future__ import annotations

from acuplan.catalog import Routine, Step

from .fitting import MAT_GRAIN, StepRules
from .fitting import _importance as importance
from .progression import LYING

GROWTH = 2  # a step may grow to twice its written length
SHORT_BY = 60  # seconds under the budget a session may end without a word of why


def tolerance(budget: int) -> int:
    """How far under `budget` a session may end without a reason: a minute, or a tenth."""
    return max(SHORT_BY, budget // 10)


def longer_lengths(routine: Routine, step: Step) -> tuple[int, ...]:
    """The lengths longer than written a step may take, shortest first (none for the mat)."""
    return tuple(n for n in _longer(routine, step) if n <= step.seconds * GROWTH)


def _longer(routine: Routine, step: Step) -> tuple[int, ...]:
    if step.kind == "breathing" and step.breathing and step.cycles:
        most = step.cycles * GROWTH
        limit = step.breathing.cycle_limit(routine.level)
        most = min(most, limit) if limit else most
        pattern = step.breathing
        return tuple(round(pattern.seconds_for(c)) for c in range(step.cycles + 1, most + 1))
    if step.kind == "stretch" and step.stretch and step.hold:
        sides = 2 if step.stretch.sided else 1
        pause = step.switch_pause or 0
        reps = step.reps or 1
        holds = [r * sides for r in range(reps + 1, reps * GROWTH + 1)]
        return tuple(h * step.hold + (h - 1) * pause for h in holds)
    if step.kind == "meditation" and step.meditation:
        return tuple(range(step.seconds + MAT_GRAIN, step.seconds * GROWTH + 1, MAT_GRAIN))
    return ()


def fill_steps(
    routine: Routine, steps: tuple[int, ...], budget: int, rules: StepRules
) -> tuple[int, ...]:
    """`steps` with their kept breathing, stretch and meditation steps lengthened, one unit
    at a time in turn (the most important first), as far as `budget` and the library allow."""
    seconds = list(steps)
    growing = {
        i: longer_lengths(routine, step)
        for i, step in enumerate(routine.steps)
        if step.kind != "mat"
        and seconds[i] == step.seconds
        and rules.longest(step) == step.seconds
        and not step.asks & rules.brief  # a step kept brief stays brief
    }
    order = sorted(growing, key=lambda i: (-importance(routine, routine.steps[i]), i))
    grew = True
    while grew:
        grew = False
        for i in order:
            room = budget - sum(seconds)
            step_up = next((c for c in growing[i] if c > seconds[i]), None)
            if step_up is not None and step_up - seconds[i] <= room:
                seconds[i] = step_up
                grew = True
    return tuple(seconds)


def why_shorter(
    routine: Routine, steps: tuple[int, ...], budget: int, mat_cap: int, ladder: int
) -> str | None:
    """Why a session lasts well under the `budget` asked for (None when it does not)."""
    total = sum(steps)
    if total >= budget - tolerance(budget):
        return None
    minutes, asked = round(total / 60), round(budget / 60)
    mat = sum(s for step, s in zip(routine.steps, steps, strict=True) if step.kind == "mat")
    if mat_cap <= 0:
        return (
            f"{minutes} of your {asked} minutes: without the mat today, the breathing, "
            "stretches and meditation that suit you fill this much."
        )
    # below the top rung, longer routines wait for the mat time they need
    if mat < routine.mat_seconds or ladder < LYING[-1]:
        return (
            f"{minutes} of your {asked} minutes: your time on the mat is still growing, "
            "and your sessions will lengthen with it."
        )
    return f"{minutes} of your {asked} minutes: the routines that suit you today are no longer."
