"""Load routines/ into a validated Library, or raise CatalogError naming every problem."""

from __future__ import annotations

from pathlib import Path

from ..fields import SLUG, CatalogError, Fields, Problem
from ..vocabulary import (
    BEGINNER_MAT_STEP_MAX,
    BELL_EVERY,
    BREATHING_CYCLES,
    FEET_POSITIONS,
    FOOT_LAYERS,
    GOALS,
    LAYERS,
    LEVELS,
    MAT_STEP_MAX,
    POSITIONS,
    STANDING_MAX,
    STEP_KINDS,
    STEP_SECONDS,
    STRETCH_HOLD,
    STRETCH_REPS,
    SWITCH_PAUSE,
    SWITCH_PAUSE_DEFAULT,
)
from .model import Library, Meditation, Routine, Step
from .own_pattern import read_own_pattern
from .rules import check_layer, check_pattern_use, check_routine
from .shared import display, load_shared, parse_meditation, parse_pattern, parse_stretch, read_toml
from .spoken import later_parts, spoken_part


def load_library(root: str | Path) -> Library:
    """Read and validate the whole library under `root`."""
    root = Path(root)
    problems: list[Problem] = []
    shared = root / "shared"
    patterns = load_shared(shared / "breathing.toml", root, problems, parse_pattern)
    stretches = load_shared(shared / "stretches.toml", root, problems, parse_stretch)
    meditations = load_shared(shared / "meditations.toml", root, problems, parse_meditation)
    library = Library(patterns=patterns, stretches=stretches, meditations=meditations)
    for path in sorted(root.glob("*.toml")):
        routine = _routine(path, root, library, problems)
        if routine:
            library.routines[routine.slug] = routine
    if not library.routines and not problems:
        problems.append(Problem(str(root), "", "no routines found"))
    if problems:
        raise CatalogError(problems)
    return library


def _routine(path: Path, root: Path, library: Library, problems: list[Problem]) -> Routine | None:
    data = read_toml(path, root, problems)
    if data is None:
        return None
    f = Fields(data, display(path, root), "", problems)
    if not SLUG.match(path.stem):
        f.error("", "file name must be lowercase words joined by hyphens")
    return read_routine(f, path.stem, library)


def read_routine(f: Fields, slug: str, library: Library) -> Routine | None:
    """One routine from the table `f` reads, by the library's rules; problems go to f's list.

    The library's files and a person's own routines (pushed `custom-routine` records) both
    come through here, so they obey the same limits.
    """
    before = len(f.problems)
    values = dict(
        title=f.text("title", max_length=80),
        summary=f.text("summary", max_length=300),
        goals=f.texts("goals", choices=GOALS),
        level=f.choice("level", LEVELS),
        safety=f.texts("safety", required=False),
    )
    steps = [_step(s, values["level"], library) for s in f.table_list("steps")]
    f.finish()
    parsed = [s for s in steps if s is not None]
    # Routine-wide limits are checked even when some steps failed, so one run shows all.
    check_routine(f, values["level"], parsed, complete=len(parsed) == len(steps))
    if len(f.problems) > before or None in values.values():
        return None
    return Routine(slug=slug, steps=tuple(parsed), **values)


def _duration(f: Fields, maximum: float = STEP_SECONDS.high) -> int | None:
    """Seconds from exactly one of `minutes` or `seconds`."""
    if f.has("minutes") == f.has("seconds"):
        f.error("minutes", "give exactly one of minutes or seconds")
        f.read.update(("minutes", "seconds"))
        return None
    if f.has("minutes"):
        minutes = f.number("minutes", minimum=0.25, maximum=maximum / 60)
        return None if minutes is None else round(minutes * 60)
    seconds = f.number("seconds", minimum=STEP_SECONDS.low, maximum=maximum, integer=True)
    return None if seconds is None else int(seconds)


def _step(f: Fields, level: str | None, library: Library) -> Step | None:
    kind = f.choice("kind", STEP_KINDS)
    parse = {
        "mat": _mat_step,
        "breathing": _breathing_step,
        "stretch": _stretch_step,
        "meditation": _meditation_step,
    }.get(kind or "")
    step = parse(f, level, library) if parse else None
    f.finish()
    return step


def _mat_step(f: Fields, level: str | None, library: Library) -> Step | None:
    position = f.choice("position", POSITIONS)
    layer = f.choice("layer", LAYERS)
    instruction = spoken_part(f, "instruction")
    lower = spoken_part(f, "lower", required=False)
    get_up = spoken_part(f, "get_up", required=False)
    breathing = f.reference("breathing", library.patterns, "breathing pattern", required=False)
    meditation = f.reference("meditation", library.meditations, "meditation", required=False)
    seconds = _duration(f)
    later = later_parts(f, seconds)
    if f.has("breathing") and f.has("meditation"):
        f.error(
            "meditation",
            "a mat step carries a breathing pattern or meditation prompts, not both",
        )
    if seconds is not None:
        limit, why = MAT_STEP_MAX, "longer sessions risk bruising"
        if level == "beginner":
            limit, why = BEGINNER_MAT_STEP_MAX, "beginners start with short sessions"
        if position == "standing" and level in STANDING_MAX:
            limit, why = STANDING_MAX[level], "standing starts short"
        if seconds > limit:
            f.error(
                "minutes" if f.has("minutes") else "seconds",
                f"a mat step here may last at most {limit // 60} min ({why}); "
                f"got {seconds / 60:g} min",
            )
    if position in FEET_POSITIONS and layer and layer not in FOOT_LAYERS:
        f.error("layer", f"feet on the mat go bare or in socks, not {layer!r}")
    if position == "standing" and level == "beginner" and layer and layer != "socks":
        f.error("layer", "beginners stand on the mat in socks")
    check_layer(f, position, layer)
    if breathing and seconds is not None:
        # A carried pattern keeps the routine's level and cycle limits like a breathing step;
        # its caveat travels in the step's JSON, as the mat instruction is about the mat.
        carried = seconds // breathing.cycle_seconds
        check_pattern_use(f, breathing, int(carried), level, None, "breathing")
    if meditation and seconds is not None:
        _check_prompts_fit(f, meditation, seconds)
    if None in (position, layer, instruction, seconds):
        return None
    return Step(
        kind="mat",
        seconds=seconds,
        instruction=instruction,
        position=position,
        layer=layer,
        breathing=breathing,
        meditation=meditation,
        lower=lower,
        later=later,
        get_up=get_up,
    )


def _breathing_step(f: Fields, level: str | None, library: Library) -> Step | None:
    if isinstance(f.data.get("pattern"), dict):  # the person's own, written into the step
        f.read.add("pattern")
        pattern = read_own_pattern(f.child("pattern", f.data["pattern"]))
    else:
        pattern = f.reference("pattern", library.patterns, "breathing pattern")
    instruction = f.text("instruction", required=False)
    if f.has("cycles"):
        cycles = f.number("cycles", within=BREATHING_CYCLES, integer=True)
        if f.has("minutes") or f.has("seconds"):
            f.error("cycles", "give cycles, or minutes or seconds, not both")
    else:
        seconds = _duration(f)
        cycles = None
        if seconds is not None and pattern:
            cycles = pattern.cycles_in(seconds)
    if pattern is None or cycles is None:
        return None
    check_pattern_use(f, pattern, int(cycles), level, instruction, "pattern")
    return Step(
        kind="breathing",
        seconds=round(pattern.seconds_for(int(cycles))),
        instruction=instruction or pattern.instruction,
        breathing=pattern,
        cycles=int(cycles),
    )


def _stretch_step(f: Fields, level: str | None, library: Library) -> Step | None:
    stretch = f.reference("stretch", library.stretches, "stretch")
    instruction = f.text("instruction", required=False)
    hold = f.number("hold", required=False, within=STRETCH_HOLD, integer=True)
    reps = f.number("reps", required=False, default=1, within=STRETCH_REPS, integer=True)
    pause = f.number(
        "switch_pause",
        required=False,
        default=SWITCH_PAUSE_DEFAULT,
        within=SWITCH_PAUSE,
        integer=True,
    )
    if stretch is None or reps is None or pause is None or (f.has("hold") and hold is None):
        return None
    hold = int(hold or stretch.hold)
    holds = int(reps) * (2 if stretch.sided else 1)
    return Step(
        kind="stretch",
        seconds=holds * hold + (holds - 1) * int(pause),
        instruction=instruction or stretch.instruction,
        stretch=stretch,
        hold=hold,
        reps=int(reps),
        switch_pause=int(pause),
    )


def _meditation_step(f: Fields, level: str | None, library: Library) -> Step | None:
    meditation = f.reference("meditation", library.meditations, "meditation")
    instruction = f.text("instruction", required=False)
    bell = f.number("bell_every", required=False, within=BELL_EVERY, integer=True)
    seconds = _duration(f)
    if meditation and seconds is not None:
        _check_prompts_fit(f, meditation, seconds)
    if meditation is None or seconds is None or (f.has("bell_every") and bell is None):
        return None
    return Step(
        kind="meditation",
        seconds=seconds,
        instruction=instruction or meditation.summary,
        meditation=meditation,
        bell_every=int(bell) if bell else None,
    )


def _check_prompts_fit(f: Fields, meditation: Meditation, seconds: int) -> None:
    last = meditation.prompts[-1].at
    if seconds <= last:
        f.error(
            "minutes" if f.has("minutes") else "seconds",
            f"must be longer than the last prompt of {meditation.id!r} ({last} s); got {seconds} s",
        )
