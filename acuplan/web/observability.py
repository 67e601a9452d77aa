"""Request ids and log lines: one JSON object per line in production, readable text in
development, and errors logged with their traceback, never shown to the person."""

from __future__ import annotations

import json
import logging
import re
import uuid
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler

# A proxy's own id is kept if it looks like one; anything else gets a fresh id, so a
# client can't write arbitrary text into the logs through this header.
INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def request_id() -> str | None:
    """The current request's id (None outside a request)."""
    return g.get("request_id") if has_request_context() else None


class JSONFormatter(logging.Formatter):
    """A log record as one line of JSON, with the request it belongs to."""

    def format(self, record: logging.LogRecord) -> str:
        """The record's fields, its traceback as text, and the request's id and path."""
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if has_request_context():
            line |= {"request_id": request_id(), "method": request.method, "path": request.path}
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, separators=(",", ":"), ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """Flask's usual development lines, with the request id where there is one."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as text, prefixed by its request id."""
        text = super().format(record)
        rid = request_id()
        return f"[{rid}] {text}" if rid else text


def register_observability(app: Flask) -> None:
    """Give every request an id (sent back as X-Request-ID) and format the app's log lines.

    LOG_FORMAT chooses: "json" (the default, what a log collector reads) or "text" (the
    default under `flask run --debug`).
    """
    fmt = app.config.get("LOG_FORMAT") or ("text" if app.debug else "json")
    if fmt == "json":
        default_handler.setFormatter(JSONFormatter())
    else:
        default_handler.setFormatter(
            TextFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )

    @app.before_request
    def take_request_id() -> None:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if INCOMING_ID.match(incoming) else uuid.uuid4().hex

    @app.after_request
    def send_request_id(response):
        if "request_id" in g:
            response.headers["X-Request-ID"] = g.request_id
        return response
