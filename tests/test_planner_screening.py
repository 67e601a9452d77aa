"""The safety screening: every answer, what it removes and why, "none" as an answer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from acuplan.catalog import load_library
from acuplan.planner import (
    FLAGS,
    PlanInputError,
    Profile,
    Screening,
    assess_screening,
    build_plan,
    plan_json,
)

LIBRARY = Path(__file__).resolve().parents[1] / "routines"
MONDAY = date(2024, 6, 3)


@pytest.fixture(scope="module")
def library():
    return load_library(LIBRARY)


def person(**changes) -> Profile:
    values = dict(
        goals=["stress", "lower-back"],
        minutes_per_day=20,
        days_per_week=7,
        times=["evening"],
        experience="few",
        sensitivity="medium",
    )
    return Profile.from_dict(values | changes)


def outcome(*flags):
    return assess_screening(Screening(frozenset(flags)))


def test_none_of_these_is_an_answer_and_nothing_ticked_is_not(library):
    assert Screening.from_dict({"flags": ["none"]}).answered
    assert not Screening.from_dict({"flags": []}).answered
    assert not Screening.from_dict({}).answered
    with pytest.raises(PlanInputError, match=r"^flags: 'none' cannot go with other answers"):
        Screening.from_dict({"flags": ["none", "skin"]})
    unanswered = plan_json(build_plan(library, person(), Screening(), (), MONDAY))
    assert unanswered["screened"] is False
    assert "not answered the health questions" in unanswered["notes"][0]
    answered = plan_json(build_plan(library, person(), Screening(none=True), (), MONDAY))
    assert answered["screened"] is True and answered["notes"] == []


def test_severe_varicose_veins_ask_a_professional_first_mild_ones_add_a_layer():
    severe = outcome("varicose-severe")
    assert not severe.mat and "severe varicose veins" in severe.notes[0]
    assert "ask a health professional" in severe.notes[0]
    mild = outcome("varicose")
    assert mild.mat and mild.covered and "layer" in mild.notes[0]


def test_moles_numbness_and_osteoporosis_keep_the_mat_with_their_care():
    moles = outcome("moles-skin")
    assert moles.mat and moles.covered and "moles, warts" in moles.notes[0]
    numb = outcome("numbness")
    assert numb.mat and "keep the mat off that area" in numb.notes[0]
    bones = outcome("osteoporosis")
    assert bones.mat and bones.rules.excluded == {"forward-fold"}
    assert "forward bends gentle" in bones.notes[0]


@pytest.mark.parametrize("flag", ["red-flag-back", "red-flag-head", "unexplained-pain"])
def test_red_flags_mean_no_mat_no_stretching_and_see_a_professional(library, flag):
    safety = outcome(flag)
    assert not safety.mat and not safety.stretches and not safety.rules.stretches
    assert "Please see a health professional first." in safety.notes[0]
    plan = build_plan(library, person(), Screening(frozenset({flag})), (), MONDAY)
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                routine = library.routines[session.routine]
                for step, seconds in zip(routine.steps, session.step_seconds, strict=True):
                    assert not seconds or step.kind in ("breathing", "meditation")


RULES = {
    # answer: (asks left out, asks kept brief, stretches at all)
    "pregnancy": ({"lying-front", "deep-twist"}, {"lying-back"}, True),
    "epilepsy": ({"fast-breathing", "breath-hold"}, set(), True),
    "blood-pressure": ({"breath-hold", "inversion"}, set(), True),
    "osteoporosis": ({"forward-fold"}, set(), True),
    "fracture-surgery": (set(), set(), False),
}


@pytest.mark.parametrize("flag", list(RULES))
def test_each_answer_removes_what_it_must_beyond_the_mat_and_says_why(flag):
    excluded, brief, stretches = RULES[flag]
    safety = outcome(flag)
    assert safety.rules.excluded == excluded and safety.rules.brief == brief
    assert safety.rules.stretches is stretches
    assert any("your plan" in note and "leaves" in note for note in safety.notes)


def test_every_answer_has_a_note():
    for flag in FLAGS:
        assert outcome(flag).notes, flag
