"""The JSON API over the routine library (and, later, the person's data)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, request
from sqlalchemy import text

from ..extensions import db
from .caching import CachePolicy, cache_policy
from .compression import send_precompressed
from .library import current_library

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
def health():
    """For load balancers and uptime checks: the app answers and the database does too."""
    db.session.execute(text("SELECT 1"))
    return jsonify(status="ok", database=db.engine.dialect.name)
