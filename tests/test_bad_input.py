"""Each class of malformed input that used to answer 500 now gets a 4xx naming the problem."""

from __future__ import annotations

import io
import json

import pytest

from tests.test_plan_api import PROFILE

NOTE_ID = "0c8a2d1e-3f4b-4c5d-8e6f-7a8b9c0d1e2f"


def journal(**data):
    return {
        "id": NOTE_ID,
        "kind": "journal",
        "modified": 1_700_000_000_000,
        "data": {"date": "2026-11-20", "minutes": 5, **data},
    }


def raw_post(auth, url, text, content_type="application/json"):
    headers = {"X-CSRFToken": auth.csrf(), "Content-Type": content_type}
    return auth.client.post(url, data=text, headers=headers)


def test_a_note_cut_inside_an_emoji_syncs_with_a_replacement_character(auth):
    auth.register()
    body = json.dumps({"records": [journal(notes="calm 🌿")]}, ensure_ascii=True)
    cut = body.replace("\\ud83c\\udf3f", "\\ud83c")  # only the first half of the pair
    assert "\\ud83c" in cut and "\\udf3f" not in cut
    response = raw_post(auth, "/api/sync/push", cut)
    assert response.status_code == 200
    assert response.get_json()["applied"] == [NOTE_ID]
    (record,) = auth.client.get("/api/sync/pull").get_json()["records"]
    assert record["data"]["notes"] == "calm \ufffd"


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({**journal(), "kind": ["journal"]}, "kind"),
        ({**journal(), "kind": {"a": 1}}, "kind"),
        (journal(position=["upper-back"]), "data.position"),
        (journal(layer={"a": 1}), "data.layer"),
        (journal(minutes=10**400), "data.minutes"),
        (journal(pain_before=2**64), "data.pain_before"),
        ({**journal(), "modified": 2**64}, "modified"),
    ],
    ids=[
        "list-kind",
        "object-kind",
        "list-position",
        "object-layer",
        "huge-minutes",
        "huge-pain",
        "huge-modified",
    ],
)
def test_wrong_shapes_and_huge_numbers_in_records_are_named(auth, record, field):
    auth.register()
    response = auth.post_json("/api/sync/push", {"records": [record]})
    assert response.status_code == 400
    assert response.get_json()["field"] == field


@pytest.mark.parametrize(
    "query",
    ["cursor=" + "9" * 30, "limit=" + "9" * 30, "cursor=٣", "cursor=1_0", "cursor=-1", "limit=²"],
)
def test_pull_refuses_numbers_it_cannot_use(auth, query):
    auth.register()
    response = auth.client.get(f"/api/sync/pull?{query}")
    assert response.status_code == 400
    assert "cursor" in response.get_json()["message"]


@pytest.mark.parametrize("url", ["/api/sync/push", "/api/plan", "/api/plan.ics"])
def test_deeply_nested_json_is_refused(auth, url):
    auth.register()
    for depth in (40, 100_000):
        response = raw_post(auth, url, "[" * depth + "]" * depth)
        assert response.status_code == 400
        assert "nested more than 32 levels deep" in response.get_json()["message"]


@pytest.mark.parametrize("value", ["٣", "²", "１０"])
@pytest.mark.parametrize("field", ["minutes_per_day", "days_per_week"])
def test_plan_numbers_take_ascii_digits_only(auth, field, value):
    response = auth.post_json("/api/plan", {"profile": {**PROFILE, field: value}})
    assert response.status_code == 400
    assert response.get_json()["field"] == field


@pytest.mark.parametrize(
    "body", ["[1, 2]", '{"email": ["a"], "password": {"x": 1}}', '"text"', "{bad json"]
)
@pytest.mark.parametrize("url", ["/account/login", "/account/register"])
def test_json_bodies_to_account_forms_get_the_form_back(auth, url, body):
    response = raw_post(auth, url, body)
    assert response.status_code == 400
    assert "This field is required." in response.get_data(as_text=True)


def upload():
    return (io.BytesIO(b"a calm evening walk"), "password.txt")


@pytest.mark.parametrize(
    ("url", "fields"),
    [
        ("/account/login", {"email": "ada@example.com", "password": upload()}),
        ("/account/register", {"email": "bea@example.com", "password": upload()}),
        ("/account/delete", {"password": upload()}),
        ("/account/password", {"old_password": upload(), "password": upload()}),
    ],
)
def test_a_file_where_a_password_belongs_is_a_form_error(auth, url, fields):
    auth.register()
    response = auth.client.post(
        url,
        data={**fields, "csrf_token": auth.csrf()},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert auth.client.get("/api/me").get_json()["user"] == {"email": "ada@example.com"}


def test_a_multipart_part_without_a_field_name_is_ignored(auth):
    auth.register()
    body = (
        b'--b\r\nContent-Disposition: form-data; filename="x"\r\n\r\nabc\r\n'
        b'--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        + auth.csrf().encode()
        + b"\r\n--b--\r\n"
    )
    response = auth.client.post(
        "/account/logout", data=body, content_type="multipart/form-data; boundary=b"
    )
    assert response.status_code == 302
