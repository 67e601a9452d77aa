"""GET /api/routines under gunicorn vs a bare Flask endpoint with the same body.

Both run under gunicorn with the same settings; requests alternate between them in rounds
so drift on a shared machine hits both alike. Prints the ratio of mean request times
(Acuplan / bare): 1.0 means the library endpoint costs nothing over returning bytes.

    .venv/bin/python -m bench.api_routines [--requests 3000] [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.server import acuplan_server, free_port, start


def get(port: int) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/api/routines")
    response = connection.getresponse()
    body = response.read()
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"status {response.status}")
    return body


def timed_round(port: int, requests: int, clients: int) -> float:
    """Mean wall time per request, with `clients` requests in flight at once."""
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for _ in pool.map(get, [port] * requests):
            pass
    return (time.perf_counter() - started) / requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="per round and server")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args()

    with (
        acuplan_server(args.workers, os.environ.get("DATABASE_URL")) as acuplan_port,
        tempfile.TemporaryDirectory() as tmp,
    ):
        body = get(acuplan_port)
        body_file = Path(tmp) / "body.json"
        body_file.write_bytes(body)
        bare_port = free_port()
        bare = start(
            "bench.bare_app:app", bare_port, args.workers, {"BENCH_BODY_FILE": str(body_file)}
        )
        try:
            assert get(bare_port) == body
            for port in (acuplan_port, bare_port):  # warm up
                timed_round(port, 200, args.clients)
            ours, base = [], []
            for _ in range(args.rounds):
                ours.append(timed_round(acuplan_port, args.requests, args.clients))
                base.append(timed_round(bare_port, args.requests, args.clients))
        finally:
            bare.terminate()
            bare.wait()

    ours_ms, base_ms = statistics.median(ours) * 1e3, statistics.median(base) * 1e3
    print(
        f"body: {len(body):,} bytes; {args.workers} gunicorn workers, {args.clients} "
        f"clients, {args.rounds} rounds of {args.requests} requests each"
    )
    print(f"acuplan GET /api/routines: {ours_ms:.3f} ms/request (median of rounds)")
    print(f"bare Flask, same body:     {base_ms:.3f} ms/request")
    print(f"ratio acuplan/bare: {ours_ms / base_ms:.2f}")


if __name__ == "__main__":
    main()
