"""The plan as JSON and as an iCalendar file, from the answers the device sends.

Stateless: the device keeps the profile, screening and history (IndexedDB) and asks for a
fresh plan when it has a network; the plan for this week and the next then works offline.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from flask import Blueprint, Response, jsonify, url_for
from icalendar import Alarm, Calendar, Event

from ..catalog.custom import with_custom
from ..fields import CatalogError
from ..planner import PlanInputError, build_plan, parse_date, parse_history, plan_json
from ..records import read_profile, read_screening
from .caching import CachePolicy, cache_blueprint
from .errors import json_error
from .library import current_library
from .request_input import json_body

bp = Blueprint("plan", __name__, url_prefix="/api")
# Built from a person's answers and history: never stored by the browser or the worker.
cache_blueprint(bp, CachePolicy.PERSONAL)
TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
DEFAULT_TIMES = {"morning": "07:30", "evening": "21:00"}


def _plan_from_request():
    body, unreadable = json_body()
    if unreadable:
        raise PlanInputError("body", unreadable)
    if not isinstance(body, dict):
        raise PlanInputError(
            "body", "must be a JSON object with profile, screening, history and date"
        )
    profile = body.get("profile")
    if not isinstance(profile, dict):
        raise PlanInputError("profile", "is required (an object)")
    screening = body.get("screening") or {}
    if not isinstance(screening, dict):
        raise PlanInputError("screening", "must be an object with a flags list")
    history = body.get("history") or []
    if not isinstance(history, list) or len(history) > 2000:
        raise PlanInputError("history", "must be a list of at most 2000 sessions")
    try:
        library = with_custom(current_library().library, body.get("custom") or [])
    except CatalogError as error:
        first = error.problems[0]
        raise PlanInputError(first.field, first.message) from None
    plan = build_plan(
        library,
        read_profile(profile),
        read_screening(screening),
        parse_history(history),
        parse_date(body.get("date")),
    )
    return plan, body, library


@bp.post("/plan")
def plan():
    """The plan for this week and the next, from the answers and history in the body."""
    try:
        built, _, _ = _plan_from_request()
    except PlanInputError as error:
        return json_error(400, str(error), field=error.field)
    return jsonify(plan=plan_json(built))


@bp.post("/plan.ics")
def plan_calendar():
    """The same plan as an iCalendar file, one event with a reminder per session."""
    try:
        built, body, library = _plan_from_request()
        times = {
            slot: _time(body, f"{slot}_time", default) for slot, default in DEFAULT_TIMES.items()
        }
        # the device's time of day, so today's sessions already past are left out
        now = _time(body, "now_time", "00:00")
        reminder = body.get("reminder_minutes", 10)
        if isinstance(reminder, bool) or not isinstance(reminder, int) or not 0 <= reminder <= 720:
            raise PlanInputError("reminder_minutes", "must be a whole number from 0 to 720")
    except PlanInputError as error:
        return json_error(400, str(error), field=error.field)
    return Response(
        calendar(built, library, times, reminder, now).to_ical(),
        mimetype="text/calendar",
        headers={"Content-Disposition": 'attachment; filename="acuplan.ics"'},
    )


def _time(body: dict, field: str, default: str) -> tuple[int, int]:
    value = body.get(field, default)
    match = TIME.match(value) if isinstance(value, str) else None
    if not match:
        raise PlanInputError(field, "must be a time as HH:MM")
    return int(match[1]), int(match[2])


def calendar(
    plan, library, times: dict[str, tuple[int, int]], reminder: int, now: tuple[int, int] = (0, 0)
) -> Calendar:
    """One event per planned session from the plan's day and time `now` on, in the person's
    local (floating) time, with an alarm."""
    routines = library.routines
    cal = Calendar()
    cal.add("prodid", "-//Acuplan//Plan//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Acuplan")
    for week in plan.weeks:
        for day in week.days:
            for session in day.sessions:
                routine = routines[session.routine]
                hour, minute = times[session.slot]
                start = datetime.combine(session.date, datetime.min.time()).replace(
                    hour=hour, minute=minute
                )
                if start < datetime.combine(plan.today, datetime.min.time()).replace(
                    hour=now[0], minute=now[1]
                ):
                    continue
                event = Event()
                event.add("uid", f"{session.date.isoformat()}-{session.slot}@acuplan")
                event.add("summary", f"{routine.title} · {round(session.seconds / 60)} min")
                event.add("dtstart", start)
                event.add("duration", timedelta(seconds=session.seconds))
                event.add("dtstamp", datetime.combine(plan.today, datetime.min.time()))
                event.add("description", _description(routine, session))
                event.add("url", _routine_url(session))
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", f"Time for {routine.title}")
                alarm.add("trigger", timedelta(minutes=-reminder))
                event.add_component(alarm)
                cal.add_component(event)
    return cal


def _routine_url(session) -> str:
    """The routine's page as the plan fitted it: seconds and layer per step."""
    return url_for(
        "pages.routine",
        slug=session.routine,
        steps=",".join(map(str, session.step_seconds)),
        layers=",".join(layer or "-" for layer in session.step_layers),
        _external=True,
    )


def _description(routine, session) -> str:
    mat = round(session.mat_seconds / 60)
    on_mat = f"{mat} min on the mat. " if mat else "No mat today. "
    return f"{routine.summary} {on_mat}Open Acuplan to start."
