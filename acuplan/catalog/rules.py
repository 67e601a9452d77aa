"""The limits of DOMAIN.md a routine must keep beyond each field: totals, levels, caveats."""

from __future__ import annotations

from ..fields import Fields
from ..vocabulary import (
    BEGINNER_ROUTINE_MAT_MAX,
    FEET_POSITIONS,
    LEVELS,
    LYING_POSITIONS,
    ROUTINE_MAT_MAX,
    ROUTINE_SECONDS,
    STANDING_MAX,
)
from .model import BreathingPattern, Step
from .own_pattern import OWN_PATTERN_ID
from .shared import says_caveat

ROUTINE_MIN, ROUTINE_MAX = ROUTINE_SECONDS
LEVEL_ORDER = tuple(LEVELS)


def check_layer(f: Fields, position: str | None, layer: str | None) -> None:
    """Socks are for feet on the mat: never on a lying or sitting position."""
    if layer == "socks" and position and position not in FEET_POSITIONS:
        where = "lying" if position in LYING_POSITIONS else "sitting"
        f.error(
            "layer",
            f"socks are for feet on the mat; a {where} position ({position!r}) "
            "goes bare or with a shirt or towel",
        )


def check_pattern_use(
    f: Fields,
    pattern: BreathingPattern,
    cycles: int,
    level: str | None,
    instruction: str | None,
    field: str,
) -> None:
    """A pattern fits the routine's level and cycle limit, and the step says its caveat."""
    called = "your own pattern" if pattern.id == OWN_PATTERN_ID else repr(pattern.id)
    if level in LEVEL_ORDER and LEVEL_ORDER.index(pattern.level) > LEVEL_ORDER.index(level):
        f.error(field, f"{called} is for {pattern.level} routines and up; this one is {level}")
    limit = pattern.cycle_limit(level) if level else None
    if limit is not None and cycles > limit:
        f.error(
            "cycles" if field == "pattern" and f.has("cycles") else field,
            f"{cycles} cycles of {called}; {_a(level)} routine asks for at most {limit}",
        )
    if pattern.caveat and instruction and not says_caveat(instruction, pattern.caveat):
        f.error(
            "instruction",
            f"drops the safety caveat of {called}; say it: {pattern.caveat!r}",
        )


def check_routine(f: Fields, level: str | None, steps: list[Step], complete: bool) -> None:
    """Limits over the whole routine, from the steps that parsed (all of them if `complete`)."""
    mat = sum(s.seconds for s in steps if s.kind == "mat")
    if mat > ROUTINE_MAT_MAX:
        f.error(
            "steps",
            f"mat steps add up to {mat / 60:g} min; "
            f"at most {ROUTINE_MAT_MAX // 60} min on the mat per routine",
        )
    elif level == "beginner" and mat > BEGINNER_ROUTINE_MAT_MAX:
        f.error(
            "steps",
            f"mat steps add up to {mat / 60:g} min; a beginner routine has at most "
            f"{BEGINNER_ROUTINE_MAT_MAX // 60} min on the mat in all (first sessions are short)",
        )
    standing = [s.seconds for s in steps if s.position == "standing"]
    if level in STANDING_MAX and len(standing) > 1 and sum(standing) > STANDING_MAX[level]:
        f.error(
            "steps",
            f"standing steps add up to {sum(standing) / 60:g} min; {_a(level)} routine stands "
            f"at most {STANDING_MAX[level] // 60} min (standing starts short and grows slowly)",
        )
    total = sum(s.seconds for s in steps)
    if total > ROUTINE_MAX or (complete and total < ROUTINE_MIN):
        f.error(
            "steps",
            f"the routine lasts {total / 60:g} min; it must last "
            f"between {ROUTINE_MIN // 60} and {ROUTINE_MAX // 60} min",
        )


def _a(level: str) -> str:
    """The level with its article: "a beginner", "an intermediate"."""
    return f"an {level}" if level[0] in "aeiou" else f"a {level}"
