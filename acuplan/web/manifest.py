"""The web app manifest: the name, colours, icons and shortcuts of the installed app."""

from __future__ import annotations

from flask import url_for

THEME = "#1c6b64"
BACKGROUND = "#f6f4ef"
ICONS = (
    "icon-192.png",
    "icon-512.png",
    "maskable-192.png",
    "maskable-512.png",
    "apple-touch-icon.png",
    "icon.svg",
)


def _icon(name: str, size: int, purpose: str = "any") -> dict:
    return {
        "src": url_for("static", filename=f"icons/{name}"),
        "sizes": f"{size}x{size}",
        "type": "image/png",
        "purpose": purpose,
    }


def _screenshot(name: str, size: str, form_factor: str, label: str) -> dict:
    return {
        "src": url_for("static", filename=f"icons/{name}"),
        "sizes": size,
        "type": "image/png",
        "form_factor": form_factor,
        "label": label,
    }


def manifest_json() -> dict:
    """The manifest as JSON data (needs a request context for its URLs)."""
    return {
        "id": "/",
        "name": "Acuplan — acupressure mat routines",
        "short_name": "Acuplan",
        "description": "Short guided acupressure-mat routines with breathing, stretching "
        "and meditation. Works offline.",
        "start_url": "/?source=pwa",
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "lang": "en",
        "categories": ["health", "lifestyle"],
        "icons": [
            _icon("icon-192.png", 192),
            _icon("icon-512.png", 512),
            _icon("maskable-192.png", 192, "maskable"),
            _icon("maskable-512.png", 512, "maskable"),
        ],
        "shortcuts": [
            {
                "name": "Today's session",
                "short_name": "Today",
                "url": "/?source=shortcut",
                "icons": [_icon("icon-192.png", 192)],
            },
            {
                "name": "Journal",
                "short_name": "Journal",
                "url": "/journal?source=shortcut",
                "icons": [_icon("icon-192.png", 192)],
            },
            {
                "name": "Log a session",
                "short_name": "Log",
                "url": "/journal/entry?source=shortcut",
                "icons": [_icon("icon-192.png", 192)],
            },
        ],
        "screenshots": [
            _screenshot("screenshot-narrow.png", "390x844", "narrow", "The routine library"),
            _screenshot("screenshot-wide.png", "1280x800", "wide", "A routine, step by step"),
        ],
    }
