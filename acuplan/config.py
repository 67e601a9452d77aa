"""Defaults and environment: SECRET_KEY, DATABASE_URL and the rest."""

from __future__ import annotations

import os
import secrets
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Defaults:
    """The settings that hold unless the environment or a test says otherwise."""

    ROUTINES_DIR = str(ROOT / "routines")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    MAX_CONTENT_LENGTH = 1024 * 1024
    WTF_CSRF_TIME_LIMIT = 3600
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    ASSETS_AUTO_BUILD = True
    ASSETS_DEBUG = False
    JSON_SORT_KEYS = False
    # OWASP ASVS 5.0: PBKDF2-HMAC-SHA256 with at least 600,000 iterations.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:600000"
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    # While Redis is unreachable each worker counts alone rather than every login failing;
    # /api/ready reports the outage.
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
    LOG_FORMAT = None  # "json" or "text"; unset: text under --debug, JSON otherwise
    # Per address (Flask-Limiter, storage above; Redis when there are several workers).
    LOGIN_LIMIT = "10 per minute;50 per hour"
    REGISTER_LIMIT = "10 per hour"
    ACCOUNT_CHANGE_LIMIT = "10 per minute;30 per hour"
    # Per account (in the database): after this many wrong passwords in a row, checks are
    # refused for LOGIN_BACKOFF_SECONDS, doubling with every further failure.
    LOGIN_ACCOUNT_FAILURES = 10
    LOGIN_BACKOFF_SECONDS = 60
    REMEMBER_COOKIE_NAME = "remember_token"
    REMEMBER_COOKIE_DURATION = timedelta(days=30)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # How many reverse proxies in front of the app set X-Forwarded-* (0: trust none).
    TRUSTED_PROXIES = 0
    # Web Push: the key that signs pushes (PEM; made once in instance/ when not set) and the
    # contact push services may write to about them.
    VAPID_PRIVATE_KEY = None
    VAPID_SUBJECT = "mailto:reminders@acuplan.invalid"
    # Push endpoints on loopback or private addresses, or over plain http: never in
    # production (the server would post wherever a device said); tests' own endpoint only.
    PUSH_PRIVATE_ENDPOINTS = False


def configure(app, test_config: dict | None = None) -> None:
    """Fill app.config from the defaults, the environment and, in tests, test_config."""
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_object(Defaults)
    env = os.environ
    app.config["SECRET_KEY"] = env.get("SECRET_KEY") or _instance_secret(app.instance_path)
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url(env.get("DATABASE_URL"), app.instance_path)
    if env.get("RATELIMIT_STORAGE_URI"):
        app.config["RATELIMIT_STORAGE_URI"] = env["RATELIMIT_STORAGE_URI"]
    if env.get("REMEMBER_COOKIE_DURATION"):  # in days
        days = float(env["REMEMBER_COOKIE_DURATION"])
        app.config["REMEMBER_COOKIE_DURATION"] = timedelta(days=days)
    if env.get("TRUSTED_PROXIES"):
        app.config["TRUSTED_PROXIES"] = int(env["TRUSTED_PROXIES"])
    if env.get("LOG_FORMAT"):
        app.config["LOG_FORMAT"] = env["LOG_FORMAT"]
    for name in ("VAPID_PRIVATE_KEY", "VAPID_SUBJECT"):
        if env.get(name):
            app.config[name] = env[name]
    if env.get("ROUTINES_DIR"):
        app.config["ROUTINES_DIR"] = env["ROUTINES_DIR"]
    if test_config:
        app.config.update(test_config)


def database_url(url: str | None, instance_path: str) -> str:
    """The SQLAlchemy URL: SQLite in instance/ by default; PostgreSQL through psycopg 3."""
    if not url:
        return f"sqlite:///{Path(instance_path) / 'acuplan.sqlite3'}"
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url.removeprefix(prefix)
    return url


def _instance_secret(instance_path: str) -> str:
    """A random key made once and kept in instance/, shared by every worker."""
    path = Path(instance_path) / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        # Another worker may have created it a moment ago and still be writing.
        for _ in range(50):
            key = path.read_text().strip()
            if key:
                return key
            time.sleep(0.02)
        raise RuntimeError(f"{path} is empty: delete it to make a new key") from None
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w") as file:
        file.write(key)
    return key
