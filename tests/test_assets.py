"""ES modules in feature folders: named by path, built to unique URLs, mapped, preloaded
and precached."""

from __future__ import annotations

import json
import re

from acuplan.assets import built
from acuplan.config import ROOT

JS = ROOT / "static" / "js"
SPECIFIER = re.compile(r"""(?:from|import)\s*\(?\s*["'](acuplan/[^"']+)["']""")


def import_map(app) -> dict[str, str]:
    return json.loads(built(app).import_map)["imports"]


def test_a_module_in_a_folder_is_named_by_its_path_mapped_and_precached(client, app):
    url = import_map(app)["acuplan/player/loop"]
    assert re.fullmatch(r"/static/gen/js/player/loop\.[0-9a-f]{8}\.js", url)
    worker = client.get("/service-worker.js").get_data(as_text=True)
    assert json.dumps(url) in worker  # in its PRECACHE list
    with client.get(url) as response:
        assert response.status_code == 200
        assert "immutable" in response.headers["Cache-Control"]


def test_every_module_under_static_js_is_in_the_import_map(app):
    sources = {p.relative_to(JS).with_suffix("").as_posix() for p in JS.rglob("*.js")}
    assert any("/" in name for name in sources)
    assert set(import_map(app)) == {f"acuplan/{name}" for name in sources}


def test_every_module_name_imported_is_in_the_import_map(app):
    """A module importing a name no file has (an old flat name) would fail in the browser."""
    names = set(import_map(app))
    for path in JS.rglob("*.js"):
        for name in SPECIFIER.findall(path.read_text()):
            assert name in names, f"{path.relative_to(JS)} imports {name}"


def test_same_named_modules_in_two_folders_get_their_own_urls(app):
    modules = import_map(app)
    assert modules["acuplan/player/store"] != modules["acuplan/sync/store"]
    assert len(set(modules.values())) == len(modules)


def test_an_entry_module_preloads_its_imports_across_folders(app):
    modules = import_map(app)
    preloads = built(app).preloads["acuplan/pages/player"]
    for name in ("player/player", "player/loop", "routines/library", "sync/api", "ui/make-element"):
        assert modules[f"acuplan/{name}"] in preloads, name
