"""Every kind of response carries its cache policy, and only web/caching.py sets one."""

from __future__ import annotations

import re

import pytest

from acuplan.config import ROOT
from tests.test_plan_api import PROFILE

REVALIDATE = "no-cache"
PERSONAL = "no-store"
IMMUTABLE = "public, max-age=31536000, immutable"
PLAN = {"profile": PROFILE, "screening": {"flags": []}, "history": [], "date": "2026-11-23"}


def get(path):
    return lambda auth: auth.client.get(path)


def post_json(path, body):
    return lambda auth: auth.post_json(path, body)


def built_css(auth):
    url = auth.client.application.extensions["acuplan.assets"].urls["css/app.css"]
    return auth.client.get(url)


def library_not_modified(auth):
    etag = auth.client.get("/api/routines").headers["ETag"]
    response = auth.client.get("/api/routines", headers={"If-None-Match": etag})
    assert response.status_code == 304
    return response


def post_form(path, **fields):
    return lambda auth: auth.client.post(path, data={**fields, "csrf_token": auth.csrf()})


# (what is asked, logged in?, expected status, expected Cache-Control)
CASES = {
    # Shared pages, the library and the app's own files: kept, but revalidated.
    "home page": (get("/"), False, 200, REVALIDATE),
    "routine list": (get("/routines"), False, 200, REVALIDATE),
    "routine page": (get("/routines/evening-unwind"), False, 200, REVALIDATE),
    "journal page": (get("/journal"), False, 200, REVALIDATE),
    "offline page": (get("/offline"), False, 200, REVALIDATE),
    "page not found": (get("/no-such-page"), False, 404, REVALIDATE),
    "service worker": (get("/service-worker.js"), False, 200, REVALIDATE),
    "manifest": (get("/manifest.webmanifest"), False, 200, REVALIDATE),
    "library JSON": (get("/api/routines"), False, 200, REVALIDATE),
    "library JSON not modified": (library_not_modified, False, 304, REVALIDATE),
    # Content-hashed assets: a new URL whenever they change.
    "built stylesheet": (built_css, False, 200, IMMUTABLE),
    # A person's own data, and tokens: never stored, errors included.
    "CSRF token": (get("/api/csrf"), False, 200, PERSONAL),
    "who is logged in": (get("/api/me"), True, 200, PERSONAL),
    "sync pull": (get("/api/sync/pull"), True, 200, PERSONAL),
    "sync pull, bad cursor": (get("/api/sync/pull?cursor=x"), True, 400, PERSONAL),
    "sync pull, logged out": (get("/api/sync/pull"), False, 401, PERSONAL),
    "sync push": (post_json("/api/sync/push", {"records": []}), True, 200, PERSONAL),
    "sync push, bad body": (post_json("/api/sync/push", {"records": 1}), True, 400, PERSONAL),
    "plan": (post_json("/api/plan", PLAN), False, 200, PERSONAL),
    "plan, bad profile": (post_json("/api/plan", {**PLAN, "profile": 1}), False, 400, PERSONAL),
    "plan calendar": (post_json("/api/plan.ics", PLAN), False, 200, PERSONAL),
    "account page": (get("/account"), True, 200, PERSONAL),
    "login page": (get("/account/login"), False, 200, PERSONAL),
    "wrong password": (
        post_form("/account/login", email="ada@example.com", password="not the one"),
        False,
        400,
        PERSONAL,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_kind_of_response_carries_its_cache_policy(auth, case):
    ask, logged_in, status, policy = CASES[case]
    auth.register()
    if not logged_in:
        auth.logout()
    response = ask(auth)
    assert response.status_code == status
    assert response.headers["Cache-Control"] == policy


@pytest.mark.parametrize("logged_in", [False, True])
def test_personal_endpoints_are_never_stored_whatever_the_answer(app, auth, logged_in):
    """Every route of the personal blueprints, asked bare (most answer 4xx), is no-store."""
    if logged_in:
        auth.register()
    routes = [
        (rule.rule, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.split(".")[0] in {"sync", "plan", "accounts"}
        for method in sorted(rule.methods & {"GET", "POST"})
    ]
    assert len(routes) >= 12
    for path, method in routes:
        response = auth.client.open(path, method=method)
        assert response.headers["Cache-Control"] == PERSONAL, (method, path)


def test_only_the_caching_module_sets_cache_headers():
    setter = re.compile(r"Cache-Control|cache_control|max_age=")
    writers = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "acuplan").rglob("*.py")
        if setter.search(path.read_text())
    )
    # sessions.py: max_age there is the remember-me cookie's lifetime, not caching.
    assert writers == ["acuplan/web/caching.py", "acuplan/web/sessions.py"]
