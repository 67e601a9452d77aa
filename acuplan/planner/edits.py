"""The device's changes to its plan, applied on the server the way the device applies them.

A Python copy of `static/js/plan/edits.js` (`applyEdits`, `markLogged`), working on the
plan as `plan_json` writes it, so the reminders and the calendar feed show the plan the
person sees on Today. `tests/cases/plan_edits.json` runs against both, so they can't drift.
"""

from __future__ import annotations

import math
from typing import Any

FITTED = (
    "routine", "seconds", "mat_seconds", "step_seconds", "step_layers", "shorter", "why_shorter",
)  # fmt: skip
SLOTS = ("morning", "evening")


def minutes_of(seconds: float) -> int:
    """Minutes as a shorter version is offered and stored: 298 s is 5 (JS Math.round)."""
    return max(1, math.floor(seconds / 60 + 0.5))


def apply_edits(plan: dict, edits: list[dict]) -> list[dict]:
    """The plan's days with the edits (`{id, modified, data}`) applied in the order made.

    Each session gains `planned`, `status` (None, "done" or "skipped"), `shortened` and
    `edits` (the ids that changed it); edits that no longer fit the plan are left out.
    """
    days = [day for week in plan["weeks"] for day in week["days"]]
    dates = {day["date"] for day in days}
    sessions = [
        {**s, "planned": s, "status": None, "shortened": False, "edits": []}
        for day in days
        for s in day["sessions"]
    ]

    def at(date: str, slot: str) -> dict | None:
        return next((s for s in sessions if s["date"] == date and s["slot"] == slot), None)

    for edit in sorted(edits, key=lambda e: (e["modified"], e["id"])):
        data = edit["data"]
        session = at(data.get("date"), data.get("slot"))
        if session and _change(session, data, dates, at):
            session["edits"].append(edit["id"])
    result = []
    for day in days:
        here = sorted(
            (s for s in sessions if s["date"] == day["date"]), key=lambda s: SLOTS.index(s["slot"])
        )
        result.append({**day, "sessions": here, "rest": not here})
    return result


def _change(session: dict, edit: dict, dates: set[str], at) -> bool:
    action = edit.get("action")
    if action == "move":
        to_date = edit.get("to_date")
        if to_date not in dates or at(to_date, session["slot"]):
            return False
        session["date"] = to_date
        return True
    if action == "swap":
        planned = session["planned"]
        choice = next(
            (c for c in [planned, *planned["swaps"]] if c["routine"] == edit.get("routine")), None
        )
        if choice is None:
            return False
        session.update({key: choice[key] for key in FITTED})
        session["shortened"] = False
        return True
    if action == "shorten":
        version = next(
            (v for v in session["shorter"] if minutes_of(v["seconds"]) == edit.get("minutes")),
            None,
        )
        if version is None:
            return False
        session.update(version, shortened=True)
        session["shorter"] = [v for v in session["shorter"] if v["seconds"] < version["seconds"]]
        return True
    if action in ("done", "skip"):
        session["status"] = "done" if action == "done" else "skipped"
        return True
    return False


def mark_logged(days: list[dict], history: list[dict[str, Any]]) -> list[dict]:
    """Sessions done without being marked (the same routine logged or played that day)
    count as done too (`logged`: there is no edit to undo)."""
    done = {f"{r['date']} {r['routine']}" for r in history if r.get("status") == "done"}
    for session in (s for day in days for s in day["sessions"]):
        if not session["status"] and f"{session['date']} {session['routine']}" in done:
            session.update(status="done", logged=True)
    return days
