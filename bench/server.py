"""Serving the app under gunicorn on a loopback port, for the benches."""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(target: str, port: int, workers: int, env: dict) -> subprocess.Popen:
    """gunicorn serving `target`, once it answers GET /api/routines."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--preload",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        "--access-logfile",  # gunicorn.conf.py logs every request; a bench wants quiet
        "/dev/null",
        target,
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/api/routines")
            connection.getresponse().read()
            connection.close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"{target} did not start on port {port}")


@contextmanager
def acuplan_server(workers: int, database_url: str | None = None) -> Iterator[int]:
    """The app on a migrated database (a throwaway SQLite file unless given); yields the port."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            "DATABASE_URL": database_url or f"sqlite:///{tmp}/bench.sqlite3",
            "SECRET_KEY": "bench",
        }
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"],
            cwd=ROOT,
            env={**os.environ, **env},
            check=True,
            capture_output=True,
        )
        port = free_port()
        server = start("app:create_app()", port, workers, env)
        try:
            yield port
        finally:
            server.terminate()
            server.wait()
