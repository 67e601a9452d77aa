"""webassets bundles: every CSS and JS file the browser loads, minified, content-hashed.

Each ES module is its own bundle, so modules import each other by bare name
(`acuplan/<file stem>`) through an import map rendered from the hashed URLs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flask import Blueprint, abort, current_app
from flask_assets import Bundle

from .compression import precompress, send_precompressed
from .extensions import assets

bp = Blueprint("assets", __name__)
IMMUTABLE = "public, max-age=31536000, immutable"

MODULE_PREFIX = "acuplan/"
STYLESHEETS = ("css/app.css",)


@dataclass(frozen=True)
class BuiltAssets:
    """What the pages and the service worker need to know about the built assets."""

    urls: dict[str, str]  # source path under static/ -> hashed URL
    files: dict[str, dict[str, bytes]]  # path under static/gen/ -> body per encoding
    import_map: str  # JSON text of the import map
    import_map_hash: str  # for the CSP: 'sha256-...'
    version: str  # a hash of every asset's contents


def init_assets(app) -> None:
    app.config.setdefault("ASSETS_URL_EXPIRE", False)
    app.config.setdefault("ASSETS_VERSIONS", "hash")
    app.config.setdefault("ASSETS_MANIFEST", "cache")
    # Built assets are served pre-compressed below; streamed static files stay as they are.
    app.config.setdefault("COMPRESS_STREAMS", False)
    assets.init_app(app)
    app.register_blueprint(bp, url_prefix=app.static_url_path)
    with app.app_context():
        assets.register(_bundles(app.static_folder))
        app.extensions["acuplan.assets"] = built_assets = build(app)

    @app.context_processor
    def asset_helpers():
        return {
            "asset_url": built_assets.urls.__getitem__,
            "import_map": built_assets.import_map,
        }


@cache
def _bundles(static_folder: str) -> dict[str, Bundle]:
    """One bundle per stylesheet and per ES module, made once per process.

    The Environment is shared by every app in the process (tests make many); webassets
    accepts registering the very same bundle again, but not an equal new one.
    """
    static = Path(static_folder)
    bundles = {
        path: Bundle(path, filters="rcssmin", output=_output(path, "css")) for path in STYLESHEETS
    }
    for path in sorted(static.glob("js/*.js")):
        source = path.relative_to(static).as_posix()
        bundles[source] = Bundle(source, filters="rjsmin", output=_output(source, "js"))
    return bundles


def _output(source: str, ext: str) -> str:
    stem = Path(source).stem
    folder = "js/" if ext == "js" else ""
    return f"gen/{folder}{stem}.%(version)s.{ext}"


def build(app) -> BuiltAssets:
    """Build every bundle (only what changed) and collect the hashed URLs."""
    urls: dict[str, str] = {}
    files: dict[str, dict[str, bytes]] = {}
    digest = hashlib.sha256()
    static = Path(app.static_folder)
    for name, bundle in sorted(assets._named_bundles.items()):
        (url,) = bundle.urls()
        urls[name] = url
        digest.update(url.encode())
        output = url.removeprefix(app.static_url_path + "/")
        files[output.removeprefix("gen/")] = precompress((static / output).read_bytes())
    modules = {
        MODULE_PREFIX + Path(name).stem: url for name, url in urls.items() if name.endswith(".js")
    }
    import_map = json.dumps({"imports": modules}, separators=(",", ":"), sort_keys=True)
    sha = base64.b64encode(hashlib.sha256(import_map.encode()).digest()).decode()
    return BuiltAssets(
        urls=urls,
        files=files,
        import_map=import_map,
        import_map_hash=f"'sha256-{sha}'",
        version=digest.hexdigest()[:16],
    )


def built(app) -> BuiltAssets:
    return app.extensions["acuplan.assets"]


@bp.get("/gen/<path:filename>")
def built_file(filename: str):
    """A built asset from memory, compressed ahead of time and cached for a year."""
    variants = built(current_app).files.get(filename)
    if variants is None:
        abort(404)
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return send_precompressed(variants, mimetype, {"Cache-Control": IMMUTABLE})
