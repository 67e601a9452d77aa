"""Any routine of the library as the person's answers and today's limits allow it.

The plan fits its own sessions; a routine started from the library, a shared link or the
player is adapted here by the same rules, so every path plays the same safe version: mat
steps left out or shortened to today's limit, a layer added, stretches and breathing left
out or kept brief as the screening says, and every change with its reason in plain words.
"""

from __future__ import annotations

from dataclasses import dataclass

from acuplan.catalog import Routine, Step
from acuplan.vocabulary import LAYER_WORDS

from .fitting import BRIEF, asks_of, fit_mat, mat_layers, mat_minimum, step_lengths
from .safety import Safety


@dataclass(frozen=True)
class Allowance:
    """What today allows on the mat: seconds in all and standing, whether bare skin is out,
    and why there is no mat at all today (None when there may be)."""

    mat: int
    standing: int
    covered: bool
    no_mat: str | None = None


@dataclass(frozen=True)
class AdaptedStep:
    """One step of a routine as this person plays it today."""

    seconds: int
    layer: str | None
    note: str | None  # what changed and why; None when the step is as written


@dataclass(frozen=True)
class Adaptation:
    """A routine adapted to a person's allowance and answers, and what changed."""

    routine: str
    steps: tuple[AdaptedStep, ...]
    notices: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """Whether any step differs from the routine as written."""
        return any(step.note for step in self.steps)


def adapt_routine(routine: Routine, allowance: Allowance, safety: Safety) -> Adaptation:
    """The routine's steps as this person may do them today, with a notice per change."""
    steps = routine.steps
    if allowance.no_mat:
        mat = [0] * len(steps)
    else:
        mat = fit_mat(steps, allowance.mat, allowance.standing)
    seconds = [
        mat[i] if step.kind == "mat" else _other(step, safety) for i, step in enumerate(steps)
    ]
    layers = mat_layers(routine, tuple(seconds), allowance.covered)
    adapted = []
    for step, kept, layer in zip(steps, seconds, layers, strict=True):
        note = _mat_note(step, kept, allowance) if step.kind == "mat" else _note(step, kept, safety)
        if step.kind == "mat" and kept and layer != step.layer:
            wear = LAYER_WORDS.get(layer or "", layer)
            note = " ".join(filter(None, (note, f"With {wear}, for your skin's sake.")))
        adapted.append(AdaptedStep(kept, layer, note))
    return Adaptation(routine.slug, tuple(adapted), _notices(steps, adapted))


def _other(step: Step, safety: Safety) -> int:
    """A breathing, stretch or meditation step's seconds under the screening's rules."""
    longest = safety.rules.longest(step)
    if longest >= step.seconds:
        return step.seconds
    return next((s for s in step_lengths(step) if s <= min(longest, BRIEF)), 0)


def _mat_note(step: Step, kept: int, allowance: Allowance) -> str | None:
    if kept == step.seconds:
        return None
    if allowance.no_mat:
        return f"Left out: {allowance.no_mat}"
    if not kept and mat_minimum(step) > allowance.mat:
        return (
            f"Left out: done whole it needs {_length(mat_minimum(step))} on the mat, more than "
            "today allows. A shorter routine suits today better."
        )
    if not kept:
        return "Left out: it would be too short to be useful within today's time on the mat."
    if step.position == "standing":
        return f"Shortened to {_length(kept)}, your time standing on the mat for now."
    return f"Shortened to {_length(kept)}, to keep within today's time on the mat."


def _note(step: Step, kept: int, safety: Safety) -> str | None:
    if kept == step.seconds:
        return None
    reasons = dict(safety.reasons)
    if step.kind == "stretch" and not safety.rules.stretches:
        return f"Left out: {safety.stretch_reason}"
    asked = sorted(asks_of(step) & (safety.rules.excluded | safety.rules.brief))
    why = "; ".join(reasons[ask] for ask in asked if ask in reasons) or "your health answers."
    return f"Shortened to {_length(kept)}: {why}" if kept else f"Left out: {why}"


def _notices(steps: tuple[Step, ...], adapted: list[AdaptedStep]) -> tuple[str, ...]:
    """One line per distinct change, naming the steps it applies to."""
    titles: dict[str, list[str]] = {}
    for step, change in zip(steps, adapted, strict=True):
        if change.note:
            titles.setdefault(change.note, [])
            if step.title not in titles[change.note]:
                titles[change.note].append(step.title)
    return tuple(
        f"{', '.join(names)} — {note[0].lower()}{note[1:]}" for note, names in titles.items()
    )


def _length(seconds: int) -> str:
    if seconds < 60 or seconds % 60:
        minutes, rest = divmod(seconds, 60)
        return f"{minutes} min {rest} s" if minutes else f"{rest} s"
    return f"{seconds // 60} min"
