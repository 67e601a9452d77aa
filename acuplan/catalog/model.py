"""Typed, immutable objects the routine library is loaded into."""

from __future__ import annotations

from dataclasses import dataclass, field

GOALS: dict[str, str] = {
    "stress": "Stress",
    "sleep": "Sleep",
    "lower-back": "Lower back",
    "neck-shoulders": "Neck & shoulders",
    "headache": "Tension headache",
    "tired-feet": "Tired feet",
    "morning-energy": "Morning energy",
    "menstrual": "Menstrual comfort",
    "recovery": "Recovery",
    "meditation": "Deeper meditation",
}
LEVELS: dict[str, str] = {
    "beginner": "Beginner",
    "intermediate": "Intermediate",
    "experienced": "Experienced",
}
POSITIONS: dict[str, str] = {
    "upper-back": "Lying, upper back",
    "lower-back": "Lying, lower back",
    "neck-pillow": "Neck on the pillow",
    "standing": "Standing",
    "sitting": "Sitting",
    "feet-seated": "Feet, seated",
}
LAYERS: dict[str, str] = {
    "bare": "Bare skin",
    "shirt": "Thin shirt",
    "towel": "Towel",
    "socks": "Socks",
}
MEDITATION_KINDS: dict[str, str] = {
    "body-scan": "Body scan",
    "breath-counting": "Breath counting",
    "noting": "Noting",
    "loving-kindness": "Loving-kindness",
    "open-awareness": "Open awareness",
    "grounding": "5-4-3-2-1 grounding",
    "wind-down": "Wind-down visualisation",
    # Not a meditation of its own: a few quiet words now and then while a person lies on
    # the mat reading, listening or working, so a long stay never goes unchecked.
    "check-in": "Gentle check-ins",
}
STEP_KINDS = ("mat", "breathing", "stretch", "meditation")

# What a stretch or breathing pattern asks of the body, so the safety answers can leave out
# what they must (DOMAIN.md, "Beyond the mat"). Stretches and patterns list theirs in the
# shared files; mat steps derive theirs from position and length (Step.asks).
ASKS: dict[str, str] = {
    "lying-front": "Lying on the front",
    "lying-back": "Lying flat on the back for a while",
    "deep-twist": "A deep twist of the spine",
    "forward-fold": "Folding forward, more than a gentle bend",
    "inversion": "Head below the heart, or legs raised above it",
    "breath-hold": "Holding the breath for 4 seconds or more",
    "fast-breathing": "Fast or energising breathing",
}
BREATH_HOLD_SECONDS = 4
LYING_POSITIONS = ("upper-back", "lower-back", "neck-pillow")
# "Lying flat on the back for a while": a few minutes. A short lie-down is fine for everyone;
# in pregnancy the concern is lying flat for long (DOMAIN.md).
LONG_LYING_SECONDS = 3 * 60


@dataclass(frozen=True)
class Phase:
    """One part of a breath: inhale, top-up, hold or exhale."""

    name: str
    seconds: float


@dataclass(frozen=True)
class BreathingPattern:
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
        return sum(p.seconds for p in self.phases)

    @property
    def label(self) -> str:
        """The pattern as people write it: 4-7-8-0, or 2.5+1-0-6-0 with a top-up breath."""
        inhale = f"{self.inhale:g}+{self.top_up:g}" if self.top_up else f"{self.inhale:g}"
        rest = (f"{s:g}" for s in (self.hold_in, self.exhale, self.hold_out))
        return "-".join((inhale, *rest))


@dataclass(frozen=True)
class Stretch:
    id: str
    name: str
    instruction: str
    hold: int
    sided: bool
    areas: tuple[str, ...]
    asks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Prompt:
    at: int
    text: str


@dataclass(frozen=True)
class Meditation:
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

    @property
    def title(self) -> str:
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
    slug: str
    title: str
    summary: str
    goals: tuple[str, ...]
    level: str
    safety: tuple[str, ...]
    steps: tuple[Step, ...]

    @property
    def seconds(self) -> int:
        return sum(step.seconds for step in self.steps)

    @property
    def minutes(self) -> int:
        """Total length rounded to whole minutes, never shown as 0."""
        return max(1, round(self.seconds / 60))

    @property
    def mat_seconds(self) -> int:
        return sum(step.seconds for step in self.steps if step.kind == "mat")

    @property
    def asks(self) -> frozenset[str]:
        """Everything the routine's steps ask of the body."""
        return frozenset().union(*(step.asks for step in self.steps))

    @property
    def positions(self) -> tuple[str, ...]:
        seen = dict.fromkeys(s.position for s in self.steps if s.position)
        return tuple(p for p in seen if p)


@dataclass(frozen=True)
class Library:
    routines: dict[str, Routine] = field(default_factory=dict)
    patterns: dict[str, BreathingPattern] = field(default_factory=dict)
    stretches: dict[str, Stretch] = field(default_factory=dict)
    meditations: dict[str, Meditation] = field(default_factory=dict)
