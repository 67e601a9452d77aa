"""The one process that sends reminders (`flask reminders run`): each minute, every
subscription whose chosen time has come gets the plan's session for that slot, once.

Once means once: a reminder is claimed by inserting its (user, device, slot, date) row
before the push goes out, and the database refuses a second row, so a restarted scheduler
or a second one started by mistake never sends it again. A push the service asks to retry
gives its claim back and waits (back-off); one whose subscription is gone deletes it.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import PushSubscription, ReminderSend
from .due import due_now
from .keys import vapid_key
from .send import payload, push
from .server_plan import person_plan
from .subscriptions import expire

log = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(minutes=16)


def run_once(now: datetime | None = None, library=None) -> dict[str, int]:
    """Send what is due at `now`; counts of what happened, by outcome."""
    from ..web.library import current_library

    now = now or datetime.now(UTC)
    library = library or current_library().library
    key, subject = vapid_key(current_app), current_app.config["VAPID_SUBJECT"]
    private = current_app.config["PUSH_PRIVATE_ENDPOINTS"]
    counts: dict[str, int] = {"expired": expire(now)}
    plans: dict[tuple[int, str], object] = {}
    rows = db.session.scalars(
        select(PushSubscription).where(
            (PushSubscription.retry_after.is_(None)) | (PushSubscription.retry_after <= now)
        )
    ).all()
    for subscription in rows:
        zone = ZoneInfo(subscription.timezone)
        times = {"morning": subscription.morning, "evening": subscription.evening}
        for due in due_now(times, zone, now):
            if not _claim(subscription, due):
                continue
            cache_key = (subscription.user_id, subscription.timezone)
            if cache_key not in plans:
                plans[cache_key] = person_plan(subscription.user_id, library, zone, now)
            plan = plans[cache_key]
            session = plan.session(due.date, due.slot) if plan else None
            if session is None:
                outcome = "nothing-planned"
            else:
                text = payload(session, library, due.date, due.slot, subscription.origin)
                sent = push(subscription, text, key, subject, private_endpoints=private)
                outcome = _settle(subscription, due, sent, now)
            _mark(subscription, due, outcome)
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def _claim(subscription: PushSubscription, due) -> bool:
    """Take the reminder for this run; False when it was sent (or is being sent) already."""
    db.session.add(
        ReminderSend(
            user_id=subscription.user_id,
            device=subscription.device,
            slot=due.slot,
            date=due.date.isoformat(),
            status="sending",
        )
    )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return False
    return True


def _settle(subscription: PushSubscription, due, outcome, now: datetime) -> str:
    if outcome.status == "sent":
        subscription.failures = 0
        return "sent"
    if outcome.status == "gone":
        log.info(
            "subscription of user %s device %s is gone", subscription.user_id, subscription.device
        )
        return "gone"
    if outcome.status == "retry":
        subscription.failures += 1
        wait = (
            timedelta(seconds=outcome.retry_after)
            if outcome.retry_after
            else min(MAX_BACKOFF, timedelta(minutes=2**subscription.failures))
        )
        subscription.retry_after = now + wait
        return "retry"
    return "refused"


def _mark(subscription: PushSubscription, due, outcome: str) -> None:
    claim = ReminderSend.__table__.c
    where = (
        (claim.user_id == subscription.user_id)
        & (claim.device == subscription.device)
        & (claim.slot == due.slot)
        & (claim.date == due.date.isoformat())
    )
    if outcome == "retry":  # give the claim back: the next run within the grace tries again
        db.session.execute(delete(ReminderSend).where(where))
    else:
        db.session.execute(ReminderSend.__table__.update().where(where).values(status=outcome))
    if outcome == "gone":
        db.session.delete(subscription)
    db.session.commit()


def run_forever(interval: int = 60) -> None:
    """Send what is due, then sleep to the next whole minute; until stopped. Each run
    touches instance/scheduler-heartbeat, which the container's health check reads."""
    log.info("reminders: sending what is due every %s s", interval)
    heartbeat = Path(current_app.instance_path) / "scheduler-heartbeat"
    while True:
        heartbeat.touch()
        try:
            counts = run_once()
            if any(v for k, v in counts.items()):
                log.info("reminders: %s", counts)
        except Exception:  # one bad run must not end the loop: log it, try next minute
            db.session.rollback()
            log.exception("reminders: a run failed")
        time.sleep(interval - time.time() % interval)
