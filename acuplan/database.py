"""Database set-up that Flask-SQLAlchemy leaves to the app: SQLite pragmas."""

from __future__ import annotations

from sqlalchemy import event

from .extensions import db


def init_database(app) -> None:
    """Bind the models and, on SQLite, turn on WAL and foreign keys for every connection."""
    db.init_app(app)
    from . import models  # noqa: F401  (register the tables with the metadata)

    with app.app_context():
        engine = db.engine
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()
