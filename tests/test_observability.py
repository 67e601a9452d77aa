"""Request ids, log lines and readiness: what an operator sees, never what a person sees."""

from __future__ import annotations

import json
import logging
import sys

import pytest
from flask import Flask

from acuplan.web.observability import JSONFormatter
from app import create_app

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"
UNREACHABLE_DB = "postgresql+psycopg://nobody@127.0.0.1:1/nothing"


def bare_app(**config) -> Flask:
    """An app whose database or limiter may be unreachable (so: not migrated)."""
    return create_app({"TESTING": True, "SECRET_KEY": "test", **config})


def test_every_response_carries_a_request_id(client):
    first, second = client.get("/api/health"), client.get("/")
    ids = {first.headers["X-Request-ID"], second.headers["X-Request-ID"]}
    assert len(ids) == 2 and all(len(i) == 32 for i in ids)


@pytest.mark.parametrize(
    ("incoming", "kept"),
    [
        ("proxy-7f3a9c2e1b", True),
        ("short", False),
        ("x" * 65, False),
        ("abc def ghi jkl", False),
        ('"}{"level":"fake', False),
    ],
)
def test_a_proxys_request_id_is_kept_only_if_it_looks_like_one(client, incoming, kept):
    got = client.get("/api/health", headers={"X-Request-ID": incoming}).headers["X-Request-ID"]
    assert (got == incoming) is kept


def test_an_error_is_logged_as_one_json_line_with_its_traceback_and_request(app):
    formatter = JSONFormatter()
    with app.test_request_context("/journal", headers={"X-Request-ID": "req-12345678"}):
        app.preprocess_request()
        try:
            raise ValueError("the disk is full")
        except ValueError:
            record = logging.LogRecord(
                "acuplan",
                logging.ERROR,
                __file__,
                1,
                "unhandled error on %s",
                ("/journal",),
                sys.exc_info(),
            )
        line = formatter.format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["message"] == "unhandled error on /journal"
    assert entry["request_id"] == "req-12345678" and entry["path"] == "/journal"
    assert "Traceback" in entry["exception"] and "the disk is full" in entry["exception"]


def test_the_apps_log_lines_are_json_unless_asked_for_text(make_app):
    from flask.logging import default_handler

    make_app()
    assert isinstance(default_handler.formatter, JSONFormatter)
    make_app(LOG_FORMAT="text")
    assert not isinstance(default_handler.formatter, JSONFormatter)


def test_a_crash_shows_the_person_no_traceback(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    for path in ("/boom",):
        response = app.test_client().get(path)
        assert response.status_code == 500
        body = response.get_data(as_text=True)
        assert "secret internals" not in body and "Traceback" not in body
        assert response.headers["X-Request-ID"]


def test_ready_when_the_database_and_limiter_answer(client):
    response = client.get("/api/ready")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ready", "database": "ok", "limiter": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_not_ready_while_redis_is_unreachable_but_logins_still_answer(make_app):
    app = make_app(RATELIMIT_STORAGE_URI=UNREACHABLE_REDIS, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    response = client.get("/api/ready")
    assert response.status_code == 503
    assert response.get_json()["limiter"].startswith("unreachable")
    # The limiter falls back to counting in memory: a login is answered, not a 500.
    login = client.post("/account/login", data={"email": "a@example.com", "password": "x"})
    assert login.status_code in (200, 400)


def test_not_ready_while_the_database_is_unreachable_yet_alive():
    client = bare_app(SQLALCHEMY_DATABASE_URI=UNREACHABLE_DB).test_client()
    response = client.get("/api/ready")
    assert response.status_code == 503
    assert response.get_json()["database"].startswith("unreachable")
    assert client.get("/api/health").status_code == 200
