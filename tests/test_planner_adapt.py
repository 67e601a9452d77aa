"""Every routine of the library adapted to the person and the day, with the reasons."""

from __future__ import annotations

from datetime import date, timedelta

from acuplan.planner import Screening, SessionRecord, build_plan, plan_json
from acuplan.planner.fitting import mat_minimum

MONDAY = date(2024, 6, 3)


def adapted(library, make_profile, flags=(), history=(), on=MONDAY, **changes):
    screening = Screening(frozenset(flags), none=not flags)
    plan = build_plan(
        library,
        make_profile(**{"minutes_per_day": 20, "days_per_week": 3} | changes),
        screening,
        history,
        on,
    )
    return {a.routine: a for a in plan.adapted}, plan


def test_every_routine_of_the_library_is_adapted(library, make_profile):
    by_slug, plan = adapted(library, make_profile)
    assert set(by_slug) == set(library.routines)
    data = plan_json(plan)["adapted"]
    assert set(data) == set(library.routines)
    for slug, routine in library.routines.items():
        assert len(data[slug]["steps"]) == len(routine.steps)
        assert set(data[slug]["steps"][0]) == {"seconds", "layer", "note"}


def test_a_newcomers_long_routine_is_shortened_to_todays_mat_time_with_a_reason(
    library, make_profile
):
    by_slug, _ = adapted(library, make_profile)
    routine = library.routines["lower-back-deep"]
    adaptation = by_slug["lower-back-deep"]
    mat = [
        (step, a)
        for step, a in zip(routine.steps, adaptation.steps, strict=True)
        if step.kind == "mat"
    ]
    assert sum(a.seconds for _, a in mat) <= 300 < routine.mat_seconds
    for step, a in mat:
        assert a.seconds == 0 or a.seconds >= mat_minimum(step)
        if a.seconds:
            assert a.layer != "bare" and "for your skin's sake" in a.note
    assert any("today's time on the mat" in n for n in adaptation.notices)


def test_no_mat_for_anyone_screened_out_and_the_page_says_why(library, make_profile):
    by_slug, _ = adapted(library, make_profile, flags={"pregnancy"})
    for slug, routine in library.routines.items():
        for step, a in zip(routine.steps, by_slug[slug].steps, strict=True):
            if step.kind == "mat":
                assert a.seconds == 0 and "ask a health professional" in a.note
        if routine.mat_seconds:
            assert any("ask a health professional" in n for n in by_slug[slug].notices)


def test_red_flags_leave_out_the_mat_and_every_stretch(library, make_profile):
    by_slug, _ = adapted(library, make_profile, flags={"red-flag-back"})
    stretched = 0
    for slug, routine in library.routines.items():
        for step, a in zip(routine.steps, by_slug[slug].steps, strict=True):
            if step.kind in ("mat", "stretch"):
                assert a.seconds == 0 and "a health professional" in a.note
                stretched += step.kind == "stretch"
    assert stretched


def test_a_reaction_today_leaves_the_mat_out_of_any_routine_today(library, make_profile):
    dizzy = SessionRecord(MONDAY, "evening-unwind", 300, "done", adverse=True)
    by_slug, _ = adapted(library, make_profile, history=[dizzy])
    for slug, routine in library.routines.items():
        for step, a in zip(routine.steps, by_slug[slug].steps, strict=True):
            if step.kind == "mat":
                assert a.seconds == 0 and "after the reaction you noted" in a.note


def test_mat_time_already_done_today_leaves_less_for_a_library_routine(library, make_profile):
    done = SessionRecord(MONDAY, "evening-unwind", 300, "done")
    by_slug, _ = adapted(library, make_profile, history=[done])
    first = by_slug["first-five-minutes"]
    routine = library.routines["first-five-minutes"]
    assert all(
        a.seconds == 0 for s, a in zip(routine.steps, first.steps, strict=True) if s.kind == "mat"
    )
    assert any("More tomorrow" in n for n in first.notices)


def test_a_returning_user_after_five_weeks_starts_again(library, make_profile):
    old = [SessionRecord(MONDAY - timedelta(days=60 - n), "own", 1200, "done") for n in range(25)]
    by_slug, plan = adapted(library, make_profile, history=old, experience="regular")
    assert plan.mat_limit == 720
    assert any("starts again from the beginning" in n for n in plan.notes)
    routine = library.routines["long-mat-rest-30"]
    kept = sum(
        a.seconds
        for s, a in zip(routine.steps, by_slug[routine.slug].steps, strict=True)
        if s.kind == "mat"
    )
    assert 0 < kept <= 720


def test_a_carried_meditation_that_cannot_play_whole_leaves_the_mat_step_out(library, make_profile):
    by_slug, _ = adapted(library, make_profile)
    routine = library.routines["long-mat-rest-30"]
    (index,) = [i for i, s in enumerate(routine.steps) if s.kind == "mat"]
    assert routine.steps[index].meditation and mat_minimum(routine.steps[index]) > 300
    step = by_slug["long-mat-rest-30"].steps[index]
    assert step.seconds == 0 and "A shorter routine suits today better" in step.note


def test_a_routine_as_written_has_no_notices(library, make_profile):
    by_slug, _ = adapted(library, make_profile, experience="regular", sensitivity="low")
    assert not by_slug["first-five-minutes"].notices
    assert not by_slug["first-five-minutes"].changed
