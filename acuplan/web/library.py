"""The routine library, loaded and validated once when the app is created."""

from __future__ import annotations

import hashlib
import json

from flask import current_app, has_app_context

from .. import records
from ..catalog import Library, load_library, routine_json
from .compression import precompress


class LoadedLibrary:
    """The library plus its JSON form, serialised once: it never changes while running."""

    def __init__(self, library: Library) -> None:
        """Serialise the library's routines and its API body once."""
        self.library = library
        self.routines = library.routines
        self.json = {slug: routine_json(r) for slug, r in library.routines.items()}
        self.api_body = json.dumps(
            {"count": len(self.json), "routines": list(self.json.values())},
            separators=(",", ":"),
            ensure_ascii=False,
        ).encode()
        self.etag = hashlib.sha256(self.api_body).hexdigest()[:32]
        self.api_variants = precompress(self.api_body)


def register_library(app) -> LoadedLibrary:
    """Load routines/; an invalid library raises CatalogError and the app does not start."""
    library = app.extensions["acuplan.library"] = LoadedLibrary(
        load_library(app.config["ROUTINES_DIR"])
    )
    records.use_library(lambda: current_library().library if has_app_context() else None)
    return library


def current_library() -> LoadedLibrary:
    """The running app's library."""
    return current_app.extensions["acuplan.library"]
