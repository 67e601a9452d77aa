"""A person's plan as the server can make it: from their synced records (answers, journal,
finished sessions, plan edits), with the same planner and the same edits as the device,
so a reminder or the calendar feed says what Today says."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from ..catalog.custom import CUSTOM_MAX, custom_routine_problems, with_custom
from ..catalog.model import Library
from ..extensions import db
from ..models import Record
from ..planner import PlanInputError, build_plan, parse_history, plan_json
from ..planner.edits import apply_edits, mark_logged
from ..records import read_profile, read_screening

MOST = 2000  # the plan API's limit on history
SKIN = ("bruising", "broken-skin")  # no mat until the journal says it has healed
DEFAULT_DAY_START = "04:00"  # as on the device (plan/dates.js)
KINDS = ("profile", "journal", "session", "plan-edit", "preferences", "custom-routine")


@dataclass(frozen=True)
class PersonPlan:
    """The plan's days as the device shows them (edits applied, logged sessions done)."""

    today: date
    days: list[dict]

    def session(self, on: date, slot: str) -> dict | None:
        """The session planned at `slot` on `on` and still to do, or None."""
        for day in self.days:
            for session in day["sessions"]:
                if session["date"] == on.isoformat() and session["slot"] == slot:
                    return None if session["status"] else session
        return None


def day_of(moment: datetime, zone: ZoneInfo, day_start: str) -> date:
    """The person's day a moment belongs to: before `day_start` it is still yesterday."""
    local = moment.astimezone(zone)
    hours, minutes = map(int, day_start.split(":"))
    return (local - timedelta(hours=hours, minutes=minutes)).date()


def person_plan(user_id: int, library: Library, zone: ZoneInfo, now: datetime) -> PersonPlan | None:
    """The person's plan today, or None without answers the planner can take."""
    records = _records(user_id)
    answers = next((data for data in records["profile"] if data.get("profile")), None)
    if answers is None:
        return None
    preferences = next(iter(records["preferences"]), {})
    day_start = (preferences.get("day") or {}).get("start") or DEFAULT_DAY_START
    today = day_of(now, zone, day_start if _clock(day_start) else DEFAULT_DAY_START)
    # the person's own routines are planned as on the device (`custom` in /api/plan), which
    # sends those that pass today's rules
    own = [d for d in records["custom-routine"] if not custom_routine_problems(d, library)]
    library = with_custom(library, own[:CUSTOM_MAX])
    history = history_from(records, library, zone, day_start)
    try:
        plan = build_plan(
            library,
            read_profile(answers["profile"]),
            read_screening(answers.get("screening") or {"flags": []}),
            parse_history(history),
            today,
        )
    except PlanInputError:
        return None  # answers an older app wrote: the device asks again
    days = apply_edits(plan_json(plan), records["plan-edit-records"])
    return PersonPlan(today, mark_logged(days, history))


def _clock(text: str) -> bool:
    parts = text.split(":")
    return len(parts) == 2 and all(p.isdigit() for p in parts) and int(parts[0]) < 24


def _records(user_id: int) -> dict[str, list]:
    rows = db.session.execute(
        select(Record.uuid, Record.kind, Record.modified, Record.data)
        .where(Record.user_id == user_id, Record.kind.in_(KINDS), Record.deleted.is_(False))
        .order_by(Record.modified.desc())
    ).all()
    found: dict[str, list] = {kind: [] for kind in KINDS}
    found["plan-edit-records"] = []
    for uuid, kind, modified, text in rows:
        data = json.loads(text) if text else {}
        found[kind].append(data)
        if kind == "plan-edit":
            found["plan-edit-records"].append({"id": uuid, "modified": modified, "data": data})
    return found


def history_from(
    records: dict[str, list], library: Library, zone: ZoneInfo, day_start: str
) -> list[dict]:
    """The sessions done or skipped, as the device's plan/history.js reads them."""
    routines = library.routines

    def mat_up_to(slug: str | None, seconds: float) -> int:
        routine = routines.get(slug) if slug else None
        return min(routine.mat_seconds if routine else 0, max(0, _js_round(seconds)))

    history = [
        {
            "date": edit.get("date"),
            "routine": edit.get("routine") or "planned",
            "mat_seconds": edit.get("mat_seconds") or 0,
            "status": "done" if edit["action"] == "done" else "skipped",
        }
        for edit in records["plan-edit"]
        if edit.get("action") in ("done", "skip")
    ]
    for entry in records["journal"]:
        adverse = entry.get("adverse") or []
        item = {
            "date": entry.get("date"),
            "routine": entry.get("routine") or "own",
            "mat_seconds": mat_up_to(entry.get("routine"), (entry.get("minutes") or 0) * 60),
            "status": "done",
            "adverse": bool(adverse),
            "skin": any(effect in SKIN for effect in adverse),
        }
        if isinstance(entry.get("healed"), bool):
            item["healed"] = entry["healed"]
        history.append(item)
    for session in records["session"]:
        try:
            started = datetime.fromisoformat(session["startedAt"])
        except (KeyError, TypeError, ValueError):
            continue
        seconds = session.get("seconds") or 0
        history.append(
            {
                "date": day_of(started, zone, day_start).isoformat(),
                "routine": session.get("routine"),
                "mat_seconds": session.get("matSeconds")
                if session.get("matSeconds") is not None
                else mat_up_to(session.get("routine"), seconds),
                "status": "done",
            }
        )
    kept = [
        {"adverse": False, **item, "mat_seconds": min(3600, item["mat_seconds"])}
        for item in history
        if isinstance(item["date"], str) and len(item["date"]) == 10 and item["routine"]
    ]
    kept.sort(key=lambda r: (r["date"], json.dumps(r, separators=(",", ":"))))
    return kept[-MOST:]


def _js_round(value: float) -> int:
    """Math.round: halves go up."""
    return int(value // 1 + (1 if value % 1 >= 0.5 else 0))
