"""How this project starts Chromium headless: one place for the tests and the benches."""

from __future__ import annotations

import os
import shutil

# Without the networking flags Chromium keeps calling home, and this machine's closed
# network refuses it many times a start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def find_chromium() -> str | None:
    """Debian's `chromium` on PATH, or the one the CHROMIUM environment variable names."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium")
