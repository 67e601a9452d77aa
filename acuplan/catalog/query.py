"""Filtering the library and turning routines into JSON-ready dicts."""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabulary import GOALS, LEVELS, POSITIONS
from .model import BreathingPattern, Library, Meditation, Routine, Step, Stretch

DURATIONS: dict[str, tuple[str, int, int]] = {
    "short": ("Up to 10 min", 0, 10 * 60),
    "medium": ("10 to 20 min", 10 * 60 + 1, 20 * 60),
    "long": ("Over 20 min", 20 * 60 + 1, 24 * 3600),
}
FILTERS = {"goal": GOALS, "duration": DURATIONS, "position": POSITIONS, "level": LEVELS}


@dataclass(frozen=True)
class Filters:
    """The routine list's filters, read from the query string."""

    goal: str | None = None
    duration: str | None = None
    position: str | None = None
    level: str | None = None

    @classmethod
    def parse(cls, args) -> tuple[Filters, list[str]]:
        """Filters from query arguments; unknown values are dropped and reported."""
        values, errors = {}, []
        for name, choices in FILTERS.items():
            value = (args.get(name) or "").strip()
            if not value:
                continue
            if value in choices:
                values[name] = value
            else:
                errors.append(
                    f"{name}: unknown value {value!r}; choose one of {', '.join(choices)}"
                )
        return cls(**values), errors

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any((self.goal, self.duration, self.position, self.level))

    def matches(self, routine: Routine) -> bool:
        """Whether a routine passes every filter that is set."""
        if self.goal and self.goal not in routine.goals:
            return False
        if self.position and self.position not in routine.positions:
            return False
        if self.level and routine.level != self.level:
            return False
        if self.duration:
            _, low, high = DURATIONS[self.duration]
            return low <= routine.seconds <= high
        return True


def filter_routines(library: Library, filters: Filters) -> list[Routine]:
    """Matching routines, shortest first, then by title."""
    found = (r for r in library.routines.values() if filters.matches(r))
    return sorted(found, key=lambda r: (r.seconds, r.title))


def library_counts(library: Library) -> dict[str, dict[str, int]]:
    """How many routines serve each goal, level and position (a routine counts once in each)."""
    routines = library.routines.values()
    no_mat = "no mat"
    return {
        "goal": {g: sum(g in r.goals for r in routines) for g in GOALS},
        "level": {v: sum(r.level == v for r in routines) for v in LEVELS},
        "position": {
            **{p: sum(p in r.positions for r in routines) for p in POSITIONS},
            no_mat: sum(not r.positions for r in routines),
        },
    }


def routine_json(routine: Routine) -> dict:
    """A routine as the API and the device read it."""
    return {
        "slug": routine.slug,
        "title": routine.title,
        "summary": routine.summary,
        "goals": list(routine.goals),
        "level": routine.level,
        "safety": list(routine.safety),
        "seconds": routine.seconds,
        "mat_seconds": routine.mat_seconds,
        "positions": list(routine.positions),
        "steps": [step_json(step) for step in routine.steps],
    }


def step_json(step: Step) -> dict:
    """One step as the API and the device read it."""
    data: dict = {
        "kind": step.kind,
        "title": step.title,
        "seconds": step.seconds,
        "instruction": step.instruction,
        "asks": sorted(step.asks),
    }
    if step.kind == "mat":
        data.update(position=step.position, layer=step.layer)
        if step.lower:
            data["lower"] = step.lower
        if step.later:
            data["later"] = [{"at": p.at, "text": p.text} for p in step.later]
        if step.get_up:
            data["get_up"] = step.get_up
    if step.breathing:
        data["breathing"] = pattern_json(step.breathing)
        if step.cycles:
            data["cycles"] = step.cycles
        if step.breathing.caveat:
            # Said with every step that uses the pattern, carried ones included.
            data["caveat"] = step.breathing.caveat
    if step.stretch:
        data["stretch"] = stretch_json(step.stretch)
        data.update(hold=step.hold, reps=step.reps, switch_pause=step.switch_pause)
    if step.meditation:
        data["meditation"] = meditation_json(step.meditation)
        if step.bell_every:
            data["bell_every"] = step.bell_every
    return data


def pattern_json(pattern: BreathingPattern) -> dict:
    """A breathing pattern as a step carries it for the player."""
    return {
        "id": pattern.id,
        "name": pattern.name,
        "label": pattern.label,
        "cycle_seconds": pattern.cycle_seconds,
        "phases": [{"name": p.name, "seconds": p.seconds} for p in pattern.phases],
    } | ({"exhale_to": pattern.exhale_to} if pattern.exhale_to else {})


def stretch_json(stretch: Stretch) -> dict:
    """A stretch as a step carries it for the player."""
    return {"id": stretch.id, "name": stretch.name, "sided": stretch.sided}


def meditation_json(meditation: Meditation) -> dict:
    """A meditation script as a step carries it for the player."""
    return {
        "id": meditation.id,
        "name": meditation.name,
        "kind": meditation.kind,
        "prompts": [{"at": p.at, "text": p.text} for p in meditation.prompts],
    }
