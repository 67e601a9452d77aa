"""ES modules in feature folders: named by path, built to unique URLs, mapped, preloaded
and precached."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
from pathlib import Path

from webassets.cache import FilesystemCache
from webassets.merge import MemoryHunk

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


def test_a_built_file_is_renamed_into_place_whole_and_readable(tmp_path, monkeypatch):
    """Another process building at the same time never reads a half-written module."""
    target = tmp_path / "loop.abc.js"
    target.write_text("the old build")
    renames = []
    real_replace = os.replace

    def replace(source, destination):
        renames.append((Path(source).parent, Path(destination), Path(source).read_text()))
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    MemoryHunk("export const loop = 1;").save(str(target))
    assert renames == [(tmp_path, target, "export const loop = 1;")]
    assert target.read_text() == "export const loop = 1;"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["loop.abc.js"]


def test_a_build_needs_no_cache_entry_another_process_may_be_replacing(make_app, monkeypatch):
    """webassets' cache unlinks a file before renaming the new one in: in that moment a
    process starting beside another found no version for a bundle and failed to start."""
    monkeypatch.setattr(FilesystemCache, "get", lambda self, key: None)
    urls = built(make_app()).urls
    assert re.fullmatch(r"/static/gen/js/player/loop\.[0-9a-f]{8,}\.js", urls["js/player/loop.js"])


def test_a_fresh_checkout_builds_while_another_process_makes_the_folders(
    make_app, tmp_path, monkeypatch
):
    """On a fresh clone two processes build at once: each finds gen/js/... missing, and
    the one that makes it second used to fail with FileExistsError."""
    static = tmp_path / "static"
    shutil.copytree(ROOT / "static", static, ignore=shutil.ignore_patterns("gen", ".webassets*"))

    def beaten_to_it(path, *args, **kwargs):
        raise FileExistsError(17, "File exists", path)

    monkeypatch.setattr(os, "makedirs", beaten_to_it)
    urls = built(make_app(STATIC_FOLDER=str(static))).urls
    assert (static / urls["js/player/loop.js"].removeprefix("/static/")).exists()
