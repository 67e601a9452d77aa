"""The routines mat users asked for, found by what they are rather than by name."""

from __future__ import annotations

import itertools

import pytest

from acuplan.catalog import load_library
from acuplan.catalog.model import LYING_POSITIONS
from acuplan.catalog.rules import BEGINNER_ROUTINE_MAT_MAX
from tests.conftest import LIBRARY


@pytest.fixture(scope="module")
def routines():
    return list(load_library(LIBRARY).routines.values())


def mat_steps(routine):
    return [s for s in routine.steps if s.kind == "mat"]


def said(step) -> str:
    """All a step says: its instruction and any parts said later (lower, later, get_up)."""
    parts = [getattr(step, "lower", None), getattr(step, "get_up", None)]
    parts += [p.text for p in getattr(step, "later", ())]
    return " ".join([step.instruction, *filter(None, parts)])


def test_a_two_to_three_minute_reset_with_and_without_the_mat(routines):
    resets = [r for r in routines if 2 * 60 <= r.seconds <= 3 * 60 and "stress" in r.goals]
    assert any(r.mat_seconds for r in resets), [r.slug for r in resets]
    assert any(not r.mat_seconds for r in resets), [r.slug for r in resets]
    assert all(r.level == "beginner" for r in resets)


def test_feet_on_the_mat_under_the_desk_with_check_ins(routines):
    desk = [
        r
        for r in routines
        if any(
            s.position == "feet-seated" and s.meditation and s.meditation.kind == "check-in"
            for s in mat_steps(r)
        )
    ]
    assert {r.level for r in desk} >= {"beginner", "intermediate"}
    for routine in desk:
        step = mat_steps(routine)[0]
        assert "desk" in said(step) and "work" in said(step), routine.slug
        assert step.layer == "socks" or routine.level != "beginner"


def test_a_sleep_routine_done_in_bed_ends_in_bed(routines):
    in_bed = [
        r
        for r in routines
        if "sleep" in r.goals and any("mat on the bed" in said(s) for s in mat_steps(r))
    ]
    assert {r.level for r in in_bed} >= {"beginner", "intermediate"}
    for routine in in_bed:
        last = routine.steps[-1]
        assert last.kind != "mat" and "nothing to get up for" in last.instruction, routine.slug
        after_mat = routine.steps[routine.steps.index(mat_steps(routine)[-1]) + 1 :]
        assert not any("get up slowly" in s.instruction for s in after_mat), routine.slug
        # The mat leaves the bed before sleep.
        assert any("mat on the floor" in said(s) for s in mat_steps(routine)), routine.slug


def test_coming_back_after_a_break_is_short_and_gentle(routines):
    (back,) = [r for r in routines if "after a week or more away" in r.summary]
    assert back.level == "beginner"
    assert 0 < back.mat_seconds < BEGINNER_ROUTINE_MAT_MAX
    assert all(s.layer != "bare" for s in mat_steps(back))
    assert any("healed" in note for note in back.safety)


def test_lying_on_the_mat_while_reading_at_every_level(routines):
    reading = [
        r
        for r in routines
        if any(
            s.position in LYING_POSITIONS and s.meditation and s.meditation.kind == "check-in"
            for s in mat_steps(r)
        )
    ]
    assert {r.level for r in reading} == {"beginner", "intermediate", "experienced"}
    for routine in reading:
        step = next(s for s in mat_steps(routine) if s.meditation)
        prompts = step.meditation.prompts
        assert "bell" in prompts[0].text  # the timer is said up front
        # gentle checks, never more often than every ninety seconds, up to near the end
        assert all(b.at - a.at >= 90 for a, b in itertools.pairwise(prompts))
        assert step.seconds - prompts[-1].at <= 4 * 60, routine.slug
        assert any("come off the mat" in p.text or "stop early" in p.text for p in prompts)


@pytest.mark.parametrize("goal", ["headache", "menstrual"])
def test_headache_and_menstrual_routines_off_the_lower_back(routines, goal):
    off_lower_back = [r for r in routines if goal in r.goals and "lower-back" not in r.positions]
    with_mat = [r for r in off_lower_back if r.mat_seconds]
    assert len(with_mat) >= 3, [r.slug for r in with_mat]
    assert any(not r.mat_seconds for r in off_lower_back)
    assert {r.level for r in off_lower_back} >= {"beginner", "intermediate"}


def test_headache_routines_name_the_red_flags(routines):
    for routine in routines:
        if "headache" in routine.goals:
            notes = " ".join(routine.safety)
            assert "medical help straight away" in notes or "fever" in notes, routine.slug


def test_menstrual_mat_routines_warn_about_pregnancy_and_bleeding(routines):
    for routine in routines:
        if "menstrual" in routine.goals and routine.mat_seconds:
            notes = " ".join(routine.safety)
            assert "pregnant" in notes and "blood-thinning" in notes, routine.slug


def test_the_levels_stay_balanced(routines):
    share = {
        level: sum(r.level == level for r in routines) / len(routines)
        for level in ("beginner", "intermediate", "experienced")
    }
    assert 0.45 <= share["beginner"] <= 0.65, share
    assert 0.2 <= share["intermediate"] <= 0.4, share
    assert share["experienced"] >= 0.1, share
    assert sum(not r.mat_seconds for r in routines) >= 8


def test_new_mat_instructions_stay_short(routines):
    # New routines keep each mat instruction short enough to be said in one go.
    for routine in routines:
        for step in mat_steps(routine):
            checked_in = step.meditation and step.meditation.kind == "check-in"
            if checked_in or routine.seconds < 5 * 60:
                assert len(step.instruction.split()) <= 40, routine.slug
