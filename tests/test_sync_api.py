"""The sync endpoints through Flask: idempotence, paging, tombstones, conflicts, isolation."""

from __future__ import annotations

import time
import uuid

import pytest
from sqlalchemy import func, select

from acuplan.extensions import db
from acuplan.models import Record, User


def now_ms() -> int:
    return int(time.time() * 1000)


def entry(minutes=10, modified=None, record_id=None, **data):
    return {
        "id": record_id or str(uuid.uuid4()),
        "kind": "journal",
        "modified": modified or now_ms(),
        "deleted": False,
        "data": {"date": "2026-11-20", "minutes": minutes, **data},
    }


@pytest.fixture
def ada(auth):
    auth.register()
    return auth


def server_state(app):
    with app.app_context():
        rows = db.session.scalars(select(Record).order_by(Record.uuid)).all()
        seqs = db.session.scalars(select(User.sync_seq)).all()
        return [
            (r.user_id, r.uuid, r.kind, r.data, r.modified, r.deleted, r.seq) for r in rows
        ], seqs


def pull_all(auth, cursor=0, limit=200):
    records = []
    while True:
        page = auth.client.get(f"/api/sync/pull?cursor={cursor}&limit={limit}").get_json()
        records += page["records"]
        cursor = page["cursor"]
        if not page["more"]:
            return records, cursor


def test_push_then_pull_round_trips(ada):
    record = entry(pain_before=6, pain_after=3, notes="<b>calm</b>")
    response = ada.post_json("/api/sync/push", {"records": [record]})
    assert response.status_code == 200
    assert response.get_json()["applied"] == [record["id"]]
    assert response.headers["Cache-Control"] == "no-store"
    (pulled,), cursor = pull_all(ada)
    assert {k: pulled[k] for k in record} == record
    assert cursor == pulled["seq"] == 1


def test_the_same_batch_twice_leaves_the_server_as_once(ada, app):
    batch = {"records": [entry(), entry(minutes=20)]}
    first = ada.post_json("/api/sync/push", batch).get_json()
    state = server_state(app)
    again = ada.post_json("/api/sync/push", batch).get_json()
    assert server_state(app) == state
    assert again["applied"] == [] and sorted(again["unchanged"]) == sorted(first["applied"])


def test_a_batch_replayed_after_a_lost_response_changes_nothing(ada, app):
    """The server committed, the device never heard: it sends the batch again later."""
    batch = {"records": [entry(), entry()]}
    ada.post_json("/api/sync/push", batch)  # response lost
    state = server_state(app)
    ada.client.get("/api/me")  # time passes; a new CSRF token is fetched for the retry
    retry = ada.post_json("/api/sync/push", batch)
    assert retry.status_code == 200
    assert server_state(app) == state


def test_pull_returns_only_changes_since_the_cursor_in_pages(ada):
    ada.post_json("/api/sync/push", {"records": [entry(minutes=m) for m in range(1, 8)]})
    first = ada.client.get("/api/sync/pull?cursor=0&limit=3").get_json()
    assert [r["data"]["minutes"] for r in first["records"]] == [1, 2, 3]
    assert first["more"] is True and first["cursor"] == 3
    rest, cursor = pull_all(ada, cursor=first["cursor"], limit=3)
    assert [r["data"]["minutes"] for r in rest] == [4, 5, 6, 7]
    assert cursor == 7
    later = ada.client.get(f"/api/sync/pull?cursor={cursor}").get_json()
    assert later == {"records": [], "cursor": 7, "more": False}


def test_a_delete_is_a_tombstone_that_reaches_other_devices(ada, make_auth):
    record = entry()
    ada.post_json("/api/sync/push", {"records": [record]})
    phone2 = make_auth()
    phone2.login()
    _, cursor = pull_all(phone2)
    tombstone = {**record, "deleted": True, "data": None, "modified": record["modified"] + 1}
    ada.post_json("/api/sync/push", {"records": [tombstone]})
    (pulled,), _ = pull_all(phone2, cursor)
    assert pulled["id"] == record["id"] and pulled["deleted"] is True and pulled["data"] is None


def test_last_writer_wins_and_the_loser_gets_the_server_copy(ada, make_auth):
    record_id, t = str(uuid.uuid4()), now_ms()
    phone2 = make_auth()
    phone2.login()
    newer = entry(minutes=30, modified=t + 5000, record_id=record_id)
    older = entry(minutes=15, modified=t, record_id=record_id)
    assert phone2.post_json("/api/sync/push", {"records": [newer]}).get_json()["applied"]
    response = ada.post_json("/api/sync/push", {"records": [older]}).get_json()
    assert response["applied"] == []
    (server_copy,) = response["conflicts"]
    assert server_copy["data"]["minutes"] == 30 and server_copy["modified"] == t + 5000
    (pulled,), _ = pull_all(ada)
    assert pulled["data"]["minutes"] == 30


def test_bad_record_is_a_400_naming_record_and_field_and_nothing_is_saved(ada, app):
    good, bad = entry(), entry(pain_after=12)
    response = ada.post_json("/api/sync/push", {"records": [good, bad]})
    assert response.status_code == 400
    body = response.get_json()
    assert body["record"] == bad["id"] and body["field"] == "data.pain_after"
    assert body["message"] == "records[1]: data.pain_after: must be between 0 and 10 (got 12)"
    assert server_state(app)[0] == []


@pytest.mark.parametrize("body", [b"not json", b'{"records": 5}', b"[]"])
def test_malformed_bodies_are_400_json(ada, body):
    response = ada.client.post(
        "/api/sync/push",
        data=body,
        content_type="application/json",
        headers={"X-CSRFToken": ada.csrf()},
    )
    assert response.status_code == 400
    assert '"records" list' in response.get_json()["message"]


def test_an_oversized_body_is_413_json(ada):
    big = {"records": [entry(notes="x" * 4000) for _ in range(300)]}
    response = ada.post_json("/api/sync/push", big)
    assert response.status_code == 413
    assert response.get_json()["error"] == "Request Entity Too Large"


@pytest.mark.parametrize("query", ["cursor=abc", "cursor=-1", "limit=0", "limit=5000"])
def test_bad_pull_parameters_are_400(ada, query):
    response = ada.client.get(f"/api/sync/pull?{query}")
    assert response.status_code == 400
    assert "cursor" in response.get_json()["message"]


def test_push_needs_a_csrf_token(ada):
    response = ada.client.post("/api/sync/push", json={"records": [entry()]})
    assert response.status_code == 400
    assert "CSRF" in response.get_json()["message"]


@pytest.mark.parametrize(("method", "url"), [("post", "/api/sync/push"), ("get", "/api/sync/pull")])
def test_sync_needs_an_account(auth, method, url):
    headers = {"X-CSRFToken": auth.csrf()}
    response = getattr(auth.client, method)(url, json={"records": []}, headers=headers)
    assert response.status_code == 401
    assert response.get_json()["message"] == "Log in to sync."


def test_one_person_never_reaches_anothers_records(ada, make_auth, app):
    secret = entry(notes="only mine")
    ada.post_json("/api/sync/push", {"records": [secret]})
    bob = make_auth()
    bob.register(email="bob@example.com", password="another quiet morning")
    assert pull_all(bob)[0] == []
    # Bob pushing Ada's record id makes Bob's own record; Ada's is untouched.
    hijack = {
        **secret,
        "modified": secret["modified"] + 10,
        "data": {"date": "2026-11-21", "minutes": 1},
    }
    assert bob.post_json("/api/sync/push", {"records": [hijack]}).get_json()["applied"]
    (adas,), _ = pull_all(ada)
    assert adas["data"]["notes"] == "only mine"
    (bobs,), _ = pull_all(bob)
    assert bobs["data"]["minutes"] == 1 and "notes" not in bobs["data"]


def test_deleting_the_account_keeps_nothing(ada, app):
    ada.post_json("/api/sync/push", {"records": [entry(), entry()]})
    response = ada.client.post(
        "/account/delete", data={"password": "a calm evening walk", "csrf_token": ada.csrf()}
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
        assert db.session.scalar(select(func.count()).select_from(Record)) == 0
    assert ada.client.get("/api/me").get_json() == {"user": None}


def test_deleting_needs_the_password(ada, app):
    response = ada.client.post(
        "/account/delete", data={"password": "wrong password here", "csrf_token": ada.csrf()}
    )
    assert response.status_code == 400
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 1
