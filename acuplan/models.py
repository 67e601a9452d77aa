"""The database schema as SQLAlchemy 2 typed models. It changes only through migrations/."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db


def utcnow() -> datetime:
    return datetime.now(UTC)


class User(UserMixin, db.Model):
    """A person with an account; everything without one stays on their device."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # The last sync sequence number given to one of this user's records. Bumping it takes
    # the user's row lock, which serialises pushes of one account (see sync_store.py).
    sync_seq: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")


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
