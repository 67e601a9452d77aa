"""The JSON API over the routine library (and, later, the person's data)."""

from __future__ import annotations

import hashlib
import json
from functools import cache

from flask import Blueprint, Response, abort, jsonify, request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..catalog.custom import library_rules
from ..extensions import db, limiter
from ..published import published
from .caching import CachePolicy, cache_policy
from .compression import send_precompressed
from .library import LoadedLibrary, current_library

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.get("/routines")
@cache_policy(CachePolicy.REVALIDATE)
def routines():
    """The whole library in one cacheable response; revalidated by its ETag."""
    library = current_library()
    headers = {"ETag": f'"{library.etag}"'}
    if request.if_none_match.contains(library.etag):
        return Response(status=304, headers=headers)
    return send_precompressed(library.api_variants, "application/json", headers)


@bp.get("/routines/<slug>")
def routine(slug: str):
    """One routine as JSON, or a JSON 404 naming the slug."""
    found = current_library().json.get(slug)
    if found is None:
        abort(404, f"There is no routine called '{slug}'.")
    return jsonify(found)


@bp.get("/health")
@cache_policy(CachePolicy.PERSONAL)
def health():
    """Liveness, for a process supervisor: the app answers (nothing else is asked)."""
    return jsonify(status="ok", database=db.engine.dialect.name)


@bp.get("/vocabulary")
@cache_policy(CachePolicy.REVALIDATE)
def vocabulary():
    """Every code with its label and every limit (the routine editor's); revalidated by ETag."""
    body, etag = _vocabulary_json(current_library())
    headers = {"ETag": f'"{etag}"'}
    if request.if_none_match.contains(etag):
        return Response(status=304, headers=headers)
    return Response(body, mimetype="application/json", headers=headers)


@cache
def _vocabulary_json(library: LoadedLibrary) -> tuple[bytes, str]:
    # the routine rules need the library's shared patterns, stretches and meditations too
    rules = {**published(), "library": library_rules(library.library)}
    body = json.dumps(rules, ensure_ascii=False, separators=(",", ":")).encode()
    return body, hashlib.sha256(body).hexdigest()[:32]


@bp.get("/ready")
@cache_policy(CachePolicy.PERSONAL)
def ready():
    """Readiness, for a load balancer: 503 naming what is unreachable (database, limiter)."""
    checks = {"database": _database_answers(), "limiter": _limiter_answers()}
    ok = all(v == "ok" for v in checks.values())
    response = jsonify(status="ready" if ok else "not ready", **checks)
    response.status_code = 200 if ok else 503
    return response


def _database_answers() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except SQLAlchemyError as error:
        db.session.rollback()
        return f"unreachable: {type(error.orig or error).__name__}"


def _limiter_answers() -> str:
    try:
        return "ok" if limiter.storage.check() else "unreachable"
    except Exception as error:  # the storage's own client error, whatever its library
        return f"unreachable: {type(error).__name__}"
