"""Error responses: JSON with a message under /api/, the app's own pages elsewhere."""

from __future__ import annotations

from flask import jsonify, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, name: str, message: str):
    if wants_json():
        response = jsonify(error=name, message=message)
        response.status_code = status
        return response
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


def init_errors(app) -> None:
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
