"""The service worker, built once at start-up from the real contents of what it precaches.

Its VERSION and PRECACHE list are filled in from the built assets, the page templates,
the routine library, the icons and the worker's own source, so any change to any of
them yields a new worker.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app, url_for

from ..assets import BuiltAssets
from ..config import ROOT
from .library import LoadedLibrary
from .manifest import ICONS, manifest_json

WORKER_SOURCE = ROOT / "service-worker.js"
# The pages the worker stores at install, so each opens offline.
PRECACHED_PAGES = (
    "pages.home",
    "pages.start",
    "pages.routines",
    "pages.shared_routine",
    "pages.play",
    "pages.safety",
    "pages.settings",
    "pages.insights",
    "pages.new_routine",
    "pages.edit_routine",
    "pwa.offline",
    "journal.entries",
    "journal.entry",
    "journal.report",
)
# Every view the precache list names: their blueprints must be registered first.
NEEDED_VIEWS = (*PRECACHED_PAGES, "pages.routine", "api.routines", "api.vocabulary", "pwa.manifest")


@dataclass(frozen=True)
class Worker:
    """The rendered worker script and what went into it."""

    version: str
    precache: tuple[str, ...]
    script: bytes


def register_service_worker(app: Flask, library: LoadedLibrary, assets: BuiltAssets) -> Worker:
    """Build the worker for this app; it needs the blueprints its precache list names."""
    missing = [view for view in NEEDED_VIEWS if view not in app.view_functions]
    if missing:
        raise RuntimeError(
            f"register the blueprints before the service worker: no view {', '.join(missing)}"
        )
    with app.test_request_context():
        worker = app.extensions["acuplan.worker"] = build_worker(app, library, assets)
    return worker


def precache_urls(library: LoadedLibrary, assets: BuiltAssets) -> list[str]:
    """Every URL the worker stores at install: the app shell, assets, library, pages."""
    pages = [url_for(view) for view in PRECACHED_PAGES]
    pages += [url_for("pages.routine", slug=slug) for slug in sorted(library.routines)]
    icons = [url_for("static", filename=f"icons/{name}") for name in ICONS]
    return [
        *pages,
        url_for("api.routines"),
        url_for("api.vocabulary"),  # the routine rules, for a person's own routines offline
        url_for("pwa.manifest"),
        *sorted(assets.urls.values()),
        *icons,
    ]


def build_worker(app: Flask, library: LoadedLibrary, assets: BuiltAssets) -> Worker:
    """The worker script with its VERSION and PRECACHE filled in (in a request context)."""
    precache = precache_urls(library, assets)
    digest = hashlib.sha256()
    digest.update(assets.version.encode())
    digest.update(library.etag.encode())
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


def _content_files(app: Flask) -> Iterator[Path]:
    """The sources whose change must give a new worker (built assets count via their hash)."""
    yield WORKER_SOURCE
    yield from (ROOT / "templates").rglob("*.html")
    icons = Path(app.static_folder) / "icons"
    yield from (icons / name for name in ICONS if (icons / name).exists())


def current_worker() -> Worker:
    """The worker built for the running app."""
    return current_app.extensions["acuplan.worker"]
