"""Fixtures: an app on a freshly migrated database, its client and CLI runner.

The database is a new SQLite file per test, or, when TEST_DATABASE_URL is set (CI sets a
PostgreSQL URL), that database migrated up before each test and back down after it. Tests
run in parallel processes (pytest-xdist, one per core, a test file per process at a time);
on PostgreSQL each process gets a database of its own beside TEST_DATABASE_URL's.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import flask_migrate
import pytest

from acuplan.catalog import load_library
from acuplan.config import ROOT
from acuplan.records import read_profile
from app import create_app

LIBRARY = ROOT / "routines"
# The planner tests' person: a newcomer with stress, ten minutes on five evenings a week.
PERSON = {
    "goals": ["stress"],
    "minutes_per_day": 10,
    "days_per_week": 5,
    "times": ["evening"],
    "experience": "never",
    "sensitivity": "medium",
}


def pytest_configure(config):
    """In a parallel worker, point TEST_DATABASE_URL at the worker's own database."""
    worker = getattr(config, "workerinput", {}).get("workerid")
    url = os.environ.get("TEST_DATABASE_URL")
    if worker and url:
        os.environ["TEST_DATABASE_URL"] = own_database(url, worker)


def own_database(url: str, worker: str) -> str:
    """`url` with the database name suffixed by `worker`, created if it is not there."""
    import sqlalchemy as sa

    base = sa.engine.make_url(url)
    mine = base.set(database=f"{base.database}_{worker}")
    engine = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            exists = connection.scalar(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                {"name": mine.database},
            )
            if not exists:
                connection.execute(sa.text(f'CREATE DATABASE "{mine.database}"'))
    finally:
        engine.dispose()
    return mine.render_as_string(hide_password=False)


def pytest_report_header(config):
    """The chaos test's seed, shown at the top of every run (CI's log included)."""
    from tests.browser.test_sync_chaos import OPERATIONS, SEED

    return f"sync chaos test: seed {SEED}, {OPERATIONS} operations (CHAOS_SEED to replay)"


@pytest.fixture(scope="session")
def library():
    """The routine library as shipped, loaded once."""
    return load_library(LIBRARY)


@pytest.fixture(scope="session")
def make_profile():
    """Make a planner profile: PERSON with `overrides`, read as a profile record's answers."""

    def make(**overrides):
        return read_profile(PERSON | overrides)

    return make


@pytest.fixture
def database_url(tmp_path):
    return os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path / 'test.sqlite3'}"


@pytest.fixture
def make_app(tmp_path, database_url):
    """Build apps with extra config; each is migrated up, and its database emptied after."""
    made = []

    def make(**config):
        settings = {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            # Production hashing (600,000 rounds) is tested once in test_accounts.py.
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "SQLALCHEMY_DATABASE_URI": database_url,
            **config,
        }
        app = create_app(settings)
        with app.app_context():
            flask_migrate.upgrade()
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            flask_migrate.downgrade(revision="base")
            from acuplan.extensions import db

            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def library_copy(tmp_path):
    """A writable copy of the real library, to break in a test."""
    target = tmp_path / "routines"
    shutil.copytree(LIBRARY, target)
    return target


@pytest.fixture
def write_routine(library_copy):
    """Write one routine file into a copy of the library; returns its path."""

    def write(text: str, name: str = "broken.toml") -> Path:
        path = library_copy / name
        path.write_text(text)
        return path

    return write


class Auth:
    """Accounts through the real forms and endpoints, CSRF tokens included."""

    def __init__(self, client):
        self.client = client

    def csrf(self) -> str:
        return self.client.get("/api/csrf").get_json()["token"]

    def register(self, email="ada@example.com", password="a calm evening walk"):
        return self.client.post(
            "/account/register",
            data={
                "email": email,
                "password": password,
                "confirm": password,
                "csrf_token": self.csrf(),
            },
        )

    def login(self, email="ada@example.com", password="a calm evening walk"):
        return self.client.post(
            "/account/login", data={"email": email, "password": password, "csrf_token": self.csrf()}
        )

    def logout(self):
        return self.client.post("/account/logout", data={"csrf_token": self.csrf()})

    def post_json(self, url, body):
        return self.client.post(url, json=body, headers={"X-CSRFToken": self.csrf()})


@pytest.fixture
def auth(client):
    return Auth(client)


@pytest.fixture
def make_auth(app):
    """More clients (devices, or other people) on the same app."""
    return lambda: Auth(app.test_client())
