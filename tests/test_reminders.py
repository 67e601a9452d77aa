"""Web Push reminders on the server: due times across time zones and clock changes, the
scheduler sending each reminder once (restarted or doubled), what a push service's answers
do, the payload as a browser decrypts it, and the subscription API's checks."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from py_vapid import Vapid
from sqlalchemy import func, select

from acuplan.extensions import db
from acuplan.models import PushSubscription, ReminderSend
from acuplan.reminders import send
from acuplan.reminders.due import due_now, local_instant
from acuplan.reminders.keys import _instance_key
from acuplan.reminders.scheduler import run_once
from tests.conftest import Auth
from tests.push_double import PushService

BERLIN, NEW_YORK = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York")
PROFILE_ID = "00000000-0000-4000-8000-00000000a11e"  # the device's one profile record
ANSWERS = {
    "goals": ["stress"],
    "minutes_per_day": 10,
    "days_per_week": 7,
    "times": ["evening"],
    "experience": "never",
    "sensitivity": "medium",
}
MONDAY_20_BERLIN = datetime(2026, 11, 23, 19, 0, tzinfo=UTC)  # 20:00 in Berlin (CET)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# ---- due times ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "hour_utc"),
    [
        (date(2026, 3, 28), 19),  # the evening before clocks go forward: CET, UTC+1
        (date(2026, 3, 29), 18),  # the first evening of summer time: CEST, UTC+2
        (date(2026, 10, 24), 18),
        (date(2026, 10, 25), 19),  # clocks went back that night
    ],
)
def test_eight_in_the_evening_stays_eight_across_a_change_of_clocks(day, hour_utc):
    now = utc(day.year, day.month, day.day, hour_utc, 0)
    (due,) = due_now({"evening": "20:00"}, BERLIN, now)
    assert due.slot == "evening" and due.date == day
    assert due.at.astimezone(BERLIN).hour == 20
    assert due_now({"evening": "20:00"}, BERLIN, now - timedelta(minutes=1)) == []


def test_the_same_moment_is_due_in_one_zone_and_not_another():
    now = utc(2026, 11, 23, 12, 30)  # 07:30 in New York, 13:30 in Berlin
    times = {"morning": "07:30", "evening": "20:00"}
    assert [(d.slot, d.date) for d in due_now(times, NEW_YORK, now)] == [
        ("morning", date(2026, 11, 23))
    ]
    assert due_now(times, BERLIN, now) == []


def test_a_reminder_late_by_more_than_half_an_hour_is_not_sent():
    assert due_now({"evening": "20:00"}, BERLIN, MONDAY_20_BERLIN + timedelta(minutes=29))
    assert due_now({"evening": "20:00"}, BERLIN, MONDAY_20_BERLIN + timedelta(minutes=31)) == []


def test_a_time_the_clocks_skip_is_the_same_time_after_midnight():
    at = local_instant(date(2026, 3, 29), 2, 30, BERLIN)  # 02:00 jumps to 03:00 that night
    assert at.astimezone(UTC) == utc(2026, 3, 29, 1, 30)


def test_the_vapid_key_is_made_once_and_kept(tmp_path):
    first = _instance_key(tmp_path)
    assert _instance_key(tmp_path) == first
    assert Vapid.from_pem(first).public_key is not None
    assert oct((tmp_path / "vapid_private_key.pem").stat().st_mode & 0o777) == "0o600"


# ---- the scheduler -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def vapid_pem():
    key = Vapid()
    key.generate_keys()
    return key.private_pem().decode()


@pytest.fixture
def service():
    push_service = PushService()
    yield push_service
    push_service.stop()


@pytest.fixture
def push_app(make_app, vapid_pem):
    return make_app(PUSH_PRIVATE_ENDPOINTS=True, VAPID_PRIVATE_KEY=vapid_pem)


@pytest.fixture
def person(push_app, service):
    """Ada, with her answers synced and this device subscribed for 20:00 in Berlin."""
    ada = Auth(push_app.test_client())
    ada.register()
    profile = {"profile": ANSWERS, "screening": {"flags": []}}
    pushed = ada.post_json("/api/sync/push", {"records": [record("profile", profile, PROFILE_ID)]})
    assert pushed.status_code == 200
    assert subscribe(ada, service.subscription()).status_code == 200
    return ada


def record(kind, data, record_id=None):
    return {
        "id": record_id or str(uuid.uuid4()),
        "kind": kind,
        "modified": int(time.time() * 1000),
        "deleted": False,
        "data": data,
    }


def subscribe(auth, subscription, device="device-1", slots=None, timezone="Europe/Berlin"):
    body = {
        "device": device,
        "subscription": subscription,
        "timezone": timezone,
        "slots": slots or {"morning": None, "evening": "20:00"},
    }
    return auth.client.put(
        "/api/push/subscription", json=body, headers={"X-CSRFToken": auth.csrf()}
    )


def run(app, now):
    with app.app_context():
        return run_once(now)


def sends(app):
    with app.app_context():
        return db.session.execute(
            select(ReminderSend.slot, ReminderSend.date, ReminderSend.status)
        ).all()


def test_a_due_reminder_says_what_is_planned_and_arrives_once(push_app, person, service):
    assert run(push_app, MONDAY_20_BERLIN - timedelta(minutes=1)) == {"expired": 0}
    assert run(push_app, MONDAY_20_BERLIN) == {"expired": 0, "sent": 1}
    ((path, headers, body),) = service.received
    assert path == "/push/device"
    assert headers["content-encoding"] == "aes128gcm" and headers["ttl"] == "3600"
    assert headers["authorization"].startswith("vapid t=")
    assert len(body) < 4096
    shown = service.decrypt(body)
    assert shown["web_push"] == 8030
    note = shown["notification"]
    assert note["body"] == "Ten-minute stress reset · 10 min · 5 on the mat"
    assert note["navigate"].endswith("/?from=reminder")
    assert note["data"] == {"date": "2026-11-23", "slot": "evening", "routine": "stress-reset-10"}
    assert shown["options"]["actions"] == [{"action": "skip", "title": "Skip today"}]
    # a restarted scheduler, a minute later, within the grace: nothing more
    assert run(push_app, MONDAY_20_BERLIN + timedelta(minutes=1)) == {"expired": 0}
    assert len(service.received) == 1
    assert sends(push_app) == [("evening", "2026-11-23", "sent")]


def test_two_schedulers_at_once_send_each_reminder_once(push_app, person, service):
    results = []

    def scheduler():
        results.append(run(push_app, MONDAY_20_BERLIN))

    threads = [threading.Thread(target=scheduler) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(service.received) == 1
    assert sorted(r.get("sent", 0) for r in results) == [0, 1]


def test_a_session_skipped_on_the_device_is_not_reminded(push_app, person, service):
    skip = {"date": "2026-11-23", "slot": "evening", "action": "skip"}
    assert (
        person.post_json("/api/sync/push", {"records": [record("plan-edit", skip)]}).status_code
        == 200
    )
    assert run(push_app, MONDAY_20_BERLIN) == {"expired": 0, "nothing-planned": 1}
    assert service.received == []


@pytest.mark.parametrize("gone", [404, 410])
def test_a_subscription_the_push_service_no_longer_knows_is_deleted(
    push_app, person, service, gone
):
    service.answers = [gone]
    assert run(push_app, MONDAY_20_BERLIN) == {"expired": 0, "gone": 1}
    with push_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(PushSubscription)) == 0


def test_a_busy_push_service_is_asked_again_after_a_back_off(push_app, person, service):
    service.answers = [429, 503]
    assert run(push_app, MONDAY_20_BERLIN) == {"expired": 0, "retry": 1}
    # backing off: the next minute sends nothing, and nothing is marked sent
    assert run(push_app, MONDAY_20_BERLIN + timedelta(minutes=1)) == {"expired": 0}
    assert run(push_app, MONDAY_20_BERLIN + timedelta(minutes=2)) == {"expired": 0, "retry": 1}
    assert run(push_app, MONDAY_20_BERLIN + timedelta(minutes=5)) == {"expired": 0}  # waits 4
    assert run(push_app, MONDAY_20_BERLIN + timedelta(minutes=6)) == {"expired": 0, "sent": 1}
    assert len(service.received) == 3
    assert sends(push_app) == [("evening", "2026-11-23", "sent")]


def test_a_refused_signature_is_logged_and_not_retried(push_app, person, service, caplog):
    service.answers = [403]
    assert run(push_app, MONDAY_20_BERLIN) == {"expired": 0, "refused": 1}
    assert "VAPID" in caplog.text
    assert run(push_app, MONDAY_20_BERLIN + timedelta(minutes=1)) == {"expired": 0}


def test_a_subscription_not_renewed_for_sixty_days_expires(push_app, person, service):
    later = MONDAY_20_BERLIN + timedelta(days=61)
    assert run(push_app, later)["expired"] == 1
    assert service.received == []


# ---- the API ---------------------------------------------------------------------------------


def test_the_public_key_is_the_one_that_signs(push_app, vapid_pem):
    key = push_app.test_client().get("/api/push/key").get_json()["publicKey"]
    assert len(key) == 87  # 65 bytes, base64url without padding


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"slots": {"morning": "25:00", "evening": None}}, "slots.morning"),
        ({"device": "../../etc"}, "device"),
        (
            {
                "subscription": {
                    "endpoint": "http://push.example.com/x",
                    "keys": {"p256dh": "a", "auth": "b"},
                }
            },
            "subscription.endpoint",
        ),
        (
            {
                "subscription": {
                    "endpoint": "https://10.0.0.5/x",
                    "keys": {"p256dh": "a", "auth": "b"},
                }
            },
            "subscription.endpoint",
        ),
        (
            {
                "subscription": {
                    "endpoint": "https://localhost/x",
                    "keys": {"p256dh": "a", "auth": "b"},
                }
            },
            "subscription.endpoint",
        ),
        (
            {
                "subscription": {
                    "endpoint": "https://x.example/x",
                    "keys": {"p256dh": "a b", "auth": "b"},
                }
            },
            "subscription.keys.p256dh",
        ),
        ({"extra": 1}, "extra"),
    ],
)
def test_a_bad_subscription_is_refused_naming_the_field(auth, change, field):
    auth.register()
    body = {
        "device": "device-1",
        "subscription": {
            "endpoint": "https://push.example.com/x",
            "keys": {"p256dh": "a", "auth": "b"},
        },
        "timezone": "Europe/Berlin",
        "slots": {"morning": None, "evening": "20:00"},
    } | change
    response = auth.client.put(
        "/api/push/subscription", json=body, headers={"X-CSRFToken": auth.csrf()}
    )
    assert response.status_code == 400
    assert response.get_json()["field"] == field


def test_subscribing_needs_an_account_and_a_csrf_token(auth, service):
    body = {
        "device": "device-1",
        "subscription": service.subscription(),
        "timezone": "UTC",
        "slots": {},
    }
    assert auth.client.put("/api/push/subscription", json=body).status_code in (400, 401)
    auth.register()
    assert auth.client.put("/api/push/subscription", json=body).status_code == 400  # no token


def test_a_device_unsubscribes_only_itself(push_app, person, service):
    other = Auth(push_app.test_client())
    other.register(email="grace@example.com")
    assert subscribe(other, service.subscription("grace"), device="device-1").status_code == 200
    response = person.client.delete(
        "/api/push/subscription",
        json={"device": "device-1"},
        headers={"X-CSRFToken": person.csrf()},
    )
    assert response.status_code == 204
    with push_app.app_context():
        left = db.session.scalars(select(PushSubscription.endpoint)).all()
    assert left == [service.subscription("grace")["endpoint"]]


@pytest.mark.parametrize(
    ("resolved", "outcome"),
    [("10.1.2.3", "gone"), ("127.0.0.1", "gone"), ("fd00::7", "gone"), ("93.184.216.34", "sent")],
)
def test_an_endpoint_named_on_the_internet_but_resolving_inward_is_never_posted_to(
    make_app, vapid_pem, service, monkeypatch, resolved, outcome
):
    """A name passes the check at subscribe time; where it points is checked before a post,
    so a subscription cannot make the server call its own network."""
    app = make_app(VAPID_PRIVATE_KEY=vapid_pem)  # PUSH_PRIVATE_ENDPOINTS off, as in production
    ada = Auth(app.test_client())
    ada.register()
    profile = {"profile": ANSWERS, "screening": {"flags": []}}
    ada.post_json("/api/sync/push", {"records": [record("profile", profile, PROFILE_ID)]})
    named = {**service.subscription(), "endpoint": "https://push.example.net/device"}
    assert subscribe(ada, named).status_code == 200
    family = socket.AF_INET6 if ":" in resolved else socket.AF_INET
    monkeypatch.setattr(
        send.socket,
        "getaddrinfo",
        lambda host, port, **_: [(family, socket.SOCK_STREAM, 6, "", (resolved, port))],
    )
    posted = []
    monkeypatch.setattr(send, "webpush", lambda info, **_: posted.append(info["endpoint"]))
    assert run(app, MONDAY_20_BERLIN) == {"expired": 0, outcome: 1}
    assert posted == ([] if outcome == "gone" else ["https://push.example.net/device"])
    with app.app_context():
        left = db.session.scalar(select(func.count()).select_from(PushSubscription))
    assert left == (0 if outcome == "gone" else 1)
