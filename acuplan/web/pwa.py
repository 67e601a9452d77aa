"""What makes Acuplan installable and offline: the worker, the manifest, the offline page."""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, render_template

from .caching import CachePolicy, cache_policy
from .manifest import manifest_json
from .service_worker import current_worker

bp = Blueprint("pwa", __name__)


@bp.get("/service-worker.js")
@cache_policy(CachePolicy.REVALIDATE)
def service_worker():
    """The worker script, served at the root so its scope is the whole app."""
    return Response(current_worker().script, mimetype="text/javascript")


@bp.get("/offline")
def offline():
    """The page the worker shows for a page it has neither cached nor can fetch."""
    return render_template("offline.html")


@bp.get("/manifest.webmanifest")
@cache_policy(CachePolicy.REVALIDATE)
def manifest():
    """The web app manifest."""
    return current_app.response_class(
        json.dumps(manifest_json()), mimetype="application/manifest+json"
    )
