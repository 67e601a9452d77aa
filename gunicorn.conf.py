"""gunicorn's settings for production: `gunicorn -c gunicorn.conf.py 'app:create_app()'`.

Every value can be changed from the environment (PORT, WEB_CONCURRENCY, LOG_FORMAT), so
the container, the entrypoint and a host without containers all run the same file.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from gunicorn.glogging import Logger

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
# Two per core and one more, gunicorn's own rule of thumb, capped: each worker holds the
# library and the built assets (~60 MB), and PostgreSQL connections are finite.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * (os.cpu_count() or 1) + 1, 12))
# Build the library and the assets once, before forking: workers share them, and a broken
# library stops the start instead of every worker failing on its own.
preload_app = True
timeout = 30
graceful_timeout = 20  # a deploy lets running requests (a sync push) finish
keepalive = 5
max_requests = 2000  # recycle workers now and then, with jitter so they don't all at once
max_requests_jitter = 200
if Path("/dev/shm").is_dir():
    worker_tmp_dir = "/dev/shm"  # heartbeat files off a container's overlay disk
# No control socket: it lives in the home folder, which a locked-down container may lack,
# and nothing here drives gunicorn through it.
control_socket_disable = True
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")


class JSONAccessLogger(Logger):
    """One line of JSON per request on stdout: what a log collector reads without a parser."""

    def access(self, resp, req, environ, request_time) -> None:
        """Write the request's line; the request id is the one the app sent back."""
        if not (self.cfg.accesslog or self.cfg.logconfig or self.cfg.syslog):
            return
        headers = {name.lower(): value for name, value in resp.headers or ()}
        line = {
            "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "status": resp.status_code,
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "bytes": getattr(resp, "sent", None),
            "request_id": headers.get("x-request-id"),
            "remote": environ.get("REMOTE_ADDR"),
        }
        self.access_log.info(json.dumps(line, separators=(",", ":")))


if os.environ.get("LOG_FORMAT", "json") == "json":
    logger_class = JSONAccessLogger
