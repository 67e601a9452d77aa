"""Reminders and the calendar feed, as the device sets them up: the push key, this device's
subscription and chosen times, and the person's private calendar address."""

from __future__ import annotations

import hashlib
import secrets

from flask import Blueprint, current_app, jsonify, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import delete, select

from ..extensions import db
from ..models import CalendarFeed
from ..records import RecordError
from ..reminders import subscriptions
from ..reminders.keys import public_key
from .caching import CachePolicy, cache_blueprint
from .errors import json_error
from .request_input import json_body

bp = Blueprint("reminders", __name__, url_prefix="/api")
cache_blueprint(bp, CachePolicy.PERSONAL)


@bp.get("/push/key")
def push_key():
    """The VAPID public key the browser subscribes with (applicationServerKey)."""
    return jsonify(publicKey=public_key(current_app))


@bp.put("/push/subscription")
@login_required
def subscribe():
    """Keep this device's subscription and the times it wants reminders at."""
    body, unreadable = json_body()
    if unreadable:
        return json_error(400, unreadable, field="body")
    try:
        wanted = subscriptions.read_subscription(
            body, private_endpoints=current_app.config["PUSH_PRIVATE_ENDPOINTS"]
        )
    except RecordError as error:
        return json_error(400, str(error), field=error.field, problems=_problems(error))
    row = subscriptions.save(current_user.id, wanted, request.host_url)
    return jsonify(subscription=subscriptions.as_json(row))


@bp.delete("/push/subscription")
@login_required
def unsubscribe():
    """This device wants no more reminders."""
    body, unreadable = json_body()
    device = body.get("device") if isinstance(body, dict) else None
    if unreadable or not isinstance(device, str) or not subscriptions.DEVICE.match(device):
        return json_error(400, 'send the device\'s id as {"device": "..."}', field="device")
    subscriptions.forget(current_user.id, device)
    return "", 204


@bp.get("/calendar")
@login_required
def calendar_address():
    """Whether the person has a calendar address (its token is shown only when made)."""
    has = db.session.get(CalendarFeed, current_user.id) is not None
    return jsonify(exists=has, url=None)


@bp.post("/calendar")
@login_required
def make_calendar_address():
    """Make a private calendar address, replacing any earlier one (which stops working)."""
    token = secrets.token_urlsafe(32)
    feed = db.session.get(CalendarFeed, current_user.id) or CalendarFeed(user_id=current_user.id)
    feed.token_hash = token_hash(token)
    db.session.add(feed)
    db.session.commit()
    url = url_for("calendar_feed.feed", token=token, _external=True)
    return jsonify(exists=True, url=url, webcal="webcal://" + url.split("://", 1)[1])


@bp.delete("/calendar")
@login_required
def revoke_calendar_address():
    """Stop the calendar address: calendar apps get 404 from now on."""
    db.session.execute(delete(CalendarFeed).where(CalendarFeed.user_id == current_user.id))
    db.session.commit()
    return "", 204


def token_hash(token: str) -> str:
    """What is kept of a calendar token: its SHA-256 (the token itself is a password)."""
    return hashlib.sha256(token.encode()).hexdigest()


def feed_owner(token: str) -> int | None:
    """The user a calendar token belongs to, or None."""
    return db.session.scalar(
        select(CalendarFeed.user_id).where(CalendarFeed.token_hash == token_hash(token))
    )


def _problems(error: RecordError) -> list[dict]:
    return [{"field": p.field, "message": p.message} for p in error.problems]
