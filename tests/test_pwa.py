"""The manifest, the generated service worker, caching and compression headers."""

from __future__ import annotations

import json
import re

from acuplan.config import ROOT


def worker_constants(client) -> tuple[str, list[str]]:
    script = client.get("/service-worker.js").get_data(as_text=True)
    version = re.search(r'^const VERSION = "([0-9a-f]{16})";$', script, re.M).group(1)
    precache = json.loads(re.search(r"^const PRECACHE = (\[.*?\]);$", script, re.M | re.S)[1])
    return version, precache


def test_worker_is_served_at_the_root_with_its_constants_filled_in(client):
    response = client.get("/service-worker.js")
    assert response.mimetype == "text/javascript"
    assert "no-cache" in response.headers["Cache-Control"]
    script = response.get_data(as_text=True)
    assert "__ACUPLAN_" not in script
    assert "__ACUPLAN_VERSION__" in (ROOT / "service-worker.js").read_text()


def test_precache_holds_the_shell_assets_library_and_every_routine_page(client, app):
    _, precache = worker_constants(client)
    for path in (
        "/",
        "/routines",
        "/safety",
        "/settings",
        "/offline",
        "/api/routines",
        "/journal",
        "/journal/entry",
        "/journal/report",
    ):
        assert path in precache
    for slug in app.extensions["acuplan.library"].routines:
        assert f"/routines/{slug}" in precache
    built = app.extensions["acuplan.assets"].urls.values()
    assert set(built) <= set(precache)
    assert len(precache) == len(set(precache))
    for url in precache:
        with client.get(url) as response:
            assert response.status_code == 200, url


def test_version_changes_with_any_precached_content(make_app, library_copy):
    before, _ = worker_constants(make_app().test_client())
    same, _ = worker_constants(make_app().test_client())
    assert before == same
    path = library_copy / "evening-unwind.toml"
    path.write_text(path.read_text().replace("Evening unwind", "Evening wind-down"))
    after, _ = worker_constants(make_app(ROUTINES_DIR=str(library_copy)).test_client())
    assert after != before


def test_manifest_is_complete(client):
    response = client.get("/manifest.webmanifest")
    assert response.mimetype == "application/manifest+json"
    manifest = response.get_json()
    for key in (
        "name",
        "short_name",
        "description",
        "id",
        "start_url",
        "scope",
        "display",
        "theme_color",
        "background_color",
        "icons",
        "shortcuts",
        "screenshots",
    ):
        assert manifest[key], key
    assert len(manifest["short_name"]) <= 12
    purposes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert purposes >= {
        ("192x192", "any"),
        ("512x512", "any"),
        ("192x192", "maskable"),
        ("512x512", "maskable"),
    }
    assert {s["form_factor"] for s in manifest["screenshots"]} == {"narrow", "wide"}
    assert {s["short_name"] for s in manifest["shortcuts"]} >= {"Today", "Journal"}


def test_pages_link_the_manifest_and_ios_tags(client):
    html = client.get("/").get_data(as_text=True)
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html
    assert 'rel="apple-touch-icon"' in html
    assert 'name="apple-mobile-web-app-status-bar-style"' in html


def test_html_is_revalidated_and_compressed(client):
    response = client.get("/routines", headers={"Accept-Encoding": "gzip, br"})
    assert "no-cache" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] in {"br", "gzip", "zstd"}
    assert "Accept-Encoding" in response.headers["Vary"]


def test_built_assets_are_immutable_and_precompressed(client, app):
    url = app.extensions["acuplan.assets"].urls["css/app.css"]
    plain = client.get(url)
    assert plain.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "Content-Encoding" not in plain.headers
    for encoding in ("br", "gzip"):
        packed = client.get(url, headers={"Accept-Encoding": encoding})
        assert packed.headers["Content-Encoding"] == encoding
        assert len(packed.data) < len(plain.data)
    assert client.get("/static/gen/nothing.123.css").status_code == 404


def test_library_json_is_precompressed(client):
    plain = client.get("/api/routines")
    packed = client.get("/api/routines", headers={"Accept-Encoding": "br"})
    assert packed.headers["Content-Encoding"] == "br"
    assert len(packed.data) * 5 < len(plain.data)
    assert packed.headers["ETag"] == plain.headers["ETag"]


def test_offline_page_links_to_what_works_offline(client):
    html = client.get("/offline").get_data(as_text=True)
    for href in ('href="/"', 'href="/routines"', 'href="/journal"', 'href="/safety"'):
        assert href in html


def test_minified_modules_keep_nested_template_literals_whole(client, app):
    # rjsmin turned `plan-session${s ? ` is-${s}` : ""}` into "plan-sessionis-done".
    source = (ROOT / "static/js/plan/week.js").read_text()
    assert "` is-${" in source
    built = client.get(app.extensions["acuplan.assets"].urls["js/plan/week.js"]).get_data(True)
    assert "` is-${" in built
    assert len(built) < len(source)
