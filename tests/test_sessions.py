"""Sessions and identity: no cookie outlives its login or its account, or names another person."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from acuplan.extensions import db
from acuplan.models import User
from tests.conftest import Auth

PASSWORD = "a calm evening walk"
HTTPS = {"base_url": "https://localhost"}


def remember_login(auth: Auth, email="ada@example.com", **extra):
    return auth.client.post(
        "/account/login",
        data={"email": email, "password": PASSWORD, "remember": "y", "csrf_token": auth.csrf()},
        **extra,
    )


def copy_cookies(source: Auth, target: Auth, *names: str) -> None:
    """A copied cookie, as a thief (or a kept backup of the browser) would replay it."""
    for name in names:
        target.client.set_cookie(name, source.client.get_cookie(name).value)


def me(auth: Auth):
    return auth.client.get("/api/me").get_json()["user"]


def delete_account(auth: Auth):
    return auth.client.post(
        "/account/delete", data={"password": PASSWORD, "csrf_token": auth.csrf()}
    )


def test_ids_of_deleted_accounts_are_never_reused(app, auth, make_auth):
    auth.register()
    with app.app_context():
        first = db.session.scalar(select(User.id))
    delete_account(auth)
    make_auth().register(email="bea@example.com")
    with app.app_context():
        second = db.session.scalar(select(User.id))
    assert second > first


def test_a_kept_remember_cookie_of_a_deleted_account_opens_nobody_s_journal(auth, make_auth):
    """The SQLite attack: delete an account, let someone sign up, replay the old cookie."""
    auth.register()
    auth.logout()
    remember_login(auth)
    kept = make_auth()
    copy_cookies(auth, kept, "remember_token")
    assert me(kept) == {"email": "ada@example.com"}  # the cookie worked while the account lived
    kept.client.delete_cookie("session")
    delete_account(auth)
    make_auth().register(email="bea@example.com")
    replay = make_auth()
    copy_cookies(kept, replay, "remember_token")
    assert me(replay) is None
    assert replay.client.get("/api/sync/pull").status_code == 401


def test_logout_ends_copied_session_and_remember_cookies(auth, make_auth):
    auth.register()
    auth.logout()
    remember_login(auth)
    session_copy, remember_copy = make_auth(), make_auth()
    copy_cookies(auth, session_copy, "session")
    copy_cookies(auth, remember_copy, "remember_token")
    assert me(session_copy) and me(remember_copy)
    fresh_remember = make_auth()
    copy_cookies(auth, fresh_remember, "remember_token")
    auth.logout()
    assert me(auth) is None
    assert me(session_copy) is None
    assert me(fresh_remember) is None


def test_remember_me_is_a_choice_off_by_default(auth):
    auth.register()
    auth.logout()
    plain = auth.login()
    assert not any(c.startswith("remember_token=") for c in plain.headers.getlist("Set-Cookie"))
    assert 'name="remember"' in auth.client.get("/account/login").get_data(as_text=True)
    auth.logout()
    chosen = remember_login(auth)
    cookie = next(c for c in chosen.headers.getlist("Set-Cookie") if "remember_token=" in c)
    assert f"Max-Age={30 * 24 * 3600}" in cookie


def test_the_remember_me_lifetime_is_a_setting(make_app):
    auth = Auth(make_app(REMEMBER_COOKIE_DURATION=timedelta(days=7)).test_client())
    auth.register()
    auth.logout()
    cookie = next(
        c for c in remember_login(auth).headers.getlist("Set-Cookie") if "remember_token=" in c
    )
    assert f"Max-Age={7 * 24 * 3600}" in cookie


def https_remember_cookie(auth: Auth, **extra) -> str:
    auth.register()
    auth.logout()
    token = auth.client.get("/api/csrf", **extra).get_json()["token"]
    response = auth.client.post(
        "/account/login",
        data={"email": "ada@example.com", "password": PASSWORD, "remember": "y"}
        | {"csrf_token": token},
        headers={"Referer": "https://localhost/account/login", **extra.pop("headers", {})},
        **extra,
    )
    assert response.status_code == 302
    return next(c for c in response.headers.getlist("Set-Cookie") if "remember_token=" in c)


def test_the_remember_cookie_is_secure_httponly_and_samesite_over_https(auth):
    cookie = https_remember_cookie(auth, **HTTPS)
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_the_remember_cookie_is_not_secure_over_plain_http(auth):
    auth.register()
    auth.logout()
    cookie = next(
        c for c in remember_login(auth).headers.getlist("Set-Cookie") if "remember_token=" in c
    )
    assert "Secure" not in cookie and "HttpOnly" in cookie


FORWARDED_HTTPS = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-For": "203.0.113.9",
    "Referer": "https://localhost/plan",
}


def test_behind_a_trusted_proxy_https_is_followed(make_app):
    app = make_app(TRUSTED_PROXIES=1)
    auth = Auth(app.test_client())
    response = auth.client.get("/", headers=FORWARDED_HTTPS)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    cookie = https_remember_cookie(auth, headers=FORWARDED_HTTPS)
    assert "Secure" in cookie
    assert "https://localhost/routines/" in plan_calendar(auth, FORWARDED_HTTPS)


def test_without_trusted_proxies_forwarded_headers_are_ignored(auth):
    response = auth.client.get("/", headers=FORWARDED_HTTPS)
    assert "Strict-Transport-Security" not in response.headers
    text = plan_calendar(auth, FORWARDED_HTTPS)
    assert "http://localhost/routines/" in text and "https://" not in text


def plan_calendar(auth: Auth, headers: dict) -> str:
    from tests.test_plan_api import PROFILE

    response = auth.client.post(
        "/api/plan.ics",
        json={"profile": PROFILE, "date": "2026-11-23"},
        headers={"X-CSRFToken": auth.csrf(), **headers},
    )
    assert response.status_code == 200
    return re.sub(r"\r\n ", "", response.get_data(as_text=True))


def change_password(auth: Auth, old=PASSWORD, new="a quiet morning swim", **extra):
    return auth.client.post(
        "/account/password",
        data={"old_password": old, "password": new, "confirm": new, **extra},
    )


def test_changing_the_password_needs_the_old_one(auth):
    auth.register()
    wrong = change_password(auth, old="not my password", csrf_token=auth.csrf())
    assert wrong.status_code == 400
    assert "That is not your password." in wrong.get_data(as_text=True)
    assert change_password(auth).status_code == 400  # no CSRF token
    auth.logout()
    assert auth.login().status_code == 302


def test_changing_the_password_logs_out_other_devices_and_keeps_this_one(auth, make_auth):
    auth.register()
    other = make_auth()
    other.login()
    assert change_password(auth, csrf_token=auth.csrf()).status_code == 302
    assert me(auth) == {"email": "ada@example.com"}
    assert me(other) is None
    assert other.login().status_code == 400
    assert other.login(password="a quiet morning swim").status_code == 302


def test_log_out_everywhere_ends_every_session(auth, make_auth):
    auth.register()
    other = make_auth()
    remember_login(other)
    html = auth.client.get("/account").get_data(as_text=True)
    assert "End every session" in html and "Change password" in html
    assert auth.client.post("/account/logout-everywhere").status_code == 400  # no CSRF
    assert me(other)
    response = auth.client.post("/account/logout-everywhere", data={"csrf_token": auth.csrf()})
    assert response.status_code == 302
    assert me(auth) is None and me(other) is None
