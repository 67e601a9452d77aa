"""The plan as JSON-ready dicts, dates as YYYY-MM-DD."""

from __future__ import annotations

from .choose import Session, Swap
from .plan import Day, Plan


def plan_json(plan: Plan) -> dict:
    """The plan as JSON-ready dicts, dates as YYYY-MM-DD."""
    return {
        "today": plan.today.isoformat(),
        "mat_allowed": plan.mat_allowed,
        "mat_limit": plan.mat_limit,
        "notes": list(plan.notes),
        "screened": plan.screened,
        "adapted": {
            adaptation.routine: {
                "steps": [
                    {"seconds": step.seconds, "layer": step.layer, "note": step.note}
                    for step in adaptation.steps
                ],
                "notices": list(adaptation.notices),
            }
            for adaptation in plan.adapted
        },
        "weeks": [
            {"start": week.start.isoformat(), "days": [_day_json(day) for day in week.days]}
            for week in plan.weeks
        ],
    }


def _day_json(day: Day) -> dict:
    return {
        "date": day.date.isoformat(),
        "rest": not day.sessions and not day.past,
        "past": day.past,
        "mat_limit": day.mat_limit,
        "sessions": [_session_json(s) for s in day.sessions],
    }


def _session_json(session: Session) -> dict:
    return {
        "date": session.date.isoformat(),
        "slot": session.slot,
        **_fitted_json(session),
        "swaps": [_fitted_json(swap) for swap in session.swaps],
    }


def _fitted_json(fitted: Session | Swap) -> dict:
    return {
        "routine": fitted.routine,
        "seconds": fitted.seconds,
        "mat_seconds": fitted.mat_seconds,
        "step_seconds": list(fitted.step_seconds),
        "step_layers": list(fitted.step_layers),
        "why_shorter": fitted.why_shorter,
        "shorter": [
            {
                "seconds": v.seconds,
                "mat_seconds": v.mat_seconds,
                "step_seconds": list(v.step_seconds),
            }
            for v in fitted.shorter
        ],
    }
