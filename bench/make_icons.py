"""Render Acuplan's PNG icons (and, optionally, install-dialog screenshots) with Chromium.

Usage, from the project root:

    .venv/bin/python -m bench.make_icons
        Regenerates every icon PNG in static/icons/ from icon.svg and maskable.svg.

    .venv/bin/python -m bench.make_icons http://127.0.0.1:5077
        Also takes screenshot-narrow.png (/routines, 390x844) and screenshot-wide.png
        (/routines/evening-unwind, 1280x800) from an app already running at that URL,
        e.g. started with `.venv/bin/flask --app app run --port 5077`.

Rendering uses Debian's Chromium (/usr/bin/chromium) through Playwright: each SVG is
laid out at exactly the target size (viewport = size, device scale 1, no margins) and
screenshotted; icon.svg renders keep transparent corners, maskable ones are opaque.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import CHROMIUM_ARGS as ARGS

ICONS = Path(__file__).resolve().parent.parent / "static" / "icons"
CHROMIUM = "/usr/bin/chromium"

# (output file, source SVG, size in px, transparent background)
ICON_RENDERS = [
    ("icon-192.png", "icon.svg", 192, True),
    ("icon-512.png", "icon.svg", 512, True),
    ("favicon-32.png", "icon.svg", 32, True),
    ("maskable-192.png", "maskable.svg", 192, False),
    ("maskable-512.png", "maskable.svg", 512, False),
    ("apple-touch-icon.png", "maskable.svg", 180, False),
]

# (output file, path, viewport width, viewport height)
SCREENSHOTS = [
    ("screenshot-narrow.png", "/routines", 390, 844),
    ("screenshot-wide.png", "/routines/evening-unwind", 1280, 800),
]


def render_icons(browser):
    for out, src, size, transparent in ICON_RENDERS:
        svg = (ICONS / src).read_text()
        page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
        page.set_content(
            "<!doctype html><style>html,body{margin:0;padding:0;background:transparent}"
            f"svg{{display:block;width:{size}px;height:{size}px}}</style>{svg}"
        )
        page.screenshot(path=ICONS / out, omit_background=transparent)
        page.close()
        print(f"{out}: {size}x{size}, {(ICONS / out).stat().st_size} bytes")


def take_screenshots(browser, base_url):
    for out, path, width, height in SCREENSHOTS:
        page = browser.new_page(
            viewport={"width": width, "height": height},
            device_scale_factor=1,
            color_scheme="light",
        )
        page.goto(base_url.rstrip("/") + path, wait_until="networkidle")
        page.screenshot(path=ICONS / out)
        page.close()
        print(f"{out}: {width}x{height}, {(ICONS / out).stat().st_size} bytes")


def main():
    base_url = sys.argv[1] if len(sys.argv) > 1 else None
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            render_icons(browser)
            if base_url:
                take_screenshots(browser, base_url)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
