"""Every JSON error has one shape, built in one place: {error, message} plus what was wrong."""

from __future__ import annotations

import re
import uuid

import pytest

from acuplan.config import ROOT
from acuplan.web.errors import json_error
from tests.test_plan_api import PROFILE
from tests.test_sync_api import entry

PLAN = {"profile": PROFILE, "screening": {"flags": []}, "history": [], "date": "2026-11-23"}
BAD_RECORD_ID = str(uuid.uuid4())


def csrf_post(path, body):
    return lambda auth: auth.post_json(path, body)


# (what is asked, logged in?, status, the body's keys, its `error`)
CASES = {
    "unknown routine": (
        lambda auth: auth.client.get("/api/routines/nope"),
        False,
        404,
        {"error", "message"},
        "Not Found",
    ),
    "wrong method": (
        lambda auth: auth.client.delete("/api/routines"),
        False,
        405,
        {"error", "message"},
        "Method Not Allowed",
    ),
    "no CSRF token": (
        lambda auth: auth.client.post("/api/plan", json=PLAN),
        False,
        400,
        {"error", "message"},
        "Bad Request",
    ),
    "bad plan input": (
        csrf_post("/api/plan", {**PLAN, "profile": 1}),
        False,
        400,
        {"error", "message", "field"},
        "Bad Request",
    ),
    "bad record": (
        csrf_post("/api/sync/push", {"records": [entry(pain_after=12, record_id=BAD_RECORD_ID)]}),
        True,
        400,
        {"error", "message", "field", "record"},
        "Bad Request",
    ),
    "unreadable push": (
        csrf_post("/api/sync/push", [1]),
        True,
        400,
        {"error", "message", "field"},
        "Bad Request",
    ),
    "bad pull cursor": (
        lambda auth: auth.client.get("/api/sync/pull?cursor=x"),
        True,
        400,
        {"error", "message"},
        "Bad Request",
    ),
    "sync without an account": (
        lambda auth: auth.client.get("/api/sync/pull"),
        False,
        401,
        {"error", "message"},
        "Unauthorized",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_api_errors_share_one_shape(auth, case):
    ask, logged_in, status, keys, error = CASES[case]
    if logged_in:
        auth.register()
    response = ask(auth)
    assert response.status_code == status
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == keys
    assert body["error"] == error
    assert body["message"] and all(value is not None for value in body.values())


def test_json_error_names_the_field_and_lists_the_problems(app):
    problems = [{"field": "minutes", "message": "must be a whole number"}]
    with app.test_request_context("/api/x"):
        response = json_error(422, "2 problems", field="minutes", problems=problems)
    assert response.status_code == 422
    assert response.get_json() == {
        "error": "Unprocessable Entity",
        "message": "2 problems",
        "field": "minutes",
        "problems": problems,
    }


def test_only_the_errors_module_builds_json_error_bodies():
    builder = re.compile(r"""jsonify\(\s*error=|["']error["']\s*:""")
    builders = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "acuplan").rglob("*.py")
        if builder.search(path.read_text())
    )
    assert builders == ["acuplan/web/errors.py"]
