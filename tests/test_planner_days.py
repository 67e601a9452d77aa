"""The planner over whole days: progression, breaks, reactions, shared limits, minimum steps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acuplan.planner import (
    FLAGS,
    LYING,
    STANDING,
    PlanInputError,
    Screening,
    SessionRecord,
    build_plan,
    fit_routine,
    mat_limit,
    parse_history,
    rung,
)
from acuplan.planner.fitting import mat_minimum, position_seconds
from acuplan.planner.plan import with_lying
from acuplan.planner.progression import start_rung
from tests.strategies import profiles

MONDAY = date(2024, 6, 3)
NO_MAT = {"pregnancy", "bleeding", "epilepsy", "pacemaker", "heart", "blood-pressure"}
NO_MAT |= {"fever", "neuropathy", "fracture-surgery", "varicose-severe"}
NO_MAT |= {"unexplained-pain", "red-flag-back", "red-flag-head"}


def day(n: int) -> date:
    return MONDAY + timedelta(days=n)


def done(n: int, mat: int, routine: str = "evening-unwind", **extra) -> SessionRecord:
    return SessionRecord(day(n), routine, mat, "done", **extra)


def all_days(plan):
    return [d for week in plan.weeks for d in week.days]


def test_a_session_counts_only_when_it_reached_the_current_rungs_length(make_profile):
    person = make_profile(days_per_week=7)  # starts at 5 minutes
    assert mat_limit(person, [done(n, 240) for n in range(10)], day(10)) == 300
    assert mat_limit(person, [done(n, 300) for n in range(10)], day(10)) == 420


def test_only_time_lying_on_the_mat_counts_toward_the_lying_ladder(library, make_profile):
    person = make_profile(days_per_week=7)
    standing = [done(n, 300, lying_seconds=0) for n in range(10)]
    assert mat_limit(person, standing, day(10)) == 300
    # a routine that is all feet: its mat time is not lying time, whatever the record says
    feet = [SessionRecord(day(n), "feet-after-a-long-day", 300, "done") for n in range(10)]
    assert position_seconds(library.routines["feet-after-a-long-day"], None, ("upper-back",)) == 0
    assert build_plan(library, person, Screening(), feet, day(10)).mat_limit == 300
    lying = [done(n, 300) for n in range(10)]
    assert build_plan(library, person, Screening(), lying, day(10)).mat_limit == 420


def test_two_slots_share_one_days_mat_time(library, make_profile):
    person = make_profile(
        days_per_week=7,
        experience="regular",
        minutes_per_day=40,
        times=["morning", "evening"],
        goals=["recovery"],
    )
    plan = build_plan(library, person, Screening(), (), MONDAY)
    for planned in all_days(plan):
        assert len(planned.sessions) == 2
        assert sum(s.mat_seconds for s in planned.sessions) <= planned.mat_limit == 720


def test_calm_goals_give_the_evening_the_mat_first(library, make_profile):
    person = make_profile(
        days_per_week=7, minutes_per_day=20, times=["morning", "evening"], goals=["sleep"]
    )
    plan = build_plan(library, person, Screening(), (), MONDAY)
    for planned in all_days(plan):
        morning, evening = planned.sessions
        assert evening.mat_seconds >= morning.mat_seconds
        assert morning.mat_seconds + evening.mat_seconds <= 300


def test_a_week_away_steps_back_one_rung_and_four_weeks_start_again(library, make_profile):
    person = make_profile(days_per_week=7, experience="regular")  # starts at 12 minutes
    steady = [done(n, 1200, "own") for n in range(30)]
    level = rung(person, steady, day(30))
    assert LYING[level] > 720
    assert rung(person, steady, day(35)) == level  # five days off: nothing changes
    assert rung(person, steady, day(37)) == level - 1
    assert rung(person, steady, day(57)) == start_rung(person)
    plan = build_plan(library, person, Screening(), steady, day(37))
    assert plan.mat_limit == LYING[level - 1]
    assert any("8 days since your last session" in n and "one step" in n for n in plan.notes)
    back = build_plan(library, person, Screening(), steady, day(64))
    assert back.mat_limit == 720
    assert any("35 days" in n and "from the beginning" in n for n in back.notes)


def test_the_plan_ahead_does_not_step_back_for_days_that_have_not_happened(library, make_profile):
    person = make_profile(experience="regular", days_per_week=3)
    steady = [done(n, 1200, "own") for n in range(30)]
    plan = build_plan(library, person, Screening(), steady, day(31))
    limits = {d.mat_limit for d in all_days(plan) if not d.past}
    assert limits == {LYING[rung(person, steady, day(31))]}
    assert not any("since your last session" in n for n in plan.notes)


def test_after_a_long_break_the_first_week_rule_applies_again(make_profile):
    person = make_profile(days_per_week=7)
    before = [done(n, 1200) for n in range(40)]
    again = [done(n, 300) for n in range(80, 86)]
    assert mat_limit(person, before + again, day(86)) == 300  # only six days back


def test_a_reaction_logged_today_takes_the_mat_out_of_the_rest_of_today(library, make_profile):
    person = make_profile(
        days_per_week=7, minutes_per_day=20, times=["morning", "evening"], goals=["stress"]
    )
    calm = build_plan(library, person, Screening(), (), MONDAY)
    morning = calm.weeks[0].days[0].sessions[0]
    assert calm.weeks[0].days[0].sessions[1].mat_seconds > 0
    dizzy = SessionRecord(MONDAY, morning.routine, morning.mat_seconds, "done", adverse=True)
    plan = build_plan(library, person, Screening(), [dizzy], MONDAY)
    first, second = plan.weeks[0].days[0].sessions
    assert first == morning  # what was done stays, so it is still marked done
    assert second.mat_seconds == 0 and second.seconds > 0
    assert plan.mat_limit == 0 and plan.mat_allowed
    assert any("rest of today is without the mat" in note for note in plan.notes)
    assert plan.weeks[0].days[1].mat_limit < calm.weeks[0].days[1].mat_limit


def test_mat_time_done_outside_the_plan_today_counts_against_today(library, make_profile):
    person = make_profile(days_per_week=7, minutes_per_day=20)
    other = SessionRecord(MONDAY, "long-mat-rest-30", 200, "done", lying_seconds=200)
    plan = build_plan(library, person, Screening(), [other], MONDAY)
    assert sum(s.mat_seconds for s in plan.weeks[0].days[0].sessions) <= 100


def test_no_mat_after_broken_skin_until_the_journal_says_it_has_healed(library, make_profile):
    person = make_profile(days_per_week=7)
    bruise = done(0, 300, adverse=True, skin=True)
    later = [done(n, 0) for n in range(1, 5)]
    plan = build_plan(library, person, Screening(), [bruise, *later], day(5))
    assert not plan.mat_allowed
    assert all(s.mat_seconds == 0 for d in all_days(plan) for s in d.sessions)
    assert any("until it has healed" in note for note in plan.notes)
    healed = done(5, 0, healed=True)
    plan = build_plan(library, person, Screening(), [bruise, *later, healed], day(6))
    assert plan.mat_allowed and plan.mat_limit > 0
    not_yet = done(5, 0, healed=False)
    assert not build_plan(library, person, Screening(), [bruise, not_yet], day(6)).mat_allowed


def test_history_takes_lying_time_skin_and_healed_and_names_bad_values():
    (record,) = parse_history(
        [
            {
                "date": "2024-06-03",
                "routine": "x",
                "status": "done",
                "mat_seconds": 300,
                "lying_seconds": 120,
                "skin": True,
                "healed": None,
            }
        ]
    )
    assert record.lying == 120 and record.skin and record.healed is None
    for field, value in (("lying_seconds", -1), ("skin", "yes"), ("healed", "no")):
        item = {"date": "2024-06-03", "routine": "x", "status": "done", field: value}
        with pytest.raises(PlanInputError) as error:
            parse_history([item])
        assert error.value.field == f"history[0].{field}"


@pytest.mark.parametrize("cap", [0, 30, 60, 90, 120, 150, 180, 300, 420, 600])
def test_no_step_is_made_shorter_than_is_useful(library, cap):
    for routine in library.routines.values():
        for budget in (120, 300, 600, 1200):
            seconds = fit_routine(routine, budget, cap, min(cap, 120))
            for step, s in zip(routine.steps, seconds, strict=True):
                if not s:
                    continue
                if step.kind == "mat":
                    assert s >= mat_minimum(step) >= min(step.seconds, 30)
                    if step.meditation:
                        assert s > step.meditation.prompts[-1].at, routine.slug
                elif step.kind == "breathing":
                    assert s >= step.breathing.cycle_seconds
                elif step.kind == "stretch":
                    assert s >= step.hold
                elif step.kind == "meditation":
                    assert s > step.meditation.prompts[-1].at


def test_a_mat_step_that_would_be_cut_too_short_is_left_out_not_shortened(library):
    routine = library.routines["body-scan-on-the-mat"]
    (step,) = [s for s in routine.steps if s.kind == "mat"]
    assert step.meditation
    fitted = fit_routine(routine, 3600, mat_minimum(step) - 30, 120)
    assert sum(s for st_, s in zip(routine.steps, fitted, strict=True) if st_.kind == "mat") == 0


ROUTINES = ["evening-unwind", "long-mat-rest-30", "feet-after-a-long-day", "own"]


@st.composite
def lives(draw):
    """A person, a screening, a history with gaps, reactions and healing, and a date."""
    on = draw(st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31)))
    blocks = draw(st.lists(st.tuples(st.integers(1, 40), st.integers(0, 12)), max_size=4))
    history, offset = [], -draw(st.integers(0, 90))
    for gap, length in blocks:
        offset += gap
        for n in range(length):
            when = on + timedelta(days=offset + n)
            if when > on:
                break
            mat = draw(st.integers(0, 1800))
            history.append(
                SessionRecord(
                    when,
                    draw(st.sampled_from(ROUTINES)),
                    mat,
                    draw(st.sampled_from(["done", "done", "skipped"])),
                    adverse=(adverse := draw(st.sampled_from([False] * 6 + [True]))),
                    lying_seconds=draw(st.one_of(st.none(), st.integers(0, mat))),
                    skin=adverse and draw(st.booleans()),
                    healed=draw(st.sampled_from([None, None, True, False])),
                )
            )
        offset += length
    flags = draw(st.frozensets(st.sampled_from(FLAGS), max_size=2))
    return draw(profiles), Screening(flags), tuple(history), on


@settings(max_examples=40, deadline=None)
@given(lives())
def test_every_day_keeps_to_its_rung_the_domain_and_the_screening(library, life):
    person, screening, history, on = life
    plan = build_plan(library, person, screening, history, on)
    history = tuple(with_lying(library, r) for r in history)  # as the planner counts it
    reacted_today = any(r.adverse for r in history if r.date == on)
    done_today = [r for r in history if r.date == on and r.status == "done"]
    done_routines = {r.routine for r in done_today}
    for planned in all_days(plan):
        level = rung(person, history, planned.date, today=on)
        assert planned.mat_limit in (0, LYING[level]) and planned.mat_limit <= 30 * 60
        # sessions already done today were within the limit when they were planned
        ahead = [
            s for s in planned.sessions if not (planned.date == on and s.routine in done_routines)
        ]
        mat = sum(s.mat_seconds for s in planned.sessions)
        mat_ahead = sum(s.mat_seconds for s in ahead)
        standing = sum(
            position_seconds(library.routines[s.routine], s.step_seconds, ("standing",))
            for s in planned.sessions
        )
        assert mat <= LYING[level] and mat_ahead <= planned.mat_limit
        assert standing <= STANDING[level]
        assert sum(s.seconds for s in planned.sessions) <= person.minutes_per_day * 60
        if screening.flags & NO_MAT:
            assert planned.mat_limit == mat == 0
        if not plan.mat_allowed and planned.date >= on:
            assert planned.mat_limit == mat_ahead == 0
        if planned.date == on and reacted_today:
            assert planned.mat_limit == mat_ahead == 0
        if planned.date == on:
            planned_routines = {s.routine for s in planned.sessions}
            outside = sum(r.mat_seconds for r in done_today if r.routine not in planned_routines)
            assert mat + outside <= LYING[level] or not mat_ahead


@settings(max_examples=30, deadline=None)
@given(lives())
def test_every_library_routine_today_keeps_within_what_is_left_of_the_day(library, life):
    person, screening, history, on = life
    plan = build_plan(library, person, screening, history, on)
    done_today = sum(r.mat_seconds for r in history if r.date == on and r.status == "done")
    left = max(0, plan.mat_limit - done_today)
    for adaptation in plan.adapted:
        routine = library.routines[adaptation.routine]
        mat = 0
        for step, adapted in zip(routine.steps, adaptation.steps, strict=True):
            assert 0 <= adapted.seconds <= step.seconds
            layer_changed = step.kind == "mat" and adapted.seconds and adapted.layer != step.layer
            changed = adapted.seconds != step.seconds or layer_changed
            assert changed == bool(adapted.note), (routine.slug, step.title)
            if step.kind == "mat":
                mat += adapted.seconds
                if adapted.seconds:
                    assert adapted.seconds >= mat_minimum(step)
        assert mat <= left
        if not plan.mat_allowed or screening.flags & NO_MAT:
            assert mat == 0
