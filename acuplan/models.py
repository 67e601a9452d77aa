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


class PushSubscription(db.Model):
    """One device's Web Push subscription and the reminders it asked for.

    A person may have several devices; each keeps one subscription, replaced when the
    browser renews it. Reminder times are wall-clock times in the IANA `timezone`, turned
    into instants only when due, so a change of daylight saving keeps 20:00 at 20:00.
    """

    __tablename__ = "push_subscription"
    __table_args__ = (UniqueConstraint("user_id", "device"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    device: Mapped[str] = mapped_column(String(36))
    endpoint: Mapped[str] = mapped_column(Text)
    # where the app was opened when it subscribed: a tapped reminder opens it there
    origin: Mapped[str] = mapped_column(String(200))
    p256dh: Mapped[str] = mapped_column(String(200))
    auth: Mapped[str] = mapped_column(String(100))
    timezone: Mapped[str] = mapped_column(String(64))
    morning: Mapped[str | None] = mapped_column(String(5))  # "HH:MM", or no reminder
    evening: Mapped[str | None] = mapped_column(String(5))
    # when the device last sent it: one not renewed for 60 days has expired
    renewed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # after a 429 or 5xx, no send before this moment (back-off)
    retry_after: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ReminderSend(db.Model):
    """One reminder, sent or being sent: (user, device, slot, date) at most once, ever.

    The row is inserted before the push goes out; the unique constraint is what keeps a
    restarted or a second scheduler from sending the same reminder twice.
    """

    __tablename__ = "reminder_send"
    __table_args__ = (UniqueConstraint("user_id", "device", "slot", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    device: Mapped[str] = mapped_column(String(36))
    slot: Mapped[str] = mapped_column(String(16))
    date: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(16))  # sending, sent, failed, nothing-planned
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class CalendarFeed(db.Model):
    """A person's private calendar address: only a hash of its token is kept."""

    __tablename__ = "calendar_feed"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
