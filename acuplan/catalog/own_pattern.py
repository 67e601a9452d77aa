"""A person's own breathing pattern, written into a breathing step of their routine.

Four phase lengths and, if they like, an out-breath that lengthens round by round. What the
library's files declare for their patterns (asks, level, cycle limits, caveat, the words
said) follows here from the numbers, so an own pattern keeps the same safety answers:
static/js/routines/own-pattern.js derives the same on the device.
"""

from __future__ import annotations

from dataclasses import replace

from ..fields import Fields
from ..vocabulary import BREATH_HOLD, BREATH_HOLD_SECONDS, BREATH_PHASE, OWN_PATTERN
from .model import BreathingPattern

OWN_PATTERN_ID = "own"


def read_own_pattern(f: Fields) -> BreathingPattern | None:
    """The pattern table `f` reads (`inhale`, `hold_in`, `exhale`, `hold_out`, `exhale_to`,
    `name`); problems name their field (`steps[0].pattern.exhale_to`)."""
    name = f.text("name", required=False, max_length=OWN_PATTERN["name_length_max"])
    inhale = f.number("inhale", within=BREATH_PHASE)
    hold_in = f.number("hold_in", required=False, default=0, within=BREATH_HOLD)
    exhale = f.number("exhale", within=BREATH_PHASE)
    hold_out = f.number("hold_out", required=False, default=0, within=BREATH_HOLD)
    exhale_to = f.number("exhale_to", required=False, within=BREATH_PHASE)
    f.finish()
    if exhale_to is not None and exhale is not None and exhale_to <= exhale:
        f.error("exhale_to", f"must be longer than the out-breath it grows from ({exhale:g} s)")
        return None
    if None in (inhale, hold_in, exhale, hold_out) or (f.has("exhale_to") and exhale_to is None):
        return None
    pattern = BreathingPattern(
        id=OWN_PATTERN_ID,
        name=name or OWN_PATTERN["name"],
        summary="",
        instruction="",
        inhale=inhale,
        hold_in=hold_in,
        exhale=exhale,
        hold_out=hold_out,
        top_up=0,
        exhale_to=exhale_to,
    )
    asks = own_asks(pattern)
    caveat = " ".join(OWN_PATTERN["caveats"][a] for a in sorted(asks)) or None
    return replace(
        pattern,
        asks=frozenset(asks),
        level=own_level(pattern),
        max_cycles=own_cycle_limits(pattern, asks),
        caveat=caveat,
        instruction=" ".join((*own_words(pattern), *([caveat] if caveat else []))),
    )


def own_asks(p: BreathingPattern) -> set[str]:
    """What the pattern asks of the body, from its numbers."""
    asks = set()
    if max(p.hold_in, p.hold_out) >= BREATH_HOLD_SECONDS:
        asks.add("breath-hold")
    if p.exhale < OWN_PATTERN["fast_exhale_below"] or (
        p.cycle_seconds < OWN_PATTERN["fast_breath_below"]
    ):
        asks.add("fast-breathing")
    return asks


def own_level(p: BreathingPattern) -> str:
    """The least experienced routine level that may use it: long holds are for the practised."""
    level = "beginner"
    for longer_than, at_least in OWN_PATTERN["hold_levels"]:
        if max(p.hold_in, p.hold_out) > longer_than:
            level = at_least
    return level


def own_cycle_limits(p: BreathingPattern, asks: set[str]) -> tuple[tuple[str, int], ...]:
    """A beginner routine's cap on rounds, as the library caps 4-7-8 and the energising breath."""
    caps = OWN_PATTERN["beginner_cycles_max"]
    limits = []
    if max(p.hold_in, p.hold_out) >= OWN_PATTERN["long_hold_from"]:
        limits.append(caps["long-hold"])
    if "fast-breathing" in asks:
        limits.append(caps["fast-breathing"])
    return (("beginner", min(limits)),) if limits else ()


def own_words(p: BreathingPattern) -> list[str]:
    """What the player says of the pattern, phase by phase."""
    exhale = f"Breathe out slowly for {p.exhale:g}"
    if p.exhale_to:
        exhale += f", a little longer each round, up to {p.exhale_to:g}"
    words = [f"Breathe in for {p.inhale:g}."]
    if p.hold_in:
        words.append(f"Hold gently for {p.hold_in:g}.")
    words.append(f"{exhale}.")
    if p.hold_out:
        words.append(f"Rest with empty lungs for {p.hold_out:g}.")
    return words
