"""Configuration from the environment: the secret key, the database URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from acuplan.config import _instance_secret, database_url
from acuplan.extensions import db


def test_secret_key_is_generated_once_and_kept(tmp_path):
    first = _instance_secret(str(tmp_path))
    assert len(first) == 64
    assert _instance_secret(str(tmp_path)) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_secret_key_comes_from_the_environment(monkeypatch, tmp_path):
    from app import create_app

    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    assert app.config["SECRET_KEY"] == "from-the-environment"


def test_no_hard_coded_secret_key(monkeypatch, tmp_path):
    from app import create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    key = app.config["SECRET_KEY"]
    assert key == (Path(app.instance_path) / "secret_key").read_text().strip()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "sqlite:////srv/instance/acuplan.sqlite3"),
        ("", "sqlite:////srv/instance/acuplan.sqlite3"),
        ("postgresql+psycopg://u:p@db/acuplan", "postgresql+psycopg://u:p@db/acuplan"),
        ("postgres://u:p@db/acuplan", "postgresql+psycopg://u:p@db/acuplan"),
        ("postgresql://u:p@db/acuplan", "postgresql+psycopg://u:p@db/acuplan"),
    ],
)
def test_database_url(given, expected):
    assert database_url(given, "/srv/instance") == expected


def test_sqlite_runs_in_wal_mode_with_foreign_keys(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'wal.sqlite3'}")
    with app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_security_settings_come_from_the_environment(monkeypatch, tmp_path):
    from datetime import timedelta

    from app import create_app

    monkeypatch.setenv("TRUSTED_PROXIES", "2")
    monkeypatch.setenv("REMEMBER_COOKIE_DURATION", "7")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", "memory://?from=environment")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    assert app.config["TRUSTED_PROXIES"] == 2
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=7)
    assert app.config["RATELIMIT_STORAGE_URI"] == "memory://?from=environment"
    assert type(app.wsgi_app).__name__ == "ProxyFix"


def test_security_settings_default_to_no_proxy_and_30_days(tmp_path, monkeypatch):
    from datetime import timedelta

    from app import create_app

    for name in ("TRUSTED_PROXIES", "REMEMBER_COOKIE_DURATION"):
        monkeypatch.delenv(name, raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.sqlite3'}"})
    assert app.config["TRUSTED_PROXIES"] == 0
    assert app.config["REMEMBER_COOKIE_DURATION"] == timedelta(days=30)
    assert type(app.wsgi_app).__name__ != "ProxyFix"
