"""The schema comes from the migrations, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import flask_migrate
import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from acuplan.extensions import db
from acuplan.models import User


def test_migrations_create_the_schema_of_the_models(app):
    with app.app_context():
        tables = set(inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables
        assert "alembic_version" in tables


# SQLite's reflection cannot read the lower(email) index back; PostgreSQL's can.
@pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrations_leave_nothing_for_autogenerate(app):
    """The models and the migrations agree: a new revision would be empty."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with app.app_context(), db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []


def test_downgrade_to_base_removes_every_table(app):
    with app.app_context():
        flask_migrate.downgrade(revision="base")
        tables = set(inspect(db.engine).get_table_names())
        flask_migrate.upgrade()
    assert not set(db.metadata.tables) & tables


def test_email_is_unique(app):
    with app.app_context():
        db.session.add(User(email="a@example.com", password_hash="x"))
        db.session.commit()
        db.session.add(User(email="a@example.com", password_hash="y"))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()
        user = db.session.execute(db.select(User)).scalar_one()
        assert user.created_at is not None
