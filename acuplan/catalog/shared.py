"""The shared definitions routines refer to: breathing patterns, stretches, meditations."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..fields import SLUG, Fields, Problem
from ..vocabulary import (
    ASKS,
    BREATH_HOLD,
    BREATH_HOLD_SECONDS,
    BREATH_PHASE,
    BREATH_TOP_UP,
    BREATHING_CYCLES,
    LEVELS,
    MEDITATION_KINDS,
    STRETCH_HOLD,
)
from .model import BreathingPattern, Meditation, Prompt, Stretch

# Asking something of the body is what makes a pattern need a safety sentence.
ASKS_NEEDING_A_CAVEAT = frozenset({"breath-hold", "fast-breathing"})


def read_toml(path: Path, root: Path, problems: list[Problem]) -> dict | None:
    """The file's table, or None with the reason added to `problems`."""
    name = display(path, root)
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        problems.append(Problem(name, "", "file is missing"))
    except tomllib.TOMLDecodeError as error:
        problems.append(Problem(name, "", f"invalid TOML: {error}"))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(name, "", f"cannot be read: {error}"))
    return None


def display(path: Path, root: Path) -> str:
    """The path as problems name it: from the library's own folder, e.g. routines/x.toml."""
    return str(Path(root.name) / path.relative_to(root))


def load_shared(path: Path, root: Path, problems: list[Problem], parse) -> dict:
    """Every table of a shared file parsed by `parse(key, fields)`, keyed by its id."""
    data = read_toml(path, root, problems)
    items = {}
    for key, value in (data or {}).items():
        fields = Fields(value, display(path, root), key, problems)
        if not SLUG.match(key):
            fields.error("", "id must be lowercase words joined by hyphens")
        item = parse(key, fields)
        fields.finish()
        if item is not None:
            items[key] = item
    return items


def parse_pattern(key: str, f: Fields) -> BreathingPattern | None:
    """A breathing pattern; its asks, level, cycle limits and caveat checked together."""
    values = dict(
        name=f.text("name"),
        summary=f.text("summary"),
        instruction=f.text("instruction"),
        inhale=f.number("inhale", within=BREATH_PHASE),
        exhale=f.number("exhale", within=BREATH_PHASE),
        hold_in=f.number("hold_in", required=False, default=0, within=BREATH_HOLD),
        hold_out=f.number("hold_out", required=False, default=0, within=BREATH_HOLD),
        top_up=f.number("top_up", required=False, default=0, within=BREATH_TOP_UP),
        asks=_asks(f),
        level=f.choice("level", LEVELS),
        max_cycles=_max_cycles(f),
    )
    caveat = f.text("caveat", required=False) or None
    asks, instruction = values["asks"], values["instruction"]
    holds = [h for h in (values["hold_in"], values["hold_out"]) if h is not None]
    if asks is not None:
        if holds and max(holds) >= BREATH_HOLD_SECONDS and "breath-hold" not in asks:
            f.error("asks", f"must include 'breath-hold': the pattern holds for {max(holds):g} s")
        needing = sorted(asks & ASKS_NEEDING_A_CAVEAT)
        if needing and not caveat:
            f.error("caveat", f"is required: the pattern asks {', '.join(needing)}")
    if caveat and instruction and not says_caveat(instruction, caveat):
        f.error("instruction", f"must say the pattern's caveat: {caveat!r}")
    if None in values.values():
        return None
    return BreathingPattern(id=key, caveat=caveat, **values)


def says_caveat(instruction: str, caveat: str) -> bool:
    """Whether an instruction says the caveat, word for word (spacing and case aside)."""
    return " ".join(caveat.lower().split()) in " ".join(instruction.lower().split())


def _asks(f: Fields) -> frozenset[str] | None:
    """What a stretch or pattern asks of the body: required, possibly empty, from ASKS."""
    asks = f.texts("asks", choices=ASKS)
    return None if asks is None else frozenset(asks)


def _max_cycles(f: Fields) -> tuple[tuple[str, int], ...] | None:
    """`max_cycles = { beginner = 4, ... }`: optional, keyed by level."""
    f.read.add("max_cycles")
    if not f.has("max_cycles"):
        return ()
    before = len(f.problems)
    table = f.child("max_cycles", f.data["max_cycles"])
    limits = {
        level: table.number(level, required=False, within=BREATHING_CYCLES, integer=True)
        for level in LEVELS
    }
    table.finish()
    if len(f.problems) > before:
        return None
    return tuple((level, int(n)) for level, n in limits.items() if n is not None)


def parse_stretch(key: str, f: Fields) -> Stretch | None:
    """A stretch with its default hold, sides, areas and what it asks of the body."""
    values = dict(
        name=f.text("name"),
        instruction=f.text("instruction"),
        hold=f.number("hold", within=STRETCH_HOLD, integer=True),
        sided=f.flag("sided"),
        areas=f.texts("areas", required=False),
        asks=_asks(f),
    )
    return None if None in values.values() else Stretch(id=key, **values)


def parse_meditation(key: str, f: Fields) -> Meditation | None:
    """A meditation script: its kind and prompts in time order."""
    values = dict(
        name=f.text("name"),
        summary=f.text("summary"),
        kind=f.choice("kind", MEDITATION_KINDS),
    )
    prompts = []
    for p in f.table_list("prompts"):
        at = p.number("at", maximum=3600, integer=True)
        text = p.text("text")
        p.finish()
        if at is not None and text is not None:
            if prompts and at <= prompts[-1].at:
                p.error("at", f"must come after the previous prompt ({prompts[-1].at} s)")
            prompts.append(Prompt(at=int(at), text=text))
    if None in values.values() or not prompts:
        return None
    return Meditation(id=key, prompts=tuple(prompts), **values)
