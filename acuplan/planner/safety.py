"""What the safety screening allows: the mat or not, stretches, what steps may ask of the
body, a layer, and the notes that say what was left out and why (DOMAIN.md's rules)."""

from __future__ import annotations

from dataclasses import dataclass, field

from acuplan.vocabulary import FLAGS

from .fitting import StepRules
from .profile import Screening

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
    "varicose-severe": "You told us about severe varicose veins.",
}
ASK_PROFESSIONAL = "Please ask a health professional before you use the mat."
NO_MAT = (
    "Until then your plan leaves the mat out and keeps to breathing, gentle stretches and "
    "meditation. Stretch only as far as feels comfortable."
)
SEE_FIRST = {
    "unexplained-pain": "You told us about intense, unexplained or worsening pain.",
    "red-flag-back": (
        "You told us about back pain with changes in bladder or bowel control, or numbness "
        "around the groin."
    ),
    "red-flag-head": (
        "You told us about a headache with a fever or a stiff neck, or after a head injury."
    ),
}
SEE_PROFESSIONAL = "Please see a health professional first."
SEE_UNTIL = (
    "Until then your plan keeps to calm breathing and meditation, with no mat and no stretching."
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
    "moles-skin": (
        "Keep the mat off moles, warts and very sensitive skin, and keep a layer between you "
        "and the spikes: a shirt or towel, and socks for your feet."
    ),
}
AREA_NOTES = {
    "numbness": (
        "Where you have numbness, you cannot feel how hard the spikes press: keep the mat "
        "off that area."
    ),
}


@dataclass(frozen=True)
class Limit:
    """What one answer removes beyond the mat, and why (the plan says so)."""

    excluded: frozenset[str] = frozenset()
    brief: frozenset[str] = frozenset()
    no_stretches: bool = False
    note: str = ""
    reasons: tuple[tuple[str, str], ...] = ()  # ask -> why it is left out or kept brief


# answer -> what it removes beyond the mat (the `asks` of stretches and breathing patterns)
LIMITS = {
    "pregnancy": Limit(
        excluded=frozenset({"lying-front", "deep-twist"}),
        brief=frozenset({"lying-back"}),
        reasons=(
            ("lying-front", "lying on your front is not advised in pregnancy."),
            ("deep-twist", "deep twists are not advised in pregnancy."),
            ("lying-back", "lying on your back for long is not advised in pregnancy."),
        ),
        note=(
            "As you are pregnant, your plan leaves out stretches on your front and deep "
            "twists, and keeps anything lying on your back to a minute."
        ),
    ),
    "fracture-surgery": Limit(
        no_stretches=True,
        note=(
            "After a fracture or surgery, your plan leaves stretches out until a "
            "professional says they are right for you."
        ),
    ),
    "epilepsy": Limit(
        excluded=frozenset({"fast-breathing", "breath-hold"}),
        reasons=(
            ("fast-breathing", "fast, energising breathing is not advised with epilepsy."),
            ("breath-hold", "long breath holds are not advised with epilepsy."),
        ),
        note=(
            "With epilepsy, your plan leaves out fast, energising breathing and breathing "
            "with long holds; slow, even breathing stays."
        ),
    ),
    "blood-pressure": Limit(
        excluded=frozenset({"breath-hold", "inversion"}),
        reasons=(
            (
                "breath-hold",
                "long breath holds are not advised with very high or low blood pressure.",
            ),
            (
                "inversion",
                "your head below your heart is not advised with very high or low blood pressure.",
            ),
        ),
        note=(
            "With very high or very low blood pressure, your plan leaves out breathing with "
            "long holds and positions with your head below your heart."
        ),
    ),
    "osteoporosis": Limit(
        excluded=frozenset({"forward-fold"}),
        reasons=(("forward-fold", "only gentle forward bends with osteoporosis."),),
        note=(
            "With osteoporosis, your plan keeps forward bends gentle and leaves out deep "
            "forward folds."
        ),
    ),
}
SEE_LIMIT = Limit(no_stretches=True)


@dataclass(frozen=True)
class Safety:
    """The screening's outcome for planning."""

    mat: bool = True
    stretches: bool = True
    covered: bool = False
    notes: tuple[str, ...] = ()
    rules: StepRules = field(default_factory=StepRules)
    answered: bool = True
    reasons: tuple[tuple[str, str], ...] = ()
    stretch_reason: str = ""
    mat_reason: str = ""


def assess_screening(screening: Screening) -> Safety:
    """Combine every answer: the strictest outcome wins and every note is kept, in FLAGS
    order."""
    flags = [flag for flag in FLAGS if flag in screening.flags]
    see = [f"{SEE_FIRST[f]} {SEE_PROFESSIONAL}" for f in flags if f in SEE_FIRST]
    ask = [f"{ASK_FIRST[f]} {ASK_PROFESSIONAL}" for f in flags if f in ASK_FIRST]
    notes = [*see, SEE_UNTIL] if see else []
    if ask:
        notes += ask if see else [*ask, NO_MAT]
    limits = [LIMITS[f] for f in flags if f in LIMITS] + ([SEE_LIMIT] if see else [])
    stretches = not any(limit.no_stretches for limit in limits)
    # with no stretching at all, a note about which stretches are left out says nothing new
    notes += [lim.note for lim in limits if lim.note and (stretches or lim.no_stretches)]
    covering = [COVERED[f] for f in flags if f in COVERED]
    notes += covering + [AREA_NOTES[f] for f in flags if f in AREA_NOTES]
    excluded = frozenset().union(*(limit.excluded for limit in limits))
    return Safety(
        mat=not (see or ask),
        stretches=stretches,
        covered=bool(covering),
        notes=tuple(notes),
        rules=StepRules(
            stretches=stretches,
            excluded=excluded,
            brief=frozenset().union(*(limit.brief for limit in limits)) - excluded,
        ),
        answered=screening.answered,
        reasons=tuple(reason for limit in limits for reason in limit.reasons),
        stretch_reason=(
            "no stretching until you have seen a health professional."
            if see
            else "no stretching after a fracture or surgery until a professional agrees."
        ),
        mat_reason=(
            "please see a health professional before you use the mat."
            if see
            else "please ask a health professional before you use the mat."
            if ask
            else ""
        ),
    )
