"""Typed, immutable objects the routine library is loaded into."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..vocabulary import LONG_LYING_SECONDS, LYING_POSITIONS, POSITIONS


@dataclass(frozen=True)
class Phase:
    """One part of a breath: inhale, top-up, hold or exhale."""

    name: str
    seconds: float


@dataclass(frozen=True)
class BreathingPattern:
    """A breathing pattern: its phases, how many rounds, and its caveat."""

    id: str
    name: str
    summary: str
    instruction: str
    inhale: float
    hold_in: float
    exhale: float
    hold_out: float
    top_up: float
    asks: frozenset[str] = frozenset()
    # The least experienced level a routine may use it at, and at most how many cycles a
    # routine of each level may ask for (levels not listed: no limit beyond the routine's).
    level: str = "beginner"
    max_cycles: tuple[tuple[str, int], ...] = ()
    # A safety sentence every step using the pattern says (e.g. "If the hold feels too long,
    # shorten it."); the loader refuses an instruction that leaves it out.
    caveat: str | None = None
    # A person's own pattern may lengthen its out-breath, round by round, from `exhale` in
    # the first round to `exhale_to` in the last (the library's patterns keep theirs even).
    exhale_to: float | None = None

    @property
    def phases(self) -> tuple[Phase, ...]:
        """The cycle's phases in order, leaving out those of zero length."""
        parts = (
            Phase("inhale", self.inhale),
            Phase("top-up", self.top_up),
            Phase("hold", self.hold_in),
            Phase("exhale", self.exhale),
            Phase("hold", self.hold_out),
        )
        return tuple(p for p in parts if p.seconds > 0)

    def cycle_limit(self, level: str) -> int | None:
        """At most how many cycles a routine of `level` may ask for, or None for no limit."""
        return dict(self.max_cycles).get(level)

    @property
    def cycle_seconds(self) -> float:
        """Seconds of one round (the first, when the out-breath lengthens): every phase once."""
        return sum(p.seconds for p in self.phases)

    def seconds_for(self, cycles: int) -> float:
        """Seconds of `cycles` rounds, the out-breath lengthening evenly over them if it does."""
        growth = self.exhale_to - self.exhale if self.exhale_to and cycles > 1 else 0
        return cycles * self.cycle_seconds + growth * cycles / 2

    def cycles_in(self, seconds: float) -> int:
        """The whole rounds, at least one, that come nearest to lasting `seconds`."""
        growth = self.exhale_to - self.exhale if self.exhale_to else 0
        return max(1, round(seconds / (self.cycle_seconds + growth / 2)))

    @property
    def label(self) -> str:
        """The pattern as people write it: 4-7-8-0, 2.5+1-0-6-0 with a top-up, 4-0-6→9-0."""
        inhale = f"{self.inhale:g}+{self.top_up:g}" if self.top_up else f"{self.inhale:g}"
        exhale = f"{self.exhale:g}→{self.exhale_to:g}" if self.exhale_to else f"{self.exhale:g}"
        return "-".join((inhale, f"{self.hold_in:g}", exhale, f"{self.hold_out:g}"))


@dataclass(frozen=True)
class Stretch:
    """A stretch: how long it is held, on how many sides, what it asks of the body."""

    id: str
    name: str
    instruction: str
    hold: int
    sided: bool
    areas: tuple[str, ...]
    asks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Prompt:
    """A line of a meditation script, said `at` seconds into it."""

    at: int
    text: str


@dataclass(frozen=True)
class Meditation:
    """A meditation script: its kind and the prompts said at their times."""

    id: str
    name: str
    kind: str
    summary: str
    prompts: tuple[Prompt, ...]


@dataclass(frozen=True)
class Step:
    """One step of a routine's timeline. Fields that do not apply to its kind are None."""

    kind: str
    seconds: int
    instruction: str
    position: str | None = None
    layer: str | None = None
    breathing: BreathingPattern | None = None
    cycles: int | None = None
    stretch: Stretch | None = None
    hold: int | None = None
    reps: int | None = None
    switch_pause: int | None = None
    meditation: Meditation | None = None
    bell_every: int | None = None
    # A mat step's instruction in parts: `instruction` says what to do now and `lower` how to
    # get onto the mat (both before its clock starts), `later` what to hear at its own time
    # (seconds into the step), `get_up` how to get off (said shortly before the bell).
    lower: str | None = None
    later: tuple[Prompt, ...] = ()
    get_up: str | None = None

    @property
    def title(self) -> str:
        """The step's name as the player and the pages show it."""
        if self.kind == "mat":
            return POSITIONS[self.position or ""]
        if self.kind == "breathing" and self.breathing:
            return self.breathing.name
        if self.kind == "stretch" and self.stretch:
            return self.stretch.name
        if self.kind == "meditation" and self.meditation:
            return self.meditation.name
        return self.kind

    @property
    def asks(self) -> frozenset[str]:
        """What the step asks of the body: its stretch's and pattern's, and long lying."""
        asks: set[str] = set()
        for source in (self.stretch, self.breathing):
            if source is not None:
                asks |= source.asks
        lying = self.kind == "mat" and self.position in LYING_POSITIONS
        if lying and self.seconds > LONG_LYING_SECONDS:
            asks.add("lying-back")
        return frozenset(asks)


@dataclass(frozen=True)
class Routine:
    """A routine of the library: its steps in order, goals, level and safety notes."""

    slug: str
    title: str
    summary: str
    goals: tuple[str, ...]
    level: str
    safety: tuple[str, ...]
    steps: tuple[Step, ...]
    own: bool = False  # a person's own routine (a custom-routine record), not the library's

    @property
    def seconds(self) -> int:
        """The routine's whole length as written."""
        return sum(step.seconds for step in self.steps)

    @property
    def minutes(self) -> int:
        """Total length rounded to whole minutes, never shown as 0."""
        return max(1, round(self.seconds / 60))

    @property
    def mat_seconds(self) -> int:
        """Seconds spent on the mat or pillow."""
        return sum(step.seconds for step in self.steps if step.kind == "mat")

    @property
    def asks(self) -> frozenset[str]:
        """Everything the routine's steps ask of the body."""
        return frozenset().union(*(step.asks for step in self.steps))

    @property
    def positions(self) -> tuple[str, ...]:
        """The mat positions the routine uses, in order of first use."""
        seen = dict.fromkeys(s.position for s in self.steps if s.position)
        return tuple(p for p in seen if p)


@dataclass(frozen=True)
class Library:
    """The whole validated library: routines and the parts they share."""

    routines: dict[str, Routine] = field(default_factory=dict)
    patterns: dict[str, BreathingPattern] = field(default_factory=dict)
    stretches: dict[str, Stretch] = field(default_factory=dict)
    meditations: dict[str, Meditation] = field(default_factory=dict)
