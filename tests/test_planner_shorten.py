"""Shorten keeps the mat time the person is working up to: the other steps give way
first, and the mat shortens (to half at the least) only when nothing else is left."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings

from acuplan.planner import Screening, build_plan
from tests.test_planner import situations

SOME = settings(max_examples=40, deadline=None)


def others_left(routine, step_seconds) -> int:
    return sum(s for step, s in zip(routine.steps, step_seconds, strict=True) if step.kind != "mat")


@SOME
@given(situations())
def test_shorter_versions_keep_the_mat_until_nothing_else_is_left(library, situation):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    for session in (s for w in plan.weeks for d in w.days for s in d.sessions):
        routine = library.routines[session.routine]
        for version in session.shorter:
            assert 0 < version.seconds < session.seconds
            if version.mat_seconds < session.mat_seconds:
                assert others_left(routine, version.step_seconds) == 0, session.routine
                assert version.mat_seconds >= session.mat_seconds // 2 - 30


def test_twenty_minutes_shortened_to_ten_keep_the_ten_on_the_mat(library, make_profile):
    person = make_profile(minutes_per_day=20, days_per_week=7, experience="regular")
    plan = build_plan(library, person, Screening(), (), date(2026, 11, 22))
    session = plan.weeks[0].days[0].sessions[0]
    assert session.mat_seconds >= 600
    by_minutes = {round(v.seconds / 60): v for v in session.shorter}
    fifteen = by_minutes[15]
    assert fifteen.mat_seconds == session.mat_seconds  # the other steps gave way
    assert by_minutes[10].mat_seconds >= 540
    assert by_minutes[min(by_minutes)].mat_seconds >= session.mat_seconds // 2
