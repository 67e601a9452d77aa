"""Sync costs, as ratios measured in one run, on SQLite and (if given) PostgreSQL.

1. Pull with 10 changes since the cursor, for a user with 1,000 vs 100,000 records
   (target ratio ≤ 1.3: the cost follows the changes, not the journal's size).
2. Push of 500 new records through the API vs a raw SQLAlchemy bulk insert of the same
   rows (target ratio ≤ 3).

    .venv/bin/python -m bench.sync [--postgres postgresql+psycopg://...]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid

import flask_migrate
from sqlalchemy import insert, update
from werkzeug.security import generate_password_hash

from acuplan.extensions import db
from acuplan.models import Record, User
from app import create_app

NOW = int(time.time() * 1000)


def make_app(url: str):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.app_context():
        flask_migrate.downgrade(revision="base")
        flask_migrate.upgrade()
    return app


def rows(user_id: int, count: int, first_seq: int = 1) -> list[dict]:
    data = json.dumps({"date": "2026-11-20", "minutes": 10, "pain_before": 5, "pain_after": 3})
    return [
        {
            "user_id": user_id,
            "uuid": str(uuid.uuid4()),
            "kind": "journal",
            "data": data,
            "modified": NOW,
            "deleted": False,
            "seq": first_seq + i,
        }
        for i in range(count)
    ]


def new_user(email: str) -> int:
    user = User(
        email=email, password_hash=generate_password_hash("bench password", "pbkdf2:sha256:1000")
    )
    db.session.add(user)
    db.session.commit()
    return user.id


def login(app, email: str):
    client = app.test_client()
    response = client.post("/account/login", data={"email": email, "password": "bench password"})
    assert response.status_code == 302, response.status_code
    return client


def pull_seconds(app, size: int, repeats: int) -> float:
    """Median time of a pull returning the 10 newest changes of a user with `size` records."""
    with app.app_context():
        user_id = new_user(f"pull{size}@example.com")
        for start in range(0, size, 10_000):
            db.session.execute(insert(Record), rows(user_id, min(10_000, size - start), start + 1))
        db.session.execute(update(User).where(User.id == user_id).values(sync_seq=size))
        db.session.commit()
    client = login(app, f"pull{size}@example.com")
    cursor = size - 10
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        body = client.get(f"/api/sync/pull?cursor={cursor}").get_json()
        times.append(time.perf_counter() - started)
        assert len(body.get("records", ())) == 10, body
    return statistics.median(times)


def push_ratio(app, repeats: int) -> tuple[float, float]:
    api, raw = [], []
    for i in range(repeats):
        with app.app_context():
            pusher, inserter = new_user(f"push{i}@example.com"), new_user(f"raw{i}@example.com")
        batch = [
            {
                "id": r["uuid"],
                "kind": "journal",
                "modified": NOW,
                "deleted": False,
                "data": json.loads(r["data"]),
            }
            for r in rows(pusher, 500)
        ]
        client = login(app, f"push{i}@example.com")
        started = time.perf_counter()
        response = client.post("/api/sync/push", json={"records": batch})
        api.append(time.perf_counter() - started)
        assert len(response.get_json()["applied"]) == 500
        with app.app_context():
            started = time.perf_counter()
            db.session.execute(insert(Record), rows(inserter, 500))
            db.session.commit()
            raw.append(time.perf_counter() - started)
    return statistics.median(api), statistics.median(raw)


def run(label: str, url: str, repeats: int) -> None:
    app = make_app(url)
    small, large = pull_seconds(app, 1_000, repeats), pull_seconds(app, 100_000, repeats)
    api, raw = push_ratio(app, max(5, repeats // 20))
    print(
        f"{label}: pull of 10 changes: {small * 1e3:.2f} ms at 1k records, "
        f"{large * 1e3:.2f} ms at 100k; ratio {large / small:.2f} (target ≤ 1.3)"
    )
    print(
        f"{label}: push of 500: {api * 1e3:.1f} ms via the API vs {raw * 1e3:.1f} ms raw "
        f"bulk insert; ratio {api / raw:.2f} (target ≤ 3)"
    )
    with app.app_context():
        flask_migrate.downgrade(revision="base")
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL to measure too (it is emptied)")
    parser.add_argument("--repeats", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run("sqlite", f"sqlite:///{tmp}/bench.sqlite3", args.repeats)
    if args.postgres:
        run("postgresql", args.postgres, args.repeats)


if __name__ == "__main__":
    main()
