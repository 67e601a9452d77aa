"""Session and remember-me cookies that are Secure whenever the request came over HTTPS."""

from datetime import timedelta

from flask import current_app, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_login import LoginManager
from flask_login.utils import encode_cookie


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, Secure over HTTPS."""

    def get_cookie_secure(self, app) -> bool:
        """Secure when configured so or when this request came over HTTPS."""
        return bool(app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


class SecureLoginManager(LoginManager):
    """Flask-Login whose remember-me cookie follows the session cookie's attributes.

    Flask-Login reads REMEMBER_COOKIE_SECURE once from the config; here, as for the
    session cookie, an HTTPS request (ProxyFix included) makes the cookie Secure too.
    """

    def _set_cookie(self, response) -> None:
        config = current_app.config
        duration = session.get("_remember_seconds")
        duration = timedelta(seconds=duration) if duration else config["REMEMBER_COOKIE_DURATION"]
        response.set_cookie(
            config["REMEMBER_COOKIE_NAME"],
            value=encode_cookie(str(session["_user_id"])),
            max_age=duration,
            domain=config.get("REMEMBER_COOKIE_DOMAIN"),
            path=config.get("REMEMBER_COOKIE_PATH", "/"),
            secure=bool(config.get("REMEMBER_COOKIE_SECURE") or request.is_secure),
            httponly=config["REMEMBER_COOKIE_HTTPONLY"],
            samesite=config["REMEMBER_COOKIE_SAMESITE"],
        )
