"""The private calendar feed: made, replaced and revoked in Settings, and showing the plan
as it stands after the person's own changes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from acuplan.web import calendar_feed
from tests.test_reminders import ANSWERS, PROFILE_ID, record

MONDAY = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a plan of three evenings: Mon, Wed, Fri


@pytest.fixture
def ada(auth, monkeypatch):
    monkeypatch.setattr(calendar_feed, "now", lambda: MONDAY)
    auth.register()
    answers = {"profile": ANSWERS | {"days_per_week": 3}, "screening": {"flags": []}}
    assert (
        auth.post_json(
            "/api/sync/push", {"records": [record("profile", answers, PROFILE_ID)]}
        ).status_code
        == 200
    )
    return auth


def address(auth) -> str:
    made = auth.post_json("/api/calendar", {}).get_json()
    assert made["webcal"].startswith("webcal://") and made["url"].endswith(".ics")
    return made["url"].split("://", 1)[1].split("/", 1)[1]


def events(auth, path) -> dict[str, str]:
    response = auth.client.get("/" + path)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert response.headers["Cache-Control"] == "no-store"
    calendar = Calendar.from_ical(response.data)
    return {
        event.decoded("dtstart").date().isoformat(): str(event["summary"])
        for event in calendar.walk("VEVENT")
    }


def test_the_feed_shows_the_coming_sessions_with_an_alarm(ada):
    path = address(ada)
    found = events(ada, path)
    assert list(found)[:3] == ["2026-11-23", "2026-11-25", "2026-11-27"]
    assert found["2026-11-23"] == "Ten-minute stress reset · 10 min"
    calendar = Calendar.from_ical(ada.client.get("/" + path).data)
    first = next(iter(calendar.walk("VEVENT")))
    assert first.decoded("dtstart").hour == 21  # the evening time, without a subscription
    assert len(first.walk("VALARM")) == 1


def test_a_moved_skipped_or_swapped_session_shows_as_the_person_left_it(ada):
    edits = [
        {"date": "2026-11-25", "slot": "evening", "action": "move", "to_date": "2026-11-26"},
        {"date": "2026-11-27", "slot": "evening", "action": "skip"},
    ]
    pushed = ada.post_json("/api/sync/push", {"records": [record("plan-edit", e) for e in edits]})
    assert pushed.status_code == 200
    found = events(ada, address(ada))
    assert "2026-11-25" not in found and "2026-11-27" not in found
    assert found["2026-11-26"].startswith("Evening unwind")


def test_a_replaced_or_revoked_address_answers_404(ada):
    old = address(ada)
    new = address(ada)
    assert ada.client.get("/" + old).status_code == 404
    assert ada.client.get("/" + new).status_code == 200
    response = ada.client.delete("/api/calendar", headers={"X-CSRFToken": ada.csrf()})
    assert response.status_code == 204
    assert ada.client.get("/" + new).status_code == 404
    assert ada.client.get("/api/calendar").get_json() == {"exists": False, "url": None}


def test_the_address_needs_an_account_and_unknown_tokens_find_nothing(client, auth):
    assert client.get("/api/calendar").status_code == 401
    assert client.get("/calendar/" + "x" * 43 + ".ics").status_code == 404
    assert client.get("/calendar/" + "x" * 500 + ".ics").status_code == 404
