"""Load routines/ into a validated Library, or raise CatalogError naming every problem."""

from __future__ import annotations

import tomllib
from pathlib import Path

from ..fields import SLUG, CatalogError, Fields, Problem
from .model import (
    ASKS,
    BREATH_HOLD_SECONDS,
    GOALS,
    LAYERS,
    LEVELS,
    MEDITATION_KINDS,
    POSITIONS,
    STEP_KINDS,
    BreathingPattern,
    Library,
    Meditation,
    Prompt,
    Routine,
    Step,
    Stretch,
)

MAT_STEP_MAX = 30 * 60  # longer sessions risk bruising
ROUTINE_MAT_MAX = 30 * 60
BEGINNER_MAT_STEP_MAX = 5 * 60  # first sessions lying on the mat
BEGINNER_STANDING_MAX = 2 * 60
FOOT_LAYERS = ("bare", "socks")
ROUTINE_MIN, ROUTINE_MAX = 60, 60 * 60
SWITCH_PAUSE = 5


def load_library(root: str | Path) -> Library:
    """Read and validate the whole library under `root`."""
    root = Path(root)
    problems: list[Problem] = []
    shared = root / "shared"
    patterns = _load_shared(shared / "breathing.toml", root, problems, _pattern)
    stretches = _load_shared(shared / "stretches.toml", root, problems, _stretch)
    meditations = _load_shared(shared / "meditations.toml", root, problems, _meditation)
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


def _read_toml(path: Path, root: Path, problems: list[Problem]) -> dict | None:
    name = _display(path, root)
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


def _display(path: Path, root: Path) -> str:
    return str(Path(root.name) / path.relative_to(root))


def _load_shared(path, root, problems, parse) -> dict:
    data = _read_toml(path, root, problems)
    items = {}
    for key, value in (data or {}).items():
        fields = Fields(value, _display(path, root), key, problems)
        if not SLUG.match(key):
            fields.error("", "id must be lowercase words joined by hyphens")
        item = parse(key, fields)
        fields.finish()
        if item is not None:
            items[key] = item
    return items


def _pattern(key: str, f: Fields) -> BreathingPattern | None:
    values = dict(
        name=f.text("name"),
        summary=f.text("summary"),
        instruction=f.text("instruction"),
        inhale=f.number("inhale", minimum=0.5, maximum=30),
        exhale=f.number("exhale", minimum=0.5, maximum=30),
        hold_in=f.number("hold_in", required=False, default=0, maximum=30),
        hold_out=f.number("hold_out", required=False, default=0, maximum=30),
        top_up=f.number("top_up", required=False, default=0, maximum=10),
    )
    asks = _asks(f)
    if None in values.values() or asks is None:
        return None
    pattern = BreathingPattern(id=key, asks=asks, **values)
    longest_hold = max(pattern.hold_in, pattern.hold_out)
    if longest_hold >= BREATH_HOLD_SECONDS and "breath-hold" not in asks:
        f.error("asks", f"must include 'breath-hold': the pattern holds for {longest_hold:g} s")
    return pattern


def _asks(f: Fields) -> frozenset[str] | None:
    """What a stretch or pattern asks of the body: required, possibly empty, from ASKS."""
    asks = f.texts("asks", choices=ASKS)
    return None if asks is None else frozenset(asks)


def _stretch(key: str, f: Fields) -> Stretch | None:
    values = dict(
        name=f.text("name"),
        instruction=f.text("instruction"),
        hold=f.number("hold", minimum=5, maximum=180, integer=True),
        sided=f.flag("sided"),
        areas=f.texts("areas", required=False),
        asks=_asks(f),
    )
    return None if None in values.values() else Stretch(id=key, **values)


def _meditation(key: str, f: Fields) -> Meditation | None:
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


def _routine(path: Path, root: Path, library: Library, problems: list[Problem]) -> Routine | None:
    data = _read_toml(path, root, problems)
    if data is None:
        return None
    before = len(problems)
    f = Fields(data, _display(path, root), "", problems)
    if not SLUG.match(path.stem):
        f.error("", "file name must be lowercase words joined by hyphens")
    values = dict(
        title=f.text("title", max_length=80),
        summary=f.text("summary", max_length=300),
        goals=f.texts("goals", choices=GOALS),
        level=f.choice("level", LEVELS),
        safety=f.texts("safety", required=False),
    )
    steps = tuple(_step(s, values["level"], library) for s in f.table_list("steps"))
    f.finish()
    if len(problems) > before or None in values.values():
        return None
    routine = Routine(slug=path.stem, steps=steps, **values)
    _check_routine(routine, f)
    return None if len(problems) > before else routine


def _duration(f: Fields, maximum: int = 3600) -> int | None:
    """Seconds from exactly one of `minutes` or `seconds`."""
    if f.has("minutes") == f.has("seconds"):
        f.error("minutes", "give exactly one of minutes or seconds")
        f.read.update(("minutes", "seconds"))
        return None
    if f.has("minutes"):
        minutes = f.number("minutes", minimum=0.25, maximum=maximum / 60)
        return None if minutes is None else round(minutes * 60)
    seconds = f.number("seconds", minimum=10, maximum=maximum, integer=True)
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
    instruction = f.text("instruction")
    breathing = f.reference("breathing", library.patterns, "breathing pattern", required=False)
    meditation = f.reference("meditation", library.meditations, "meditation", required=False)
    seconds = _duration(f)
    if f.has("breathing") and f.has("meditation"):
        f.error(
            "meditation",
            "a mat step carries a breathing pattern or meditation prompts, not both",
        )
    if seconds is not None:
        limit, why = MAT_STEP_MAX, "longer sessions risk bruising"
        if level == "beginner":
            limit, why = BEGINNER_MAT_STEP_MAX, "beginners start with short sessions"
        if position == "standing" and level == "beginner":
            limit, why = BEGINNER_STANDING_MAX, "standing starts short"
        if seconds > limit:
            f.error(
                "minutes" if f.has("minutes") else "seconds",
                f"a mat step here may last at most {limit // 60} min ({why}); "
                f"got {seconds / 60:g} min",
            )
    if position in ("standing", "feet-seated") and layer and layer not in FOOT_LAYERS:
        f.error("layer", f"feet on the mat go bare or in socks, not {layer!r}")
    if position == "standing" and level == "beginner" and layer and layer != "socks":
        f.error("layer", "beginners stand on the mat in socks")
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
    )


def _breathing_step(f: Fields, level: str | None, library: Library) -> Step | None:
    pattern = f.reference("pattern", library.patterns, "breathing pattern")
    instruction = f.text("instruction", required=False)
    if f.has("cycles"):
        cycles = f.number("cycles", minimum=1, maximum=200, integer=True)
        if f.has("minutes") or f.has("seconds"):
            f.error("cycles", "give cycles, or minutes or seconds, not both")
    else:
        seconds = _duration(f)
        cycles = None
        if seconds is not None and pattern:
            cycles = max(1, round(seconds / pattern.cycle_seconds))
    if pattern is None or cycles is None:
        return None
    return Step(
        kind="breathing",
        seconds=round(cycles * pattern.cycle_seconds),
        instruction=instruction or pattern.instruction,
        breathing=pattern,
        cycles=int(cycles),
    )


def _stretch_step(f: Fields, level: str | None, library: Library) -> Step | None:
    stretch = f.reference("stretch", library.stretches, "stretch")
    instruction = f.text("instruction", required=False)
    hold = f.number("hold", required=False, minimum=5, maximum=180, integer=True)
    reps = f.number("reps", required=False, default=1, minimum=1, maximum=20, integer=True)
    pause = f.number(
        "switch_pause",
        required=False,
        default=SWITCH_PAUSE,
        minimum=0,
        maximum=60,
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
    bell = f.number("bell_every", required=False, minimum=15, maximum=1800, integer=True)
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


def _check_routine(routine: Routine, f: Fields) -> None:
    if routine.mat_seconds > ROUTINE_MAT_MAX:
        f.error(
            "steps",
            f"mat steps add up to {routine.mat_seconds / 60:g} min; "
            f"at most {ROUTINE_MAT_MAX // 60} min on the mat per routine",
        )
    if not ROUTINE_MIN <= routine.seconds <= ROUTINE_MAX:
        f.error(
            "steps",
            f"the routine lasts {routine.seconds / 60:g} min; it must last "
            f"between {ROUTINE_MIN // 60} and {ROUTINE_MAX // 60} min",
        )
