"""The plan fills the minutes asked for, or says why not, and never adds mat time."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings

from acuplan.planner import Screening, build_plan, plan_json
from acuplan.planner.filling import tolerance
from acuplan.planner.plan import slot_budgets
from tests.test_planner import situations

SOME = settings(max_examples=40, deadline=None)


@SOME
@given(situations())
def test_every_session_fills_its_minutes_or_says_why_and_keeps_the_mat_limits(
    library,
    situation,
):
    person, screening, history, on = situation
    plan = build_plan(library, person, screening, history, on)
    budgets = dict(slot_budgets(person))
    # a session already done today stays as it was planned; the day's limit is what is
    # still allowed (0 after a reaction noted today), so it holds for what is left to do
    done_today = {r.routine for r in history if r.date == on and r.status == "done"}
    for week in plan.weeks:
        for day in week.days:
            to_do = [s for s in day.sessions if day.date != on or s.routine not in done_today]
            assert sum(s.mat_seconds for s in to_do) <= day.mat_limit <= 30 * 60
            for session in day.sessions:
                budget = budgets[session.slot]
                assert session.seconds <= budget
                if session.seconds < budget - tolerance(budget):
                    assert session.why_shorter, (session.routine, session.seconds, budget)
                    assert f"of your {round(budget / 60)} minutes" in session.why_shorter


def test_fifteen_minutes_a_day_for_a_newcomer_are_filled(library, make_profile):
    person = make_profile(minutes_per_day=15, days_per_week=7)
    plan = plan_json(build_plan(library, person, Screening(), (), date(2026, 11, 22)))
    sessions = [s for w in plan["weeks"] for d in w["days"] for s in d["sessions"]]
    assert all(s["seconds"] >= 13 * 60 or s["why_shorter"] for s in sessions)
    assert sum(s["seconds"] >= 13 * 60 for s in sessions) >= len(sessions) // 2
    assert all(s["mat_seconds"] <= 5 * 60 for s in sessions)


def test_a_newcomer_asking_for_thirty_minutes_is_told_the_mat_time_is_growing(
    library, make_profile
):
    person = make_profile(minutes_per_day=30, days_per_week=7)
    plan = plan_json(build_plan(library, person, Screening(), (), date(2026, 11, 22)))
    first = plan["weeks"][0]["days"][0]["sessions"][0]
    assert first["seconds"] < 27 * 60
    assert "your time on the mat is still growing" in first["why_shorter"]
