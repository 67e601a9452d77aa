"""What makes Acuplan installable and offline: the manifest, the service worker, caching.

The worker's VERSION and PRECACHE list are filled in here from the real contents of
everything it precaches (the built assets, the page templates, the routine library,
the icons and the worker's own source), so any change to any of them yields a new worker.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, url_for

from ..assets import built
from ..config import ROOT
from .library import current_library

bp = Blueprint("pwa", __name__)

WORKER_SOURCE = ROOT / "service-worker.js"
THEME = "#1c6b64"
BACKGROUND = "#f6f4ef"
ICONS = (
    "icon-192.png",
    "icon-512.png",
    "maskable-192.png",
    "maskable-512.png",
    "apple-touch-icon.png",
    "icon.svg",
)


@dataclass(frozen=True)
class Worker:
    version: str
    precache: tuple[str, ...]
    script: bytes


def init_pwa(app) -> None:
    """Build the worker once at start-up and set the caching rules for every response."""
    with app.test_request_context():
        app.extensions["acuplan.worker"] = build_worker(app)

    @app.after_request
    def cache_rules(response: Response) -> Response:
        if response.mimetype == "text/html" and not response.cache_control.no_store:
            response.cache_control.no_cache = True
        return response


def precache_urls(app) -> list[str]:
    """Every URL the worker stores at install: the app shell, assets, library, pages."""
    pages = [
        url_for("pages.home"),
        url_for("pages.start"),
        url_for("pages.routines"),
        url_for("pages.play"),
        url_for("pages.safety"),
        url_for("pages.settings"),
        url_for("pwa.offline"),
        url_for("journal.entries"),
        url_for("journal.entry"),
        url_for("journal.report"),
    ]
    pages += [url_for("pages.routine", slug=slug) for slug in sorted(current_library().routines)]
    icons = [url_for("static", filename=f"icons/{name}") for name in ICONS]
    return [
        *pages,
        url_for("api.routines"),
        url_for("pwa.manifest"),
        *sorted(built(app).urls.values()),
        *icons,
    ]


def build_worker(app) -> Worker:
    precache = precache_urls(app)
    digest = hashlib.sha256()
    digest.update(built(app).version.encode())
    digest.update(current_library().etag.encode())
    digest.update(json.dumps(manifest_json(), sort_keys=True).encode())
    digest.update(json.dumps(precache).encode())
    for path in sorted(_content_files(app)):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    version = digest.hexdigest()[:16]
    script = (
        WORKER_SOURCE.read_text()
        .replace('"__ACUPLAN_VERSION__"', json.dumps(version))
        .replace("__ACUPLAN_PRECACHE__", json.dumps(precache, indent=2))
    )
    return Worker(version=version, precache=tuple(precache), script=script.encode())


def _content_files(app):
    """The sources whose change must give a new worker (built assets count via their hash)."""
    yield WORKER_SOURCE
    yield from (ROOT / "templates").rglob("*.html")
    icons = Path(app.static_folder) / "icons"
    yield from (icons / name for name in ICONS if (icons / name).exists())


def current_worker() -> Worker:
    return current_app.extensions["acuplan.worker"]


@bp.get("/service-worker.js")
def service_worker():
    response = Response(current_worker().script, mimetype="text/javascript")
    response.cache_control.no_cache = True
    return response


@bp.get("/offline")
def offline():
    return render_template("offline.html")


def _icon(name: str, size: int, purpose: str = "any") -> dict:
    return {
        "src": url_for("static", filename=f"icons/{name}"),
        "sizes": f"{size}x{size}",
        "type": "image/png",
        "purpose": purpose,
    }


def _screenshot(name: str, size: str, form_factor: str, label: str) -> dict:
    return {
        "src": url_for("static", filename=f"icons/{name}"),
        "sizes": size,
        "type": "image/png",
        "form_factor": form_factor,
        "label": label,
    }


def manifest_json() -> dict:
    return {
        "id": "/",
        "name": "Acuplan — acupressure mat routines",
        "short_name": "Acuplan",
        "description": "Short guided acupressure-mat routines with breathing, stretching "
        "and meditation. Works offline.",
        "start_url": "/?source=pwa",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "lang": "en",
        "categories": ["health", "lifestyle"],
        "icons": [
            _icon("icon-192.png", 192),
            _icon("icon-512.png", 512),
            _icon("maskable-192.png", 192, "maskable"),
            _icon("maskable-512.png", 512, "maskable"),
        ],
        "shortcuts": [
            {
                "name": "Today's session",
                "short_name": "Today",
                "url": "/?source=shortcut",
                "icons": [_icon("icon-192.png", 192)],
            },
            {
                "name": "Journal",
                "short_name": "Journal",
                "url": "/journal?source=shortcut",
                "icons": [_icon("icon-192.png", 192)],
            },
            {
                "name": "Log a session",
                "short_name": "Log",
                "url": "/journal/entry?source=shortcut",
                "icons": [_icon("icon-192.png", 192)],
            },
        ],
        "screenshots": [
            _screenshot("screenshot-narrow.png", "390x844", "narrow", "The routine library"),
            _screenshot("screenshot-wide.png", "1280x800", "wide", "A routine, step by step"),
        ],
    }


@bp.get("/manifest.webmanifest")
def manifest():
    response = current_app.response_class(
        json.dumps(manifest_json()), mimetype="application/manifest+json"
    )
    response.cache_control.no_cache = True
    return response
