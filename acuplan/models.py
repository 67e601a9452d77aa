"""The database schema as SQLAlchemy 2 typed models. It changes only through migrations/."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db


def utcnow() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(UTC)


def new_session_token() -> str:
    """A random, unguessable token naming one generation of a person's sessions."""
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    """A person with an account; everything without one stays on their device."""

    __tablename__ = "user"
    # Ids are never reused (AUTOINCREMENT; PostgreSQL's sequence never goes back), so
    # nothing that names a deleted account can ever name the next one.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(255))
    # What session and remember-me cookies carry instead of the id: a new one on logout,
    # password change and "log out everywhere" invalidates every cookie issued before.
    session_token: Mapped[str] = mapped_column(
        String(64), unique=True, index=True, default=new_session_token
    )
    # Per-account login throttling, shared by every worker through the database.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    login_blocked_until: Mapped[int | None] = mapped_column(BigInteger)  # seconds, epoch
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The last sync sequence number given to one of this user's records. Bumping it takes
    # the user's row lock, which serialises pushes of one account (see sync_store.py).
    sync_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")

    def get_id(self) -> str:
        """What Flask-Login stores in the session and the remember-me cookie."""
        return self.session_token


# One account per address whatever its case: enforced by the database, so two sign-ups
# racing each other cannot both win.
Index("uq_user_email_lower", func.lower(User.email), unique=True)


class Record(db.Model):
    """One of a person's records (journal entry, profile, plan edit, ...), as synced.

    `uuid` is made by the device; the same uuid under another user is another record.
    `seq` is the user's sync sequence at the record's last change: pull reads by it.
    A delete keeps the row as a tombstone (`deleted`, no data) so it reaches every device.
    """

    __tablename__ = "record"
    __table_args__ = (
        UniqueConstraint("user_id", "uuid"),
        Index("ix_record_user_seq", "user_id", "seq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    uuid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    data: Mapped[str | None] = mapped_column(Text)
    modified: Mapped[int] = mapped_column(BigInteger)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    seq: Mapped[int] = mapped_column(BigInteger)
