"""The planner: properties over random people and histories, personas, bad input."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from acuplan.planner import (
    FLAGS,
    LYING,
    PlanInputError,
    Profile,
    Screening,
    SessionRecord,
    assess_screening,
    build_plan,
    mat_limit,
    parse_date,
    parse_history,
    plan_json,
    standing_limit,
)
from acuplan.planner.plan import training_days
from acuplan.records import read_profile, read_screening
from tests.strategies import profiles

MONDAY = date(2024, 6, 3)
ASK_FIRST = {"pregnancy", "bleeding", "epilepsy", "pacemaker", "heart", "blood-pressure"}
ASK_FIRST |= {"fever", "neuropathy", "fracture-surgery", "varicose-severe"}
NO_MAT = ASK_FIRST | {"unexplained-pain", "red-flag-back", "red-flag-head"}
FEW = settings(max_examples=60, deadline=None)


def sessions(plan):
    return [s for week in plan.weeks for day in week.days for s in day.sessions]


def steps_of(library, session, kind):
    routine = library.routines[session.routine]
    return [
        (step, s)
        for step, s in zip(routine.steps, session.step_seconds, strict=True)
        if step.kind == kind
    ]


screenings = st.one_of(
    st.just(Screening()),
    st.frozensets(st.sampled_from(FLAGS), max_size=3).map(Screening),
)
dates = st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 12, 31))


@st.composite
def situations(draw):
    """A person, their screening, a history around a date, and that date.

    Histories are either scattered sessions or a steady daily practice with the odd adverse
    effect, so that both stepping up and stepping back happen.
    """
    on = draw(dates)
    scattered = st.lists(
        st.builds(
            SessionRecord,
            date=st.integers(-40, 13).map(lambda days: on + timedelta(days=days)),
            routine=st.sampled_from(["first-five-minutes", "evening-unwind", "gone-routine"]),
            mat_seconds=st.integers(0, 1800),
            status=st.sampled_from(["done", "done", "done", "skipped"]),
            adverse=st.sampled_from([False, False, False, True]),
        ),
        max_size=30,
    )
    first, days = draw(st.integers(-40, 13)), draw(st.integers(0, 40))
    bad_days = draw(st.sets(st.integers(0, 40), max_size=2))
    steady = [
        SessionRecord(on + timedelta(days=first + n), "evening-unwind", 1200, "done", n in bad_days)
        for n in range(days)
    ]
    history = draw(st.one_of(scattered, st.just(steady)))
    return draw(profiles), draw(screenings), tuple(history), on


@FEW
@given(situations())
def test_nobody_screened_out_gets_a_second_on_the_mat(library, situation):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    screened_out = bool(screening.flags & NO_MAT)
    assert plan.mat_allowed is not screened_out
    if screened_out:
        assert plan.mat_limit == 0
        for session in sessions(plan):
            assert session.mat_seconds == 0
            assert all(v.mat_seconds == 0 for v in session.shorter)
            assert all(s == 0 for _, s in steps_of(library, session, "mat"))


@FEW
@given(situations())
def test_no_day_longer_than_the_stated_minutes(library, situation):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    for week in plan.weeks:
        for day in week.days:
            assert sum(s.seconds for s in day.sessions) <= person.minutes_per_day * 60
            for session in day.sessions:
                assert session.seconds == sum(session.step_seconds)
                assert all(v.seconds < session.seconds for v in session.shorter)


@FEW
@given(situations())
def test_mat_time_keeps_to_the_limits(library, situation):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    for week in plan.weeks:
        for day in week.days:
            assert day.mat_limit <= 30 * 60
            standing = standing_limit(person, history, day.date, today=on)
            for session in day.sessions:
                assert session.mat_seconds <= day.mat_limit
                for step, seconds in steps_of(library, session, "mat"):
                    assert seconds <= min(step.seconds, 30 * 60)
                    if step.position == "standing":
                        assert seconds <= standing


@FEW
@given(situations())
def test_mat_steps_never_lengthen_others_at_most_double_and_breathing_by_whole_cycles(
    library, situation
):
    person, screening, history, on = situation
    for session in sessions(build_plan(library, person, screening, history, on)):
        routine = library.routines[session.routine]
        for version in (session.step_seconds, *(v.step_seconds for v in session.shorter)):
            assert len(version) == len(routine.steps)
            for step, seconds in zip(routine.steps, version, strict=True):
                assert 0 <= seconds <= (step.seconds if step.kind == "mat" else 2 * step.seconds)
                if step.kind == "breathing" and seconds:
                    cycles = round(seconds / step.breathing.cycle_seconds)
                    assert seconds == round(cycles * step.breathing.cycle_seconds)
                    limit = step.breathing.cycle_limit(routine.level)
                    assert cycles <= max(limit or cycles, step.cycles)


@FEW
@given(situations())
def test_a_newcomers_first_week_stays_at_five_minutes(library, situation):
    person, screening, history, on = situation
    person = Profile(**(vars(person) | {"experience": "never"}))
    first = min((r.date for r in history if r.status == "done"), default=None)
    plan = build_plan(library, person, screening, history, on)
    for week in plan.weeks:
        for day in week.days:
            if first is None or day.date < first + timedelta(days=7):
                assert mat_limit(person, history, day.date) <= 5 * 60
                assert all(s.mat_seconds <= 5 * 60 for s in day.sessions)


@FEW
@given(situations())
def test_an_adverse_effect_steps_back(library, situation):
    person, _, history, _ = situation
    for day in {r.date for r in history if r.adverse}:
        before = mat_limit(person, history, day)
        after = mat_limit(person, history, day + timedelta(days=1))
        assert after < before or after == before == LYING[0]


@FEW
@given(situations())
def test_plans_only_routines_from_the_library(library, situation):
    plan = build_plan(library, *situation)
    assert {s.routine for s in sessions(plan)} <= set(library.routines)


@FEW
@given(situations())
def test_the_same_inputs_give_the_same_plan(library, situation):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    assert build_plan(library, person, screening, history, on) == plan
    assert build_plan(library, person, screening, history[::-1], on) == plan
    assert json.loads(json.dumps(plan_json(plan))) == plan_json(plan)


@FEW
@given(situations())
def test_rest_days_mornings_and_layers_follow_the_rules(library, situation):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    for week in plan.weeks:
        planned = sum(bool(day.sessions) for day in week.days)
        past_training = sum(
            day.past and i in training_days(person.days_per_week) for i, day in enumerate(week.days)
        )
        assert planned + past_training == person.days_per_week
        for day in week.days:
            assert not (day.past and day.sessions), "a past day is never planned after the fact"
            for session in day.sessions:
                assert session.slot in person.times
                if session.slot == "morning":
                    assert "sleep" not in library.routines[session.routine].goals
                if screening.flags & {"skin", "varicose"} or person.experience == "never":
                    assert "bare" not in session.step_layers


@FEW
@given(situations())
def test_swaps_fit_the_same_slot_no_longer_and_keep_the_same_rules(library, situation):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    screened_out = bool(screening.flags & NO_MAT)
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                assert len({s.routine for s in session.swaps}) == len(session.swaps) <= 3
                for swap in session.swaps:
                    routine = library.routines[swap.routine]
                    assert swap.routine != session.routine
                    assert 0 < swap.seconds == sum(swap.step_seconds) <= session.seconds
                    assert swap.mat_seconds <= day.mat_limit
                    assert not (screened_out and swap.mat_seconds)
                    assert all(v.seconds < swap.seconds for v in swap.shorter)
                    if session.slot == "morning":
                        assert "sleep" not in routine.goals
                    for step, seconds in zip(routine.steps, swap.step_seconds, strict=True):
                        grows = 1 if step.kind == "mat" else 2
                        assert 0 <= seconds <= min(grows * step.seconds, 30 * 60)


def test_screening_flags_combine_strictest_first():
    assert assess_screening(Screening()).mat
    for flag in FLAGS:
        outcome = assess_screening(Screening(frozenset({flag})))
        assert outcome.mat is (flag not in NO_MAT), flag
        assert outcome.notes, flag
    both = assess_screening(Screening(frozenset({"skin", "pregnancy", "heart"})))
    assert not both.mat and both.covered and len(both.notes) == 5
    pain = assess_screening(Screening(frozenset({"unexplained-pain"})))
    assert not pain.stretches and "see a health professional first" in pain.notes[0]


def test_progression_starts_by_experience_and_sensitivity(make_profile):
    limits = {
        (experience, sensitivity): mat_limit(
            make_profile(experience=experience, sensitivity=sensitivity), (), MONDAY
        )
        for experience in ("never", "few", "regular")
        for sensitivity in ("low", "high")
    }
    assert limits == {
        ("never", "low"): 300,
        ("never", "high"): 120,
        ("few", "low"): 420,
        ("few", "high"): 300,
        ("regular", "low"): 720,
        ("regular", "high"): 600,
    }
    assert standing_limit(make_profile(), (), MONDAY) == 120


def test_progression_steps_up_after_good_sessions_and_back_after_an_adverse_one(make_profile):
    person = make_profile()

    def day(n):
        return MONDAY + timedelta(days=n)

    week = [SessionRecord(day(n), "evening-unwind", 300, "done") for n in range(7)]
    assert [mat_limit(person, week, day(n)) for n in (1, 3, 6, 7)] == [300, 300, 300, 420]
    more = [SessionRecord(day(n), "stress-reset-10", 420, "done") for n in range(7, 10)]
    assert mat_limit(person, week + more, day(10)) == 600
    bad = SessionRecord(day(10), "stress-reset-10", 600, "done", adverse=True)
    assert mat_limit(person, [*week, *more, bad], day(11)) == 420
    skipped = [SessionRecord(day(n), "first-five-minutes", 0, "skipped") for n in range(30)]
    assert mat_limit(person, skipped, day(30)) == 300


def test_stressed_newcomer_with_ten_minutes_in_the_evening(library, make_profile):
    person = make_profile(goals=["stress"], minutes_per_day=10, times=["evening"])
    plan = build_plan(library, person, Screening(none=True), (), MONDAY)
    planned = sessions(plan)
    assert plan.mat_limit == 300 and not plan.notes
    assert len(planned) == 10
    for session in planned:
        routine = library.routines[session.routine]
        assert session.slot == "evening" and session.seconds <= 600
        assert 0 < session.mat_seconds <= 300
        assert routine.level == "beginner" and "stress" in routine.goals
        assert any(v.seconds <= 300 for v in session.shorter)
    for one, two in pairwise(planned):
        assert one.routine != two.routine


def test_newcomer_stands_on_the_mat_two_minutes_at_most_in_socks(library, make_profile):
    person = make_profile(
        goals=["morning-energy", "tired-feet"], times=["morning"], days_per_week=7
    )
    plan = build_plan(library, person, Screening(), (), MONDAY)
    standing = [
        (seconds, layer)
        for session in sessions(plan)
        for step, seconds, layer in zip(
            library.routines[session.routine].steps,
            session.step_seconds,
            session.step_layers,
            strict=True,
        )
        if step.position == "standing" and seconds
    ]
    assert standing and all(s <= 120 and layer == "socks" for s, layer in standing)


def test_runner_with_tired_feet_in_the_mornings(library, make_profile):
    person = make_profile(
        goals=["tired-feet", "recovery"],
        minutes_per_day=20,
        days_per_week=3,
        times=["morning"],
        experience="few",
    )
    plan = build_plan(library, person, Screening(), (), MONDAY)
    assert [d.date.weekday() for d in plan.weeks[0].days if d.sessions] == [0, 2, 4]
    for session in sessions(plan):
        routine = library.routines[session.routine]
        assert session.slot == "morning" and session.seconds <= 20 * 60
        assert {"tired-feet", "recovery"} & set(routine.goals)
        assert "sleep" not in routine.goals and session.mat_seconds <= 420
        steps = zip(routine.steps, session.step_seconds, session.step_layers, strict=True)
        for step, seconds, layer in steps:
            if step.position in ("standing", "feet-seated") and seconds:
                assert layer in ("socks", "bare")
            if step.position == "standing":
                assert seconds <= 180


def test_lower_back_pain_gets_lower_back_routines_in_the_evening(library, make_profile):
    person = make_profile(goals=["lower-back"], minutes_per_day=15, days_per_week=3)
    plan = build_plan(library, person, Screening(), (), MONDAY)
    chosen = [library.routines[s.routine] for s in sessions(plan)]
    assert sum("lower-back" in r.goals for r in chosen) >= len(chosen) // 2
    assert "lower-back-gentle" in {r.slug for r in chosen}
    assert all(r.level != "experienced" for r in chosen)


def test_unexplained_pain_means_see_a_professional_and_no_mat_or_stretching(library, make_profile):
    person = make_profile(goals=["lower-back"], minutes_per_day=15)
    screening = Screening(frozenset({"unexplained-pain"}))
    plan = build_plan(library, person, screening, (), MONDAY)
    assert plan.mat_limit == 0 and "see a health professional first" in plan.notes[0]
    for session in sessions(plan):
        assert session.mat_seconds == 0
        assert all(s == 0 for _, s in steps_of(library, session, "stretch"))


def test_pregnant_person_gets_breathing_stretches_and_meditation_only(library, make_profile):
    person = make_profile(goals=["stress", "sleep"], minutes_per_day=15, days_per_week=3)
    plan = build_plan(library, person, Screening(frozenset({"pregnancy"})), (), MONDAY)
    data = plan_json(plan)
    assert data["mat_allowed"] is False and data["mat_limit"] == 0
    assert "ask a health professional before you use the mat" in data["notes"][0]
    assert len(sessions(plan)) == 6
    for session in sessions(plan):
        routine = library.routines[session.routine]
        kinds = {
            step.kind for step, s in zip(routine.steps, session.step_seconds, strict=True) if s
        }
        assert kinds and kinds <= {"breathing", "stretch", "meditation"}
        assert session.mat_seconds == 0 and set(session.step_layers) == {None}


def test_skin_concern_keeps_the_mat_with_a_layer_and_a_note(library, make_profile):
    person = make_profile(
        experience="regular", minutes_per_day=30, goals=["lower-back", "recovery"]
    )
    plan = build_plan(library, person, Screening(frozenset({"skin"})), (), MONDAY)
    assert plan.mat_allowed and "layer" in plan.notes[0]
    layers = {layer for s in sessions(plan) for layer in s.step_layers} - {None}
    assert layers and "bare" not in layers


def test_a_new_plan_starts_today_and_covers_two_weeks(library, make_profile):
    plan = build_plan(library, make_profile(days_per_week=3), Screening(), (), date(2024, 6, 6))
    data = plan_json(plan)
    assert [w["start"] for w in data["weeks"]] == ["2024-06-06", "2024-06-13"]
    first = data["weeks"][0]["days"]
    assert [d["rest"] for d in first] == [False, True, False, True, False, True, True]
    assert not any(d["past"] for w in data["weeks"] for d in w["days"])
    session = first[0]["sessions"][0]
    assert set(session) == {
        "date",
        "slot",
        "routine",
        "seconds",
        "mat_seconds",
        "step_seconds",
        "step_layers",
        "why_shorter",
        "shorter",
        "swaps",
    }
    assert session["swaps"], "other routines that fit are offered"


def test_a_plan_made_on_a_sunday_keeps_the_persons_week_and_never_replans_past_days(
    library, make_profile
):
    sunday, wednesday = date(2026, 11, 22), date(2026, 11, 18)
    history = parse_history(
        [
            {
                "date": "2026-11-18",
                "routine": "first-five-minutes",
                "mat_seconds": 300,
                "status": "done",
            }
        ]
    )
    plan = build_plan(library, make_profile(days_per_week=3), Screening(), history, sunday)
    days = [day for week in plan.weeks for day in week.days]
    assert days[0].date == wednesday and plan.weeks[1].start == wednesday + timedelta(days=7)
    assert [d.past for d in days[:4]] == [True] * 4 and not days[4].past
    assert all(not d.sessions for d in days if d.date < sunday)
    assert plan.mat_limit == days[4].mat_limit > 0


def test_morning_and_evening_share_the_days_minutes(library, make_profile):
    person = make_profile(minutes_per_day=20, times=["evening", "morning"], days_per_week=7)
    plan = build_plan(library, person, Screening(), (), MONDAY)
    for day in plan.weeks[0].days:
        assert [s.slot for s in day.sessions] == ["morning", "evening"]
        assert sum(s.seconds for s in day.sessions) <= 20 * 60
        assert day.sessions[0].routine != day.sessions[1].routine


BAD_PROFILES = [
    ({"goals": ["flying"]}, "goals", "unknown value(s) 'flying'"),
    ({"goals": []}, "goals", "choose at least one"),
    ({"minutes_per_day": 0}, "minutes_per_day", "must be between 5 and 120"),
    ({"minutes_per_day": 1000}, "minutes_per_day", "must be between 5 and 120"),
    ({"minutes_per_day": "ten"}, "minutes_per_day", "must be a whole number"),
    ({"days_per_week": 9}, "days_per_week", "must be between 1 and 7"),
    ({"times": ["noon"]}, "times", "unknown value(s) 'noon'"),
    ({"times": ["morning", "noon"]}, "times", "unknown value(s) 'noon'"),
    ({"times": []}, "times", "choose at least one"),
    ({"experience": "expert"}, "experience", "unknown value 'expert'"),
    ({"sensitivity": None}, "sensitivity", "unknown value None"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_PROFILES)
def test_bad_profile_names_the_field(changes, field, message, make_profile):
    with pytest.raises(PlanInputError) as error:
        make_profile(**changes)
    assert error.value.field == field
    assert str(error.value).startswith(f"{field}: {message}")


@pytest.mark.parametrize("value", ["2024-13-01", "2024-02-30", "yesterday", "2024-6-3", "", None])
def test_malformed_date_names_the_field(value):
    with pytest.raises(PlanInputError, match=r"^date: not a date \(YYYY-MM-DD\)$"):
        parse_date(value)


@pytest.mark.parametrize(
    ("items", "field"),
    [
        ([{"date": "2024-06-31", "routine": "x", "status": "done"}], "history[0].date"),
        ([{"date": "2024-06-03", "routine": "x", "status": "maybe"}], "history[0].status"),
        (
            [{"date": "2024-06-03", "routine": "x", "status": "done", "mat_seconds": -5}],
            "history[0].mat_seconds",
        ),
        (["done"], "history[0]"),
    ],
)
def test_bad_history_names_the_item(items, field):
    with pytest.raises(PlanInputError) as error:
        parse_history(items)
    assert error.value.field == field


def test_unknown_screening_answer_names_the_field():
    with pytest.raises(PlanInputError, match=r"^flags: unknown value\(s\) 'flying'"):
        read_screening({"flags": ["skin", "flying"]})


def test_a_choice_given_twice_is_refused():
    with pytest.raises(PlanInputError, match=r"^times: give each choice once$"):
        Profile(("stress",), 10, 3, ("morning", "morning"), "never", "low")


def test_good_form_values_parse():
    person = read_profile(
        {
            "goals": ["sleep", "stress", "sleep"],
            "minutes_per_day": "15",
            "days_per_week": 3,
            "times": ["evening", "morning"],
            "experience": "few",
        }
    )
    assert person.goals == ("sleep", "stress") and person.minutes_per_day == 15
    assert person.times == ("morning", "evening") and person.sensitivity == "medium"
    records = parse_history([{"date": "2024-06-03", "routine": "x", "status": "done"}])
    assert records == (SessionRecord(MONDAY, "x", 0, "done"),)
