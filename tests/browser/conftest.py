"""Real Chromium through Playwright, against the app served on a loopback port.

Chromium is Debian's (`chromium` on PATH) or the one named by the CHROMIUM environment
variable. If neither exists the browser tests fail: a skipped browser test is no pass.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import flask_migrate
import pytest
from playwright.sync_api import expect, sync_playwright
from werkzeug.serving import make_server

from acuplan.extensions import db
from app import create_app
from tests.browser.chromium import CHROMIUM_ARGS, find_chromium

PHONE = {"width": 390, "height": 844}
# CI's machine runs two test processes, each with Chromium, a live server in its own Python
# process and a database, on two cores: what settles in a second alone can take several
# there (three 5-second waits ran out in one fresh-clone PostgreSQL run, none alone). These
# are waits for a state, never timings, so a longer limit only costs time when a test fails.
expect.set_options(timeout=15_000)
SCREENSHOTS = Path(__file__).parent / "screenshots"


# One more try for a browser test that fails, and only for those: on that machine a page's
# timing still drifts past a wait now and then (two CI runs in a row lost everything to one
# such test each, neither seen again in hundreds of runs here). A test that is wrong fails
# both tries; a retried one shows as "R" and in the summary's "rerun" count, to be looked at.
# BROWSER_RERUNS=0 in the environment gives each test one try only, to chase a flaky one.
BROWSER_RERUNS = int(os.environ.get("BROWSER_RERUNS", "1"))


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("flaky"):
            item.add_marker(pytest.mark.flaky(reruns=BROWSER_RERUNS))


def chromium_path() -> str:
    path = find_chromium()
    if not path:
        pytest.fail("Chromium not found: install Debian's `chromium` or set CHROMIUM")
    return path


class LiveServer:
    """Serves whichever app is current on one loopback port, so a test can deploy anew."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, self.dispatch, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def dispatch(self, environ, start_response):
        # Read the body here and close it: when the browser drops a connection, werkzeug's
        # dev server can fail before closing a streamed file (an icon), and the unclosed file's
        # ResourceWarning then fails whichever test happens to be running.
        response = self.app(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            if hasattr(response, "close"):
                response.close()

    def stop(self):
        self.server.shutdown()
        self.thread.join()


def make_live_app(tmp_path_factory, **config):
    """An app on its own migrated database (TEST_DATABASE_URL's, if set)."""
    url = os.environ.get("TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.sqlite3'}"
    )
    settings = {"TESTING": True, "SECRET_KEY": "browser-tests", "SQLALCHEMY_DATABASE_URI": url}
    app = create_app({**settings, **config})
    with app.app_context():
        flask_migrate.upgrade()
    return app


def drop_live_app(app):
    with app.app_context():
        flask_migrate.downgrade(revision="base")
        db.engine.dispose()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """The app on a free loopback port, for one module."""
    app = make_live_app(tmp_path_factory)
    server = LiveServer(app)
    yield server.url
    server.stop()
    drop_live_app(app)


@pytest.fixture(scope="session")
def playwright():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def persistent_context(playwright, tmp_path):
    """A context with a real profile: installability checks report `in-incognito` otherwise."""
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=chromium_path(),
        args=CHROMIUM_ARGS,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    yield context
    context.close()


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


@pytest.fixture(scope="module")
def module_page(browser, live_server):
    """One phone-sized page per test module, on the home page, for calling pure modules:
    a page a test, for dozens of small calculations, would be most of their time."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server + "/")
    yield page
    context.close()


@pytest.fixture
def call_module(module_page):
    """Call an exported function of a built module in the page: call_module("insights/stats",
    "median", [1, 2]). Arguments and result go through JSON."""

    def call(module: str, name: str, *args):
        return module_page.evaluate(
            "async ([module, name, args]) => (await import(`acuplan/${module}`))[name](...args)",
            [module, name, list(args)],
        )

    return call
