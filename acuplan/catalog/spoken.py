"""A mat step's instruction in spoken parts: each short, the later ones at their own time."""

from __future__ import annotations

from ..fields import Fields
from ..vocabulary import LATER_MARGIN, SPOKEN_PART_WORDS
from .model import Prompt


def spoken_part(f: Fields, name: str, *, required: bool = True) -> str | None:
    """A part of a mat step's instruction: text short enough to be said in one go."""
    text = f.text(name, required=required) or None
    if text and len(text.split()) > SPOKEN_PART_WORDS:
        f.error(
            name,
            f"has {len(text.split())} words; keep each spoken part to {SPOKEN_PART_WORDS} "
            "(move the rest to `lower` or `later`)",
        )
        return None
    return text


def later_parts(f: Fields, seconds: int | None) -> tuple[Prompt, ...]:
    """`later = [{at, text}, ...]`: parts said at their own time, in order, within the step."""
    parts: list[Prompt] = []
    if not f.has("later"):
        return ()
    for p in f.table_list("later"):
        at = p.number("at", minimum=LATER_MARGIN, maximum=3600, integer=True)
        text = spoken_part(p, "text")
        p.finish()
        if at is None or text is None:
            continue
        if parts and at <= parts[-1].at:
            p.error("at", f"must come after the previous part ({parts[-1].at} s)")
        elif seconds is not None and at > seconds - LATER_MARGIN:
            p.error("at", f"must be at least {LATER_MARGIN} s before the step ends ({seconds} s)")
        parts.append(Prompt(at=int(at), text=text))
    return tuple(parts)
