"""A planned session made shorter for a day with less time: the mat time the person is
working up to is kept, and the other steps give way first (shortened in whole units, then
left out, the least important first). Only when nothing else is left does the mat itself
shorten, and then to no less than half of it.
"""

from __future__ import annotations

from dataclasses import replace

from acuplan.catalog import Routine, Step

from .fitting import _importance as importance
from .fitting import fit_mat, step_lengths


def shorten_keeping_mat(
    routine: Routine, steps: tuple[int, ...], target: int, standing_cap: int
) -> tuple[int, ...]:
    """`steps` (a fitted session) within `target` seconds, the mat kept as long as can be."""
    seconds = list(steps)
    others = [i for i, step in enumerate(routine.steps) if step.kind != "mat" and seconds[i]]
    order = sorted(others, key=lambda i: (importance(routine, routine.steps[i]), -i))
    options = {i: [c for c in step_lengths(routine.steps[i]) if c <= seconds[i]] for i in others}
    for i in order:  # shorten, only as much as needed
        excess = sum(seconds) - target
        if excess <= 0:
            break
        kept = [c for c in options[i] if c] or [0]
        seconds[i] = next((c for c in kept if c <= seconds[i] - excess), kept[-1])
    for i in order:  # then leave out
        if sum(seconds) <= target:
            break
        seconds[i] = 0
    mat = sum(s for step, s in zip(routine.steps, seconds, strict=True) if step.kind == "mat")
    if sum(seconds) > target and mat:
        # nothing else is left: the mat gives way, to half of it at the least
        cap = max(target - (sum(seconds) - mat), mat // 2)
        planned = fit_mat(_as_planned(routine, steps), cap, standing_cap)
        if not sum(planned) or sum(planned) < mat // 2:
            return tuple(steps)  # it would take more than half the mat: no such version
        for i, step in enumerate(routine.steps):
            if step.kind == "mat":
                seconds[i] = planned[i]
        return tuple(seconds)  # the mat gave way: nothing else comes back in its place
    for i in reversed(order):  # give back what now fits, the most important first
        room = target - sum(seconds) + seconds[i]
        seconds[i] = next((c for c in options[i] if c <= room), 0)
    return tuple(seconds)


def _as_planned(routine: Routine, steps: tuple[int, ...]) -> tuple[Step, ...]:
    """The routine's steps with each mat step as long as the plan made it."""
    return tuple(
        replace(step, seconds=s) if step.kind == "mat" else step
        for step, s in zip(routine.steps, steps, strict=True)
    )
