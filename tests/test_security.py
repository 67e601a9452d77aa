"""Security headers on every response, and a CSP that admits only the import map."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest


@pytest.mark.parametrize("path", ["/", "/routines", "/api/routines", "/nowhere", "/api/nowhere"])
def test_security_headers_are_on_every_response(client, path):
    headers = client.get(path).headers
    csp = headers["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def csp_hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_csp_admits_exactly_the_inline_import_map_and_stylesheet(client):
    response = client.get("/routines")
    html = response.get_data(as_text=True)
    csp = dict(d.split(" ", 1) for d in response.headers["Content-Security-Policy"].split("; "))
    (import_map,) = re.findall(r'<script type="importmap">(.*?)</script>', html, re.S)
    (stylesheet,) = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert csp["script-src"] == f"'self' {csp_hash(import_map)}"
    assert csp["style-src"] == f"'self' {csp_hash(stylesheet)}"
    assert ".site-header" in stylesheet and "\n" not in stylesheet.strip()


def test_entry_modules_preload_their_imports(client):
    html = client.get("/routines").get_data(as_text=True)
    preloads = re.findall(r'<link rel="modulepreload" href="([^"]+)">', html)
    for name in ("ui/banner", "sync/worker-client", "ui/auto-submit", "routines/filter"):
        assert any(f"/js/{name}." in url for url in preloads), name


def test_import_map_points_at_hashed_minified_modules(client):
    html = client.get("/routines").get_data(as_text=True)
    modules = re.findall(r'<script type="module" src="([^"]+)"', html)
    (module,) = [m for m in modules if "pages/routines" in m]
    assert re.fullmatch(r"/static/gen/js/pages/routines\.[0-9a-f]{8}\.js", module)
    with client.get(module) as response:
        body = response.get_data(as_text=True)
    assert 'from"acuplan/ui/auto-submit"' in body.replace(" ", "")
    assert "\n\n" not in body


def test_state_changes_need_a_csrf_token(make_app):
    app = make_app(TESTING=False)

    @app.post("/echo")
    def echo():
        return "ok"

    response = app.test_client().post("/echo")
    assert response.status_code == 400
    assert "CSRF token is missing" in response.get_data(as_text=True)


def test_secure_cookies_over_https(make_app):
    app = make_app()
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    response = app.test_client().get("/", base_url="https://localhost")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
