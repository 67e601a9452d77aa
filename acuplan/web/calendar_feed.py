"""The private calendar feed: `/calendar/<token>.ics`, the plan as it stands after the
person's moves, swaps and skips, for calendar apps to refresh. Only the token opens it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, url_for
from icalendar import Alarm, Calendar, Event
from sqlalchemy import select

from ..extensions import db
from ..models import PushSubscription
from ..reminders.server_plan import person_plan
from .caching import CachePolicy, cache_blueprint
from .library import current_library
from .reminders_api import feed_owner

bp = Blueprint("calendar_feed", __name__)
cache_blueprint(bp, CachePolicy.PERSONAL)
DEFAULT_TIMES = {"morning": "07:30", "evening": "21:00"}  # as the calendar download's


def now() -> datetime:
    """The current time (a function, so tests can set the clock)."""
    return datetime.now(UTC)


@bp.get("/calendar/<token>.ics")
def feed(token: str):
    """The person's next two weeks as iCalendar, or 404 for a token never made or revoked."""
    user_id = feed_owner(token) if len(token) <= 100 else None
    if user_id is None:
        abort(404)
    device = db.session.scalars(
        select(PushSubscription)
        .where(PushSubscription.user_id == user_id)
        .order_by(PushSubscription.renewed_at.desc())
    ).first()
    zone = ZoneInfo(device.timezone) if device else UTC
    times = {
        slot: (getattr(device, slot, None) if device else None) or default
        for slot, default in DEFAULT_TIMES.items()
    }
    library = current_library()
    plan = person_plan(user_id, library.library, zone, now())
    cal = Calendar()
    cal.add("prodid", "-//Acuplan//Plan feed//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Acuplan")
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    if plan is not None:
        for event in events(plan.days, plan.today, times, library.routines):
            cal.add_component(event)
    return Response(cal.to_ical(), mimetype="text/calendar")


def events(days: list[dict], today: date, times: dict[str, str], routines) -> list[Event]:
    """One event per session still to do from `today`, at the slot's time (floating, the
    person's own clock), with an alarm at that time."""
    found = []
    for day in days:
        for session in day["sessions"]:
            on = date.fromisoformat(session["date"])
            if on < today or session["status"] == "skipped" or session["routine"] not in routines:
                continue
            routine = routines[session["routine"]]
            hours, minutes = map(int, times[session["slot"]].split(":"))
            event = Event()
            event.add("uid", f"{session['planned']['date']}-{session['slot']}@acuplan")
            event.add("summary", f"{routine.title} · {round(session['seconds'] / 60)} min")
            event.add("dtstart", datetime(on.year, on.month, on.day, hours, minutes))
            event.add("duration", timedelta(seconds=session["seconds"]))
            event.add("dtstamp", now())
            if session["status"] == "done":
                event.add("status", "CONFIRMED")
            event.add("description", f"{routine.summary} Open Acuplan to start.")
            event.add("url", url_for("pages.routine", slug=session["routine"], _external=True))
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Time for {routine.title}")
            alarm.add("trigger", timedelta(0))
            event.add_component(alarm)
            found.append(event)
    return found
