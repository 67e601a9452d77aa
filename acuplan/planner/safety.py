"""What the safety screening allows: mat or not, stretches or not, a layer, and kind notes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .fitting import StepRules
from .profile import FLAGS, Screening

ASK_FIRST = {
    "pregnancy": "You told us you are pregnant.",
    "bleeding": "You told us about a bleeding disorder or blood-thinning medicine.",
    "epilepsy": "You told us about epilepsy.",
    "pacemaker": "You told us you have a pacemaker.",
    "heart": "You told us about a heart condition or a blood clot.",
    "blood-pressure": "You told us your blood pressure runs very high or very low.",
    "fever": "You told us about a fever or an inflammation right now.",
    "neuropathy": "You told us about reduced feeling from diabetes.",
    "fracture-surgery": "You told us about a fracture or recent surgery.",
}
ASK_PROFESSIONAL = "Please ask a health professional before you use the mat."
NO_MAT = (
    "Until then your plan leaves the mat out and keeps to breathing, gentle stretches and "
    "meditation. Stretch only as far as feels comfortable."
)
SEE_PROFESSIONAL = (
    "You told us about intense, unexplained or worsening pain. Please see a health "
    "professional first. Until then your plan keeps to calm breathing and meditation, "
    "with no mat and no stretching."
)
COVERED = {
    "skin": (
        "Keep the mat away from any sore, broken or irritated skin, and keep a layer between "
        "you and the spikes: a shirt or towel, and socks for your feet."
    ),
    "varicose": (
        "Keep the mat away from the veins that trouble you, and keep a layer between you and "
        "the spikes: a shirt or towel, and socks for your feet."
    ),
}


@dataclass(frozen=True)
class Safety:
    """The screening's outcome for planning."""

    mat: bool = True
    stretches: bool = True
    covered: bool = False
    notes: tuple[str, ...] = ()
    rules: StepRules = field(default_factory=StepRules)


def assess_screening(screening: Screening) -> Safety:
    """Combine every flag: the strictest outcome wins and every note is kept, in FLAGS order."""
    flags = [flag for flag in FLAGS if flag in screening.flags]
    notes = [f"{ASK_FIRST[f]} {ASK_PROFESSIONAL}" for f in flags if f in ASK_FIRST]
    pain = "unexplained-pain" in flags
    if pain:
        notes.append(SEE_PROFESSIONAL)
    elif notes:
        notes.append(NO_MAT)
    mat = not notes
    covering = [COVERED[f] for f in flags if f in COVERED]
    notes.extend(covering)
    return Safety(
        mat=mat,
        stretches=not pain,
        covered=bool(covering),
        notes=tuple(notes),
        rules=StepRules(stretches=not pain),
    )
