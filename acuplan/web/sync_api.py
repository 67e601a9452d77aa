"""The sync endpoints: a fresh CSRF token, push, pull, and who is logged in."""

from __future__ import annotations

import re
import time

from flask import Blueprint, jsonify, request
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf

from .. import sync_store
from ..sync import SyncError, parse_push
from .request_input import json_body

bp = Blueprint("sync", __name__, url_prefix="/api")
# ASCII digits only: int() would also take '٣' or '1_000'. 18 digits fit in 64 bits.
WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def private(response):
    """A person's own data: never stored by the browser or the service worker."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/csrf")
def csrf_token():
    """A fresh token for the next state change (the device may have slept for days)."""
    return private(jsonify(token=generate_csrf()))


@bp.get("/me")
def me():
    user = {"email": current_user.email} if current_user.is_authenticated else None
    return private(jsonify(user=user))


@bp.post("/sync/push")
@login_required
def push():
    body, unreadable = json_body()
    try:
        if unreadable:
            raise SyncError(f'{unreadable}: send an object with a "records" list', field="body")
        incoming = parse_push(body, now_ms=int(time.time() * 1000))
    except SyncError as error:
        response = jsonify(
            error="Bad Request", message=error.message, record=error.record, field=error.field
        )
        response.status_code = 400
        return private(response)
    result = sync_store.push(current_user.id, incoming)
    return private(
        jsonify(
            applied=result.applied,
            unchanged=result.unchanged,
            conflicts=result.conflicts,
            cursor=result.cursor,
        )
    )


@bp.get("/sync/pull")
@login_required
def pull():
    cursor = request.args.get("cursor", "0")
    limit = request.args.get("limit", str(sync_store.PULL_PAGE))
    if not (WHOLE_NUMBER.fullmatch(cursor) and WHOLE_NUMBER.fullmatch(limit)):
        return private(_bad("cursor and limit must be whole numbers"))
    cursor, limit = int(cursor), int(limit)
    if not 1 <= limit <= 1000:
        return private(_bad("cursor must be 0 or more and limit between 1 and 1000"))
    records, cursor, more = sync_store.pull(current_user.id, cursor, limit)
    return private(jsonify(records=records, cursor=cursor, more=more))


def _bad(message: str):
    response = jsonify(error="Bad Request", message=message)
    response.status_code = 400
    return response
