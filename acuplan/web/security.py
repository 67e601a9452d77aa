"""Security headers on every response, set once here rather than per view."""

from __future__ import annotations

from flask import request

from ..assets import BuiltAssets


def register_security_headers(app, assets: BuiltAssets) -> None:
    """Send the CSP (allowing the assets' inline parts by hash) and the other headers."""
    hashes = assets.csp_hashes
    csp = "; ".join(
        (
            "default-src 'self'",
            f"script-src 'self' {hashes['script']}",
            f"style-src 'self' {hashes['style']}",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "manifest-src 'self'",
            "worker-src 'self'",
            "form-action 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        )
    )

    defaults = [
        ("Content-Security-Policy", csp),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]

    @app.after_request
    def set_security_headers(response):
        # One membership test and one extend: this runs on every response.
        if "Content-Security-Policy" not in response.headers:
            response.headers.extend(defaults)
        if request.is_secure:
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        return response
