"""Every code the app knows, with its label, and every limit: their one home. Pure Python.

Codes and labels live together as one ordered mapping (code → label) from which the tuple of
codes derives, so no code lacks a label. acuplan/published.py serves them as JSON
(`GET /api/vocabulary`).
"""

from __future__ import annotations

from typing import NamedTuple


class Range(NamedTuple):
    """The least and the most a number may be, both allowed."""

    low: float
    high: float

    def json(self) -> dict[str, float]:
        """As published: {"min": low, "max": high}."""
        return {"min": self.low, "max": self.high}


# ---- the routine library ----------------------------------------------------------------
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
LEVELS = {"beginner": "Beginner", "intermediate": "Intermediate", "experienced": "Experienced"}
POSITIONS: dict[str, str] = {
    "upper-back": "Lying, upper back",
    "lower-back": "Lying, lower back",
    "neck-pillow": "Neck on the pillow",
    "standing": "Standing",
    "sitting": "Sitting",
    "feet-seated": "Feet, seated",
}
LAYERS = {"bare": "Bare skin", "shirt": "Thin shirt", "towel": "Towel", "socks": "Socks"}
LAYER_WORDS = {"bare": "bare skin", "shirt": "a thin shirt", "towel": "a towel", "socks": "socks"}
STEP_KIND_LABELS: dict[str, str] = {
    "mat": "On the mat",
    "breathing": "Breathing",
    "stretch": "Stretch",
    "meditation": "Meditation",
}
STEP_KINDS = tuple(STEP_KIND_LABELS)
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
LYING_POSITIONS = ("upper-back", "lower-back", "neck-pillow")
FEET_POSITIONS = ("standing", "feet-seated")
FOOT_LAYERS = ("bare", "socks")

# ---- mat limits (DOMAIN.md) ------------------------------------------------------------
MAT_STEP_MAX = 30 * 60  # longer sessions risk bruising
BEGINNER_MAT_STEP_MAX = 5 * 60  # first sessions lying on the mat
ROUTINE_MAT_MAX = 30 * 60  # the upper bound per session; longer risks bruising
# First sessions on the mat last 5 min, and the limits are per day, not per step: a
# beginner routine holds 5 min on the mat in all, however it splits them.
BEGINNER_ROUTINE_MAT_MAX = 5 * 60
# Standing starts at 30 s to 2 min and grows by 1 to 2 min every few days: about 5 min after
# the first week or two (intermediate), 10 min for people long used to it.
STANDING_MAX = {"beginner": 2 * 60, "intermediate": 5 * 60, "experienced": 10 * 60}
MAT_STEP_MIN = {"standing": 30}  # the shortest useful mat step; other positions: _OTHER
MAT_STEP_MIN_OTHER = 60
MAT_GRAIN = 30  # the planner shortens mat steps by this many seconds at a time
# The day's limits on the mat, rung by rung of the progression ladder.
DAY_LYING_LADDER = (60, 120, 180, 300, 420, 600, 720, 900, 1200)
DAY_STANDING_LADDER = (30, 60, 90, 120, 180, 240, 300, 360, 420)
LONG_LYING_SECONDS = 3 * 60  # "lying flat on the back for a while" (a concern in pregnancy)

# ---- steps and routines, as the library's files may give them ----------------------------
ROUTINE_SECONDS = Range(60, 60 * 60)
STEP_SECONDS = Range(10, 3600)  # a step's `seconds`; `minutes` from 0.25 to 60
BREATHING_CYCLES = Range(1, 200)
STRETCH_HOLD = Range(5, 180)
STRETCH_REPS = Range(1, 20)
SWITCH_PAUSE = Range(0, 60)
SWITCH_PAUSE_DEFAULT = 5
BELL_EVERY = Range(15, 1800)
# Each spoken part of a mat step stays short enough to say in one go (about 15 s at the
# player's rate); a `later` part starts this long after the start and before the end.
SPOKEN_PART_WORDS = 35
LATER_MARGIN = 10
BREATH_PHASE = Range(0.5, 30)  # inhale and exhale
BREATH_HOLD = Range(0, 30)  # holds after the inhale and after the exhale
BREATH_TOP_UP = Range(0, 10)
BREATH_HOLD_SECONDS = 4  # a hold this long or longer "asks" breath-hold
# A person's own pattern (acuplan/catalog/own_pattern.py) gets from its numbers what the
# library's files declare: an out-breath under 3 s, or a whole breath under 6 s (over ten
# breaths a minute), "asks" fast-breathing; holds over 8 s are for intermediate routines
# and up, over 12 s for experienced ones; a beginner routine does at most 4 rounds with a
# hold of 7 s or more (as of 4-7-8) and 10 of fast breathing (as of the energising breath).
OWN_PATTERN = {
    "name": "Your own pattern",
    "name_length_max": 40,
    "fast_exhale_below": 3,
    "fast_breath_below": 6,
    "hold_levels": [[8, "intermediate"], [12, "experienced"]],
    "long_hold_from": 7,
    "beginner_cycles_max": {"long-hold": 4, "fast-breathing": 10},
    "caveats": {
        "breath-hold": "If a hold feels hard, make it shorter.",
        "fast-breathing": "If you feel light-headed, stop and breathe normally.",
    },
}

# ---- the person's answers (onboarding) -------------------------------------------------
SLOT_LABELS: dict[str, str] = {"morning": "In the morning", "evening": "In the evening"}
SLOTS = tuple(SLOT_LABELS)
EXPERIENCE_LABELS: dict[str, str] = {"never": "Never", "few": "A few times", "regular": "Regularly"}
EXPERIENCE = tuple(EXPERIENCE_LABELS)
SENSITIVITY_LABELS: dict[str, str] = {
    "low": "Not very — I like a firm press",
    "medium": "About average",
    "high": "Very — I'd rather start gently",
}
SENSITIVITY = tuple(SENSITIVITY_LABELS)
MINUTES_PER_DAY = Range(5, 120)
DAYS_PER_WEEK = Range(1, 7)
# Asked as "Does any of these apply to you?"; "none of these" is an answer of its own, so an
# empty form is never taken as it.
FLAG_QUESTIONS: dict[str, str] = {
    "pregnancy": "I am pregnant",
    "bleeding": "I have a bleeding disorder, or take medicine that thins the blood",
    "epilepsy": "I have epilepsy",
    "pacemaker": "I have a pacemaker",
    "heart": "I have a heart condition, or have had phlebitis or a blood clot (thrombosis)",
    "blood-pressure": "My blood pressure runs very high or very low",
    "fever": "I have a fever, or an inflammation, right now",
    "neuropathy": "I have diabetes with less feeling in my feet, legs or skin",
    "fracture-surgery": "I have a broken bone, or had surgery recently",
    "varicose-severe": "I have severe varicose veins",
    "skin": "I have a wound, broken or irritated skin, eczema, psoriasis or sunburn",
    "varicose": "I have mild varicose veins",
    "moles-skin": "I have moles, warts or very sensitive skin where the mat would touch",
    "numbness": "Part of my body that would touch the mat feels numb, for any reason",
    "osteoporosis": "I have osteoporosis (thinning bones)",
    "unexplained-pain": "I have pain that is intense, unexplained or getting worse",
    "red-flag-back": (
        "I have back pain together with changes in bladder or bowel control, or numbness "
        "around the groin"
    ),
    "red-flag-head": "I have a headache with a fever or a stiff neck, or after a head injury",
}
FLAGS = tuple(FLAG_QUESTIONS)
NONE = "none"  # the explicit answer "none of these apply to me"
NONE_LABEL = "None of these apply to me"

# ---- the journal ------------------------------------------------------------------------
BODY_AREA_LABELS: dict[str, str] = {
    "head": "Head",
    "neck": "Neck",
    "shoulders": "Shoulders",
    "upper-back": "Upper back",
    "lower-back": "Lower back",
    "hips": "Hips",
    "legs": "Legs",
    "feet": "Feet",
    "belly": "Belly",
    "whole-body": "Whole body",
}
BODY_AREAS = tuple(BODY_AREA_LABELS)
SENSATION_LABELS: dict[str, str] = {
    "warmth": "Warmth",
    "tingling": "Tingling",
    "relaxation": "Relaxation",
    "prickling": "Prickling",
    "heaviness": "Heaviness",
    "lightness": "Lightness",
    "calm": "Calm",
    "energy": "Energy",
    "sleepiness": "Sleepiness",
}
SENSATIONS = tuple(SENSATION_LABELS)
ADVERSE_LABELS: dict[str, str] = {
    "lasting-redness": "Redness lasting over an hour",
    "bruising": "Bruising",
    "broken-skin": "Broken skin",
    "dizziness": "Dizziness",
    "numbness": "Numbness",
    "growing-pain": "Pain that grew instead of settling",
}
ADVERSE_EFFECTS = tuple(ADVERSE_LABELS)
JOURNAL_MINUTES = Range(0, 180)
PAIN_SCALE = Range(0, 10)  # the standard numeric rating scale
STRESS_SCALE = Range(0, 10)
SLEEP_QUALITY = Range(1, 5)
NOTES_LENGTH = 5000

# ---- the plan and the history ------------------------------------------------------------
PLAN_ACTION_LABELS: dict[str, str] = {
    "move": "Moved to another day",
    "swap": "Swapped for another routine",
    "shorten": "Shortened",
    "done": "Done",
    "skip": "Skipped",
}
PLAN_ACTIONS = tuple(PLAN_ACTION_LABELS)
SHORTEN_MINUTES = Range(1, 120)
STATUS_LABELS = {"done": "Done", "skipped": "Skipped"}
STATUSES = tuple(STATUS_LABELS)

# ---- sync ---------------------------------------------------------------------------------
RECORD_KIND_LABELS: dict[str, str] = {
    "journal": "Journal entry",
    "plan-edit": "Change to the plan",
    "session": "Session played",
    "profile": "Your answers",
    "custom-routine": "Your own routine",
    "preferences": "Your settings",
}
RECORD_KINDS = tuple(RECORD_KIND_LABELS)
MAX_BATCH = 500  # records per push
MAX_DATA_BYTES = 16 * 1024  # one record's data, as JSON
