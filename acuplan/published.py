"""What the vocabulary publishes: every code with its label, in order, and every limit, as
JSON for the device (GET /api/vocabulary: the routine editor's rules, the forms' bounds) and
for the onboarding page. The codes and limits themselves live in acuplan/vocabulary.py."""

from __future__ import annotations

from typing import Any

from .vocabulary import (
    ADVERSE_LABELS,
    ASKS,
    BEGINNER_MAT_STEP_MAX,
    BEGINNER_ROUTINE_MAT_MAX,
    BELL_EVERY,
    BODY_AREA_LABELS,
    BREATH_HOLD,
    BREATH_HOLD_SECONDS,
    BREATH_PHASE,
    BREATH_TOP_UP,
    BREATHING_CYCLES,
    DAY_LYING_LADDER,
    DAY_STANDING_LADDER,
    DAYS_PER_WEEK,
    EXPERIENCE_LABELS,
    FEET_POSITIONS,
    FLAG_QUESTIONS,
    FOOT_LAYERS,
    GOALS,
    JOURNAL_MINUTES,
    LATER_MARGIN,
    LAYERS,
    LEVELS,
    LONG_LYING_SECONDS,
    LYING_POSITIONS,
    MAT_GRAIN,
    MAT_STEP_MAX,
    MAT_STEP_MIN,
    MAT_STEP_MIN_OTHER,
    MAX_BATCH,
    MAX_DATA_BYTES,
    MEDITATION_KINDS,
    MINUTES_PER_DAY,
    NONE,
    NONE_LABEL,
    NOTES_LENGTH,
    OWN_PATTERN,
    PAIN_SCALE,
    PLAN_ACTION_LABELS,
    POSITIONS,
    RECORD_KIND_LABELS,
    ROUTINE_MAT_MAX,
    ROUTINE_SECONDS,
    SENSATION_LABELS,
    SENSITIVITY_LABELS,
    SLEEP_QUALITY,
    SLOT_LABELS,
    SPOKEN_PART_WORDS,
    STANDING_MAX,
    STATUS_LABELS,
    STEP_KIND_LABELS,
    STEP_SECONDS,
    STRESS_SCALE,
    STRETCH_HOLD,
    STRETCH_REPS,
    SWITCH_PAUSE,
    SWITCH_PAUSE_DEFAULT,
)

CODES: dict[str, dict[str, str]] = {
    "goals": GOALS,
    "levels": LEVELS,
    "positions": POSITIONS,
    "layers": LAYERS,
    "step_kinds": STEP_KIND_LABELS,
    "meditation_kinds": MEDITATION_KINDS,
    "asks": ASKS,
    "slots": SLOT_LABELS,
    "experience": EXPERIENCE_LABELS,
    "sensitivity": SENSITIVITY_LABELS,
    "flags": {**FLAG_QUESTIONS, NONE: NONE_LABEL},
    "body_areas": BODY_AREA_LABELS,
    "sensations": SENSATION_LABELS,
    "adverse_effects": ADVERSE_LABELS,
    "plan_actions": PLAN_ACTION_LABELS,
    "statuses": STATUS_LABELS,
    "record_kinds": RECORD_KIND_LABELS,
}
"""Every list of codes, by the name it is published under."""


def published() -> dict[str, Any]:
    """The codes (in order, each with its label) and the limits, as JSON for the editor."""
    return {
        "codes": {
            name: [{"code": code, "label": label} for code, label in labels.items()]
            for name, labels in CODES.items()
        },
        "mat": {
            "step_seconds_max": MAT_STEP_MAX,
            "beginner_step_seconds_max": BEGINNER_MAT_STEP_MAX,
            "routine_seconds_max": ROUTINE_MAT_MAX,
            "beginner_routine_seconds_max": BEGINNER_ROUTINE_MAT_MAX,
            "standing_seconds_max": dict(STANDING_MAX),
            "lying_positions": list(LYING_POSITIONS),
            "feet_positions": list(FEET_POSITIONS),
            "foot_layers": list(FOOT_LAYERS),
            "long_lying_seconds": LONG_LYING_SECONDS,
            "step_seconds_min": {p: MAT_STEP_MIN.get(p, MAT_STEP_MIN_OTHER) for p in POSITIONS},
            "grain_seconds": MAT_GRAIN,
            "day_seconds_max": {
                "lying": list(DAY_LYING_LADDER),
                "standing": list(DAY_STANDING_LADDER),
            },
        },
        "routine": {"seconds": ROUTINE_SECONDS.json()},
        "steps": {
            "seconds": STEP_SECONDS.json(),
            "breathing_cycles": BREATHING_CYCLES.json(),
            "stretch_hold": STRETCH_HOLD.json(),
            "stretch_reps": STRETCH_REPS.json(),
            "switch_pause": SWITCH_PAUSE.json(),
            "switch_pause_default": SWITCH_PAUSE_DEFAULT,
            "bell_every": BELL_EVERY.json(),
            "spoken_part_words": SPOKEN_PART_WORDS,
            "later_margin": LATER_MARGIN,
        },
        "breathing": {
            "phase_seconds": BREATH_PHASE.json(),
            "hold_seconds": BREATH_HOLD.json(),
            "top_up_seconds": BREATH_TOP_UP.json(),
            "breath_hold_asks_from": BREATH_HOLD_SECONDS,
            "own_pattern": OWN_PATTERN,
        },
        "profile": {
            "minutes_per_day": MINUTES_PER_DAY.json(),
            "days_per_week": DAYS_PER_WEEK.json(),
        },
        "journal": {
            "minutes": JOURNAL_MINUTES.json(),
            "pain": PAIN_SCALE.json(),
            "stress": STRESS_SCALE.json(),
            "sleep_quality": SLEEP_QUALITY.json(),
            "notes_length_max": NOTES_LENGTH,
        },
        "sync": {"records_per_push_max": MAX_BATCH, "data_bytes_max": MAX_DATA_BYTES},
    }


def onboarding_labels() -> dict[str, Any]:
    """What the onboarding page shows, by field: its bounds and each choice's words."""
    return {
        "minutes": MINUTES_PER_DAY,
        "slots": SLOT_LABELS,
        "experience": EXPERIENCE_LABELS,
        "sensitivity": SENSITIVITY_LABELS,
        "flags": FLAG_QUESTIONS,
        "flag_choices": CODES["flags"],
    }
