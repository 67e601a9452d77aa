"""Fitting one routine to the minutes a person has and the mat time they are ready for.

A fitted routine is given as `step_seconds`: one number per step of the routine, 0 for a
step left out. Mat steps are scaled down (never up) to the mat limit; the other steps are
shortened in whole units (breathing cycles, stretch repetitions, half minutes of
meditation) or left out, the least important first, until the whole fits. No step is ever
made shorter than is useful (MAT_STEP_MIN, a whole breathing round, a whole stretch hold, a
meditation's whole script): such a step is left out instead, and the planner then prefers
another routine that fits whole.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from acuplan.catalog import Routine, Step
from acuplan.vocabulary import (
    FEET_POSITIONS,
    MAT_GRAIN,
    MAT_STEP_MAX,
    MAT_STEP_MIN,
    MAT_STEP_MIN_OTHER,
)

MIN_BREATHS = 3
BODY_GOALS = {"lower-back", "neck-shoulders", "headache", "tired-feet", "recovery", "menstrual"}
MIND_GOALS = {"stress", "sleep", "meditation"}
BRIEF = 60  # seconds a step whose ask the screening keeps brief may last


@dataclass(frozen=True)
class StepRules:
    """What the screening allows beyond the mat: stretches at all, what a step may ask of
    the body (`excluded` asks leave a step out, `brief` asks keep it to BRIEF seconds)."""

    stretches: bool = True
    excluded: frozenset[str] = frozenset()
    brief: frozenset[str] = frozenset()

    def allows(self, step: Step) -> bool:
        """Whether the step may be kept at all."""
        if step.kind == "stretch" and not self.stretches:
            return False
        return not (asks_of(step) & self.excluded)

    def longest(self, step: Step) -> int:
        """The most seconds the step may last."""
        if not self.allows(step):
            return 0
        return BRIEF if asks_of(step) & self.brief else step.seconds


EVERYTHING = StepRules()


def asks_of(step: Step) -> frozenset[str]:
    """What a step asks of the body (the library's tags, and long lying on the mat)."""
    return step.asks


def mat_minimum(step: Step) -> int:
    """The shortest a mat step may usefully last; one carrying a script lasts the script."""
    least = MAT_STEP_MIN.get(step.position or "", MAT_STEP_MIN_OTHER)
    if step.meditation and step.meditation.prompts:
        least = max(least, (step.meditation.prompts[-1].at // MAT_GRAIN + 1) * MAT_GRAIN)
    if step.breathing:
        least = max(least, math.ceil(step.breathing.cycle_seconds))
    return min(least, step.seconds)


def fit_routine(
    routine: Routine,
    budget: int,
    mat_cap: int,
    standing_cap: int,
    rules: StepRules | bool = EVERYTHING,
) -> tuple[int, ...]:
    """Seconds per step so the routine lasts at most `budget` with at most `mat_cap` on the mat."""
    if isinstance(rules, bool):
        rules = StepRules(stretches=rules)
    steps = routine.steps
    options = {i: _options(step, rules) for i, step in enumerate(steps) if step.kind != "mat"}
    others = sum(choices[0] for choices in options.values())
    seconds = fit_mat(steps, mat_cap, standing_cap)
    if sum(seconds) + others > budget:
        # when the routine must shrink, the mat keeps its share of it and no more
        share = math.floor(budget * routine.mat_seconds / routine.seconds)
        seconds = fit_mat(steps, min(mat_cap, max(share, budget - others)), standing_cap)
    for i, choices in options.items():
        seconds[i] = choices[0]
    # least important first; among equals the later step goes first
    order = sorted(options, key=lambda i: (_importance(routine, steps[i]), -i))
    for i in order:  # shorten, only as much as needed
        excess = sum(seconds) - budget
        if excess <= 0:
            break
        kept = [c for c in options[i] if c] or [0]
        seconds[i] = next((c for c in kept if c <= seconds[i] - excess), kept[-1])
    for i in order:  # then leave out
        if sum(seconds) <= budget:
            break
        seconds[i] = 0
    for i in reversed(order):  # give back what now fits, the most important first
        room = budget - sum(seconds) + seconds[i]
        seconds[i] = next((c for c in options[i] if c <= room), 0)
    return tuple(seconds)


def mat_layers(
    routine: Routine, step_seconds: tuple[int, ...], covered: bool
) -> tuple[str | None, ...]:
    """The layer of each mat step kept (None for other steps). When `covered`, nothing is
    bare: a shirt for the body, socks for the feet, and socks whenever standing."""
    layers: list[str | None] = []
    for step, seconds in zip(routine.steps, step_seconds, strict=True):
        layer = step.layer if step.kind == "mat" and seconds else None
        if layer == "bare" and covered:
            layer = "socks" if step.position in FEET_POSITIONS else "shirt"
        if layer and step.position == "standing" and covered:
            layer = "socks"
        layers.append(layer)
    return tuple(layers)


def mat_seconds(routine: Routine, step_seconds: tuple[int, ...]) -> int:
    """Seconds on the mat, in any position."""
    return sum(s for step, s in zip(routine.steps, step_seconds, strict=True) if step.kind == "mat")


def position_seconds(
    routine: Routine, step_seconds: tuple[int, ...] | None, positions: tuple[str, ...]
) -> int:
    """Seconds on the mat in `positions` (the routine as written when `step_seconds` is None)."""
    seconds = step_seconds or tuple(step.seconds for step in routine.steps)
    return sum(
        s
        for step, s in zip(routine.steps, seconds, strict=True)
        if step.kind == "mat" and step.position in positions
    )


def fit_mat(steps: tuple[Step, ...], cap: int, standing_cap: int) -> list[int]:
    """Mat steps capped (standing by `standing_cap`), then scaled down together to `cap`;
    a step that would fall below its useful minimum is left out and the rest scaled again."""
    wanted = [
        min(s.seconds, MAT_STEP_MAX, standing_cap if s.position == "standing" else s.seconds)
        if s.kind == "mat"
        else 0
        for s in steps
    ]
    least = [mat_minimum(s) if w else 0 for s, w in zip(steps, wanted, strict=True)]
    wanted = [w if w >= low else 0 for w, low in zip(wanted, least, strict=True)]
    while True:
        total = sum(wanted)
        if total <= cap:
            return wanted
        scaled = [math.floor(w * cap / total / MAT_GRAIN) * MAT_GRAIN for w in wanted]
        short = [i for i, w in enumerate(wanted) if w and scaled[i] < least[i]]
        if not short:
            return scaled
        # leave out the shortest step that no longer fits whole (the later among equals)
        wanted[min(short, key=lambda i: (wanted[i], -i))] = 0


def _options(step: Step, rules: StepRules) -> list[int]:
    """The lengths a non-mat step may take, longest first, 0 (left out) last."""
    longest = rules.longest(step)
    return [c for c in step_lengths(step) if c <= longest] or [0]


@cache
def step_lengths(step: Step) -> tuple[int, ...]:
    """Every useful length of a non-mat step, longest first, then 0."""
    return tuple(_lengths(step))


def _lengths(step: Step) -> list[int]:
    if step.kind == "breathing" and step.breathing and step.cycles:
        low = min(step.cycles, MIN_BREATHS)
        pattern = step.breathing
        return [round(pattern.seconds_for(c)) for c in range(step.cycles, low - 1, -1)] + [0]
    if step.kind == "stretch" and step.stretch and step.hold:
        sides = 2 if step.stretch.sided else 1
        pause = step.switch_pause or 0
        holds = [r * sides for r in range(step.reps or 1, 0, -1)]
        return [h * step.hold + (h - 1) * pause for h in holds] + [0]
    if step.kind == "meditation" and step.meditation:
        last = step.meditation.prompts[-1].at
        low = min(step.seconds, (last // MAT_GRAIN + 1) * MAT_GRAIN)
        shorter = range(step.seconds - step.seconds % MAT_GRAIN, low - 1, -MAT_GRAIN)
        return [*sorted({step.seconds, *shorter}, reverse=True), 0]
    return [step.seconds, 0]


def _importance(routine: Routine, step: Step) -> int:
    """Breathing settles the first prickly minutes; stretches and meditation matter more when
    they serve the routine's goals."""
    goals = set(routine.goals)
    if step.kind == "breathing":
        return 3
    if step.kind == "stretch":
        return 3 if goals & BODY_GOALS else 2
    return 3 if goals & MIND_GOALS else 2
