"""Error responses: JSON with a message under /api/, the app's own pages elsewhere."""

from __future__ import annotations

from flask import Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES


def wants_json() -> bool:
    """Whether this request gets its errors as JSON (everything under /api/)."""
    return request.path.startswith("/api/")


def json_error(
    status: int,
    message: str,
    *,
    title: str | None = None,
    field: str | None = None,
    record: str | None = None,
    problems: list | None = None,
) -> Response:
    """The one JSON error body: {error, message} and, when known, what was wrong.

    `error` is the status's name unless a title is given; `field` names the bad input,
    `record` the synced record it was in, `problems` lists every problem found. Keys
    without a value are left out. The front end shows `message` and marks `field`.
    """
    body = {"error": title or HTTP_STATUS_CODES.get(status, "Error"), "message": message}
    details = {"field": field, "record": record, "problems": problems}
    body.update((key, value) for key, value in details.items() if value is not None)
    response = jsonify(body)
    response.status_code = status
    return response


def error_response(status: int, name: str, message: str):
    """An error as JSON for the API, as the app's error page for everything else."""
    if wants_json():
        return json_error(status, message, title=name)
    return render_template("errors/error.html", status=status, title=name, message=message), status


# The app's own words for a page, where the server's default text would otherwise show.
PAGE_WORDS = {
    404: (
        "We can’t find that page",
        "That address isn’t part of Acuplan, or the page has moved. "
        "Your plan, routines and journal are where you left them.",
    ),
    405: ("That didn’t work", "This page can’t do that. Go back and try again from the page."),
}


def register_errorhandlers(app) -> None:
    """Answer HTTP errors and crashes with error_response, never a stack trace."""

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        status = error.code or 500
        name, message = error.name, error.description or ""
        # Only werkzeug's stock description is replaced: a view's own message stays.
        if not wants_json() and status in PAGE_WORDS and message == type(error).description:
            name, message = PAGE_WORDS[status]
        return error_response(status, name, message)

    @app.errorhandler(InternalServerError)
    def handle_server_error(error: InternalServerError):
        app.logger.error("unhandled error on %s", request.path, exc_info=error.original_exception)
        return error_response(
            500,
            "Something went wrong",
            "Sorry, that did not work. Nothing you saved is lost; please try again in a moment.",
        )
