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


def init_errors(app) -> None:
    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        return error_response(error.code or 500, error.name, error.description or "")

    @app.errorhandler(InternalServerError)
    def handle_server_error(error: InternalServerError):
        app.logger.error("unhandled error on %s", request.path, exc_info=error.original_exception)
        return error_response(
            500,
            "Something went wrong",
            "Sorry, that did not work. Nothing you saved is lost; please try again in a moment.",
        )
