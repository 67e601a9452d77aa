"""Many phones syncing at once against the production topology, as ratios in one run.

50 accounts x 2 devices (100 clients) push and pull for 60 s against gunicorn with 4
workers on PostgreSQL. Prints the errors (target 0), the writes lost (target 0: every
record a push confirmed comes back in a full pull of its account) and push p50/p99 as a
ratio against the push time of a single client alone, measured first in the same run.

    .venv/bin/python -m bench.load --postgres postgresql+psycopg://... [--seconds 60]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

from bench.server import acuplan_server

PASSWORD = "a calm evening walk"
BATCH = 5


class Device:
    """One phone with its own cookies and address, keeping one connection open."""

    def __init__(self, port: int, address: str):
        self.port, self.address, self.cookies = port, address, {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cursor = 0

    def request(self, method: str, path: str, body: str | None = None, headers=None):
        headers = {
            "X-Forwarded-For": self.address,
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            **(headers or {}),
        }
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # a worker restarted: reconnect once
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        data = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, data

    def token(self) -> str:
        return json.loads(self.request("GET", "/api/csrf")[1])["token"]

    def form(self, path: str, fields: dict) -> int:
        from urllib.parse import urlencode

        body = urlencode({**fields, "csrf_token": self.token()})
        kind = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.request("POST", path, body, kind)[0]

    def push(self, records: list[dict]) -> tuple[int, float]:
        headers = {"Content-Type": "application/json", "X-CSRFToken": self.token()}
        started = time.perf_counter()
        status, _ = self.request(
            "POST", "/api/sync/push", json.dumps({"records": records}), headers
        )
        return status, time.perf_counter() - started

    def pull_all(self, cursor: int = 0) -> tuple[int, set[str], int]:
        """Every record id since `cursor`, page by page; the status and the new cursor."""
        ids, more = set(), True
        while more:
            status, data = self.request("GET", f"/api/sync/pull?cursor={cursor}")
            if status != 200:
                return status, ids, cursor
            page = json.loads(data)
            ids |= {r["id"] for r in page["records"]}
            cursor, more = page["cursor"], page["more"]
        return 200, ids, cursor


def batch() -> list[dict]:
    now = int(time.time() * 1000)
    return [
        {
            "id": str(uuid.uuid4()),
            "kind": "journal",
            "modified": now,
            "data": {"date": "2026-11-20", "minutes": 10, "pain_before": 5, "pain_after": 3},
        }
        for _ in range(BATCH)
    ]


def sign_up(port: int, n: int) -> tuple[Device, Device]:
    email = f"load{n}@example.com"
    phone = Device(port, f"10.1.{n // 250}.{n % 250 + 1}")
    assert (
        phone.form("/account/register", {"email": email, "password": PASSWORD, "confirm": PASSWORD})
        == 302
    )
    tablet = Device(port, f"10.2.{n // 250}.{n % 250 + 1}")
    assert tablet.form("/account/login", {"email": email, "password": PASSWORD}) == 302
    return phone, tablet


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", required=True, help="a PostgreSQL URL to use (emptied)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--accounts", type=int, default=50)
    args = parser.parse_args()
    os.environ["TRUSTED_PROXIES"] = "1"  # each client is its own address for the limiter

    with acuplan_server(workers=4, database_url=args.postgres) as port:
        with ThreadPoolExecutor(10) as pool:
            pairs = list(pool.map(lambda n: sign_up(port, n), range(args.accounts + 1)))
        alone, *pairs = pairs
        single = [alone[0].push(batch())[1] for _ in range(40)]

        written: dict[int, set[str]] = {n: set() for n in range(len(pairs))}
        times, errors, lock = [], [], threading.Lock()
        deadline = time.monotonic() + args.seconds

        def run(n: int, device: Device) -> None:
            while time.monotonic() < deadline:
                records = batch()
                try:
                    status, took = device.push(records)
                    pulled, _, device.cursor = device.pull_all(device.cursor)
                except Exception as error:  # a dropped connection counts as an error
                    with lock:
                        errors.append(repr(error))
                    continue
                with lock:
                    if status == 200:
                        times.append(took)
                        written[n] |= {r["id"] for r in records}
                    else:
                        errors.append(f"push {status}")
                    if pulled != 200:
                        errors.append(f"pull {pulled}")

        clients = [(n, d) for n, pair in enumerate(pairs) for d in pair]
        threads = [threading.Thread(target=run, args=c) for c in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        lost = 0
        for n, (phone, _) in enumerate(pairs):
            status, ids, _ = phone.pull_all(0)
            lost += len(written[n] - ids) if status == 200 else len(written[n])

    base = statistics.median(single)
    p50 = statistics.median(times)
    p99 = statistics.quantiles(times, n=100)[98]
    print(f"{len(clients)} clients, {args.seconds:.0f} s, gunicorn -w 4, PostgreSQL")
    print(f"pushes confirmed: {len(times)} ({len(times) * BATCH} records)")
    print(f"errors: {len(errors)} {sorted(set(errors))[:5]}")
    print(f"writes lost: {lost}")
    print(f"single-client push: {base * 1000:.1f} ms (median of 40)")
    print(f"push p50: {p50 * 1000:.1f} ms, ratio {p50 / base:.1f}")
    print(f"push p99: {p99 * 1000:.1f} ms, ratio {p99 / base:.1f}")


if __name__ == "__main__":
    main()
