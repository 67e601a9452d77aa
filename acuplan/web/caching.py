"""How long a browser or the service worker may keep each kind of response.

Every Cache-Control header the app sends is set here, by one of the named policies: a
view takes one with @cache_policy, a blueprint of personal data with cache_blueprint,
and an HTML page that names none is revalidated (register_caching).
"""

from __future__ import annotations

from enum import StrEnum
from functools import wraps

from flask import Blueprint, Flask, Response, make_response


class CachePolicy(StrEnum):
    """The Cache-Control value for each kind of response."""

    # A person's own data (their account, plan, journal, sync): never kept anywhere.
    PERSONAL = "no-store"
    # Shared and changing (pages, the library with its ETag, the manifest, the worker):
    # may be kept, but checked with the server before each use, so a deploy shows at once.
    REVALIDATE = "no-cache"
    # Content-hashed assets: a change gives a new URL, so the old one never goes stale.
    IMMUTABLE = "public, max-age=31536000, immutable"


def set_cache_policy(response: Response, policy: CachePolicy) -> Response:
    """Give the response this policy's Cache-Control header, replacing any other."""
    response.headers["Cache-Control"] = policy.value
    return response


def cache_policy(policy: CachePolicy):
    """Decorate a view so that every response it returns carries `policy`."""

    def decorate(view):
        @wraps(view)
        def with_policy(*args, **kwargs):
            return set_cache_policy(make_response(view(*args, **kwargs)), policy)

        return with_policy

    return decorate


def cache_blueprint(bp: Blueprint, policy: CachePolicy) -> None:
    """Every response of the blueprint's views, error responses included, carries `policy`."""
    bp.after_request(lambda response: set_cache_policy(response, policy))


def register_caching(app: Flask) -> None:
    """Revalidate every HTML page that names no policy of its own (error pages included)."""

    @app.after_request
    def revalidate_pages(response: Response) -> Response:
        if response.mimetype == "text/html" and "Cache-Control" not in response.headers:
            set_cache_policy(response, CachePolicy.REVALIDATE)
        return response
