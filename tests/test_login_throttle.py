"""Enumeration, races and limits: logins, sign-ups and deletions under attack."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from acuplan import login_throttle
from acuplan.extensions import db
from acuplan.models import User
from acuplan.web import accounts
from tests.conftest import Auth

NO_MATCH = "That email and password don’t match an account."


@pytest.fixture
def hash_checks(monkeypatch):
    """Every password hash computed to check a login, counted."""
    calls = []
    real = login_throttle.check_password_hash

    def counted(pwhash, password):
        calls.append(pwhash)
        return real(pwhash, password)

    monkeypatch.setattr(login_throttle, "check_password_hash", counted)
    return calls


@pytest.fixture
def clock(monkeypatch):
    """The throttle's clock, moved by hand."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(login_throttle.time, "time", lambda: now[0])
    return now


def throttled_app(make_app, **config):
    return make_app(LOGIN_LIMIT="1000 per minute", LOGIN_ACCOUNT_FAILURES=3, **config)


def test_unknown_email_and_wrong_password_cost_the_same_and_read_the_same(auth, hash_checks):
    auth.register()
    unknown = auth.login(email="nobody@example.com", password="some guess here")
    assert len(hash_checks) == 1
    wrong = auth.login(password="some guess here")
    assert len(hash_checks) == 2
    assert unknown.status_code == wrong.status_code == 400
    assert NO_MATCH in unknown.get_data(as_text=True)
    assert NO_MATCH in wrong.get_data(as_text=True)
    # the unknown email was checked against a real hash of the configured strength
    assert hash_checks[0].startswith("pbkdf2:sha256:1000$")


def test_email_is_unique_whatever_the_case_in_the_database_itself(app):
    with app.app_context():
        db.session.add(User(email="A@example.com", password_hash="x"))
        db.session.commit()
        db.session.add(User(email="a@EXAMPLE.com", password_hash="y"))
        with pytest.raises(IntegrityError):
            db.session.commit()
        db.session.rollback()


def test_racing_sign_ups_of_one_address_make_one_account_and_a_form_error(
    app, auth, make_auth, monkeypatch
):
    """Both sign-ups passed the friendly check before either committed."""
    monkeypatch.setattr(accounts, "find_user", lambda email: None)
    assert auth.register(email="A@x.example").status_code == 302
    loser = make_auth().register(email="a@X.example")
    assert loser.status_code == 400
    assert "already an account" in loser.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_wrong_passwords_block_the_account_with_a_growing_back_off(make_app, hash_checks, clock):
    auth = Auth(throttled_app(make_app, LOGIN_BACKOFF_SECONDS=60).test_client())
    auth.register()
    auth.logout()
    checks_before = len(hash_checks)
    codes = [auth.login(password=f"guess number {i}").status_code for i in range(3)]
    assert codes == [400, 400, 400]
    blocked = auth.login()  # even the right password, while blocked
    assert blocked.status_code == 429
    assert "Too many wrong passwords" in blocked.get_data(as_text=True)
    assert len(hash_checks) - checks_before == 3  # a blocked attempt checks nothing
    clock[0] += 61
    assert auth.login(password="one more guess").status_code == 400
    clock[0] += 61  # the second block lasts twice as long
    assert auth.login().status_code == 429
    clock[0] += 60
    assert auth.login().status_code == 302


def test_a_success_forgets_the_failures(make_app, clock):
    app = throttled_app(make_app)
    auth = Auth(app.test_client())
    auth.register()
    auth.logout()
    for i in range(2):
        auth.login(password=f"guess number {i}")
    assert auth.login().status_code == 302
    auth.logout()
    codes = [auth.login(password=f"again {i}").status_code for i in range(3)]
    assert codes == [400, 400, 400]
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert user.failed_logins == 3 and user.login_blocked_until == int(clock[0]) + 60


def test_the_throttle_is_per_account_not_per_email_spelling(make_app, clock):
    auth = Auth(throttled_app(make_app).test_client())
    auth.register()
    auth.logout()
    for i, email in enumerate(["ada@example.com", "ADA@example.com", "Ada@Example.com"]):
        auth.login(email=email, password=f"guess {i}")
    assert auth.login().status_code == 429


def test_sign_up_is_rate_limited_per_address(make_app, make_auth):
    app = make_app(REGISTER_LIMIT="2 per hour")
    codes = [
        Auth(app.test_client()).register(email=f"p{i}@example.com").status_code for i in range(3)
    ]
    assert codes == [302, 302, 429]


def test_account_deletion_is_rate_limited_and_throttled(make_app, hash_checks):
    app = make_app(ACCOUNT_CHANGE_LIMIT="3 per minute", LOGIN_ACCOUNT_FAILURES=2)
    auth = Auth(app.test_client())
    auth.register()

    def delete(password):
        return auth.client.post(
            "/account/delete", data={"password": password, "csrf_token": auth.csrf()}
        ).status_code

    assert [delete("guess one"), delete("guess two")] == [400, 400]
    checks = len(hash_checks)
    assert delete("a calm evening walk") == 429  # the account is blocked: no hash computed
    assert len(hash_checks) == checks
    assert delete("a calm evening walk") == 429  # and now the address limit too
    assert auth.client.get("/api/me").get_json()["user"] is not None
