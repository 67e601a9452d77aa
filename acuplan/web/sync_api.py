"""The sync endpoints: a fresh CSRF token, push, pull, and who is logged in."""

from __future__ import annotations

import re
import time

from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from .. import sync_store
from ..sync import SyncError, parse_push
from .caching import CachePolicy, cache_blueprint
from .errors import json_error
from .request_input import json_body

bp = Blueprint("sync", __name__, url_prefix="/api")
# A person's own data and tokens: never stored by the browser or the service worker.
cache_blueprint(bp, CachePolicy.PERSONAL)
# ASCII digits only: int() would also take '٣' or '1_000'. 18 digits fit in 64 bits.
WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


@bp.get("/csrf")
def csrf_token():
    """A fresh token for the next state change (the device may have slept for days)."""
    return jsonify(token=generate_csrf())


@bp.get("/me")
def me():
    """Who is logged in on this device: their email, or null."""
    user = {"email": current_user.email} if current_user.is_authenticated else None
    return jsonify(user=user)


@bp.post("/sync/push")
@login_required
def push():
    """Store the device's changed records; answer what was applied and the new cursor."""
    body, unreadable = json_body()
    try:
        if unreadable:
            raise SyncError(f'{unreadable}: send an object with a "records" list', field="body")
        incoming = parse_push(body, now_ms=int(time.time() * 1000))
    except SyncError as error:
        return json_error(400, error.message, record=error.record, field=error.field)
    result = sync_store.push(current_user.id, incoming)
    return jsonify(
        applied=result.applied,
        unchanged=result.unchanged,
        conflicts=result.conflicts,
        cursor=result.cursor,
    )


@bp.get("/sync/pull")
@login_required
def pull():
    """The account's records changed after `cursor`, at most `limit` of them."""
    cursor = request.args.get("cursor", "0")
    limit = request.args.get("limit", str(sync_store.PULL_PAGE))
    if not (WHOLE_NUMBER.fullmatch(cursor) and WHOLE_NUMBER.fullmatch(limit)):
        return json_error(400, "cursor and limit must be whole numbers")
    cursor, limit = int(cursor), int(limit)
    if not 1 <= limit <= 1000:
        return json_error(400, "cursor must be 0 or more and limit between 1 and 1000")
    records, cursor, more = sync_store.pull(current_user.id, cursor, limit)
    return jsonify(records=records, cursor=cursor, more=more)
