"""The plan over HTTP: JSON, iCalendar, and bad input named by field."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from icalendar import Calendar

PROFILE = {
    "goals": ["stress", "sleep"],
    "minutes_per_day": 10,
    "days_per_week": 4,
    "times": ["evening"],
    "experience": "never",
    "sensitivity": "medium",
}


def request_plan(auth, url="/api/plan", **changes):
    body = {
        "profile": PROFILE,
        "screening": {"flags": []},
        "history": [],
        "date": "2026-11-23",
        **changes,
    }
    return auth.post_json(url, body)


def test_plan_json_for_two_weeks_within_the_stated_minutes(auth, app):
    response = request_plan(auth)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    plan = response.get_json()["plan"]
    assert [w["start"] for w in plan["weeks"]] == ["2026-11-23", "2026-11-30"]
    sessions = [s for w in plan["weeks"] for d in w["days"] for s in d["sessions"]]
    assert len(sessions) == 8
    routines = app.extensions["acuplan.library"].routines
    for session in sessions:
        assert session["slot"] == "evening"
        assert session["seconds"] <= 600 and session["mat_seconds"] <= 300
        assert len(session["step_seconds"]) == len(routines[session["routine"]].steps)


def test_a_pregnant_person_gets_no_mat_and_advice(auth):
    plan = request_plan(auth, screening={"flags": ["pregnancy"]}).get_json()["plan"]
    assert plan["mat_allowed"] is False
    assert any("professional" in note for note in plan["notes"])
    sessions = [s for w in plan["weeks"] for d in w["days"] for s in d["sessions"]]
    assert sessions and all(s["mat_seconds"] == 0 for s in sessions)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"profile": {**PROFILE, "goals": ["flying"]}}, "goals", "flying"),
        ({"profile": {**PROFILE, "minutes_per_day": 0}}, "minutes_per_day", "between"),
        ({"profile": {**PROFILE, "minutes_per_day": 1000}}, "minutes_per_day", "between"),
        ({"profile": {**PROFILE, "days_per_week": 9}}, "days_per_week", "between"),
        ({"date": "23/11/2026"}, "date", "YYYY-MM-DD"),
        ({"profile": None}, "profile", "required"),
        ({"screening": {"flags": ["unicorn"]}}, "flags", "unicorn"),
        (
            {"history": [{"date": "2026-11-20", "routine": "x", "status": "maybe"}]},
            "history[0].status",
            "maybe",
        ),
    ],
)
def test_bad_input_is_a_400_naming_the_field(auth, changes, field, words):
    response = request_plan(auth, **changes)
    assert response.status_code == 400
    body = response.get_json()
    assert body["field"] == field
    assert words in body["message"]


def test_a_body_that_is_not_an_object_is_refused(auth):
    response = auth.client.post(
        "/api/plan",
        data="[]",
        content_type="application/json",
        headers={"X-CSRFToken": auth.csrf()},
    )
    assert response.status_code == 400 and response.get_json()["field"] == "body"


def test_ics_parses_back_with_events_and_alarms(auth, app):
    plan = request_plan(auth).get_json()["plan"]
    response = request_plan(auth, url="/api/plan.ics", evening_time="20:45", reminder_minutes=15)
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert "attachment" in response.headers["Content-Disposition"]
    calendar = Calendar.from_ical(response.data)
    events = calendar.walk("VEVENT")
    sessions = [s for w in plan["weeks"] for d in w["days"] for s in d["sessions"]]
    assert len(events) == len(sessions)
    routines = app.extensions["acuplan.library"].routines
    for event, session in zip(
        sorted(events, key=lambda e: e.decoded("dtstart")), sessions, strict=True
    ):
        start = event.decoded("dtstart")
        assert start == datetime.combine(
            date.fromisoformat(session["date"]), datetime.min.time()
        ).replace(hour=20, minute=45)
        assert event.decoded("duration") == timedelta(seconds=session["seconds"])
        assert str(event["summary"]).startswith(routines[session["routine"]].title)
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("trigger") == timedelta(minutes=-15)
        steps = ",".join(map(str, session["step_seconds"]))
        assert f"/routines/{session['routine']}?steps={steps}&layers=" in event["url"]


def test_ics_of_a_plan_made_on_a_sunday_holds_no_event_in_the_past(auth):
    history = [
        {
            "date": "2026-11-18",
            "routine": "first-five-minutes",
            "mat_seconds": 300,
            "status": "done",
        }
    ]
    changes = {"date": "2026-11-22", "history": history, "times": ["morning", "evening"]}
    body = {**PROFILE, "times": ["morning", "evening"], "days_per_week": 7}
    response = request_plan(
        auth,
        url="/api/plan.ics",
        profile=body,
        now_time="12:00",
        **{k: v for k, v in changes.items() if k != "times"},
    )
    starts = [e.decoded("dtstart") for e in Calendar.from_ical(response.data).walk("VEVENT")]
    sunday_noon = datetime(2026, 11, 22, 12, 0)
    assert starts and min(starts) >= sunday_noon
    assert datetime(2026, 11, 22, 21, 0) in starts, "this evening's session is still ahead"
    assert max(starts) < datetime(2026, 12, 2), "two weeks from the person's Wednesday"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"morning_time": "7am"}, "morning_time"),
        ({"reminder_minutes": -5}, "reminder_minutes"),
        ({"now_time": "25:00"}, "now_time"),
    ],
)
def test_ics_bad_options_are_named(auth, changes, field):
    response = request_plan(auth, url="/api/plan.ics", **changes)
    assert response.status_code == 400 and response.get_json()["field"] == field


def test_plan_needs_csrf(client):
    response = client.post("/api/plan", json={"profile": PROFILE})
    assert response.status_code == 400
    assert "CSRF" in response.get_json()["message"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"screening": {"flags": ["none", "skin"]}}, "flags"),
        (
            {"history": [{"date": "2026-11-20", "routine": "x", "status": "done", "healed": 1}]},
            "history[0].healed",
        ),
        (
            {"history": [{"date": "2026-11-20", "routine": "x", "status": "done", "skin": "y"}]},
            "history[0].skin",
        ),
    ],
)
def test_new_answers_and_history_fields_are_checked(auth, changes, field):
    response = request_plan(auth, **changes)
    assert response.status_code == 400 and response.get_json()["field"] == field


def test_the_plan_carries_every_routine_adapted_for_the_person(auth, app):
    routines = app.extensions["acuplan.library"].routines
    plan = request_plan(auth, screening={"flags": ["pregnancy"]}).get_json()["plan"]
    assert plan["screened"] is True and set(plan["adapted"]) == set(routines)
    for slug, routine in routines.items():
        steps = plan["adapted"][slug]["steps"]
        for step, adapted in zip(routine.steps, steps, strict=True):
            if step.kind == "mat":
                assert adapted["seconds"] == 0 and "health professional" in adapted["note"]
    unanswered = request_plan(auth, screening={"flags": []}).get_json()["plan"]
    assert unanswered["screened"] is False
    assert "not answered the health questions" in unanswered["notes"][0]
