"""The session player's weight and its cost while it runs, in Chromium.

Bytes: the ES modules the player page loads beyond every page's shared ones, and the
player's section of the stylesheet, each minified as built and compressed as served (brotli
and gzip); against the routine list page's own modules as the baseline.

Main thread: the player on an active breathing step for `--seconds` of real time, measured
three ways in one window: Chromium's own counter of main-thread task time (CDP
Performance.getMetrics, TaskDuration), and a performance trace (the renderer main thread's
top-level tasks, summed, as wall time and as the thread's own CPU time, which other work on
a busy machine inflates far less); plus a long-task observer (tasks over 50 ms). For
comparison: the next step's get-ready (nothing moving), and the same page paused; and a 60 Hz
frame's 16.7 ms. The page is driven by taps, as on a phone.

    .venv/bin/python -m bench.player [--seconds 10]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from pathlib import Path

import brotli
import rcssmin
from playwright.sync_api import sync_playwright

from bench.server import acuplan_server
from tests.browser.chromium import CHROMIUM_ARGS, find_chromium

ROOT = Path(__file__).resolve().parent.parent
SLUG = "evening-unwind"  # opens with 66 s of coherent breathing (5.5 s in, 5.5 s out)
LONG_TASKS = """() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.longTasks.push(entry.duration);
  }).observe({ type: "longtask" });
}"""


ENCODINGS = ("identity", "gzip", "br")


def sizes(data: bytes) -> tuple[int, int, int]:
    """Bytes minified, gzipped and brotli'd, at the levels acuplan/web/compression.py serves."""
    return len(data), len(gzip.compress(data, 9, mtime=0)), len(brotli.compress(data, quality=11))


def page_modules(app, entry: str) -> set[str]:
    """Source names (js/x.js) of an entry module and everything it imports."""
    from acuplan.assets import built, module_name

    assets = built(app)
    names = {url: source for source, url in assets.urls.items()}
    preloads = assets.preloads[module_name(entry)]
    return {entry, *(names[url] for url in preloads)}


def byte_figures() -> list[tuple[str, int, tuple[int, int, int]]]:
    """(what, files, (minified, gzip, brotli)); JS compressed file by file, as it is served."""
    from acuplan.assets import built
    from app import create_app

    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assets = built(app)

    def served(sources: set[str]) -> tuple[int, int, int]:
        files = [assets.files[assets.urls[s].rsplit("/gen/", 1)[1]] for s in sources]
        return tuple(sum(len(f[encoding]) for f in files) for encoding in ENCODINGS)

    shared = page_modules(app, "js/app.js")
    player = page_modules(app, "js/pages/player.js") - shared
    listing = page_modules(app, "js/pages/routines.js") - shared
    source_css = (ROOT / "static" / "css" / "app.css").read_text()
    section = source_css[source_css.index("/* Player */") : source_css.index("/* End of Player */")]
    player_css = rcssmin.cssmin(section).encode()
    return [
        ("player JS (its own modules)", len(player), served(player)),
        ("player CSS (its section, inlined)", 1, sizes(player_css)),
        ("shared JS (every page)", len(shared), served(shared)),
        ("whole stylesheet (every page)", 1, sizes(assets.stylesheet.encode())),
        ("baseline: routine list JS", len(listing), served(listing)),
    ]


def main_thread_ms(page, cdp, seconds: float) -> dict:
    """Main-thread busy time per second over `seconds` of real time, two ways."""
    browser = page.context.browser
    page.evaluate(LONG_TASKS)
    before = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    browser.start_tracing(page=page, categories=["devtools.timeline", "toplevel"])
    started = time.perf_counter()
    time.sleep(seconds)
    trace = json.loads(browser.stop_tracing())
    elapsed = time.perf_counter() - started
    after = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    per_second = {
        name: (after[name] - before[name]) * 1000 / elapsed
        for name in ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
    }
    per_second["trace"] = traced_main_thread_ms(trace) / elapsed
    per_second["trace cpu"] = traced_main_thread_ms(trace, "tdur") / elapsed
    per_second["long tasks"] = len(page.evaluate("window.longTasks"))
    return per_second


def traced_main_thread_ms(trace: dict, field: str = "dur") -> float:
    """The renderer main thread's top-level tasks, summed, in ms: wall time (`dur`), or the
    thread's own CPU time (`tdur`), which a machine busy with other work inflates far less."""
    events = trace["traceEvents"]
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }
    tasks = re.compile(r"^(RunTask|ThreadControllerImpl::RunTask)$")
    total_us = sum(
        e.get(field, 0)
        for e in events
        if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X" and tasks.match(e["name"])
    )
    return total_us / 1000


def run_player(base_url: str, seconds: float) -> tuple[dict, dict, dict]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        # Taps, as on a phone: a mouse left over the page would have Chromium hit-test it
        # after every layout (fake mouse moves), a cost no phone pays.
        context = browser.new_context(
            viewport={"width": 390, "height": 844},
            device_scale_factor=2,
            is_mobile=True,
            has_touch=True,
        )
        page = context.new_page()
        page.goto(f"{base_url}/play?routine={SLUG}")
        page.locator("[data-start]").tap()
        page.locator("[data-skip]").tap()  # past the get-ready, onto the breathing
        page.locator("[data-pacer].pacer-breathing").wait_for()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        time.sleep(1)  # let the first frames and the audio start settle
        active = main_thread_ms(page, cdp, seconds)
        page.locator("[data-skip]").tap()  # to the next step's get-ready: nothing moving
        page.locator("[data-pacer]:not(.pacer-breathing)").wait_for()
        stretch = main_thread_ms(page, cdp, seconds)
        page.locator("[data-toggle]").tap()
        paused = main_thread_ms(page, cdp, seconds)
        browser.close()
    return active, stretch, paused


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="real time per window")
    args = parser.parse_args()

    rows = byte_figures()
    print(f"{'bytes':36} {'files':>5} {'minified':>9} {'gzip':>7} {'brotli':>7}")
    for name, files, (raw, gz, br) in rows:
        print(f"{name:36} {files:5} {raw:9,} {gz:7,} {br:7,}")
    player_br = rows[0][2][2] + rows[1][2][2]
    print(
        f"player JS+CSS brotli: {player_br:,} bytes = {player_br / rows[4][2][2]:.1f}× the "
        "routine list page's own JS"
    )

    with acuplan_server(1) as port:
        active, stretch, paused = run_player(f"http://127.0.0.1:{port}", args.seconds)

    print(f"\nmain thread, ms per second of real time ({args.seconds:g} s windows, {SLUG}):")
    print(f"{'':30} {'breathing':>10} {'stretch':>8} {'paused':>8}")
    for name, label in (
        ("TaskDuration", "all tasks (CDP TaskDuration)"),
        ("trace", "all tasks (trace, RunTask)"),
        ("trace cpu", "all tasks, thread CPU time"),
        ("ScriptDuration", "script"),
        ("RecalcStyleDuration", "style"),
        ("LayoutDuration", "layout"),
        ("long tasks", "long tasks (> 50 ms), count"),
    ):
        print(f"{label:30} {active[name]:10.2f} {stretch[name]:8.2f} {paused[name]:8.2f}")
    busy = active["trace cpu"]
    print(
        f"breathing step, thread CPU: {busy:.1f} ms/s = {busy / 10:.1f} % of the main thread, "
        f"{busy / 60:.2f} ms per frame at 60 Hz = {busy / 60 / (1000 / 60):.2f} of a frame's budget"
    )


if __name__ == "__main__":
    main()
