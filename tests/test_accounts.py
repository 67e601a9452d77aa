"""Accounts: registration rules, hashing, login, rate limiting, sessions, logout."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from acuplan.extensions import db
from acuplan.models import User


def test_register_logs_in_and_shows_the_account(auth):
    response = auth.register()
    assert response.status_code == 302
    assert auth.client.get("/api/me").get_json() == {"user": {"email": "ada@example.com"}}
    html = auth.client.get("/account").get_data(as_text=True)
    assert "signed in as <strong>ada@example.com</strong>" in html


@pytest.mark.parametrize(
    ("email", "password", "confirm", "message"),
    [
        ("not-an-email", "a calm evening walk", None, "Invalid email address."),
        ("ada@example.com", "short", None, "Field must be between 8 and 128 characters long."),
        ("ada@example.com", "password1", None, "one of the most common ones"),
        ("ada@example.com", "a calm evening walk", "a different walk", "The two passwords differ."),
        ("", "a calm evening walk", None, "This field is required."),
    ],
)
def test_registration_refuses_bad_input_with_a_clear_message(
    auth, email, password, confirm, message
):
    response = auth.client.post(
        "/account/register",
        data={
            "email": email,
            "password": password,
            "confirm": confirm or password,
            "csrf_token": auth.csrf(),
        },
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_long_passwords_are_allowed(auth):
    assert auth.register(password="word " * 20).status_code == 302


def test_an_email_can_register_once(auth, make_auth):
    auth.register()
    again = make_auth().register(email="ADA@example.com")
    assert again.status_code == 400
    assert "already an account" in again.get_data(as_text=True)


def test_passwords_are_hashed_to_asvs_strength(make_app):
    app = make_app(PASSWORD_HASH_METHOD="pbkdf2:sha256:600000")
    from tests.conftest import Auth

    Auth(app.test_client()).register()
    with app.app_context():
        user = db.session.scalars(select(User)).one()
    method, _salt, _hash = user.password_hash.split("$")
    algorithm, digest, rounds = method.split(":")
    assert (algorithm, digest) == ("pbkdf2", "sha256") and int(rounds) >= 600_000
    assert "a calm evening walk" not in user.password_hash


def test_the_default_hash_method_is_the_strong_one():
    from acuplan.config import Defaults

    assert Defaults.PASSWORD_HASH_METHOD == "pbkdf2:sha256:600000"


def test_login_with_the_right_password_only(auth, make_auth):
    auth.register()
    other = make_auth()
    wrong = other.login(password="not the password")
    assert wrong.status_code == 400
    assert "don’t match an account" in wrong.get_data(as_text=True)
    assert other.login().status_code == 302
    assert other.client.get("/api/me").get_json()["user"]["email"] == "ada@example.com"


def test_login_is_rate_limited(make_app):
    app = make_app(LOGIN_LIMIT="3 per minute")
    from tests.conftest import Auth

    auth = Auth(app.test_client())
    codes = [auth.login(password=f"guess number {i}").status_code for i in range(4)]
    assert codes == [400, 400, 400, 429]


def test_login_starts_a_new_session(auth):
    auth.register()
    auth.logout()
    with auth.client.session_transaction() as session:
        session["planted"] = "by someone else"
    auth.login()
    with auth.client.session_transaction() as session:
        assert "planted" not in session


def test_logout_ends_the_session(auth):
    auth.register()
    assert auth.logout().status_code == 302
    assert auth.client.get("/api/me").get_json() == {"user": None}


def test_logout_needs_csrf(auth):
    auth.register()
    assert auth.client.post("/account/logout").status_code == 400
    assert auth.client.get("/api/me").get_json()["user"] is not None


def test_session_cookie_is_secure_httponly_and_samesite_over_https(make_app):
    app = make_app()
    client = app.test_client()
    token = client.get("/api/csrf", base_url="https://localhost").get_json()["token"]
    response = client.post(
        "/account/register",
        base_url="https://localhost",
        data={
            "email": "ada@example.com",
            "password": "a calm evening walk",
            "confirm": "a calm evening walk",
            "csrf_token": token,
        },
        headers={"Referer": "https://localhost/account/register"},
    )
    cookie = next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_account_page_without_an_account_explains_device_only_use(client):
    html = client.get("/account").get_data(as_text=True)
    assert "everything you save stays on this phone" in html


@pytest.mark.parametrize("path", ["/account", "/account/login", "/account/register"])
def test_account_pages_are_never_cached(client, path):
    assert client.get(path).headers["Cache-Control"] == "no-store"
