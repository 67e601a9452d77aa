"""HTML pages: Today, onboarding, the routine library, one routine, the player, safety."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from ..catalog import GOALS, LAYERS, LEVELS, POSITIONS, Filters, filter_routines
from ..catalog.query import DURATIONS
from ..published import onboarding_labels
from .library import current_library

bp = Blueprint("pages", __name__)

FEATURED = ("first-five-minutes", "evening-unwind", "stress-reset-10")


@bp.app_context_processor
def labels():
    """The catalog's code-to-label tables, for every template."""
    return {
        "GOALS": GOALS,
        "LEVELS": LEVELS,
        "POSITIONS": POSITIONS,
        "LAYERS": LAYERS,
        "DURATIONS": DURATIONS,
    }


@bp.get("/")
def home():
    """Today: a welcome, or (filled in on the device from the saved answers) the plan."""
    routines = current_library().routines
    featured = [routines[s] for s in FEATURED if s in routines]
    return render_template("home.html", featured=featured, count=len(routines))


@bp.get("/start")
def start():
    """Onboarding: the questions the plan is built from. The answers stay on the device."""
    return render_template("start.html", labels=onboarding_labels())


@bp.get("/routines")
def routines():
    """The routine library, filtered by the query string (400 naming a bad filter)."""
    filters, errors = Filters.parse(request.args)
    found = filter_routines(current_library().library, filters)
    return render_template(
        "routines/list.html", routines=found, filters=filters, errors=errors
    ), 400 if errors else 200


@bp.get("/routines/new")
def new_routine():
    """The routine editor, empty or (?from=<slug>) with a copy of a routine: "Make it mine"."""
    return render_template("routines/editor.html", heading="Make your own routine")


@bp.get("/routines/edit")
def edit_routine():
    """The routine editor for one of the person's own routines (?id=…, read on the device)."""
    return render_template("routines/editor.html", heading="Edit your routine")


@bp.get("/routines/shared")
def shared_routine():
    """A shared routine (from a link's fragment or a file), checked before it is saved."""
    return render_template("routines/shared.html")


@bp.get("/routines/<slug>")
def routine(slug: str):
    """One routine, step by step."""
    found = current_library().routines.get(slug)
    if found is None:
        abort(404, f"There is no routine called “{slug}”.")
    return render_template("routines/detail.html", routine=found)


@bp.get("/play")
def play():
    """The session player. One page for every routine: it reads ?routine=<slug> on the
    device, so the copy the worker caches plays any routine offline."""
    return render_template("player.html")


@bp.get("/safety")
def safety():
    """Before you start: who should not use a mat, when to stop, how to make it gentler."""
    return render_template("safety.html")


@bp.get("/insights")
def insights():
    """What the journal on the device says about the person's sessions (computed there)."""
    return render_template("insights.html")


@bp.get("/settings")
def settings():
    """Settings: backup and sync, offline storage, adding the app to the home screen."""
    return render_template("settings.html")


@bp.app_template_filter("duration_bucket")
def duration_bucket(routine) -> str:
    """The length filter a routine falls under: short, medium or long."""
    return next(
        name for name, (_, low, high) in DURATIONS.items() if low <= routine.seconds <= high
    )


@bp.app_template_filter("minutes")
def minutes(seconds: float) -> str:
    """A routine's length as people plan with it: whole minutes."""
    return f"{max(1, round(seconds / 60))} min"


@bp.app_template_filter("duration")
def duration(seconds: float) -> str:
    """5 min, 1 min 30 s, 45 s: how people say a length of time."""
    seconds = round(seconds)
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


@bp.app_template_filter("clock")
def clock(seconds: float) -> str:
    """A point in a routine as a timer shows it: 2:05."""
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"
