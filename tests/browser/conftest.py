"""Real Chromium through Playwright, against the app served on a loopback port.

Chromium is Debian's (`chromium` on PATH) or the one named by the CHROMIUM environment
variable. If neither exists the browser tests fail: a skipped browser test is no pass.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import flask_migrate
import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from acuplan.extensions import db
from app import create_app

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(__file__).parent / "screenshots"


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium not found: install Debian's `chromium` or set CHROMIUM")
    return path


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app on a free loopback port, on its own migrated database, for one module."""
    url = os.environ.get("TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.sqlite3'}"
    )
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "browser-tests", "SQLALCHEMY_DATABASE_URI": url}
    )
    with app.app_context():
        flask_migrate.upgrade()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    with app.app_context():
        flask_migrate.downgrade(revision="base")
        db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Console:
    """Console errors and uncaught exceptions seen by a page (CSP violations included)."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture(params=["light"])
def phone(request, browser):
    """A page in a phone-sized, touch-enabled context; `phone.console.errors` collects."""
    context = browser.new_context(
        viewport=PHONE,
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        color_scheme=request.param,
    )
    page = context.new_page()
    page.console = Console(page)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """Save a screenshot to tests/browser/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str, full_page: bool = False) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
