"""Password checks that cost the same for every email, and per-account login throttling.

The throttle lives on the user row (a failure count and a time until which checks are
refused), so it holds across every worker and machine that shares the database.
"""

from __future__ import annotations

import secrets
import time
from functools import cache

from flask import current_app
from sqlalchemy import or_, update
from werkzeug.security import check_password_hash, generate_password_hash

from .extensions import db
from .models import User


def hash_password(password: str) -> str:
    """The password's salted hash, by the configured method."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


@cache
def _dummy_hash(method: str) -> str:
    return generate_password_hash(secrets.token_hex(16), method=method)


def password_matches(user: User | None, password: str) -> bool:
    """Check a password with one hash computation, also when there is no such user.

    Checking against a dummy hash for an unknown email makes both answers take as long,
    so the time of a failed login does not tell whether the email has an account.
    """
    if user is None:
        check_password_hash(_dummy_hash(current_app.config["PASSWORD_HASH_METHOD"]), password)
        return False
    return check_password_hash(user.password_hash, password)


def claim_attempt(user_id: int) -> bool:
    """Count one password check against the account; False while it is blocked.

    The count goes up before the check (and back to 0 after a success) in one atomic
    statement, so concurrent attempts in several workers cannot all slip past the limit.
    """
    now = int(time.time())
    failures = db.session.execute(
        update(User)
        .where(
            User.id == user_id,
            or_(User.login_blocked_until.is_(None), User.login_blocked_until <= now),
        )
        .values(failed_logins=User.failed_logins + 1)
        .returning(User.failed_logins)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if failures is None:
        db.session.rollback()
        return False
    allowed = current_app.config["LOGIN_ACCOUNT_FAILURES"]
    if failures >= allowed:
        back_off = current_app.config["LOGIN_BACKOFF_SECONDS"] * 2 ** min(failures - allowed, 10)
        db.session.execute(
            update(User)
            .where(User.id == user_id)
            .values(login_blocked_until=now + min(back_off, 24 * 3600))
            .execution_options(synchronize_session=False)
        )
    db.session.commit()
    return True


def attempt_succeeded(user_id: int) -> None:
    """The password was right: forget the failures."""
    db.session.execute(
        update(User)
        .where(User.id == user_id)
        .values(failed_logins=0, login_blocked_until=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def check_account_password(user: User, password: str) -> bool | None:
    """The password of a known account, throttled: True, False, or None when blocked."""
    if not claim_attempt(user.id):
        return None
    if password_matches(user, password):
        attempt_succeeded(user.id)
        return True
    return False
