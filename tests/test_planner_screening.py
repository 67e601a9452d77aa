"""The safety screening: every answer, what it removes and why, "none" as an answer."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acuplan.catalog import GOALS
from acuplan.planner import (
    FLAGS,
    PlanInputError,
    Screening,
    assess_screening,
    build_plan,
    plan_json,
)
from acuplan.records import read_screening

MONDAY = date(2024, 6, 3)
RED_FLAGS = frozenset({"red-flag-back", "red-flag-head"})
# Unlike conftest's PERSON: two goals, twenty minutes every day, some experience.
PERSON = dict(goals=["stress", "lower-back"], minutes_per_day=20, days_per_week=7, experience="few")


def outcome(*flags):
    return assess_screening(Screening(frozenset(flags)))


def test_none_of_these_is_an_answer_and_nothing_ticked_is_not(library, make_profile):
    assert read_screening({"flags": ["none"]}).answered
    assert not read_screening({"flags": []}).answered
    assert not read_screening({}).answered
    with pytest.raises(PlanInputError, match=r"^flags: 'none' cannot go with other answers"):
        read_screening({"flags": ["none", "skin"]})
    unanswered = plan_json(
        build_plan(
            library,
            make_profile(**PERSON),
            Screening(),
            (),
            MONDAY,
        )
    )
    assert unanswered["screened"] is False
    assert "not answered the health questions" in unanswered["notes"][0]
    answered = plan_json(
        build_plan(
            library,
            make_profile(**PERSON),
            Screening(none=True),
            (),
            MONDAY,
        )
    )
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
def test_red_flags_mean_no_mat_no_stretching_and_see_a_professional(library, flag, make_profile):
    safety = outcome(flag)
    assert not safety.mat and not safety.stretches and not safety.rules.stretches
    assert "Please see a health professional first." in safety.notes[0]
    plan = build_plan(
        library,
        make_profile(**PERSON),
        Screening(frozenset({flag})),
        (),
        MONDAY,
    )
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


ASKS_OUT = {
    "pregnancy": {"lying-front", "deep-twist"},
    "epilepsy": {"fast-breathing", "breath-hold"},
    "blood-pressure": {"breath-hold", "inversion"},
    "osteoporosis": {"forward-fold"},
}


def kept_steps(library, fitted):
    routine = library.routines[fitted.routine]
    return [(s, n) for s, n in zip(routine.steps, fitted.step_seconds, strict=True) if n]


def every_fitting(plan):
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                for fitted in (session, *session.swaps):
                    yield fitted
                    for version in fitted.shorter:
                        yield type("V", (), {"routine": fitted.routine, **vars(version)})


@settings(max_examples=25, deadline=None)
@given(
    flags=st.frozensets(st.sampled_from(FLAGS), max_size=3),
    goals=st.lists(st.sampled_from(list(GOALS)), min_size=1, max_size=3, unique=True),
    minutes=st.integers(5, 60),
)
def test_no_plan_or_routine_keeps_what_an_answer_leaves_out(
    library, flags, goals, minutes, make_profile
):
    plan = build_plan(
        library,
        make_profile(**PERSON | dict(goals=goals, minutes_per_day=minutes)),
        Screening(flags),
        (),
        MONDAY,
    )
    out = set().union(*(ASKS_OUT.get(flag, set()) for flag in flags))
    no_stretch = bool(flags & {"fracture-surgery", "unexplained-pain"} | flags & RED_FLAGS)
    adapted = [
        (library.routines[a.routine], tuple(s.seconds for s in a.steps)) for a in plan.adapted
    ]
    fittings = [(library.routines[f.routine], f.step_seconds) for f in every_fitting(plan)]
    for routine, seconds in adapted + fittings:
        for step, kept in zip(routine.steps, seconds, strict=True):
            if not kept:
                continue
            assert not step.asks & out, (routine.slug, step.title, flags)
            assert not (no_stretch and step.kind == "stretch")
            if "pregnancy" in flags and "lying-back" in step.asks:
                assert kept <= 60


def test_a_pregnant_persons_plan_and_library_leave_out_twists_and_front_lying(
    library, make_profile
):
    plan = build_plan(
        library,
        make_profile(**PERSON),
        Screening(frozenset({"pregnancy"})),
        (),
        MONDAY,
    )
    removed = {
        step.stretch.id
        for a in plan.adapted
        for step, kept in zip(library.routines[a.routine].steps, a.steps, strict=True)
        if step.kind == "stretch" and not kept.seconds
    }
    assert {"supine-twist", "sphinx"} <= removed
    notes = [n for a in plan.adapted for n in a.notices]
    assert any("deep twists are not advised in pregnancy" in n for n in notes)
    assert any("lying on your front is not advised in pregnancy" in n for n in notes)
