"""What a device sends to be reminded, checked field by field, and kept per device."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, select

from ..extensions import db
from ..fields import Fields, Problem
from ..models import PushSubscription, utcnow
from ..records import RecordError

SLOTS = ("morning", "evening")
CLOCK = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$")
DEVICE = re.compile(r"^[A-Za-z0-9-]{8,36}$")
KEY = re.compile(r"^[A-Za-z0-9_-]+=*$")  # base64url, as PushSubscription.toJSON() gives it
# Some push services never answer 410 for a subscription the browser dropped: one its
# device has not sent again for this long is taken as gone.
EXPIRY = timedelta(days=60)


@dataclass(frozen=True)
class Wanted:
    """A device's subscription and the reminders it asked for, checked."""

    device: str
    endpoint: str
    p256dh: str
    auth: str
    timezone: str
    slots: dict[str, str | None]


def read_subscription(body: Any, *, private_endpoints: bool = False) -> Wanted:
    """The checked request body; RecordError names every problem (field first)."""
    problems: list[Problem] = []
    f = Fields(body, "", "", problems)
    device = f.text("device", max_length=36)
    if device is not None and not DEVICE.match(device):
        f.error("device", "must be the device's id (letters, digits and dashes)")
    sub = f.child("subscription", f.data.get("subscription"))
    f.read.add("subscription")
    endpoint = sub.text("endpoint", max_length=2000)
    if endpoint is not None and (problem := endpoint_problem(endpoint, private_endpoints)):
        sub.error("endpoint", problem)
    if sub.data.get("expirationTime") is None:  # most browsers send null
        sub.read.add("expirationTime")
    else:
        sub.number("expirationTime", maximum=2**53)
    keys = sub.child("keys", sub.data.get("keys"))
    sub.read.add("keys")
    p256dh, auth = keys.text("p256dh", max_length=200), keys.text("auth", max_length=100)
    for name, value in (("p256dh", p256dh), ("auth", auth)):
        if value is not None and not KEY.match(value):
            keys.error(name, "must be base64url, as the browser's subscription gives it")
    keys.finish()
    sub.finish()
    timezone = f.text("timezone", max_length=64)
    if timezone is not None and not _is_zone(timezone):
        f.error("timezone", f"must be an IANA time zone such as Europe/Berlin (got {timezone!r})")
    slots = f.child("slots", f.data.get("slots"))
    f.read.add("slots")
    wanted: dict[str, str | None] = {}
    for slot in SLOTS:
        value = slots.data.get(slot)
        slots.read.add(slot)
        if value is not None and not (isinstance(value, str) and CLOCK.match(value)):
            slots.error(slot, "must be a time as HH:MM, or null for no reminder")
        wanted[slot] = value if isinstance(value, str) and CLOCK.match(value) else None
    slots.finish()
    f.finish()
    if problems:
        raise RecordError(problems)
    return Wanted(device, endpoint, p256dh, auth, timezone, wanted)


def endpoint_problem(endpoint: str, private_endpoints: bool) -> str | None:
    """Why the server must not post to `endpoint`, or None.

    The device names the URL the server will post to: only https, and never a loopback,
    private or link-local address, or the server could be made to call its own network.
    """
    parts = urlsplit(endpoint)
    if private_endpoints and parts.scheme in ("http", "https") and parts.hostname:
        return None
    if parts.scheme != "https" or not parts.hostname:
        return "must be an https URL of a push service"
    host = parts.hostname
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return "must be a push service on the internet"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None  # a name: push services are named hosts
    if not address.is_global:
        return "must be a push service on the internet"
    return None


def _is_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def save(user_id: int, wanted: Wanted, origin: str) -> PushSubscription:
    """Keep the device's subscription: a new one replaces its last, and is renewed now.
    `origin` is where the app runs (a tapped reminder opens it there)."""
    row = db.session.scalar(
        select(PushSubscription).where(
            PushSubscription.user_id == user_id, PushSubscription.device == wanted.device
        )
    )
    if row is None:
        row = PushSubscription(user_id=user_id, device=wanted.device)
        db.session.add(row)
    row.endpoint, row.p256dh, row.auth = wanted.endpoint, wanted.p256dh, wanted.auth
    row.origin = origin[:200]
    row.timezone = wanted.timezone
    row.morning, row.evening = wanted.slots["morning"], wanted.slots["evening"]
    row.renewed_at, row.retry_after, row.failures = utcnow(), None, 0
    db.session.commit()
    return row


def forget(user_id: int, device: str) -> None:
    """The device no longer wants reminders."""
    db.session.execute(
        delete(PushSubscription).where(
            PushSubscription.user_id == user_id, PushSubscription.device == device
        )
    )
    db.session.commit()


def expire(now: datetime | None = None) -> int:
    """Delete subscriptions their devices have not renewed for EXPIRY; how many."""
    cutoff = (now or datetime.now(UTC)) - EXPIRY
    gone = db.session.execute(
        delete(PushSubscription).where(PushSubscription.renewed_at < cutoff)
    ).rowcount
    db.session.commit()
    return gone


def as_json(row: PushSubscription) -> dict:
    """What the device is told was kept (never the keys)."""
    return {
        "device": row.device,
        "timezone": row.timezone,
        "slots": {"morning": row.morning, "evening": row.evening},
        "renewed": row.renewed_at.isoformat(),
    }
