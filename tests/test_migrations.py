"""The session-token migration on a database that already holds people and their records."""

from __future__ import annotations

import flask_migrate
import pytest
from sqlalchemy import text

from acuplan.extensions import db

BEFORE = "767052c0a8d3"


def fill_old_schema(emails):
    for number, email in enumerate(emails, start=1):
        db.session.execute(
            text(
                'INSERT INTO "user" (id, email, password_hash, created_at, sync_seq) '
                "VALUES (:id, :email, 'x', '2026-01-01 00:00:00', 1)"
            ),
            {"id": number, "email": email},
        )
        db.session.execute(
            text(
                "INSERT INTO record (user_id, uuid, kind, data, modified, deleted, seq) "
                "VALUES (:id, :uuid, 'journal', '{}', 1, false, 1)"
            ),
            {"id": number, "uuid": f"00000000-0000-4000-8000-00000000000{number}"},
        )
    db.session.commit()


def test_upgrading_keeps_every_record_and_gives_each_account_its_own_token(app):
    with app.app_context():
        flask_migrate.downgrade(revision=BEFORE)
        fill_old_schema(["ada@example.com", "bea@example.com"])
        db.session.remove()
        flask_migrate.upgrade()
        assert db.session.execute(text("SELECT count(*) FROM record")).scalar() == 2
        tokens = db.session.execute(text('SELECT session_token FROM "user"')).scalars().all()
        assert len(set(tokens)) == 2 and all(len(t) >= 40 for t in tokens)
        if db.engine.dialect.name == "sqlite":  # and the connection keeps its foreign keys
            assert db.session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_upgrading_refuses_emails_that_differ_only_in_case(app, caplog):
    with app.app_context():
        flask_migrate.downgrade(revision=BEFORE)
        fill_old_schema(["ada@example.com", "ADA@example.com"])
        db.session.remove()
        with pytest.raises(SystemExit):
            flask_migrate.upgrade()
        assert "differing only in case" in caplog.text and "ada@example.com" in caplog.text
        db.session.remove()
        db.session.execute(text("DELETE FROM record WHERE user_id = 2"))
        db.session.execute(text('DELETE FROM "user" WHERE id = 2'))
        db.session.commit()
        db.session.remove()
        flask_migrate.upgrade()
