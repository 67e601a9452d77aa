"""The production smoke test: run by .ci/run against the real topology, never collected
by a plain `pytest` (its name doesn't start with test_).

`.ci/run` starts PostgreSQL and Redis, runs `entrypoint.sh migrate`, then
`entrypoint.sh web` (gunicorn, 4 workers, behind one trusted proxy) and this file with
ACUPLAN_URL (where it listens) and DATABASE_URL (its database) set. It walks a newcomer's
journey over HTTP, holds the login limits against all four workers, and restores last
night's backup into a fresh database with every record back.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
from icalendar import Calendar
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]
URL = urlsplit(os.environ.get("ACUPLAN_URL", ""))
DATABASE_URL = os.environ.get("DATABASE_URL", "")
PASSWORD = "a calm evening walk"
PROFILE = {
    "goals": ["stress", "sleep"],
    "minutes_per_day": 15,
    "days_per_week": 5,
    "times": ["evening"],
    "experience": "few",
    "sensitivity": "medium",
}

if not (URL.netloc and DATABASE_URL.startswith("postgres")):
    raise RuntimeError("run by .ci/run: set ACUPLAN_URL and a PostgreSQL DATABASE_URL")


class Device:
    """One phone: its own cookies, behind the proxy at its own address."""

    def __init__(self, address: str = "198.51.100.7"):
        self.address, self.cookies = address, {}

    def request(self, method, path, body=None, headers=None) -> tuple[int, dict, bytes]:
        connection = http.client.HTTPConnection(URL.hostname, URL.port, timeout=60)
        headers = {
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{URL.netloc}/",  # as a browser sends; CSRF checks it over HTTPS
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            **(headers or {}),
        }
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        connection.close()
        return response.status, dict(response.headers), data

    def token(self) -> str:
        return json.loads(self.request("GET", "/api/csrf")[2])["token"]

    def form(self, path: str, fields: dict) -> int:
        body = urlencode({**fields, "csrf_token": self.token()})
        kind = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, kind)[0]

    def post_json(self, path: str, body: dict) -> tuple[int, bytes]:
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.token()}
        status, _, data = self.request("POST", path, json.dumps(body), headers)
        return status, data

    def pull(self) -> list[dict]:
        records, cursor, more = [], 0, True
        while more:
            status, _, data = self.request("GET", f"/api/sync/pull?cursor={cursor}")
            assert status == 200, data
            page = json.loads(data)
            records += page["records"]
            cursor, more = page["cursor"], page["more"]
        return records


def journal(day: int) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "kind": "journal",
        "modified": 1_790_000_000_000 + day,
        "data": {"date": f"2026-11-{day:02d}", "minutes": 10, "notes": f"day {day} <b>ok</b>"},
    }


def test_health_and_readiness_answer_through_the_proxy():
    status, headers, data = Device().request("GET", "/api/health")
    assert status == 200, data
    assert json.loads(data)["database"] == "postgresql"
    assert "max-age" in headers.get("Strict-Transport-Security", "")
    assert len(headers["X-Request-ID"]) == 32
    status, _, data = Device().request("GET", "/api/ready")
    assert (status, json.loads(data)) == (
        200,
        {"status": "ready", "database": "ok", "limiter": "ok"},
    )


def test_a_newcomer_signs_up_syncs_two_phones_and_gets_a_plan_and_calendar():
    phone, tablet = Device("198.51.100.10"), Device("198.51.100.11")
    email = f"newcomer-{uuid.uuid4().hex[:8]}@example.com"
    assert (
        phone.form("/account/register", {"email": email, "password": PASSWORD, "confirm": PASSWORD})
        == 302
    )
    entries = [journal(day) for day in range(1, 21)]
    profile = {
        "id": str(uuid.uuid4()),
        "kind": "profile",
        "modified": 1_790_000_000_000,
        "data": {"profile": PROFILE, "screening": {"flags": ["none"]}},  # as the device writes it
    }
    status, data = phone.post_json("/api/sync/push", {"records": [*entries, profile]})
    assert status == 200, data
    assert len(json.loads(data)["applied"]) == 21

    assert tablet.form("/account/login", {"email": email, "password": PASSWORD}) == 302
    pulled = {r["id"]: r for r in tablet.pull()}
    assert {e["id"] for e in entries} <= set(pulled)
    assert pulled[entries[0]["id"]]["data"]["notes"] == "day 1 <b>ok</b>"

    plan_request = {
        "profile": PROFILE,
        "screening": {"flags": []},
        "history": [],
        "date": "2026-11-23",
    }
    status, data = tablet.post_json("/api/plan", plan_request)
    assert status == 200, data
    sessions = [
        s for w in json.loads(data)["plan"]["weeks"] for d in w["days"] for s in d["sessions"]
    ]
    assert sessions
    status, data = tablet.post_json("/api/plan.ics", plan_request)
    assert status == 200, data
    events = Calendar.from_ical(data).walk("VEVENT")
    assert len(events) == len(sessions)


def test_the_per_address_login_limit_holds_across_four_workers():
    """Redis counts for every worker: with per-worker memory, 4 x 10 guesses would pass."""
    attacker = "203.0.113.99"

    def guess(_):
        device = Device(attacker)
        return device.form(
            "/account/login", {"email": "nobody@example.com", "password": "not the password"}
        )

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(guess, range(24)))
    # 10 per minute per address (LOGIN_LIMIT); the rest are refused whichever worker answers.
    assert statuses.count(429) >= 14, statuses
    assert (
        Device("203.0.113.100").form(
            "/account/login", {"email": "nobody@example.com", "password": "x"}
        )
        != 429
    )  # another address is not held back


def psql_url(name: str | None = None) -> str:
    url = make_url(DATABASE_URL).set(drivername="postgresql")
    if name:
        url = url.set(database=name)
    return url.render_as_string(hide_password=False)


def rows(url: str) -> list[tuple]:
    with psycopg.connect(url) as connection:
        return connection.execute(
            "SELECT r.id, u.email, r.kind, r.deleted, r.data FROM record r"
            ' JOIN "user" u ON u.id = r.user_id ORDER BY r.id'
        ).fetchall()


def test_last_nights_backup_restores_into_a_fresh_database_with_every_record(tmp_path):
    env = {**os.environ, "BACKUP_DIR": str(tmp_path)}
    made = subprocess.run(
        [str(ROOT / "entrypoint.sh"), "backup"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    (backup,) = tmp_path.glob("acuplan-*.dump")
    live = rows(psql_url())
    assert len(live) >= 21

    fresh = f"acuplan_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(psql_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{fresh}"')
    try:
        restored_env = {**env, "DATABASE_URL": psql_url(fresh)}
        done = subprocess.run(
            [sys.executable, "-m", "flask", "--app", "app", "restore", "--yes", str(backup)],
            cwd=ROOT,
            env=restored_env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert re.search(rf"{len(live)} records", done.stdout), done.stdout
        assert rows(psql_url(fresh)) == live
    finally:
        with psycopg.connect(psql_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE "{fresh}" WITH (FORCE)')
