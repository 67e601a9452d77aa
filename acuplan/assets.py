"""webassets bundles: every CSS and JS file the browser loads, minified, content-hashed.

Each ES module is its own bundle, so modules import each other by bare name
(`acuplan/<path under js/ without .js>`, e.g. `acuplan/player/loop`) through an import
map rendered from the hashed URLs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import mimetypes
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import minify
from flask import Blueprint, abort, current_app
from flask_assets import Bundle
from webassets.filter import Filter
from webassets.merge import MemoryHunk

from .extensions import assets
from .web.caching import CachePolicy, cache_policy
from .web.compression import precompress, send_precompressed

bp = Blueprint("assets", __name__)

MODULE_PREFIX = "acuplan/"
IMPORT = re.compile(r"""(?:from|import)\s*["'](acuplan/[a-z0-9/-]+)["']""")
STYLESHEETS = ("css/app.css",)


def _save_whole(hunk: MemoryHunk, filename: str) -> None:
    """Write a built file beside its place, then rename it there in one step.

    Every process that starts the app builds the assets into the same folder: gunicorn's
    master, the reminders scheduler, `flask` commands, test workers. webassets writes in
    place, so a process reading a file another one was rewriting could read it half
    written, then serve that from memory for its whole life. A rename is atomic.
    """
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(filename), suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            file.write(hunk.data())
        os.chmod(temporary, 0o644)  # as an ordinary file: mkstemp makes it private
        os.replace(temporary, filename)
    except BaseException:
        os.unlink(temporary)
        raise


MemoryHunk.save = _save_whole


@dataclass(frozen=True)
class BuiltAssets:
    """What the pages and the service worker need to know about the built assets."""

    urls: dict[str, str]  # source path under static/ -> hashed URL
    files: dict[str, dict[str, bytes]]  # path under static/gen/ -> body per encoding
    import_map: str  # JSON text of the import map
    stylesheet: str  # the minified CSS, inlined in every page: no render-blocking request
    csp_hashes: dict[str, str]  # 'script' and 'style' -> 'sha256-...' of the inline parts
    preloads: dict[str, list[str]]  # module name -> URLs of everything it imports
    version: str  # a hash of every asset's contents


def init_assets(app) -> None:
    """Build every bundle at start-up and give templates their URLs and import map."""
    app.config.setdefault("ASSETS_URL_EXPIRE", False)
    app.config.setdefault("ASSETS_VERSIONS", "hash")
    # No manifest: each bundle's version is read from the build that just ran in this
    # process. webassets' cache manifest deletes, then renames, its file, so a process
    # asking while another one builds found no version at all.
    app.config.setdefault("ASSETS_MANIFEST", False)
    # webassets' timestamp check has whole-second resolution and misses quick edits;
    # building ~70 small files at start-up is cheap (gunicorn --preload builds them once).
    app.config.setdefault("ASSETS_UPDATER", "always")
    # Built assets are served pre-compressed below; streamed static files stay as they are.
    app.config.setdefault("COMPRESS_STREAMS", False)
    assets.init_app(app)
    app.register_blueprint(bp, url_prefix=app.static_url_path)
    if app.config.get("STATIC_FOLDER"):
        app.static_folder = app.config["STATIC_FOLDER"]
    with app.app_context():
        app.extensions["acuplan.assets"] = built_assets = build(app)

    app.jinja_env.globals.update(
        asset_url=built_assets.urls.__getitem__,
        import_map=built_assets.import_map,
        inline_stylesheet=built_assets.stylesheet,
        module_entry=lambda source: {
            "src": built_assets.urls[source],
            "preload": built_assets.preloads[module_name(source)],
        },
    )


class MinifyJS(Filter):
    """ES modules minified by tdewolff/minify (the minify-go package).

    rjsmin, used before, dropped spaces inside a template literal nested in another one
    (`plan-session${done ? ` is-done` : ""}` lost its space); this minifier parses the
    language, so template literals stay whole.
    """

    name = "acuplan-minify-js"

    def output(self, _in, out, **kwargs) -> None:
        """Write the minified module."""
        out.write(minify.string("application/javascript", _in.read()))


def bundles(static_folder: str) -> dict[str, Bundle]:
    """One bundle per stylesheet and per ES module, keyed by its source under static/.

    Bundles are bound to the shared Environment but not registered by name, so every app
    (tests make many, some with their own static folder) builds its own set.
    """
    static = Path(static_folder)
    sources: dict[str, str | Filter] = dict.fromkeys(STYLESHEETS, "rcssmin")
    sources |= {
        p.relative_to(static).as_posix(): MinifyJS() for p in sorted(static.glob("js/**/*.js"))
    }
    return {
        source: Bundle(source, filters=minifier, output=_output(source), env=assets)
        for source, minifier in sources.items()
    }


def _output(source: str) -> str:
    # js/player/loop.js -> gen/js/player/loop.<hash>.js: the folder keeps names unique
    path = Path(source)
    folder = f"{path.parent.as_posix()}/" if path.suffix == ".js" else ""
    return f"gen/{folder}{path.stem}.%(version)s{path.suffix}"


def build(app) -> BuiltAssets:
    """Build every bundle and collect what pages, CSP and the worker need to know."""
    urls: dict[str, str] = {}
    files: dict[str, dict[str, bytes]] = {}
    digest = hashlib.sha256()
    static = Path(app.static_folder)
    built_bundles = bundles(app.static_folder)
    # webassets checks for an output folder, then makes it: two processes starting on a
    # fresh checkout both found it missing and one failed. Make them all first, race-free.
    (static / ".webassets-cache").mkdir(exist_ok=True)
    for bundle in built_bundles.values():
        (static / bundle.output).parent.mkdir(parents=True, exist_ok=True)
    for name, bundle in built_bundles.items():
        bundle.build()
        output = bundle.output % {"version": bundle.version}
        urls[name] = url = f"{app.static_url_path}/{output}"
        digest.update(url.encode())
        files[output.removeprefix("gen/")] = precompress((static / output).read_bytes())
    modules = {module_name(name): url for name, url in urls.items() if name.endswith(".js")}
    import_map = json.dumps({"imports": modules}, separators=(",", ":"), sort_keys=True)
    stylesheet = files[urls[STYLESHEETS[0]].rsplit("/gen/", 1)[1]]["identity"].decode()
    return BuiltAssets(
        urls=urls,
        files=files,
        import_map=import_map,
        stylesheet=stylesheet,
        csp_hashes={"script": _csp_hash(import_map), "style": _csp_hash(stylesheet)},
        preloads=_preloads(static, modules),
        version=digest.hexdigest()[:16],
    )


def module_name(source: str) -> str:
    """The bare name a module is imported by: js/player/loop.js -> acuplan/player/loop."""
    return MODULE_PREFIX + Path(source).relative_to("js").with_suffix("").as_posix()


def _csp_hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def _preloads(static: Path, modules: dict[str, str]) -> dict[str, list[str]]:
    """For each module, the URLs of every module it imports, directly or not.

    Pages list them as <link rel="modulepreload">, so the browser fetches the whole
    graph at once instead of discovering it one import at a time.
    """
    imports = {
        module_name(path.relative_to(static).as_posix()): IMPORT.findall(path.read_text())
        for path in static.glob("js/**/*.js")
    }

    def closure(name: str, seen: set[str]) -> set[str]:
        for dep in imports.get(name, ()):
            if dep not in seen:
                seen.add(dep)
                closure(dep, seen)
        return seen

    return {
        name: sorted(modules[d] for d in closure(name, set()) if d in modules) for name in modules
    }


def built(app) -> BuiltAssets:
    """What was built for this app (URLs, files, import map, CSP hashes, version)."""
    return app.extensions["acuplan.assets"]


@bp.get("/gen/<path:filename>")
@cache_policy(CachePolicy.IMMUTABLE)
def built_file(filename: str):
    """A built asset from memory, compressed ahead of time and cached for a year."""
    variants = built(current_app).files.get(filename)
    if variants is None:
        abort(404)
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return send_precompressed(variants, mimetype, {})
