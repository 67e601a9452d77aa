"""The onboarding's questions in plain words, one for every choice the planner knows.

The answers stay on the device (one `profile` record); the planner checks them when the
device asks for a plan, so these labels are the only thing the page needs from the server.
"""

from __future__ import annotations

from .planner import FLAGS
from .planner.profile import EXPERIENCE, NONE, SENSITIVITY, SLOTS

MINUTES = (5, 120)  # the planner's bounds for minutes a day
SLOT_LABELS = {"morning": "In the morning", "evening": "In the evening"}
EXPERIENCE_LABELS = {
    "never": "Never",
    "few": "A few times",
    "regular": "Regularly",
}
SENSITIVITY_LABELS = {
    "low": "Not very — I like a firm press",
    "medium": "About average",
    "high": "Very — I'd rather start gently",
}
# Asked as "Does any of these apply to you?"; "none of these" is an answer of its own, so an
# empty form is never taken as it.
FLAG_QUESTIONS = {
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
NONE_LABEL = "None of these apply to me"
assert tuple(SLOT_LABELS) == SLOTS and tuple(EXPERIENCE_LABELS) == EXPERIENCE
assert tuple(SENSITIVITY_LABELS) == SENSITIVITY and tuple(FLAG_QUESTIONS) == FLAGS


def onboarding_labels() -> dict:
    """What the onboarding template shows, by field."""
    return {
        "minutes": MINUTES,
        "slots": SLOT_LABELS,
        "experience": EXPERIENCE_LABELS,
        "sensitivity": SENSITIVITY_LABELS,
        "flags": FLAG_QUESTIONS,
        "flag_choices": {**FLAG_QUESTIONS, NONE: NONE_LABEL},
    }
