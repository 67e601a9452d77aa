"""Fuzzing every route: whatever a client sends, the answer is never a 5xx.

The routes come from the app's own URL map, so a new route is fuzzed without a change
here. Each POST gets JSON (well-formed and not), form fields and files; each GET gets
query strings and URL variables. Known field names are mixed in so that bodies reach the
validators, not only the first "must be an object".
"""

from __future__ import annotations

import io
import json
import os
import re
from urllib.parse import quote, urlencode

import flask_migrate
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acuplan.sync import KINDS
from acuplan.web.request_input import well_formed
from app import create_app
from tests.conftest import Auth
from tests.test_plan_api import PROFILE

EXAMPLES = {"GET": 10, "POST": 40}
FIELDS = [
    "records",
    "id",
    "kind",
    "modified",
    "deleted",
    "data",
    "date",
    "routine",
    "minutes",
    "position",
    "layer",
    "notes",
    "pain_before",
    "pain_after",
    "stress_before",
    "stress_after",
    "sleep_quality",
    "areas",
    "sensations",
    "adverse",
    "action",
    "slot",
    "to_date",
    "mat_seconds",
    "plan_session",
    "profile",
    "screening",
    "history",
    "flags",
    "goals",
    "minutes_per_day",
    "days_per_week",
    "times",
    "experience",
    "sensitivity",
    "reminder_minutes",
    "morning_time",
    "evening_time",
    "email",
    "password",
    "confirm",
    "old_password",
    "remember",
    "csrf_token",
    "cursor",
    "limit",
    "next",
    "welcome",
    "goal",
    "q",
]
AWKWARD_TEXT = ["\ud83d", "a\udc00b", "٣", "²", "9" * 30, "-1", "", " ", "null", "2026-02-30"]
AWKWARD_NUMBERS = [2**63, -(2**63) - 1, 10**30, 10**400, 1.5, float("inf"), float("nan")]


def routes():
    """Every (rule, method) the app serves, read from a throwaway app's URL map."""
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "SECRET_KEY": "x", "TESTING": True})
    found = []
    for rule in app.url_map.iter_rules():
        for method in sorted(rule.methods & {"GET", "POST", "PUT", "PATCH", "DELETE"}):
            found.append(pytest.param(rule.rule, method, id=f"{method} {rule.rule}"))
    return found


text = st.text(max_size=40) | st.sampled_from(AWKWARD_TEXT)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from(AWKWARD_NUMBERS)
    | st.floats()
    | text
    | st.sampled_from(sorted(KINDS))
)
keys = st.sampled_from(FIELDS) | st.text(max_size=10)
json_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6),
    max_leaves=20,
)
uuid = st.uuids().map(str) | text
record = st.fixed_dictionaries(
    {},
    optional={
        "id": uuid,
        "kind": st.sampled_from(sorted(KINDS)) | json_values,
        "modified": st.integers(min_value=0) | st.sampled_from(AWKWARD_NUMBERS) | json_values,
        "deleted": st.booleans() | json_values,
        "data": st.dictionaries(keys, json_values, max_size=8) | json_values,
    },
)
VALID_BODIES = [
    {
        "records": [
            {
                "id": "0c8a2d1e-3f4b-4c5d-8e6f-7a8b9c0d1e2f",
                "kind": "journal",
                "modified": 1_700_000_000_000,
                "data": {"date": "2026-11-20", "minutes": 5, "notes": "calm", "areas": ["neck"]},
            }
        ]
    },
    {"profile": PROFILE, "screening": {"flags": []}, "history": [], "date": "2026-11-23"},
]


def tables(value) -> list[dict]:
    """Every object inside a JSON value, outermost first."""
    found = [value] if isinstance(value, dict) else []
    children = value.values() if isinstance(value, dict) else value
    if isinstance(value, dict | list):
        for child in children:
            found += tables(child)
    return found


@st.composite
def near_valid(draw):
    """A valid body with one field of one of its objects replaced: it reaches the validators."""
    body = json.loads(json.dumps(draw(st.sampled_from(VALID_BODIES))))
    target = draw(st.sampled_from(tables(body)))
    target[draw(st.sampled_from(sorted(target)) | keys)] = draw(json_values)
    return body


json_bodies = (
    near_valid()
    | json_values
    | st.fixed_dictionaries({"records": st.lists(record, max_size=3)})
    | st.dictionaries(keys, json_values, max_size=6)
    # nesting far deeper than any real body
    | st.integers(min_value=30, max_value=5000).map(lambda n: "[" * n + "]" * n)
)
form_values = (
    text
    | st.binary(max_size=30).map(lambda b: (io.BytesIO(b), "upload.bin"))
    | st.lists(text, max_size=3)
)
keys = keys.map(well_formed)
forms = st.dictionaries(keys, form_values, max_size=6)
queries = st.dictionaries(keys, text | st.integers().map(str), max_size=4)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    url = os.environ.get("TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'fuzz.sqlite3'}"
    )
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "fuzz",
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "SQLALCHEMY_DATABASE_URI": url,
            # limits would answer 429 before the views see the input
            "LOGIN_LIMIT": "100000 per minute",
            "REGISTER_LIMIT": "100000 per minute",
            "ACCOUNT_CHANGE_LIMIT": "100000 per minute",
            "LOGIN_ACCOUNT_FAILURES": 10**9,
        }
    )
    with app.app_context():
        flask_migrate.upgrade()
    yield app
    with app.app_context():
        flask_migrate.downgrade(revision="base")
        from acuplan.extensions import db

        db.engine.dispose()


def signed_in(app) -> Auth:
    """A client with an account (made again if a fuzzed request deleted or logged it out)."""
    auth = Auth(app.test_client())
    if auth.login().status_code != 302:
        assert auth.register().status_code == 302
    return auth


def valid_utf8(value):
    if isinstance(value, list):
        return [valid_utf8(v) for v in value]
    return well_formed(value) if isinstance(value, str) else value


def url_for_rule(rule: str, draw) -> str:
    return re.sub(
        r"<(?:[^:>]+:)?[^>]+>",
        lambda _: quote(draw(text) or "x", safe="", errors="surrogatepass"),
        rule,
    )


def send(auth: Auth, method: str, url: str, draw):
    headers = {"X-CSRFToken": auth.csrf()}
    if method == "GET":
        query = draw(queries)
        return auth.client.get(
            f"{url}?{urlencode(query, errors='surrogatepass')}" if query else url, headers=headers
        )
    body_kind = draw(st.sampled_from(["json", "form", "raw"]))
    if body_kind == "json":
        body = draw(json_bodies)
        raw = body if isinstance(body, str) and body.startswith("[") else json.dumps(body)
        headers["Content-Type"] = "application/json"
        return auth.client.open(url, method=method, data=raw, headers=headers)
    if body_kind == "form":
        form = draw(forms)
        if not any(isinstance(v, tuple) for v in form.values()):
            # encoded here: invalid UTF-8 (a lone surrogate's bytes) is fair game too
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            raw = urlencode(form, doseq=True, errors="surrogatepass")
            return auth.client.open(url, method=method, data=raw, headers=headers)
        # multipart with files: Werkzeug encodes it, and only valid UTF-8
        form = {k: valid_utf8(v) for k, v in form.items()}
        return auth.client.open(url, method=method, data=form, headers=headers)
    headers["Content-Type"] = draw(
        st.sampled_from(["text/plain", "application/json", "multipart/form-data", "x/y"])
    )
    return auth.client.open(url, method=method, data=draw(st.binary(max_size=60)), headers=headers)


@pytest.mark.parametrize(("rule", "method"), routes())
def test_no_input_gets_a_server_error(fuzz_app, rule, method):
    auth = signed_in(fuzz_app)

    @settings(
        max_examples=EXAMPLES.get(method, 10),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.data())
    def fuzz(data):
        response = send(auth, method, url_for_rule(rule, data.draw), data.draw)
        assert response.status_code < 500, response.get_data(as_text=True)[:500]

    fuzz()
