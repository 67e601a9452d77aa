"""A person's own routine (a `custom-routine` record): the library's format, rules and an id."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..fields import SLUG, CatalogError, Fields, Problem
from .load import read_routine
from .model import Library, Routine
from .query import meditation_json, pattern_json, stretch_json

ID_LENGTH = 60
CUSTOM_MAX = 100  # a person's own routines the planner considers


def check_custom_routine(f: Fields, library: Library) -> Routine | None:
    """Read a custom routine's data (`id` plus a routine's fields); problems name step and field."""
    routine_id = f.text("id", max_length=ID_LENGTH)
    if routine_id is not None and not SLUG.match(routine_id):
        f.error("id", "must be lowercase words joined by hyphens")
        routine_id = None
    elif routine_id in library.routines:
        f.error("id", f"{routine_id!r} is a routine of the library; choose another id")
        routine_id = None
    routine = read_routine(f, routine_id or "", library)
    return replace(routine, own=True) if routine and routine_id else None


def custom_routine_problems(data: Any, library: Library) -> list[Problem]:
    """Every problem of one custom routine's data, each naming its field (`steps[2].minutes`)."""
    problems: list[Problem] = []
    check_custom_routine(Fields(data, "", "", problems), library)
    return problems


def with_custom(library: Library, routines: Any, path: str = "custom") -> Library:
    """The library with a person's own routines beside its own, for the planner.

    Raises CatalogError naming `custom[i].steps[j].field` for a routine that breaks the rules.
    """
    if not isinstance(routines, list) or len(routines) > CUSTOM_MAX:
        raise CatalogError([Problem("", path, f"must be a list of at most {CUSTOM_MAX} routines")])
    problems: list[Problem] = []
    own = {}
    for index, data in enumerate(routines):
        routine = check_custom_routine(Fields(data, "", f"{path}[{index}]", problems), library)
        if routine is not None:
            own[routine.slug] = routine
    if problems:
        raise CatalogError(problems)
    return replace(library, routines={**library.routines, **own})


def library_rules(library: Library) -> dict[str, Any]:
    """What a custom routine may refer to: each item as steps carry it, plus what the rules need.

    The device checks a routine against these and builds the player's steps from them.
    """
    return {
        "routines": sorted(library.routines),
        "patterns": [
            {
                **pattern_json(p),
                "instruction": p.instruction,
                "caveat": p.caveat,
                "asks": sorted(p.asks),
                "level": p.level,
                "max_cycles": dict(p.max_cycles),
            }
            for p in library.patterns.values()
        ],
        "stretches": [
            {**stretch_json(s), "instruction": s.instruction, "hold": s.hold}
            | {"asks": sorted(s.asks)}
            for s in library.stretches.values()
        ],
        "meditations": [
            {**meditation_json(m), "summary": m.summary, "last_prompt_at": m.prompts[-1].at}
            for m in library.meditations.values()
        ],
    }
